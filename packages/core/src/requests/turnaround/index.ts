export * from './figures';
export * from './histogram';
export * from './hook';
export * from './model';
export * from './queries';
