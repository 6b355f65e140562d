import { useState } from 'preact/hooks';
import { enumLabel, t } from './i18n';

/** What a list shows: records whose text holds `text`, and (when any is chosen) whose status is among `statuses`. */
export interface Filter {
  text: string;
  statuses: string[];
}

const EMPTY: Filter = { text: '', statuses: [] };
const storeKey = (list: string) => `taskforce.views.${list}`;

/** Saved views of one list, by name, on this device (localStorage; filters only, never records). */
function readViews(list: string): Record<string, Filter> {
  try {
    const v = JSON.parse(localStorage.getItem(storeKey(list)) ?? '{}') as Record<string, Filter>;
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

function writeViews(list: string, views: Record<string, Filter>) {
  try {
    localStorage.setItem(storeKey(list), JSON.stringify(views));
  } catch {
    // Storage may be off: the views then last for this page only.
  }
}

/** The items a filter lets through. */
export function applyFilter<T>(items: T[], f: Filter, text: (x: T) => string, status: (x: T) => string): T[] {
  const needle = f.text.trim().toLowerCase();
  return items.filter(
    (x) => (!needle || text(x).toLowerCase().includes(needle)) && (f.statuses.length === 0 || f.statuses.includes(status(x))),
  );
}

/** A list's filter, starting empty. */
export const useFilter = () => useState<Filter>(EMPTY);

/**
 * A filter bar any list can carry: a text filter, one chip per status (pressed = shown), and views
 * saved under a name on this device (`list` names the list, so each list keeps its own views).
 */
export function FilterBar({
  list,
  statuses,
  filter,
  onChange,
  shown,
  total,
}: {
  list: string;
  statuses: string[];
  filter: Filter;
  onChange: (f: Filter) => void;
  shown: number;
  total: number;
}) {
  const [views, setViews] = useState(() => readViews(list));
  const [name, setName] = useState('');
  const save = (next: Record<string, Filter>) => {
    setViews(next);
    writeViews(list, next);
  };
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
              {enumLabel('status', s)}
            </button>
          ))}
        </fieldset>
      )}
      <fieldset class="views chips">
        <legend>{t('filter.views')}</legend>
        {Object.keys(views).map((v) => (
          <span key={v}>
            <button
              type="button"
              class="secondary small"
              aria-label={t('filter.apply', { name: v })}
              onClick={() => onChange(views[v] ?? EMPTY)}
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
            save({ ...views, [n]: filter });
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
      <p class="muted" aria-live="polite">
        {t('filter.shown', { n: shown, total })}
      </p>
    </div>
  );
}
