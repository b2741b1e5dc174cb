export * from './sentence';
export * from './tripFigures';
