import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { session } from './api/client';
import { beginSignIn, checkSession, type DeployedConfig, endedIdle, idle, signOut, stayActive } from './auth';
import { refreshTick } from './hooks';
import { applyLocale, LOCALES, type Locale, locale, setLocale, t } from './i18n';
import { lazyScreen } from './lazy';
import { go, href, route } from './router';
import { Today } from './screens/today';
import { useSignal } from './signal';
import { setTheme, theme } from './theme';
import { Enum, Page } from './ui';

// Every screen but Today is fetched when first shown (lazy.tsx).
const ContactsScreen = lazyScreen(() => import('./screens/contacts').then((m) => m.ContactsScreen));
const Deadlines = lazyScreen(() => import('./screens/deadlines').then((m) => m.Deadlines));
const CheckSelectors = lazyScreen(() => import('./screens/matching').then((m) => m.CheckSelectors));
const MyContactMethods = lazyScreen(() => import('./screens/me').then((m) => m.MyContactMethods));
const Pager = lazyScreen(() => import('./screens/pager').then((m) => m.Pager));
const Policy = lazyScreen(() => import('./screens/policy').then((m) => m.Policy));
const requests = () => import('./screens/requests');
const Inbox = lazyScreen(() => requests().then((m) => m.Inbox));
const PortalRequest = lazyScreen(() => requests().then((m) => m.PortalRequest));
const RequestDetail = lazyScreen(() => requests().then((m) => m.RequestDetail));
const Rosters = lazyScreen(() => import('./screens/rosters').then((m) => m.Rosters));
const Search = lazyScreen(() => import('./screens/search').then((m) => m.Search));
const takedowns = () => import('./screens/takedowns');
const TakedownAnswer = lazyScreen(() => takedowns().then((m) => m.TakedownAnswer));
const TakedownNew = lazyScreen(() => takedowns().then((m) => m.TakedownNew));
const TakedownView = lazyScreen(() => takedowns().then((m) => m.TakedownView));
const MyPerformance = lazyScreen(() => import('./screens/turnaround').then((m) => m.MyPerformance));
const Partners = lazyScreen(() => import('./screens/turnaround').then((m) => m.Partners));
const Users = lazyScreen(() => import('./screens/users').then((m) => m.Users));
const workspace = () => import('./screens/workspace');
const Workspace = lazyScreen(() => workspace().then((m) => m.Workspace));
const Workspaces = lazyScreen(() => workspace().then((m) => m.Workspaces));
const IncidentDetail = lazyScreen(() => import('./screens/workspace/incidents').then((m) => m.IncidentDetail));
const TaskDetail = lazyScreen(() => import('./screens/workspace/tasks').then((m) => m.TaskDetail));

function SignIn({ config }: { config: DeployedConfig | undefined }) {
  const endedAfter = useSignal(endedIdle);
  const providers = config?.providers ?? [];
  return (
    <Page title={t('signin.title')}>
      {endedAfter !== undefined && (
        <p class="notice" role="status">
          {t('session.ended', { minutes: endedAfter })}
        </p>
      )}
      <p>{t('signin.intro')}</p>
      <p>{t('session.idleRule', { minutes: IDLE_MINUTES })}</p>
      <button type="button" class="big" onClick={() => beginSignIn(locale.value)}>
        {t('signin.start')}
      </button>
      {providers.length > 0 && (
        <section aria-labelledby="h-agency-signin">
          <h2 id="h-agency-signin">{t('signin.agencies')}</h2>
          <ul class="personas">
            {providers.map((p) => (
              <li key={p.name}>
                <button type="button" onClick={() => beginSignIn(locale.value, p.name)}>
                  {t('signin.agency', { agency: p.label })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

/** The console's idle time: in minutes, as the session routes set it (a duty contact may choose a shift). */
const IDLE_MINUTES = 30;

/**
 * Keeps the session: reads it again every poll (a fresh token, the idle deadline), counts the
 * person's use of the console as activity, warns a minute before the idle time runs out, and lets a
 * duty contact stay signed in for a shift.
 */
function SessionKeeper({ me }: { me: { roles: string[] } }) {
  const i = useSignal(idle);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const every = Number(new URLSearchParams(location.search).get('poll')) || 15_000;
    const h = setInterval(
      () => {
        setNow(Date.now());
        void checkSession();
      },
      Math.max(250, every),
    );
    let last = Date.now();
    const active = () => {
      if (Date.now() - last < 60_000) return;
      last = Date.now();
      void stayActive();
    };
    window.addEventListener('pointerdown', active);
    window.addEventListener('keydown', active);
    return () => {
      clearInterval(h);
      window.removeEventListener('pointerdown', active);
      window.removeEventListener('keydown', active);
    };
  }, []);
  if (!i) return null;
  const warn = i.endsAt - now <= 60_000;
  return (
    <>
      {me.roles.includes('duty_contact') && (
        <footer class="session">
          <label>
            <input type="checkbox" checked={i.minutes > IDLE_MINUTES} onChange={(e) => void stayActive(e.currentTarget.checked)} />{' '}
            {t('session.shift')}
          </label>
        </footer>
      )}
      {warn && (
        <div class="idle-warning" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-body">
          <h2 id="idle-title">{t('session.warnTitle')}</h2>
          <p id="idle-body">
            {t('session.warnBody', { time: new Intl.DateTimeFormat(locale.value, { timeStyle: 'short' }).format(new Date(i.endsAt)) })}
          </p>
          <button type="button" class="big" onClick={() => void stayActive()}>
            {t('session.stay')}
          </button>
        </div>
      )}
    </>
  );
}

function Shortcuts({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const rows: [string, Parameters<typeof t>[0]][] = [
    ['?', 'keys.help'],
    ['g t', 'keys.today'],
    ['g w', 'keys.workspaces'],
    ['g i', 'keys.inbox'],
    ['g p', 'keys.pager'],
    ['g d', 'keys.deadlines'],
    ['/', 'keys.search'],
    ['r', 'keys.refresh'],
  ];
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="h-keys" class="sheet">
      <h2 id="h-keys">{t('keys.title')}</h2>
      <dl>
        {rows.map(([k, label]) => (
          <div key={k}>
            <dt>
              {k.split(' ').map((x) => (
                <kbd key={x}>{x}</kbd>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => ref.current?.close()}>
        {t('keys.close')}
      </button>
    </dialog>
  );
}

/** The header's search (agencies): the server finds what the caller may see by its words and selector values (screens/search). */
function SearchBox({ current }: { current: string }) {
  return (
    <search>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
          go('search', q);
        }}
      >
        <label>
          <span class="sr-only">{t('search.label')}</span>
          <input type="search" name="q" key={current} defaultValue={current} placeholder={t('search.placeholder')} />
        </label>
        <button type="submit" class="small">
          {t('search.go')}
        </button>
      </form>
    </search>
  );
}

function Screen({ parts }: { parts: string[] }) {
  const [a, b, c, d] = parts;
  if (a === 'workspaces') return <Workspaces />;
  if (a === 'w' && b) {
    if (c === 'tasks' && d) return <TaskDetail ws={b} id={d} />;
    if (c === 'requests' && d) return <RequestDetail ws={b} id={d} />;
    if (c === 'incidents' && d) return <IncidentDetail ws={b} id={d} />;
    if (c === 'takedowns') return d ? <TakedownView ws={b} id={d} /> : <TakedownNew ws={b} />;
    return <Workspace id={b} tab={c} />;
  }
  if (a === 'tasks') return <Today />;
  if (a === 'inbox' && b && c === 'takedown') return <TakedownAnswer id={b} />;
  if (a === 'inbox') return b ? <PortalRequest id={b} /> : <Inbox />;
  if (a === 'pager') return <Pager />;
  if (a === 'policy') return <Policy />;
  if (a === 'contacts') return <ContactsScreen />;
  if (a === 'rosters') return <Rosters />;
  if (a === 'matching') return <CheckSelectors />;
  if (a === 'partners') return <Partners />;
  if (a === 'performance') return <MyPerformance />;
  if (a === 'search') return <Search key={b ?? ''} q={b ?? ''} />;
  if (a === 'deadlines') return <Deadlines />;
  if (a === 'users') return <Users />;
  if (a === 'me') return <MyContactMethods />;
  return <Today />;
}

export function App({ config }: { config: DeployedConfig | undefined }) {
  const s = useSignal(session);
  const parts = useSignal(route);
  const lang = useSignal(locale);
  const scheme = useSignal(theme);
  const [help, setHelp] = useState(false);
  // Before the browser paints: the page never shows translated labels under the previous language's `lang`.
  useLayoutEffect(() => applyLocale(lang), [lang]);
  useEffect(() => {
    let prefix = '';
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || el.closest('input, textarea, select, [contenteditable]')) return;
      if (e.key === '?') {
        setHelp(true);
        return;
      }
      if (e.key === '/' && prefix !== 'g') {
        const box = document.querySelector<HTMLInputElement>('header input[type="search"]');
        if (box) {
          e.preventDefault();
          box.focus();
        }
        return;
      }
      if (prefix === 'g') {
        prefix = '';
        const to = { t: '', w: 'workspaces', i: 'inbox', p: 'pager', d: 'deadlines' }[e.key];
        if (to !== undefined) go(...(to ? [to] : []));
        return;
      }
      if (e.key === 'g') prefix = 'g';
      else if (e.key === 'r') refreshTick.value++;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Move focus to the new page's heading, so screen readers announce where a link went.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [parts.join('/')]);
  const me = s?.me;
  const agency = me?.orgKind !== 'provider';
  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skip')}
      </button>
      <header class="top">
        <a class="brand" href={href()}>
          {t('app.title')}
        </a>
        {me && (
          <nav aria-label={t('nav.main')}>
            <a href={href()} aria-current={parts.length === 0 ? 'page' : undefined}>
              {t('nav.today')}
            </a>
            {agency && (
              <a href={href('workspaces')} aria-current={parts[0] === 'workspaces' || parts[0] === 'w' ? 'page' : undefined}>
                {t('nav.workspaces')}
              </a>
            )}
            {!agency && (
              <a href={href('inbox')} aria-current={parts[0] === 'inbox' ? 'page' : undefined}>
                {t('nav.inbox')}
              </a>
            )}
            {agency && (
              <a href={href('partners')} aria-current={parts[0] === 'partners' ? 'page' : undefined}>
                {t('nav.partners')}
              </a>
            )}
            {!agency && (
              <a href={href('performance')} aria-current={parts[0] === 'performance' ? 'page' : undefined}>
                {t('nav.performance')}
              </a>
            )}
            <a href={href('deadlines')} aria-current={parts[0] === 'deadlines' ? 'page' : undefined}>
              {t('nav.deadlines')}
            </a>
            {me.roles.includes('duty_contact') && (
              <a href={href('pager')} aria-current={parts[0] === 'pager' ? 'page' : undefined}>
                {t('nav.pager')}
              </a>
            )}
            {agency && me.roles.includes('officer') && (
              <a href={href('matching')} aria-current={parts[0] === 'matching' ? 'page' : undefined}>
                {t('nav.matching')}
              </a>
            )}
            {agency && (
              <a href={href('contacts')} aria-current={parts[0] === 'contacts' ? 'page' : undefined}>
                {t('contacts.nav')}
              </a>
            )}
            {me.orgKind === 'agency' && (me.roles.includes('duty_contact') || me.roles.includes('policy_admin')) && (
              <a href={href('rosters')} aria-current={parts[0] === 'rosters' ? 'page' : undefined}>
                {t('rosters.nav')}
              </a>
            )}
            {me.roles.includes('policy_admin') && (
              <a href={href('policy')} aria-current={parts[0] === 'policy' ? 'page' : undefined}>
                {t('nav.policy')}
              </a>
            )}
            {me.roles.includes('admin') && (
              <a href={href('users')} aria-current={parts[0] === 'users' ? 'page' : undefined}>
                {t('nav.users')}
              </a>
            )}
            <a href={href('me')} aria-current={parts[0] === 'me' ? 'page' : undefined}>
              {t('me.nav')}
            </a>
          </nav>
        )}
        {me && agency && <SearchBox current={parts[0] === 'search' ? (parts[1] ?? '') : ''} />}
        <div class="who">
          <button
            type="button"
            class="small"
            aria-pressed={scheme === 'dark'}
            onClick={() => setTheme(scheme === 'dark' ? 'light' : 'dark')}
          >
            {t('theme.dark')}
          </button>
          <label>
            <span class="sr-only">{t('nav.language')}</span>
            <select
              value={lang}
              onChange={(e) => {
                const menu = e.currentTarget;
                // The menu goes back to the language shown if the chosen one's texts cannot be fetched.
                setLocale(menu.value as Locale).catch(() => {
                  menu.value = locale.value;
                });
              }}
              aria-label={t('nav.language')}
            >
              {Object.entries(LOCALES).map(([k, name]) => (
                <option key={k} value={k} lang={k}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {me && (
            <>
              <span class="me">
                {me.orgId} ·{' '}
                {me.roles.map((r, i) => (
                  <Fragment key={r}>
                    {i > 0 && ', '}
                    <Enum field="platformRole" value={r} />
                  </Fragment>
                ))}
              </span>
              <button type="button" class="secondary small" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {s ? <Screen parts={parts} /> : <SignIn config={config} />}
      </main>
      {s && !config && <SessionKeeper me={s.me} />}
      {help && <Shortcuts onClose={() => setHelp(false)} />}
    </>
  );
}
