import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { SelectField } from './select-field';

// The selectors of a new request, entered as rows: a type picked from a list and a value, with the
// extra fields a type needs (an IP address's time and zone, a wallet's chain, what to freeze on
// an account). A pasted list becomes rows, each value's type recognised from its shape.

export const SELECTOR_TYPES = ['account_id', 'email', 'phone', 'ip_address', 'imei', 'wallet_address', 'iban'] as const;
export type SelectorType = (typeof SELECTOR_TYPES)[number];
const CHAINS = ['bitcoin', 'ethereum', 'tron', 'litecoin'] as const;

export interface SelectorRow {
  type: SelectorType;
  value: string;
  chain: (typeof CHAINS)[number];
  observedAt: string;
  timeZone: string;
  asset: string;
  amount: string;
}

export const emptyRow = (type: SelectorType): SelectorRow => ({
  type,
  value: '',
  chain: 'tron',
  observedAt: '',
  timeZone: 'UTC',
  asset: '',
  amount: '',
});

/** The type a pasted value most likely is, among those allowed (the first allowed if none fits). */
export const guessType = (value: string, allowed: readonly SelectorType[]): { type: SelectorType; chain?: SelectorRow['chain'] } => {
  const v = value.trim();
  const fits: [SelectorType, boolean, SelectorRow['chain']?][] = [
    ['email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)],
    ['phone', /^\+[1-9][0-9 ]{6,18}$/.test(v)],
    ['iban', /^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,40}$/i.test(v)],
    ['wallet_address', /^0x[0-9a-fA-F]{40}$/.test(v), 'ethereum'],
    ['wallet_address', /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(v), 'tron'],
    ['wallet_address', /^(bc1[a-z0-9]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/.test(v), 'bitcoin'],
    ['imei', /^[0-9]{15}$/.test(v)],
    ['ip_address', /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f:]+:[0-9a-f:]*$/i.test(v)],
  ];
  const hit = fits.find(([type, ok]) => ok && allowed.includes(type));
  if (hit) return { type: hit[0], ...(hit[2] ? { chain: hit[2] } : {}) };
  return { type: allowed.includes('account_id') ? 'account_id' : allowed[0]! };
};

/** What the API takes of a row. */
export const selectorOfRow = (r: SelectorRow) => {
  const value = r.value.trim();
  if (r.type === 'wallet_address') return { type: r.type, chain: r.chain, value };
  if (r.type === 'ip_address')
    return { type: r.type, value, observedAt: r.observedAt ? new Date(`${r.observedAt}Z`).toISOString() : '', timeZone: r.timeZone.trim() };
  if (r.type === 'phone' || r.type === 'iban') return { type: r.type, value: value.replace(/\s+/g, r.type === 'phone' ? '' : ' ') };
  return { type: r.type, value };
};

export function SelectorRows({
  rows,
  setRows,
  allowed,
  assets,
}: {
  rows: SelectorRow[];
  setRows: (rows: SelectorRow[]) => void;
  allowed: readonly SelectorType[];
  assets: boolean;
}) {
  const [paste, setPaste] = useState('');
  const patch = (i: number, p: Partial<SelectorRow>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...p } : r)));
  const addPasted = () => {
    const values = paste
      .split(/[\n\r]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const kept = rows.filter((r) => r.value.trim());
    setRows([...kept, ...values.map((v) => ({ ...emptyRow(allowed[0]!), ...guessType(v, allowed), value: v }))]);
    setPaste('');
  };
  return (
    <fieldset class="selector-rows">
      <legend>{t('req.selectors')}</legend>
      {rows.map((r, i) => (
        <fieldset class="selector-row" key={i}>
          <legend>{t('req.selRow', { n: i + 1 })}</legend>
          <SelectField
            label={t('req.selType', { n: i + 1 })}
            value={r.type}
            onChange={(e) => patch(i, { type: e.currentTarget.value as SelectorType })}
          >
            {allowed.map((x) => (
              <option key={x} value={x}>
                {t(`req.sel.${x}`)}
              </option>
            ))}
          </SelectField>
          {r.type === 'wallet_address' && (
            <SelectField
              label={t('req.selChain', { n: i + 1 })}
              value={r.chain}
              onChange={(e) => patch(i, { chain: e.currentTarget.value as SelectorRow['chain'] })}
            >
              {CHAINS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </SelectField>
          )}
          <label>
            {t('req.selValue', { n: i + 1 })}
            <input required value={r.value} onInput={(e) => patch(i, { value: e.currentTarget.value })} />
          </label>
          {r.type === 'ip_address' && (
            <>
              <label>
                {t('req.selSeen', { n: i + 1 })}
                <input
                  type="datetime-local"
                  step={1}
                  required
                  value={r.observedAt}
                  onInput={(e) => patch(i, { observedAt: e.currentTarget.value })}
                />
              </label>
              <label>
                {t('req.selZone', { n: i + 1 })}
                <input required value={r.timeZone} onInput={(e) => patch(i, { timeZone: e.currentTarget.value })} />
              </label>
            </>
          )}
          {assets && (
            <>
              <label>
                {t('req.selAsset', { n: i + 1 })}
                <input required value={r.asset} placeholder="USDT" onInput={(e) => patch(i, { asset: e.currentTarget.value })} />
              </label>
              <label>
                {t('req.selAmount', { n: i + 1 })}
                <input required inputMode="decimal" value={r.amount} onInput={(e) => patch(i, { amount: e.currentTarget.value })} />
              </label>
            </>
          )}
          {rows.length > 1 && (
            <button type="button" class="secondary small" onClick={() => setRows(rows.filter((_, k) => k !== i))}>
              {t('req.selRemove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" class="secondary small" onClick={() => setRows([...rows, emptyRow(allowed[0]!)])}>
        {t('req.selAdd')}
      </button>
      <label>
        {t('req.selPaste')}
        <textarea rows={3} value={paste} aria-describedby="sel-paste-hint" onInput={(e) => setPaste(e.currentTarget.value)} />
      </label>
      <p id="sel-paste-hint" class="meta">
        {t('req.selPasteHint')}
      </p>
      <button type="button" class="secondary small" disabled={!paste.trim()} onClick={addPasted}>
        {t('req.selPasteAdd')}
      </button>
    </fieldset>
  );
}
