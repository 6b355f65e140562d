import { type ClockRow, requestType, requestTypes } from '@taskforce/core/request-types';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { enumLabel, fmtDateTime, fmtIsoDuration, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go } from '../../router';
import { Problem } from '../../ui';
import { flash } from '../requests/flash';
import { loadOrder, OrderFields } from '../requests/order-lazy';
import { PartnerSelect } from '../requests/partner-select';
import { SelectField } from '../requests/select-field';
import { emptyRow, SELECTOR_TYPES, type SelectorRow, SelectorRows, type SelectorType, selectorOfRow } from '../requests/selector-rows';
import { PartnerPanel } from '../turnaround';

/** The types the new-request form offers (a takedown is raised with its items, on its own screen). */
const NEW_REQUEST_TYPES = requestTypes().flatMap((d) => (d.form.newRequest ? [d.id] : []));
type Basis = Schemas['CreateRequest']['legalBasis']['code'];
const BASES = [
  'BUDAPEST',
  'UNCC',
  'MLAT',
  'NATIONAL',
  'EU-EEVIDENCE',
  'US-2703F',
  'PROVISIONAL-MEASURE',
] as const satisfies readonly Basis[];
const DEFAULT_TEXT: Record<(typeof BASES)[number], string> = {
  BUDAPEST: 'Budapest Convention art. 18',
  UNCC: 'UN Convention against Cybercrime art. 28',
  MLAT: 'Mutual legal assistance treaty',
  NATIONAL: 'National order',
  'EU-EEVIDENCE': 'Regulation (EU) 2023/1543',
  'US-2703F': '18 U.S.C. §2703(f)',
  'PROVISIONAL-MEASURE': 'Provisional measure pending a court order',
};

/** The bases a type may rest on: every basis no other type keeps to itself. */
const basesFor = (type: string) =>
  BASES.filter((code) =>
    requestTypes().every(
      (d) =>
        d.id === type ||
        !(d.create.reserved?.({ type, urgency: 'standard', legalBasis: { code }, selectors: [] }) ?? []).some(
          (i) => i.path[0] === 'legalBasis',
        ),
    ),
  );
const selectorTypesFor = (type: string): SelectorType[] => {
  const only = requestType(type).selectors;
  return only ? SELECTOR_TYPES.filter((s) => only.includes(s)) : [...SELECTOR_TYPES];
};

/** The clock row a request of this kind starts with when sent (the table's first match). */
const clockOf = (type: string, urgency: string, code: string): ClockRow | undefined => {
  const d = requestType(type);
  return d.clocks.find((c) => !c.startsWhen && (!c.when || c.when({ type, urgency, legalBasis: { code } }, d)));
};
const isoMs = (iso: string) => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  const [d, h, min] = (m?.slice(1) ?? []).map((x) => Number(x ?? 0)) as [number, number, number];
  return ((d * 24 + h) * 60 + min) * 60_000;
};

/** A new data request: the type first, then only that type's fields; sent at once, then opened. */
function NewRequest({ ws }: { ws: Schemas['Workspace'] }) {
  const [type, setTypeRaw] = useState<string>('production');
  const d = requestType(type);
  const allowed = selectorTypesFor(type);
  const bases = basesFor(type);
  const [provider, setProvider] = useState('');
  const [basis, setBasis] = useState<Basis>('BUDAPEST');
  const [legal, setLegal] = useState(DEFAULT_TEXT.BUDAPEST);
  const [urgent, setUrgent] = useState(false);
  const [rows, setRows] = useState<SelectorRow[]>([emptyRow(allowed[0]!)]);
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // An e-Evidence order rests on Regulation (EU) 2023/1543 alone.
  const code = d.order ? 'EU-EEVIDENCE' : bases.includes(basis as (typeof bases)[number]) ? basis : bases[0]!;
  const urgency = d.form.urgency ?? (urgent && type !== 'epoc_pr' ? 'emergency' : 'standard');
  const clock = clockOf(type, urgency, code);
  const setType = (next: string) => {
    setTypeRaw(next);
    // An order rests on the e-Evidence Regulation: its legal text follows, unless the officer wrote their own.
    const was = DEFAULT_TEXT[code as keyof typeof DEFAULT_TEXT];
    const will = requestType(next).order ? 'EU-EEVIDENCE' : bases.includes(basis as (typeof bases)[number]) ? basis : bases[0]!;
    if (legal === was) setLegal(DEFAULT_TEXT[will as keyof typeof DEFAULT_TEXT] ?? '');
    const ok = selectorTypesFor(next);
    setRows((rs) => rs.map((r) => (ok.includes(r.type) ? r : { ...r, type: ok[0]! })));
  };
  const chooseBasis = (b: Basis) => {
    if (legal === DEFAULT_TEXT[code as keyof typeof DEFAULT_TEXT]) setLegal(DEFAULT_TEXT[b as keyof typeof DEFAULT_TEXT] ?? '');
    setBasis(b);
  };
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setErr(undefined);
    setBusy(true);
    try {
      const order = d.order ? (await loadOrder()).certificateOf(f, type) : undefined;
      const out = await ok(
        api().POST('/v1/workspaces/{workspaceId}/requests', {
          params: { path: { workspaceId: ws.id } },
          body: {
            providerOrgId: provider,
            type: type as Schemas['CreateRequest']['type'],
            legalBasis: { code, text: legal },
            description: String(f.get('description')),
            selectors: rows.map(selectorOfRow) as Schemas['CreateRequest']['selectors'],
            ...(d.form.assets ? { assets: rows.map((r, i) => ({ target: i, asset: r.asset.trim(), amount: r.amount.trim() })) } : {}),
            urgency: urgency as Schemas['CreateRequest']['urgency'],
            ...(order ? { certificate: order.certificate, period: order.period } : {}),
            send: true,
            marking: markingOf(f),
          },
        }),
      );
      flash.value = t(d.order ? 'order.issuedOk' : 'req.sentOk', { type: enumLabel('requestType', type) });
      go('w', ws.id, 'requests', out.id);
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" aria-labelledby="h-newreq" onSubmit={onSubmit}>
      <h3 id="h-newreq">{t('req.new')}</h3>
      <SelectField label={t('req.type')} name="type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
        {NEW_REQUEST_TYPES.map((x) => (
          <option key={x} value={x}>
            {enumLabel('requestType', x)}
          </option>
        ))}
      </SelectField>
      <p class="meta">{t(`req.kindHint.${type as 'production'}`)}</p>
      <PartnerSelect type={type} value={provider} onChange={setProvider} />
      {provider && <PartnerPanel orgId={provider} type={type} />}
      <SelectField label={t('frz.basis')} name="basis" value={code} onChange={(e) => chooseBasis(e.currentTarget.value as Basis)}>
        {(d.order ? (['EU-EEVIDENCE'] as const) : bases).map((b) => (
          <option key={b} value={b}>
            {t(`req.basis.${b}`)}
          </option>
        ))}
      </SelectField>
      <label>
        {t('ws.legal')}
        <input name="legal" required value={legal} onInput={(e) => setLegal(e.currentTarget.value)} />
      </label>
      <label>
        {t('req.description')}
        <textarea name="description" required rows={2} />
      </label>
      <SelectorRows rows={rows} setRows={setRows} allowed={allowed} assets={Boolean(d.form.assets)} />
      {!d.form.urgency && type !== 'epoc_pr' && (
        <label class="check">
          <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} /> {t('req.urgent')}
        </label>
      )}
      {clock && (
        <p class={urgency === 'emergency' ? 'badge late' : 'meta'} data-testid="req-clock">
          {t(urgency === 'emergency' ? 'req.clockEmergency' : 'req.clockPreview', {
            d: fmtIsoDuration(clock.period),
            at: fmtDateTime(new Date(Date.now() + isoMs(clock.period)).toISOString()),
          })}
        </p>
      )}
      {d.order && <OrderFields type={type} />}
      <MarkingEditor id="newreq" ws={ws} defaultTlp="AMBER" error={err} />
      <Problem error={err} />
      <button type="submit" disabled={busy || !provider}>
        {t(d.order ? 'order.issue' : 'req.send')}
      </button>
    </form>
  );
}

export { NewRequest };
