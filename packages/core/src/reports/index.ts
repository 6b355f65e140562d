export * from './content';
export * from './jobs';
