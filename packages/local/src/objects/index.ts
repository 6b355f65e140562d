export { type ObjectEngine, type ObjectEngineOptions, startObjectEngine } from './server';
