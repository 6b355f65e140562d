export * from './alerts';
export * from './client';
export * from './cursor';
export * from './keys';
export * from './metrics';
export * from './setup';
export * from './store';
export * from './table';
