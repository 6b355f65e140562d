import { applyFilter, FilterBar, useFilter } from '../../filters';
import { now, usePoll } from '../../hooks';
import { enumLabel, type Key, locale, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, Page, Problem, Status } from '../../ui';
import { loadVisible, titleOf, type Visible } from '../search/records';
import { CsvButton } from '../workspace/shared';

const KIND: Record<Exclude<Visible['kind'], 'workspace'>, Key> = {
  task: 'deadlines.kind.task',
  request: 'deadlines.kind.request',
  incident: 'deadlines.kind.incident',
};

interface Entry {
  record: Visible;
  at: string;
  paused?: boolean;
  note?: string;
}

/**
 * Every clock the caller may see, in one timeline: tasks due, the legal clocks of data requests, the
 * acknowledgement deadline of each alerted country of an incident. What is overdue comes first (oldest
 * first), then each day in turn.
 */
export function Deadlines() {
  const r = usePoll(loadVisible, [], false);
  const n = useSignal(now);
  const lang = useSignal(locale);
  const [filter, setFilter] = useFilter();
  const every: Entry[] = (r.data ?? [])
    .filter((x) => x.kind !== 'workspace')
    .flatMap((record) => record.clocks.map((c) => ({ record, ...c })))
    .sort((a, b) => a.at.localeCompare(b.at));
  const statuses = [...new Set(every.map((e) => e.record.status))];
  const entries = applyFilter(
    every,
    filter,
    (e) => `${titleOf(e.record)} ${e.record.workspaceTitle ?? ''} ${e.note ?? ''}`,
    (e) => e.record.status,
  );
  const overdue = entries.filter((e) => !e.paused && new Date(e.at).getTime() < n);
  const dayKey = (iso: string) => new Date(iso).toLocaleDateString('en-CA');
  const days = new Map<string, Entry[]>();
  for (const e of entries) {
    if (overdue.includes(e)) continue;
    const k = dayKey(e.at);
    days.set(k, [...(days.get(k) ?? []), e]);
  }
  const today = dayKey(new Date(n).toISOString());
  const dayTitle = (k: string) =>
    k === today
      ? t('deadlines.today')
      : new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
          new Date(`${k}T12:00:00`),
        );
  const group = (id: string, title: string, list: Entry[], late = false) => (
    <section class={`day${late ? ' overdue' : ''}`} key={id} aria-labelledby={`h-day-${id}`}>
      <h2 id={`h-day-${id}`}>
        {title} <span class="count">{list.length}</span>
      </h2>
      <ul class="rows">
        {list.map((e) => (
          <li class="row" key={`${e.record.kind}-${e.record.id}-${e.note ?? ''}`}>
            <div class="row-main">
              <span class="meta">
                {t(KIND[e.record.kind as keyof typeof KIND])}
                {e.note && <> · {e.note}</>}
              </span>
              <a href={href(...e.record.to)}>{titleOf(e.record)}</a>
              <span class="meta">
                {e.record.workspaceTitle && <>{t('deadlines.in', { ws: e.record.workspaceTitle })} · </>}
                <Status value={e.record.status} />
              </span>
            </div>
            <Countdown iso={e.at} paused={e.paused} />
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <Page title={t('deadlines.title')}>
      <p class="muted">{t('deadlines.intro')}</p>
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error} />
      {r.data && every.length > 0 && (
        <FilterBar list="deadlines" statuses={statuses} filter={filter} onChange={setFilter} shown={entries.length} total={every.length} />
      )}
      {r.data && entries.length > 0 && (
        <CsvButton
          name="deadlines"
          header={[
            t('deadlines.csv.kind'),
            t('deadlines.csv.record'),
            t('deadlines.csv.workspace'),
            t('deadlines.csv.due'),
            t('deadlines.csv.status'),
            t('deadlines.csv.overdue'),
          ]}
          rows={() =>
            entries.map((e) => [
              t(KIND[e.record.kind as keyof typeof KIND]),
              titleOf(e.record),
              e.record.workspaceTitle ?? '',
              e.at,
              enumLabel('status', e.record.status),
              overdue.includes(e) ? t('deadlines.csv.overdue') : '',
            ])
          }
        />
      )}
      {r.data && entries.length === 0 && <p>{t('deadlines.none')}</p>}
      {overdue.length > 0 && group('overdue', t('deadlines.overdue'), overdue, true)}
      {[...days.entries()].map(([k, list]) => group(k, dayTitle(k), list))}
    </Page>
  );
}
