export * from './console';
export * from './cursor-keys';
export * from './demo';
export * from './dev-keys';
export * from './engines';
export * from './paths';
export * from './runtime';
