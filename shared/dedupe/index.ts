export * from './groups';
export * from './hostName';
