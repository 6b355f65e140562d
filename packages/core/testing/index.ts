export * from './audit';
export * from './channels-contract';
export * from './deps';
export * from './memory-records';
export * from './memory-store';
export * from './principals';
export * from './store-contract';
export * from './users-contract';
