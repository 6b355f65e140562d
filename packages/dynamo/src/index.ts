export * from './client';
export * from './cursor';
export * from './keys';
export * from './metrics';
export * from './store';
export * from './table';
