import { useState } from 'preact/hooks';
import { enumLabel, t } from './i18n';
import { hashQuery, setHashQuery } from './router';
import { useSignal } from './signal';

/**
 * The filter of the list on screen, as named values in the URL's hash (`?q=kyc&status=open,done`):
 * a link to the screen, shared or bookmarked, or a saved view, reopens the same filter. One list is
 * filtered per screen, so the names are short and the same on every list.
 */
export type Params = Record<string, string>;

export function useParams(): [Params, (p: Params) => void] {
  const q = useSignal(hashQuery);
  return [Object.fromEntries(new URLSearchParams(q)), setHashQuery];
}

/** What a list shows: records whose text holds `text`, and (when any is chosen) whose status is among `statuses`. */
export interface Filter {
  text: string;
  statuses: string[];
}

/** A list's text-and-status filter, kept in the URL (`q`, `status`). */
export function useFilter(): [Filter, (f: Filter) => void] {
  const [p, set] = useParams();
  return [
    { text: p.q ?? '', statuses: p.status ? p.status.split(',') : [] },
    (f) => set({ ...p, q: f.text, status: f.statuses.join(',') }),
  ];
}

/** The items a filter lets through. */
export function applyFilter<T>(items: T[], f: Filter, text: (x: T) => string, status: (x: T) => string): T[] {
  const needle = f.text.trim().toLowerCase();
  return items.filter(
    (x) => (!needle || text(x).toLowerCase().includes(needle)) && (f.statuses.length === 0 || f.statuses.includes(status(x))),
  );
}

const storeKey = (list: string) => `taskforce.views.${list}`;
/** What a view keeps: the filter, never the page the list was on. */
const kept = (p: Params): Params => Object.fromEntries(Object.entries(p).filter(([k, v]) => k !== 'page' && v !== ''));
const same = (a: Params, b: Params) => new URLSearchParams(kept(a)).toString() === new URLSearchParams(kept(b)).toString();

/** Saved views of one list, by name, on this device (localStorage; filters only, never records). */
function readViews(list: string): Record<string, Params> {
  try {
    const v = JSON.parse(localStorage.getItem(storeKey(list)) ?? '{}') as Record<string, Params | Filter>;
    if (!v || typeof v !== 'object') return {};
    // Views saved before filters lived in the URL held `{ text, statuses }`.
    return Object.fromEntries(
      Object.entries(v).map(([name, f]) =>
        Array.isArray((f as Filter).statuses)
          ? [name, kept({ q: (f as Filter).text ?? '', status: (f as Filter).statuses.join(',') })]
          : [name, f as Params],
      ),
    );
  } catch {
    return {};
  }
}

function writeViews(list: string, views: Record<string, Params>) {
  try {
    localStorage.setItem(storeKey(list), JSON.stringify(views));
  } catch {
    // Storage may be off: the views then last for this page only.
  }
}

/**
 * The saved views of a list (`list` names it, so each list keeps its own): one button per view that
 * reopens its filter (pressed while it is the filter on screen), one that deletes it, and a name to
 * save the filter on screen under. Works with any filter kept in the URL by `useParams`.
 */
export function SavedViews({ list }: { list: string }) {
  const [params, setParams] = useParams();
  const [views, setViews] = useState(() => readViews(list));
  const [name, setName] = useState('');
  const save = (next: Record<string, Params>) => {
    setViews(next);
    writeViews(list, next);
  };
  return (
    <fieldset class="views chips">
      <legend>{t('filter.views')}</legend>
      {Object.keys(views).map((v) => (
        <span key={v} class="view">
          <button
            type="button"
            class="secondary small"
            aria-label={t('filter.apply', { name: v })}
            aria-pressed={same(params, views[v] ?? {})}
            onClick={() => setParams(views[v] ?? {})}
          >
            {v}
          </button>
          <button
            type="button"
            class="secondary small"
            aria-label={t('filter.delete', { name: v })}
            onClick={() => {
              const { [v]: _, ...rest } = views;
              save(rest);
            }}
          >
            ×
          </button>
        </span>
      ))}
      <form
        class="views"
        onSubmit={(e) => {
          e.preventDefault();
          const n = name.trim();
          if (!n) return;
          save({ ...views, [n]: kept(params) });
          setName('');
        }}
      >
        <label>
          <span class="sr-only">{t('filter.viewName')}</span>
          <input value={name} placeholder={t('filter.viewName')} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" class="small">
          {t('filter.save')}
        </button>
      </form>
    </fieldset>
  );
}

/**
 * A filter bar any list can carry: a text filter, one chip per status (pressed = shown), and the
 * list's saved views. `statusLabel` names a status (by default its `enum.status.*` label).
 */
export function FilterBar({
  list,
  statuses,
  statusLabel = (s) => enumLabel('status', s),
  filter,
  onChange,
  shown,
  total,
}: {
  list: string;
  statuses: readonly string[];
  statusLabel?: (s: string) => string;
  filter: Filter;
  onChange: (f: Filter) => void;
  shown: number;
  total: number;
}) {
  const toggle = (s: string) =>
    onChange({ ...filter, statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : [...filter.statuses, s] });
  return (
    <div class="filter-bar">
      <label>
        {t('filter.text')}
        <input type="search" value={filter.text} onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })} />
      </label>
      {statuses.length > 0 && (
        <fieldset class="chips">
          <legend>{t('filter.status')}</legend>
          <button
            type="button"
            class="small"
            aria-pressed={filter.statuses.length === 0}
            onClick={() => onChange({ ...filter, statuses: [] })}
          >
            {t('filter.all')}
          </button>
          {statuses.map((s) => (
            <button type="button" class="small" key={s} aria-pressed={filter.statuses.includes(s)} onClick={() => toggle(s)}>
              {statusLabel(s)}
            </button>
          ))}
        </fieldset>
      )}
      <SavedViews list={list} />
      <p class="muted" aria-live="polite">
        {t('filter.shown', { n: shown, total })}
      </p>
    </div>
  );
}
