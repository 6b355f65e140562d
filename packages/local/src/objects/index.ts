export { type ObjectEngine, startObjectEngine } from './server';
