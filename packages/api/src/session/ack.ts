import { ACK_PATH, type AckLinkDeps, type AckLinkOutcome, type AckLinkView, acknowledgeFromLink, viewAckLink } from '@taskforce/core';
import type { Context, Hono } from 'hono';
import type { en } from '../../../console/src/i18n/en';

/**
 * The acknowledge link's page, `/ack/<token>` on the console's origin (as the sign-in's `/auth/*`):
 * a page rendered here, with no script at all, that a duty contact opens from an e-mail, an SMS or
 * a push notification on a phone, without signing in (core: incidents/ack-link.ts).
 * - GET shows what needs them (severity, ladder level, country, a short reference; never the
 *   summary or any marked content) and ONE button, a form that POSTs to the same address: opening
 *   the link (a mail scanner's prefetch) changes nothing;
 * - POST acknowledges as the person paged and says so, or says who already did (by organisation),
 *   and offers "Open the incident" (the console's sign-in, back to the incident);
 * - any token that does not parse, names no page, has a wrong secret, was used or expired, or
 *   whose person may no longer acknowledge: one and the same "This link no longer works" page and
 *   status (404);
 * - every request counts against its client address (a fixed window in the table) before the
 *   token is looked at: past the limit a 429 page, whatever the token.
 * The texts are the console's (its dictionaries, `ack.*`), in the language `?lang` or the
 * browser's Accept-Language asks for.
 */

type Dict = typeof en;
type Key = keyof Dict;
/** The console's dictionaries, each loaded on the first page in its language (the sign-in's cold start does not carry them). */
const LANGS = {
  en: () => import('../../../console/src/i18n/en').then((m) => m.en as Dict),
  vi: () => import('../../../console/src/i18n/vi').then((m) => m.vi as Dict),
  th: () => import('../../../console/src/i18n/th').then((m) => m.th as Dict),
} as const;
type Lang = keyof typeof LANGS;
const loaded = new Map<Lang, Promise<Dict>>();
const dictOf = (lang: Lang) => {
  let d = loaded.get(lang);
  if (!d) {
    d = LANGS[lang]().catch((err: unknown) => {
      loaded.delete(lang);
      throw err;
    });
    loaded.set(lang, d);
  }
  return d;
};

/** What one page says, in one language (English where a word is missing). */
interface Words {
  lang: Lang;
  t(key: Key, vars?: Record<string, string | number>): string;
}
const wordsOf = async (lang: Lang): Promise<Words> => {
  const [dict, fallback] = await Promise.all([dictOf(lang), dictOf('en')]);
  return {
    lang,
    t: (key, vars = {}) => (dict[key] ?? fallback[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)),
  };
};
const NATIVE: Record<Lang, string> = { en: 'English', vi: 'Tiếng Việt', th: 'ไทย' };

/** At most this many requests to `/ack/*` per client address and window (GET and POST together). */
const ACK_RATE = { max: 30, windowSeconds: 60 } as const;

/** A fixed-window counter (DynamoRateCounter in the table): the count of `key` in the current window, this hit included. */
export interface AckRateLimiter {
  hit(key: string, windowSeconds: number): Promise<number>;
}

export interface AckRoutesOptions {
  deps: AckLinkDeps;
  limiter: AckRateLimiter;
  /** The client's address (locally the socket's; on AWS what CloudFront saw, see functions/src/auth.ts). */
  clientAddress: (c: Context) => string;
  rate?: { max: number; windowSeconds: number };
  /** What went wrong when the platform did not answer (never the token). */
  log?: (message: string, data: Record<string, unknown>) => void;
}

const ACK_ASSETS = '/ack/assets/ack.css';

/** No script at all, styles only from here, forms only to here, never framed, and no Referer: the token is in the address. */
export const ACK_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
} as const;

const langOf = (...asked: (string | null | undefined)[]): Lang => {
  for (const a of asked)
    for (const l of (a ?? '').split(/[\s,;]+/)) {
      const base = l.split('-')[0]?.toLowerCase() ?? '';
      if (Object.hasOwn(LANGS, base)) return base as Lang;
    }
  return 'en';
};

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const shell = (w: Words, title: string, body: string, langHref?: (l: Lang) => string) => `<!doctype html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · Taskforce</title>
<link rel="stylesheet" href="${ACK_ASSETS}">
</head>
<body>
<header class="top"><span class="brand">Taskforce</span>${
  langHref
    ? `<nav aria-label="${esc(w.t('signin.language'))}"><ul>${(Object.keys(LANGS) as Lang[])
        .map((l) => `<li><a href="${esc(langHref(l))}" lang="${l}"${l === w.lang ? ' aria-current="true"' : ''}>${NATIVE[l]}</a></li>`)
        .join('')}</ul></nav>`
    : ''
}</header>
<main id="main">
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>`;

const utc = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const refLine = (w: Words, shortRef: string) => `<p class="ref">${esc(w.t('ack.ref'))}: <strong>${esc(shortRef)}</strong></p>`;

/** The console's sign-in, coming back to the incident. */
const openIncident = (w: Words, s: { workspaceId: string; incidentId: string }) => {
  const href = `/auth/login?${new URLSearchParams({ lang: w.lang, return: `/#/w/${s.workspaceId}/incidents/${s.incidentId}` })}`;
  return `<p><a class="button" href="${esc(href)}">${esc(w.t('ack.open'))}</a></p>
<p class="hint">${esc(w.t('ack.openHint'))}</p>`;
};

const deadPage = (w: Words) =>
  shell(
    w,
    w.t('ack.deadTitle'),
    `<p>${esc(w.t('ack.dead'))}</p>
<p><a class="button" href="/">${esc(w.t('ack.console'))}</a></p>`,
  );

const viewPage = (w: Words, token: string, v: Exclude<AckLinkView, { state: 'dead' }>) => {
  const here = (l: Lang) => `${ACK_PATH}${token}?lang=${l}`;
  const severity = w.t(`enum.severity.${v.severity}` as Key);
  const level = `<p class="level">${esc(w.t('ack.level', { level: v.level, country: v.country }))}</p>`;
  if (v.state === 'already')
    return shell(
      w,
      w.t('ack.alreadyTitle'),
      `<p>${esc(w.t('ack.already', { org: v.byOrgName, country: v.country }))}</p>
${level}
${refLine(w, v.shortRef)}
${openIncident(w, v)}`,
      here,
    );
  return shell(
    w,
    w.t('ack.needsYou', { severity }),
    `<div class="card">
${level}
${refLine(w, v.shortRef)}
<form method="post" action="${esc(here(w.lang))}">
<p class="hint" id="ack-hint">${esc(w.t('ack.buttonHint', { country: v.country }))}</p>
<button type="submit" class="big" aria-describedby="ack-hint">${esc(w.t('ack.button'))}</button>
</form>
</div>
<p class="hint">${esc(w.t('ack.until', { time: '\u0000' })).replace('\u0000', `<time class="nowrap" datetime="${esc(v.expiresAt)}">${esc(utc(v.expiresAt))}</time>`)}</p>`,
    here,
  );
};

const outcomePage = (w: Words, o: Exclude<AckLinkOutcome, { state: 'dead' }>) => {
  const level = `<p class="level">${esc(w.t('ack.level', { level: o.level, country: o.country }))}</p>`;
  return o.state === 'acknowledged'
    ? shell(
        w,
        w.t('ack.doneTitle'),
        `<p class="done" role="status">${esc(w.t('ack.done', { country: o.country }))}</p>
${level}
${refLine(w, o.shortRef)}
${openIncident(w, o)}`,
      )
    : shell(
        w,
        w.t('ack.alreadyTitle'),
        `<p role="status">${esc(w.t('ack.already', { org: o.byOrgName, country: o.country }))}</p>
${level}
${refLine(w, o.shortRef)}
${openIncident(w, o)}`,
      );
};

/** The page's stylesheet: the console's colours and type, large targets for a thumb. */
const ACK_CSS = `:root{--bg:#f6f7f9;--fg:#14171c;--muted:#4a5260;--line:#c9ced6;--card:#fff;--accent:#0b4fa8;--accent-fg:#fff;--ok:#0a6b2d;--focus:#ff9f1c;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Thai",sans-serif;color:var(--fg);background:var(--bg);line-height:1.45}
*{box-sizing:border-box}body{margin:0}a{color:var(--accent)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#10233f;color:#fff}
header.top .brand{font-weight:700;font-size:1.1rem}header.top ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
header.top a{color:#fff;display:inline-block;padding:.4rem 0}header.top a[aria-current]{font-weight:700;text-decoration-thickness:3px}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;line-height:1.25}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem}
.level{font-size:1.1rem;font-weight:600;margin:0 0 .5rem}.ref{margin:0 0 1rem}.ref strong{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.05em}
.hint{color:var(--muted);font-size:.95rem;margin:.4rem 0}.nowrap{white-space:nowrap}.done{border-left:4px solid var(--ok);background:#fff;padding:.6rem .8rem;font-weight:600}
form{margin:0}button{font:inherit;cursor:pointer;border-radius:6px;min-height:48px}
button.big,a.button{display:block;width:100%;text-align:center;background:var(--accent);color:var(--accent-fg);border:0;padding:.8rem 1rem;font-weight:700;font-size:1.15rem;border-radius:6px;text-decoration:none;min-height:48px}
`;

/** The acknowledge link's routes, mounted on an app before any authentication (they take no token). */
export function ackRoutes(opts: AckRoutesOptions) {
  const rate = opts.rate ?? ACK_RATE;
  // biome-ignore lint/suspicious/noExplicitAny: mounted on the API app or the auth function's, whatever their variables
  return (app: Hono<any>) => {
    app.get(ACK_ASSETS, (c) =>
      c.body(ACK_CSS, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      }),
    );
    const page = (c: Context, status: 200 | 404 | 429 | 503, html: string, extra: Record<string, string> = {}) =>
      c.body(html, status, { ...ACK_HEADERS, ...extra });

    const handle = async (c: Context, act: 'view' | 'use') => {
      const lang = langOf(c.req.query('lang'), c.req.header('accept-language'));
      let w: Words = { lang: 'en', t: (key) => key };
      // Before the token is looked at: the limit says nothing about whether a token exists.
      try {
        w = await wordsOf(lang);
        if ((await opts.limiter.hit(`ack:${opts.clientAddress(c)}`, rate.windowSeconds)) > rate.max)
          return page(c, 429, shell(w, w.t('ack.limitTitle'), `<p>${esc(w.t('ack.limit'))}</p>`), {
            'Retry-After': String(rate.windowSeconds),
          });
        const token = c.req.path.slice(ACK_PATH.length);
        if (act === 'view') {
          const v = await viewAckLink(opts.deps, token);
          return v.state === 'dead' ? page(c, 404, deadPage(w)) : page(c, 200, viewPage(w, token, v));
        }
        const o = await acknowledgeFromLink(opts.deps, token);
        return o.state === 'dead' ? page(c, 404, deadPage(w)) : page(c, 200, outcomePage(w, o));
      } catch (err) {
        // The table or the directory did not answer: worth another try, never a 500.
        opts.log?.('acknowledge link failed', { error: err instanceof Error ? err.name : 'unknown' });
        return page(c, 503, shell(w, w.t('ack.downTitle'), `<p>${esc(w.t('ack.down'))}</p>`), { 'Retry-After': '5' });
      }
    };
    app.get(`${ACK_PATH}*`, (c) => handle(c, 'view'));
    app.post(`${ACK_PATH}*`, (c) => handle(c, 'use'));
  };
}
