export * from './protocol';
export * from './size';
export * from './sniff';
