import { useEffect, useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, type Key, t } from '../../i18n';
import { href } from '../../router';
import { Enum, Loading, Page, Problem } from '../../ui';
import { CsvButton } from '../workspace/shared';

type Hit = Schemas['SearchHit'];
type Result = Schemas['SearchResult'];
type Kind = Hit['kind'];

const GROUPS: [Kind, Key][] = [
  ['task', 'search.tasks'],
  ['request', 'search.requests'],
  ['incident', 'search.incidents'],
  ['message', 'search.messages'],
];
const THREAD: Record<NonNullable<Hit['thread']>['kind'], Key> = {
  channel: 'search.thread.channel',
  task: 'search.thread.task',
  incident: 'search.thread.incident',
  request: 'search.thread.request',
};
/** How long typing pauses before the server is asked. */
const DEBOUNCE_MS = 300;
const PAGE = 50;

/** What the server reads of a query, roughly: without invisible characters and outer spaces (it answers 400 below 2). */
const searchable = (q: string) => q.replace(/\p{Cf}/gu, '').trim();

/** A query as the page repeats it: a long one cut, so it never pushes the page sideways. */
const shorten = (q: string) => (q.length > 80 ? `${q.slice(0, 80)}…` : q);

/** Where a hit opens: its record, or for a message the record its thread is on (a channel's: the investigation). */
const linkOf = (h: Hit): string => {
  const on = h.kind === 'message' ? h.thread : { kind: h.kind, id: h.id };
  if (!on || on.kind === 'channel') return href('w', h.workspaceId);
  return href('w', h.workspaceId, `${on.kind}s`, on.id);
};

const page = (q: string, cursor?: string) =>
  ok(api().GET('/v1/search', { params: { query: { q, limit: PAGE, ...(cursor ? { cursor } : {}) } } })) as Promise<Result>;

/**
 * Search, asked of the server as the person types: the messages, tasks, data requests and
 * incidents of their investigations that they may see, grouped by kind, each a link to its
 * record. The server's evaluator has judged every record before it matched, counted or ranked
 * any, so nothing here shows (or counts) what the person may not see.
 */
export function Search({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const [query, setQuery] = useState(searchable(q));
  useEffect(() => {
    const id = setTimeout(() => setQuery(searchable(text)), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [text]);
  // The address follows the query (a link reopens it), without a history entry per keystroke.
  useEffect(() => {
    if (query.length >= 2) history.replaceState(history.state, '', `${location.pathname}${location.search}${href('search', query)}`);
  }, [query]);
  const provider = session.value?.me?.orgKind === 'provider';
  const first = usePoll(() => (query.length >= 2 && !provider ? page(query) : Promise.resolve(undefined)), [query, provider], false);
  const names = usePoll(
    async () =>
      provider
        ? new Map<string, string>()
        : new Map(
            (await all((cursor) => ok(api().GET('/v1/workspaces', { params: { query: { cursor } } })))).map((m) => [
              m.workspaceId,
              m.title,
            ]),
          ),
    [provider],
    false,
  );
  const [more, setMore] = useState<{ items: Hit[]; next?: string; error?: unknown }>({ items: [] });
  useEffect(() => setMore({ items: [] }), [first.data]);
  const result = first.data;
  const hits = result ? [...result.items, ...more.items] : [];
  const next = more.items.length > 0 || more.error ? more.next : result?.next;
  const loadMore = async () => {
    if (!next) return;
    try {
      const r = await page(query, next);
      setMore((m) => ({ items: [...m.items, ...r.items], ...(r.next ? { next: r.next } : {}) }));
    } catch (error) {
      setMore((m) => ({ ...m, next, error }));
    }
  };

  if (provider)
    return (
      <Page title={t('search.title')}>
        <p>{t('search.partner')}</p>
        <p>
          <a href={href('inbox')}>{t('nav.inbox')}</a>
        </p>
      </Page>
    );
  return (
    <Page title={t('search.title')}>
      <search>
        <form
          class="search-screen"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(searchable(text));
          }}
        >
          <label>
            {t('search.field')}
            <input
              type="search"
              name="q"
              value={text}
              placeholder={t('search.placeholder')}
              aria-describedby="search-hint"
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <p id="search-hint" class="muted">
            {t('search.hint')}
          </p>
        </form>
      </search>
      {query.length < 2 ? (
        <p>{t('search.short')}</p>
      ) : (
        <>
          <p aria-live="polite" class="search-for">
            {t('search.for', { q: shorten(query) })}
          </p>
          {first.loading && !result && <Loading />}
          <Problem error={first.error} />
          {result && hits.length === 0 && <p class="search-for">{t('search.none', { q: shorten(query) })}</p>}
          {result && hits.length > 0 && (
            <CsvButton
              name="search"
              label={t('search.csv')}
              header={[
                t('search.col.kind'),
                t('search.col.title'),
                t('search.col.excerpt'),
                t('search.col.workspace'),
                'TLP',
                t('search.col.match'),
                t('search.col.at'),
              ]}
              rows={() =>
                hits.map((h) => [
                  t(GROUPS.find(([k]) => k === h.kind)?.[1] ?? 'search.tasks'),
                  h.title,
                  h.excerpt,
                  names.data?.get(h.workspaceId) ?? '',
                  `TLP:${h.tlp}`,
                  enumLabel('searchMatch', h.match),
                  h.at,
                ])
              }
            />
          )}
          {result &&
            GROUPS.map(([kind, heading]) => {
              const mine = hits.filter((h) => h.kind === kind);
              if (mine.length === 0) return null;
              return (
                <section key={kind} aria-labelledby={`h-search-${kind}`}>
                  <h2 id={`h-search-${kind}`}>
                    {t(heading)} <span class="count">{result.counts[kind]}</span>
                  </h2>
                  <ul class="rows">
                    {mine.map((h) => (
                      <li class="row" key={`${h.workspaceId}-${h.id}`}>
                        <div class="row-main">
                          <a href={linkOf(h)}>{h.title}</a>
                          {h.excerpt !== h.title && <span class="excerpt">{h.excerpt}</span>}
                          <span class="meta">
                            {names.data?.get(h.workspaceId) && <>{names.data.get(h.workspaceId)} · </>}
                            {h.thread && <>{t(THREAD[h.thread.kind])} · </>}
                            <span lang="en">TLP:{h.tlp}</span> · <Enum field="searchMatch" value={h.match} /> ·{' '}
                            <time dateTime={h.at}>{fmtDateTime(h.at)}</time>
                          </span>
                        </div>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          <Problem error={more.error} />
          {next && (
            <button type="button" onClick={loadMore}>
              {t('search.more')}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
