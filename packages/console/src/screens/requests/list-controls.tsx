import { requestTypeIds } from '@taskforce/core/request-types';
import { t } from '../../i18n';
import { SelectField } from './select-field';

// The controls above a list of requests (the agency's and the partner's): a status and a type to
// show, a search by reference or words, a CSV of what is shown, and pages of PAGE_SIZE rows.

const REQUEST_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'clarification_requested',
  'preserved',
  'fulfilled',
  'partially_fulfilled',
  'cannot_comply',
  'withdrawn',
  'expired',
  'frozen',
  'released',
  'lapsed',
] as const;
const PAGE_SIZE = 25;

export interface ListFilter {
  status: string;
  type: string;
  q: string;
  page: number;
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
  filter,
  setFilter,
  total,
  onCsv,
}: {
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
            {t(`req.st.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('req.type')} value={filter.type} onChange={(e) => set({ type: e.currentTarget.value })}>
        <option value="">{t('req.any')}</option>
        {requestTypeIds().map((x) => (
          <option key={x} value={x}>
            {t(`req.kind.${x}`)}
          </option>
        ))}
      </SelectField>
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
