export * from './handlers';
export * from './queues';
export * from './setup';
