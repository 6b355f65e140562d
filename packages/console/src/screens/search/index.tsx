import { usePoll } from '../../hooks';
import { type Key, t } from '../../i18n';
import { href } from '../../router';
import { Loading, Page, Problem, Status } from '../../ui';
import { loadVisible, matches, titleOf, type Visible } from './records';

const GROUPS: [Visible['kind'], Key][] = [
  ['workspace', 'search.workspaces'],
  ['task', 'search.tasks'],
  ['request', 'search.requests'],
  ['incident', 'search.incidents'],
];

/**
 * Search results: the workspaces, tasks, data requests and incidents the caller may see whose title,
 * id or a selector value holds the words asked for, grouped by kind, each a link to the record.
 */
export function Search({ q }: { q: string }) {
  const r = usePoll(loadVisible, [], false);
  const query = q.trim();
  const hits = r.data ? matches(r.data, query) : [];
  return (
    <Page title={t('search.title')}>
      {query.length < 2 ? (
        <p>{t('search.short')}</p>
      ) : (
        <>
          <p aria-live="polite">{t('search.for', { q: query })}</p>
          {r.loading && !r.data && <Loading />}
          <Problem error={r.error} />
          {r.data && hits.length === 0 && <p>{t('search.none', { q: query })}</p>}
          {GROUPS.map(([kind, heading]) => {
            const mine = hits.filter((h) => h.record.kind === kind);
            if (mine.length === 0) return null;
            return (
              <section key={kind} aria-labelledby={`h-search-${kind}`}>
                <h2 id={`h-search-${kind}`}>
                  {t(heading)} <span class="count">{mine.length}</span>
                </h2>
                <ul class="rows">
                  {mine.map(({ record, selector }) => (
                    <li class="row" key={`${kind}-${record.id}`}>
                      <div class="row-main">
                        <a href={href(...record.to)}>{titleOf(record)}</a>
                        <span class="meta">
                          {record.workspaceTitle && <>{record.workspaceTitle} · </>}
                          <Status value={record.status} />
                          {selector && (
                            <>
                              {' · '}
                              {t('search.matchedSelector')} <code>{selector}</code>
                            </>
                          )}
                        </span>
                      </div>
                      <code class="meta">{record.id}</code>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </Page>
  );
}
