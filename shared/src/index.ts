export * from './health';
export * from './languages';
export * from './problem';
