import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini loads no message locale (every issue would read "Invalid input"), and the API hands
 * zod's messages to callers, so core registers English once, as classic zod does by itself:
 * only when no locale is set yet, so one configured explicitly still wins. English alone is
 * imported, never the `locales` namespace of every language, so the bundles stay small.
 * Imported first by the package index, before anything can parse.
 */
if (!z.config().localeError) z.config(en());
