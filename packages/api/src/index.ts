export * from './app';
export * from './app-all';
export * from './auth';
export * from './cursor';
export * from './docs';
export * from './http';
export * from './log';
export * from './openapi';
export * from './problem';
// Each function's route set is a module of its own (`@taskforce/api/investigation`, `/people`): a bundle holds only its own.
export type { RouteSet } from './routes/set';
// The console's session routes are `@taskforce/api/session`: a Lambda loads them only on a sign-in.
