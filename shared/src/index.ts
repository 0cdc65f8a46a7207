export * from './attachments';
export * from './health';
export * from './languages';
export * from './problem';
