import { en } from '../../../console/src/i18n/en';
import { th } from '../../../console/src/i18n/th';
import { vi } from '../../../console/src/i18n/vi';
import type { Persona } from '../../../console/src/personas';

/** The provider's pages speak the console's languages, with the console's own words (its dictionaries). */
const PAGE_LANGS = { en, vi, th } as const;
export type PageLang = keyof typeof PAGE_LANGS;
type Key = keyof typeof en;
const NATIVE: Record<PageLang, string> = { en: 'English', vi: 'Tiếng Việt', th: 'ไทย' };

export const pageLang = (...asked: (string | null | undefined)[]): PageLang => {
  for (const a of asked)
    for (const l of (a ?? '').split(/[\s,]+/)) {
      const base = l.split('-')[0]?.toLowerCase() ?? '';
      if (base in PAGE_LANGS) return base as PageLang;
    }
  return 'en';
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const text = (lang: PageLang, key: Key, vars: Record<string, string | number> = {}) =>
  (PAGE_LANGS[lang][key] ?? en[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

/**
 * The headers of every page the provider renders: no script at all, styles only from its own
 * stylesheet, forms only to itself, never framed.
 */
export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

const shell = (lang: PageLang, title: string, body: string, langHref?: (l: PageLang) => string) => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Taskforce</title>
<link rel="stylesheet" href="/oidc/assets/login.css">
</head>
<body>
<header class="top"><span class="brand">Taskforce</span>${
  langHref
    ? `<nav aria-label="${esc(text(lang, 'signin.language'))}"><ul>${(Object.keys(PAGE_LANGS) as PageLang[])
        .map((l) => `<li><a href="${esc(langHref(l))}" lang="${l}"${l === lang ? ' aria-current="true"' : ''}>${NATIVE[l]}</a></li>`)
        .join('')}</ul></nav>`
    : ''
}</header>
<main id="main">
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>`;

export interface LoginPage {
  lang: PageLang;
  uid: string;
  email?: string;
  problem?: { key: 'signin.bad' | 'signin.locked'; until?: string };
  /** With `--demo` only: the demo people, each one click away. */
  demo?: Persona[];
}

export const loginPage = (p: LoginPage): string => {
  const action = `/oidc/interaction/${encodeURIComponent(p.uid)}`;
  const problem = p.problem
    ? `<p class="problem" role="alert" id="problem">${esc(text(p.lang, p.problem.key, { time: p.problem.until?.slice(0, 16).replace('T', ' ') ?? '' }))}</p>`
    : '';
  const described = p.problem ? ' aria-describedby="problem lock-rule"' : ' aria-describedby="lock-rule"';
  const demo = p.demo?.length
    ? `<section aria-labelledby="demo-title">
<h2 id="demo-title">${esc(text(p.lang, 'signin.demoTitle'))}</h2>
<p>${esc(text(p.lang, 'signin.demoIntro'))}</p>
<form method="post" action="${action}/demo">
<input type="hidden" name="lang" value="${p.lang}">
<ul class="personas">${p.demo
        .map(
          (d) =>
            `<li><button type="submit" name="persona" value="${esc(d.id)}"><strong>${esc(text(p.lang, d.role))}</strong> <span>${esc(d.label)}</span></button></li>`,
        )
        .join('')}</ul>
</form>
</section>`
    : '';
  return shell(
    p.lang,
    text(p.lang, 'signin.title'),
    `${problem}
<form method="post" action="${action}/login" class="card">
<input type="hidden" name="lang" value="${p.lang}">
<label for="email">${esc(text(p.lang, 'signin.email'))}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${esc(p.email ?? '')}"${p.problem ? ' aria-invalid="true"' : ''}${described}>
<label for="password">${esc(text(p.lang, 'signin.password'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${p.problem ? ' aria-invalid="true"' : ''}>
<p class="hint" id="lock-rule">${esc(text(p.lang, 'signin.lockRule'))}</p>
<button type="submit" class="big">${esc(text(p.lang, 'signin.submit'))}</button>
</form>
${demo}`,
    (l) => `${action}?lang=${l}`,
  );
};

/** The second step for a user with TOTP enrolled: the one-time code from their authenticator app. */
export const otpPage = (p: {
  lang: PageLang;
  uid: string;
  problem?: { key: 'signin.otpBad' | 'signin.locked'; until?: string };
}): string => {
  const action = `/oidc/interaction/${encodeURIComponent(p.uid)}/otp`;
  const problem = p.problem
    ? `<p class="problem" role="alert" id="problem">${esc(text(p.lang, p.problem.key, { time: p.problem.until?.slice(0, 16).replace('T', ' ') ?? '' }))}</p>`
    : '';
  return shell(
    p.lang,
    text(p.lang, 'signin.otpTitle'),
    `${problem}
<form method="post" action="${action}" class="card">
<input type="hidden" name="lang" value="${p.lang}">
<label for="otp">${esc(text(p.lang, 'signin.otp'))}</label>
<input id="otp" name="otp" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required aria-describedby="otp-hint${p.problem ? ' problem' : ''}"${p.problem ? ' aria-invalid="true"' : ''}>
<p class="hint" id="otp-hint">${esc(text(p.lang, 'signin.otpHint'))}</p>
<button type="submit" class="big">${esc(text(p.lang, 'signin.otpSubmit'))}</button>
</form>
<p><a href="/oidc/interaction/${encodeURIComponent(p.uid)}/recovery?lang=${p.lang}">${esc(text(p.lang, 'mfa.useRecovery'))}</a></p>`,
  );
};

const problemOf = (lang: PageLang, problem?: { key: Key; until?: string }) =>
  problem
    ? `<p class="problem" role="alert" id="problem">${esc(text(lang, problem.key, { time: problem.until?.slice(0, 16).replace('T', ' ') ?? '' }))}</p>`
    : '';

/** A TOTP secret as a person types it: groups of four. */
const grouped = (secret: string) => secret.replace(/(.{4})(?!$)/g, '$1 ');

/**
 * Enrolment of the second factor after the password, for a user whose role needs one (or whose MFA
 * an administrator reset): the otpauth:// URI as a QR code (inline SVG drawn on the server), the
 * secret in text for typing by hand, and the first code, which proves the app has it.
 */
export const enrolPage = (p: {
  lang: PageLang;
  uid: string;
  account: string;
  secret: string;
  /** The otpauth:// URI, as a link too: on the phone that holds the app, a tap adds the account. */
  uri: string;
  qrSvg: string;
  problem?: boolean;
}): string => {
  const action = `/oidc/interaction/${encodeURIComponent(p.uid)}/enrol`;
  const svg = p.qrSvg.replace(
    '<svg ',
    `<svg role="img" aria-label="${esc(text(p.lang, 'mfa.qr', { account: p.account }))}" focusable="false" `,
  );
  return shell(
    p.lang,
    text(p.lang, 'mfa.enrolTitle'),
    `${problemOf(p.lang, p.problem ? { key: 'mfa.enrolBad' } : undefined)}
<p>${esc(text(p.lang, 'mfa.enrolIntro'))}</p>
<div class="qr">${svg}</div>
<p><a href="${esc(p.uri)}">${esc(text(p.lang, 'mfa.openApp'))}</a></p>
<form method="post" action="${action}" class="card">
<input type="hidden" name="lang" value="${p.lang}">
<label for="secret">${esc(text(p.lang, 'mfa.secret'))}</label>
<textarea id="secret" class="secret" readonly rows="2" autocomplete="off" spellcheck="false" aria-describedby="secret-hint">${esc(grouped(p.secret))}</textarea>
<p class="hint" id="secret-hint">${esc(text(p.lang, 'mfa.secretHint', { account: p.account }))}</p>
<label for="otp">${esc(text(p.lang, 'mfa.code'))}</label>
<input id="otp" name="otp" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required aria-describedby="otp-hint${p.problem ? ' problem' : ''}"${p.problem ? ' aria-invalid="true"' : ''}>
<p class="hint" id="otp-hint">${esc(text(p.lang, 'mfa.codeHint'))}</p>
<button type="submit" class="big">${esc(text(p.lang, 'mfa.enrolSubmit'))}</button>
</form>`,
  );
};

/** The recovery codes of a new enrolment, shown this once, printable; the button goes on with the sign-in. */
export const recoveryCodesPage = (p: { lang: PageLang; codes: string[]; continueTo: string }): string =>
  shell(
    p.lang,
    text(p.lang, 'mfa.codesTitle'),
    `<p>${esc(text(p.lang, 'mfa.codesIntro'))}</p>
<ol class="codes" aria-label="${esc(text(p.lang, 'mfa.codesList', { n: p.codes.length }))}">${p.codes.map((c) => `<li><code>${esc(c)}</code></li>`).join('')}</ol>
<p class="hint noprint">${esc(text(p.lang, 'mfa.codesPrint'))}</p>
<form method="get" action="${esc(p.continueTo)}" class="noprint"><button type="submit" class="big">${esc(text(p.lang, 'mfa.codesSaved'))}</button></form>`,
  );

/** Instead of the app's code: one of the recovery codes (reached from the one-time-code page). */
export const recoveryPage = (p: {
  lang: PageLang;
  uid: string;
  problem?: { key: 'mfa.recoveryBad' | 'signin.locked'; until?: string };
}): string => {
  const base = `/oidc/interaction/${encodeURIComponent(p.uid)}`;
  return shell(
    p.lang,
    text(p.lang, 'mfa.recoveryTitle'),
    `${problemOf(p.lang, p.problem)}
<form method="post" action="${base}/recovery" class="card">
<input type="hidden" name="lang" value="${p.lang}">
<label for="recovery">${esc(text(p.lang, 'mfa.recovery'))}</label>
<input id="recovery" name="recovery" maxlength="40" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="recovery-hint${p.problem ? ' problem' : ''}"${p.problem ? ' aria-invalid="true"' : ''}>
<p class="hint" id="recovery-hint">${esc(text(p.lang, 'mfa.recoveryHint'))}</p>
<button type="submit" class="big">${esc(text(p.lang, 'mfa.recoverySubmit'))}</button>
</form>
<p><a href="${base}/otp?lang=${p.lang}">${esc(text(p.lang, 'mfa.useApp'))}</a></p>`,
  );
};

/** After a recovery code: how many are left (none: ask an administrator to reset), then on with the sign-in. */
export const recoveryUsedPage = (p: { lang: PageLang; remaining: number; continueTo: string }): string =>
  shell(
    p.lang,
    text(p.lang, 'mfa.recoveryUsedTitle'),
    `<p${p.remaining === 0 ? ' class="problem" role="alert"' : ''}>${esc(text(p.lang, p.remaining === 0 ? 'mfa.recoveryNone' : 'mfa.recoveryLeft', { n: p.remaining }))}</p>
<form method="get" action="${esc(p.continueTo)}"><button type="submit" class="big">${esc(text(p.lang, 'mfa.continue'))}</button></form>`,
  );

/** A page that only says something (an expired sign-in, a signed-out user, an error), with a way back to the console. */
export const messagePage = (lang: PageLang, title: string, message: string): string =>
  shell(lang, title, `<p>${esc(message)}</p><p><a href="/">${esc(text(lang, 'app.title'))}</a></p>`);

/** The provider's pages' stylesheet: the console's colours and type, served from the provider itself. */
export const LOGIN_CSS = `:root{--bg:#f6f7f9;--fg:#14171c;--muted:#4a5260;--line:#c9ced6;--card:#fff;--accent:#0b4fa8;--accent-fg:#fff;--late:#a30015;--focus:#ff9f1c;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Thai",sans-serif;color:var(--fg);background:var(--bg);line-height:1.45}
*{box-sizing:border-box}body{margin:0}a{color:var(--accent)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#10233f;color:#fff}
header.top .brand{font-weight:700;font-size:1.1rem}header.top ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
header.top a{color:#fff}header.top a[aria-current]{font-weight:700;text-decoration-thickness:3px}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem;display:grid;gap:.4rem}
label{font-weight:600;margin-top:.4rem}input{font:inherit;padding:.55rem;border:1px solid var(--muted);border-radius:4px;min-height:44px}
.hint{color:var(--muted);font-size:.9rem;margin:.4rem 0}
button{font:inherit;cursor:pointer;border-radius:4px;min-height:44px}
button.big{background:var(--accent);color:var(--accent-fg);border:0;padding:.6rem 1rem;font-weight:600}
.problem{border-left:4px solid var(--late);background:#fff;padding:.6rem .8rem;color:var(--late);font-weight:600}
.personas{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem}
.personas button{width:100%;text-align:left;background:var(--card);border:1px solid var(--line);padding:.6rem .8rem;color:var(--fg)}
.personas button strong{display:block}.personas button span{color:var(--muted)}
.qr{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem;width:max-content;margin:1rem 0}.qr svg{display:block;width:13rem;height:13rem}
textarea.secret{font:1.05rem/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;letter-spacing:.06em;padding:.55rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg);resize:none;overflow:hidden}
.codes{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:1.05rem;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.8rem .8rem .8rem 2.6rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.3rem 1.5rem}
@media print{header.top,.noprint{display:none}body,main{background:#fff}.codes{border:0}}
`;
