import { render } from 'preact';
import { session } from './api/client';
import { App } from './app';
import { loadConfig, personaOf, resumeSession } from './auth';
import { applyLocale, locale, requestedLocale, setLocale } from './i18n';
import { keepPagerRegistered } from './pager-device';
import { go } from './router';

/** How long the first paint waits for the asked language's texts before it shows English (they replace it on arrival). */
const FIRST_PAINT_WAIT_MS = 5000;

// The first paint is in the asked language: the page stays empty while its texts load (beside the
// config), and falls back to English only if they fail or are slow to come.
const firstLanguage = Promise.race([
  setLocale(requestedLocale()).catch(() => {}),
  new Promise<void>((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS)),
]);
const [config] = await Promise.all([loadConfig(), firstLanguage]);
applyLocale(locale.value);
// A reload keeps the session: the console's backend names it by its HttpOnly cookie (locally and on AWS).
if (await resumeSession().catch(() => false)) {
  // Straight after signing in, a demo person lands on their own screen, as the persona picker did.
  const home = personaOf(session.value!.me.sub)?.home;
  if (home && (!location.hash || location.hash === '#/')) go(home);
}
render(<App config={config} />, document.getElementById('app')!);
// The service worker that makes this console a pager (notifications with an Acknowledge action).
keepPagerRegistered();
