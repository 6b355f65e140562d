import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@taskforce/core';
import { demoTotpCode, ensureConsoleBuilt, type Runtime, repoRoot, seedDemo, startRuntime } from '@taskforce/local';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { en } from '../src/i18n/en';
import { th } from '../src/i18n/th';
import { vi } from '../src/i18n/vi';
import { PERSONAS } from '../src/personas';

/** The languages every journey runs in. */
export const LANGS = ['en', 'vi', 'th'] as const;
export type Lang = (typeof LANGS)[number];
const DICTS = { en, vi, th } as const;

/**
 * What the screen says for `key` in `lang`, as a person reads it: journeys find buttons, links and
 * headings by these words (accessible names), never by CSS selectors, in every language.
 */
export const label = (lang: Lang, key: keyof typeof en, vars: Record<string, string | number> = {}): string =>
  (DICTS[lang][key] ?? en[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(repoRoot(), 'docs', 'screenshots');

/**
 * How long one step may wait for the state it needs (an element, a text, a response). Generous, so a
 * step that waits on state holds on a machine at a load of 8 or more; on an idle machine the state
 * arrives at once and nothing ever waits this long.
 */
const WAIT_MS = 60_000;
/** For `expect.poll`, whose own default (one second) is a fixed timeout in disguise. */
export const POLL = { timeout: WAIT_MS, interval: 100 } as const;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Console {
  rt: Runtime;
  clock: ManualClock;
  workspaceId: string;
  context: BrowserContext;
  /** Every axe run: the screen's name and how many rules passed. */
  axeRuns: { screen: string; passes: number; violations: number }[];
  newPage(): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * The console as a person meets it: freshly built, served by the local runtime (on the shared
 * test engines, its own table, free port, a manual clock the test moves) with the demo seeded,
 * in Debian's Chromium driven by playwright-core, with a fresh profile.
 */
export async function startConsole(): Promise<Console> {
  const out = mkdtempSync(join(tmpdir(), 'tf-console-'));
  const dir = ensureConsoleBuilt({ force: true, outDir: out });
  const clock = new ManualClock(new Date());
  const rt = await startRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    sqsEndpoint: inject('sqsEndpoint'),
    tableName: `console-${Math.random().toString(36).slice(2, 10)}`,
    clock,
    sweepEveryMs: false,
    relayEveryMs: 200,
    logger: { info() {}, warn() {}, error() {} },
    consoleDir: dir,
    demoSignIn: true,
  });
  const { workspaceId } = await seedDemo(rt.deps);
  const profile = mkdtempSync(join(tmpdir(), 'tf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const axeRuns: Console['axeRuns'] = [];
  return {
    rt,
    clock,
    workspaceId,
    context,
    axeRuns,
    async newPage() {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        // A CSP violation is reported on the console: the policy must never have to refuse anything of ours.
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      (page as Page & { errors: string[] }).errors = errors;
      return page;
    },
    async stop() {
      await context.close().catch(() => {});
      await rt.stop();
      rmSync(profile, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}

export const pageErrors = (page: Page): string[] => (page as Page & { errors: string[] }).errors;

/**
 * axe-core, loaded from node_modules into the page through the DevTools protocol (so the page's
 * own CSP stays strict), run against WCAG 2.2 AA; a violation fails the test with its rule and nodes.
 */
export async function checkA11y(c: Console, page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    (tags) =>
      // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script just defined
      (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  )) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
  c.axeRuns.push({ screen, passes: result.passes.length, violations: result.violations.length });
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${screen}`).toEqual([]);
}

/**
 * Signs `persona` in (a demo persona's id: lead, fbi, ccib, ccib-duty, dsi-duty, bank, exchange, tech,
 * auditor, policy) with the console in `lang`, and waits until the console shows it signed in.
 * It goes the way a person does: the console's "Continue to sign-in", then on the local OpenID
 * Connect provider's page (in the same language) the demo person's one-click button, which signs in
 * with that person's password through the real code flow. Each page (tab) has its own session.
 * Journeys sign in only through this, so the sign-in itself can change in one place.
 */
export async function signIn(c: Console, page: Page, persona: string, hash = '', lang: Lang = 'en'): Promise<void> {
  const who = PERSONAS.find((p) => p.id === persona);
  if (!who) throw new Error(`no demo persona ${persona}`);
  await page.goto(`${c.rt.url}/?poll=500${lang === 'en' ? '' : `&lang=${lang}`}${hash ? `#/${hash}` : ''}`);
  await page.getByRole('button', { name: label(lang, 'signin.start') }).click();
  await page.getByRole('button', { name: `${label(lang, who.role)} ${who.label}`, exact: true }).click();
  const signedIn = page.getByRole('button', { name: label(lang, 'nav.signOut') });
  const otp = page.getByLabel(label(lang, 'signin.otp'));
  await signedIn.or(otp).first().waitFor();
  if (await otp.isVisible()) {
    // A persona with a second factor: the code its authenticator app shows, on the runtime's clock. A
    // code's time step is spent once, so, as a person would, it waits for the next code (30 s).
    c.clock.advance(30_000);
    await otp.fill(demoTotpCode(c.clock.now()));
    await page.getByRole('button', { name: label(lang, 'signin.otpSubmit') }).click();
  }
  await signedIn.waitFor();
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The screens journeys use: a phone (duty contacts, responders) and a laptop (everyone else). */
export const PHONE = { width: 390, height: 844 } as const;
export const DESK = { width: 1366, height: 768 } as const;
type Viewport = { width: number; height: number };

/**
 * One console for a journey file, started before its tests and stopped after them: `open()` gives a
 * new page (its own session) at `viewport` or the size asked, and every page opened must end with
 * no page error and no CSP report. With `closeEachStep`, the pages a test opened close when it ends,
 * so they stop polling the runtime while later steps move the clock. Call it at the top of the
 * file's `describe`.
 */
export function useConsole(
  viewport?: Viewport,
  { closeEachStep = false }: { closeEachStep?: boolean } = {},
): { readonly c: Console; open(size?: Viewport): Promise<Page> } {
  let c: Console | undefined;
  const pages: Page[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    c = await startConsole();
  }, 300_000);
  if (closeEachStep)
    afterEach(async () => {
      for (const p of pages) errors.push(...pageErrors(p));
      await Promise.all(pages.splice(0).map((p) => p.close().catch(() => {})));
    }, 120_000);
  afterAll(async () => {
    for (const p of pages) errors.push(...pageErrors(p));
    expect(errors, 'page errors and CSP reports').toEqual([]);
    await c?.stop();
  }, 120_000);
  return {
    get c() {
      if (!c) throw new Error('the console has not started');
      return c;
    },
    async open(size = viewport) {
      if (!c) throw new Error('the console has not started');
      const p = await c.newPage();
      if (size) await p.setViewportSize(size);
      pages.push(p);
      return p;
    },
  };
}

type Vars = Record<string, string | number>;
/** The words of one language, and the controls a journey finds by them (exact accessible names). */
export function wordsOf(lang: Lang) {
  const L = (key: keyof typeof en, vars: Vars = {}) => label(lang, key, vars);
  return {
    L,
    button: (p: Page | Locator, key: keyof typeof en, vars: Vars = {}) => p.getByRole('button', { name: L(key, vars), exact: true }),
    field: (p: Page | Locator, key: keyof typeof en, vars: Vars = {}) => p.getByLabel(L(key, vars), { exact: true }),
  };
}

/**
 * The lead fills the workspace's new-request form (on the workspace's requests screen) with a
 * request of `type` to `to`, described as `what`, with one selector when `selector` is given or
 * those `selectors` fills in; `beforeSend` looks at the filled form; then sends it and waits for
 * the request's page.
 */
export async function sendRequest(
  page: Page,
  lang: Lang,
  o: {
    type: string;
    to: string;
    what: string;
    basis?: string;
    selector?: { type: string; value: string };
    selectors?: (form: Locator) => Promise<void>;
    beforeSend?: () => Promise<void>;
  },
): Promise<void> {
  const { L, button, field } = wordsOf(lang);
  const form = page.getByRole('form', { name: L('req.new') });
  await field(form, 'req.type').selectOption(o.type);
  await field(form, 'req.provider').selectOption(o.to);
  if (o.basis) await field(form, 'frz.basis').selectOption(o.basis);
  await field(form, 'req.description').fill(o.what);
  if (o.selector) {
    await field(form, 'req.selType', { n: 1 }).selectOption(o.selector.type);
    await field(form, 'req.selValue', { n: 1 }).fill(o.selector.value);
  }
  await o.selectors?.(form);
  await o.beforeSend?.();
  await button(form, 'req.send').click();
  await page.getByRole('heading', { name: o.what, exact: true }).waitFor();
}

/**
 * What makes the page scroll sideways (content wider than the screen), as the elements that stick
 * out past its right edge, outermost first: on a phone there must be none.
 */
export const sidewaysOverflow = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} «${(el.textContent ?? '').trim().slice(0, 40)}»`);
  });
