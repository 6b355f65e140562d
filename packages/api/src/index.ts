export * from './app';
export * from './auth';
export * from './cursor';
export * from './docs';
export * from './http';
export * from './log';
export * from './openapi';
export * from './problem';
// The console's session routes are `@taskforce/api/session`: a Lambda loads them only on a sign-in.
