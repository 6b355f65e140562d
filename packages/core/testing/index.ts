export * from './deps';
export * from './memory-store';
