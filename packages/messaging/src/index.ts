export * from './queues';
export * from './setup';
