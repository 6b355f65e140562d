import { requestTypeIds } from '@taskforce/core/request-types';
import type { Schemas } from '../../api/client';
import { type Params, SavedViews, useParams } from '../../filters';
import { enumLabel, t } from '../../i18n';
import { SelectField } from './select-field';

// The controls above a list of requests (the agency's and the partner's): a status and a type to
// show, a search by reference or words, the list's saved views, a CSV of what is shown, and pages of
// PAGE_SIZE rows. The filter and the page live in the URL, so a link reopens them.

type RequestStatus = Schemas['DataRequest']['status'];
/**
 * Every status of the API's request enum (core's `RequestStatus`), in the order a request moves
 * through them: typed by the enum, so a status core adds or drops fails the type check here.
 */
const REQUEST_STATUSES = Object.keys({
  draft: 0,
  awaiting_cosign: 0,
  cosign_refused: 0,
  awaiting_validation: 0,
  validated: 0,
  validation_refused: 0,
  sent: 0,
  acknowledged: 0,
  clarification_requested: 0,
  preserved: 0,
  fulfilled: 0,
  partially_fulfilled: 0,
  cannot_comply: 0,
  withdrawn: 0,
  expired: 0,
  frozen: 0,
  released: 0,
  lapsed: 0,
} satisfies Record<RequestStatus, 0>) as RequestStatus[];
const PAGE_SIZE = 25;

export interface ListFilter {
  status: string;
  type: string;
  q: string;
  page: number;
}

/** The filter of a list of requests, kept in the URL. */
export function useListFilter(): [ListFilter, (f: ListFilter) => void] {
  const [p, set] = useParams();
  const toParams = (f: ListFilter): Params => ({ q: f.q, status: f.status, type: f.type, page: f.page ? String(f.page) : '' });
  return [{ q: p.q ?? '', status: p.status ?? '', type: p.type ?? '', page: Math.max(0, Number(p.page) || 0) }, (f) => set(toParams(f))];
}

/** Whether a request is shown: its status and type, and the search in its reference or `words`. */
export const matches = (r: { id: string; status: string; type: string }, f: ListFilter, words: string[]) => {
  const q = f.q.trim().toLowerCase();
  return (
    (!f.status || r.status === f.status) &&
    (!f.type || r.type === f.type) &&
    (!q || [r.id, ...words].some((w) => w.toLowerCase().includes(q)))
  );
};

export const pageOf = <T,>(rows: T[], page: number): T[] => rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

export function ListControls({
  list,
  filter,
  setFilter,
  total,
  onCsv,
}: {
  /** Names the list, for its saved views. */
  list: string;
  filter: ListFilter;
  setFilter: (f: ListFilter) => void;
  total: number;
  onCsv: () => void;
}) {
  const set = (p: Partial<ListFilter>) => setFilter({ ...filter, page: 0, ...p });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page, pages - 1);
  return (
    <fieldset class="list-controls">
      <legend>{t('req.find')}</legend>
      <label>
        {t('req.search')}
        <input type="search" value={filter.q} onInput={(e) => set({ q: e.currentTarget.value })} />
      </label>
      <SelectField label={t('req.status')} value={filter.status} onChange={(e) => set({ status: e.currentTarget.value })}>
        <option value="">{t('req.any')}</option>
        {REQUEST_STATUSES.map((s) => (
          <option key={s} value={s}>
            {enumLabel('status', s)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('req.type')} value={filter.type} onChange={(e) => set({ type: e.currentTarget.value })}>
        <option value="">{t('req.any')}</option>
        {requestTypeIds().map((x) => (
          <option key={x} value={x}>
            {enumLabel('requestType', x)}
          </option>
        ))}
      </SelectField>
      <SavedViews list={list} />
      <button type="button" class="secondary small" onClick={onCsv}>
        {t('req.csv')}
      </button>
      <p class="meta" aria-live="polite">
        {t('req.shown', { n: total })}
        {pages > 1 && (
          <>
            {' · '}
            <button type="button" class="secondary small" disabled={page === 0} onClick={() => setFilter({ ...filter, page: page - 1 })}>
              {t('td.prev')}
            </button>{' '}
            {t('req.pageOf', { n: page + 1, of: pages })}{' '}
            <button
              type="button"
              class="secondary small"
              disabled={page >= pages - 1}
              onClick={() => setFilter({ ...filter, page: page + 1 })}
            >
              {t('td.next')}
            </button>
          </>
        )}
      </p>
    </fieldset>
  );
}
