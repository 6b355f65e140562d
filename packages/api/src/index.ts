export * from './app';
export * from './auth';
export * from './cursor';
export * from './docs';
export * from './http';
export * from './log';
export * from './openapi';
export * from './problem';
