import { type App, type AppOptions, appServing } from './app';
import { ALL_ROUTES } from './routes/all';

/** The app serving every route in one process: the local runtime's, and the tests'. On AWS each function serves its own set. */
export const createApp = (options: AppOptions): App => appServing(options, ALL_ROUTES);
