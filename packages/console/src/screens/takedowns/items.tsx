import { useEffect, useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { downloadCsv } from '../../csv';
import { SavedViews, useParams } from '../../filters';
import { usePoll } from '../../hooks';
import { enumLabel, t } from '../../i18n';
import { Loading, Problem } from '../../ui';
import { SelectField } from '../requests/select-field';

// What the agency's progress view and the partner's answer screen share: the counts, and the
// items one page at a time, filtered by status.

export type Item = Schemas['TakedownItem'];
export type Progress = Schemas['TakedownProgress'];
export const ANSWERS = ['removed', 'restricted', 'not_found', 'refused'] as const;
const STATUSES = ['pending', ...ANSWERS] as const;

const ItemStatus = ({ value }: { value: (typeof STATUSES)[number] }) => <span class={`status st-${value}`}>{t(`td.status.${value}`)}</span>;

export function Counts({ p }: { p: Progress }) {
  return (
    <>
      <label class="progress-label">
        {t('td.answered', { n: p.answered, total: p.total })}
        <progress max={p.total} value={p.answered} />
      </label>
      <dl class="facts">
        {STATUSES.map((s) => (
          <div key={s}>
            <dt>
              <ItemStatus value={s} />
            </dt>
            <dd data-count={s}>{p.counts[s]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export type StatusFilter = (typeof STATUSES)[number] | '';
/**
 * The status filter of the items, kept in the URL (`?status=refused`; `all` for every status), so a
 * link or a saved view reopens it; `fallback` is what a screen shows first.
 */
export function useItemStatus(fallback: StatusFilter): [StatusFilter, (s: StatusFilter) => void] {
  const [p, set] = useParams();
  const known = (STATUSES as readonly string[]).includes(p.status ?? '');
  const value: StatusFilter = p.status === 'all' ? '' : known ? (p.status as StatusFilter) : fallback;
  return [value, (s) => set({ ...p, status: s === fallback ? '' : s || 'all' })];
}

export type ItemsQuery = { status?: (typeof STATUSES)[number]; cursor?: string };

/**
 * One page of items at a time, filtered by status (the filter is the caller's: the answer screen
 * selects "all that match" it). `select` adds a checkbox per item; a shift-click selects the run
 * of numbers from the last item clicked.
 */
export function Items({
  list,
  load,
  select,
  reloadKey,
  status,
  setStatus,
}: {
  /** Names the list, for its saved views. */
  list: string;
  load: (q: ItemsQuery) => Promise<{ items: Item[]; next?: string }>;
  select?: { chosen: Set<number>; toggle: (n: number, run: boolean) => void };
  reloadKey: number;
  status: StatusFilter;
  setStatus: (s: StatusFilter) => void;
}) {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  // A new filter (chosen here, or by a saved view) starts again at its first page.
  useEffect(() => setCursors([]), [status]);
  const r = usePoll(() => load({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }), [status, cursor, reloadKey], false);
  const pager = (
    <p class="pager">
      <button type="button" class="secondary small" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
        {t('td.prev')}
      </button>{' '}
      <span class="meta">{t('td.pageN', { n: cursors.length + 1 })}</span>{' '}
      <button type="button" class="secondary small" disabled={!r.data?.next} onClick={() => setCursors((c) => [...c, r.data!.next!])}>
        {t('td.next')}
      </button>
    </p>
  );
  return (
    <section aria-labelledby="h-items">
      <h2 id="h-items">{t('td.items')}</h2>
      <SelectField label={t('td.filter')} value={status} onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}>
        <option value="">{t('td.all')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`td.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <SavedViews list={list} />
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      {r.data && r.data.items.length === 0 && <p class="muted">{t('today.nothing')}</p>}
      {pager}
      <ul class="rows">
        {r.data?.items.map((it) => (
          <li class="row" key={it.n}>
            {select && (
              <input
                type="checkbox"
                aria-label={`${t('td.select')} ${it.n}`}
                checked={select.chosen.has(it.n)}
                onClick={(e) => select.toggle(it.n, e.shiftKey)}
              />
            )}
            <div class="row-main">
              <span>
                {it.n}. <span class="sel-type">{enumLabel('itemKind', it.kind)}</span> {it.service} · <code>{it.value}</code>
              </span>
              <span class="meta">
                <ItemStatus value={it.status} />
                {it.reason ? ` · ${it.reason}` : ''}
                {it.note ? ` · ${it.note}` : ''}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {pager}
    </section>
  );
}

/** Every item of the filter, read page by page (the largest page the API lists), saved as a CSV. */
export async function downloadItems(
  load: (q: ItemsQuery & { limit?: number }) => Promise<{ items: Item[]; next?: string }>,
  status: StatusFilter,
  name: string,
) {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await load({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}), limit: 100 });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  downloadCsv(
    name,
    ['item', 'kind', 'service', 'value', 'status', 'reason', 'note'],
    items.map((it) => [it.n, it.kind, it.service, it.value, it.status, it.reason, it.note]),
  );
}
