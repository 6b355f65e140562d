export * from './content';
export * from './events';
export * from './jobs';
