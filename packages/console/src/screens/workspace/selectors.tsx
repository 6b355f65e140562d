import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { labelUnder, t } from '../../i18n';

type Selector = NonNullable<Schemas['CreateTask']['selectors']>[number];
type SelectorType = Selector['type'];
const TYPES: SelectorType[] = ['account_id', 'email', 'phone', 'ip_address', 'imei', 'wallet_address', 'iban'];
const CHAINS = ['bitcoin', 'ethereum', 'tron', 'litecoin'] as const;

interface Row {
  type: SelectorType;
  value: string;
  service: string;
  chain: (typeof CHAINS)[number];
  observedAt: string;
  timeZone: string;
}

const blank = (): Row => ({
  type: 'phone',
  value: '',
  service: '',
  chain: 'ethereum',
  observedAt: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
});

/** A row as the API takes it: only the fields its type has. */
const selectorOf = (r: Row): Selector => {
  const value = r.value.trim();
  if (r.type === 'account_id') return { type: r.type, value, ...(r.service.trim() ? { service: r.service.trim() } : {}) };
  if (r.type === 'wallet_address') return { type: r.type, chain: r.chain, value };
  if (r.type === 'ip_address')
    return { type: r.type, value, observedAt: r.observedAt ? new Date(r.observedAt).toISOString() : '', timeZone: r.timeZone };
  return { type: r.type, value } as Selector;
};

/** The selectors the rows of a form describe (rows left empty are skipped). */
export const selectorsFrom = (f: FormData): { selectors?: Selector[] } => {
  const raw = String(f.get('selectorRows') ?? '');
  const rows = raw ? (JSON.parse(raw) as Row[]).filter((r) => r.value.trim()) : [];
  return rows.length ? { selectors: rows.map(selectorOf) } : {};
};

/**
 * Selectors as rows: a kind, its value, and the fields that kind needs (the chain of a wallet,
 * the time and time zone of an IP address), with "Add a selector" and "Remove". The server
 * checks each (`selectors.0.value`); its message shows under the rows.
 */
export function SelectorRows({ id, errors }: { id: string; errors?: string[] }) {
  const [rows, setRows] = useState<Row[]>([]);
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="selector-rows">
      <legend>{t('ws.sel.legend')}</legend>
      <input type="hidden" name="selectorRows" value={JSON.stringify(rows)} />
      {rows.length === 0 && <p class="muted">{t('ws.sel.none')}</p>}
      {rows.map((r, i) => (
        <fieldset class="selector-row" key={i}>
          <legend class="sr-only">{t('ws.sel.row', { n: i + 1 })}</legend>
          <label>
            {t('ws.sel.type')}
            <select id={`${id}-sel-${i}-type`} value={r.type} onChange={(e) => set(i, { type: e.currentTarget.value as SelectorType })}>
              {TYPES.map((x) => (
                <option key={x} value={x}>
                  {labelUnder('ws.sel.kind', x)}
                </option>
              ))}
            </select>
          </label>
          {r.type === 'wallet_address' && (
            <label>
              {t('ws.sel.chain')}
              <select value={r.chain} onChange={(e) => set(i, { chain: e.currentTarget.value as Row['chain'] })}>
                {CHAINS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('ws.sel.value')}
            <input value={r.value} required onInput={(e) => set(i, { value: e.currentTarget.value })} autocomplete="off" />
          </label>
          {r.type === 'account_id' && (
            <label>
              {t('ws.sel.service')}
              <input value={r.service} onInput={(e) => set(i, { service: e.currentTarget.value })} />
            </label>
          )}
          {r.type === 'ip_address' && (
            <>
              <label>
                {t('ws.sel.observedAt')}
                <input type="datetime-local" required value={r.observedAt} onInput={(e) => set(i, { observedAt: e.currentTarget.value })} />
              </label>
              <label>
                {t('ws.sel.timeZone')}
                <input value={r.timeZone} required onInput={(e) => set(i, { timeZone: e.currentTarget.value })} />
              </label>
            </>
          )}
          <button type="button" class="secondary small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
            {t('ws.sel.remove', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" class="secondary small" onClick={() => setRows((rs) => [...rs, blank()])}>
        {t('ws.sel.add')}
      </button>
      {errors?.map((m) => (
        <p class="error field-error" key={m}>
          {m}
        </p>
      ))}
    </fieldset>
  );
}
