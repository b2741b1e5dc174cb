export * from './counted';
export * from './namedIds';
export { calendarDays } from './reportLookup';
export * from './rollup';
export * from './sentence';
export * from './tripFigures';
export * from './tripReport';
