export * from './deps';
export * from './memory-store';
export * from './store-contract';
