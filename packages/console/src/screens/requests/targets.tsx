import { isHeld, positiveDecision, targetDecisions } from '@taskforce/core/request-types';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { enumLabel, fmtDateTime, t } from '../../i18n';
import { Countdown, Problem, Status } from '../../ui';
import { SelectField } from './select-field';

// Per-target answers and asset freezes: the new-request form's freeze fields, the partner's
// answer per target (and evidence linked to targets), and each side's view of the results.

type Request = Schemas['DataRequest'] | Schemas['PortalRequest'];
type Target = NonNullable<Request['targets']>[number];
type Evidence = { id: string; fileName: string; targets?: number[] | undefined };

/** The cannot-comply grounds (e-Evidence Annex III), as the API's `CannotComplyReason` lists them. */
export const REASONS = [
  'incomplete',
  'manifest_errors',
  'insufficient_information',
  'data_not_stored',
  'person_not_identified',
  'service_not_covered',
  'de_facto_impossible',
  'conflicting_obligations',
  'other',
] as const;
const decisionsOf = (q: Pick<Request, 'type'>) => targetDecisions(q.type);
const needsReason = (d: string) => d === 'do_not_produce' || d === 'cannot_comply';
/** A decision or a ground in the reader's language. */
const label = (s: string) => t(`req.decision.${s}` as 'req.decision.produce');
const reasonLabel = (s: string) => t(`req.reason.${s}` as 'req.reason.other');

/** Each target's decision and result, with the evidence that answers it (agency and partner alike). */
export function TargetResults({ q, evidence }: { q: Request; evidence: Evidence[] }) {
  if (!q.targets?.length && !q.freeze) return null;
  const byTarget = new Map((q.targets ?? []).map((a) => [a.target, a]));
  return (
    <section aria-labelledby="h-targets">
      <h2 id="h-targets">{t('tgt.title')}</h2>
      <table class="targets">
        <thead>
          <tr>
            <th scope="col">{t('tgt.target')}</th>
            {q.freeze && <th scope="col">{t('tgt.asked')}</th>}
            <th scope="col">{t('tgt.decision')}</th>
            <th scope="col">{t('tgt.result')}</th>
            <th scope="col">{t('tgt.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {q.selectors.map((s, i) => {
            const a: Target | undefined = byTarget.get(i);
            const asked = q.freeze?.assets.find((x) => x.target === i);
            return (
              <tr key={i}>
                <th scope="row">
                  {i}: {enumLabel('selector', s.type)} <code>{s.value}</code>
                </th>
                {q.freeze && <td>{asked ? `${asked.amount} ${asked.asset}` : '—'}</td>}
                <td>
                  {a ? <span class={`decision d-${a.decision}`}>{label(a.decision)}</span> : <span class="muted">{t('tgt.none')}</span>}
                </td>
                <td>
                  {a?.amount && `${a.amount} ${asked?.asset ?? ''} · ${a.reference ?? ''}`} {a?.reason && reasonLabel(a.reason)} {a?.detail}
                </td>
                <td>
                  {evidence
                    .filter((e) => e.targets?.includes(i))
                    .map((e) => e.fileName)
                    .join(', ') || '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** An asset freeze's state and expiry; the requesting agency renews or releases it while it holds. */
export function FreezePanel({ q, ws, onDone }: { q: Request; ws?: string; onDone?: () => Promise<void> }) {
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);
  if (!isHeld(q.type)) return null;
  const frozen = q.status === 'frozen';
  const act = (what: 'renew' | 'release') => async () => {
    if (!ws) return;
    setErr(undefined);
    setBusy(true);
    try {
      const params = { path: { workspaceId: ws, requestId: q.id } };
      await ok(
        what === 'renew'
          ? api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/renew', { params })
          : api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/release', { params }),
      );
      await onDone?.();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="h-freeze" class="card">
      <h2 id="h-freeze">{t('frz.title')}</h2>
      <dl class="facts">
        <dt>{t('req.status')}</dt>
        <dd>
          <Status value={q.status} />
        </dd>
        {q.freeze?.frozenAt && (
          <>
            <dt>{t('frz.frozenAt')}</dt>
            <dd>{fmtDateTime(q.freeze.frozenAt)}</dd>
            <dt>{t('frz.expires')}</dt>
            <dd>
              {q.clock && fmtDateTime(q.clock.dueAt)} {frozen && <Countdown iso={q.clock?.dueAt} />}
            </dd>
            <dt>{t('frz.renewals')}</dt>
            <dd>{q.freeze.renewals}</dd>
          </>
        )}
      </dl>
      {ws && frozen && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={act('renew')}>
            {t('frz.renew')}
          </button>
          <button type="button" class="secondary" disabled={busy} aria-expanded={confirm} onClick={() => setConfirm(!confirm)}>
            {t('frz.release')}
          </button>
        </div>
      )}
      {ws && frozen && confirm && (
        <section class="card attention" aria-labelledby="h-release-confirm">
          <h3 id="h-release-confirm">{t('frz.releaseTitle')}</h3>
          <p>{t('frz.releaseWarn')}</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={async () => {
                await act('release')();
                setConfirm(false);
              }}
            >
              {t('frz.releaseConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirm(false)}>
              {t('req.cancel')}
            </button>
          </div>
        </section>
      )}
      <Problem error={err} />
    </section>
  );
}

type Draft = { decision: string; reason: string; amount: string; reference: string };

/** The partner decides on each target, saves in steps, and closes when every target is decided. */
export function TargetAnswerForm({ q, onDone }: { q: Schemas['PortalRequest']; onDone: () => Promise<void> }) {
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (q.status !== 'acknowledged' || !targetDecisions(q.type).length) return null;
  const decisions = decisionsOf(q);
  const saved = new Map((q.targets ?? []).map((a) => [a.target, a]));
  const draftOf = (i: number): Draft => {
    const a = saved.get(i);
    return (
      drafts[i] ?? {
        decision: a?.decision ?? '',
        reason: a?.reason ?? 'data_not_stored',
        amount: a?.amount ?? '',
        reference: a?.reference ?? '',
      }
    );
  };
  const set = (i: number, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [i]: { ...draftOf(i), ...patch } }));
  const submit = async (close: boolean) => {
    setErr(undefined);
    setBusy(true);
    try {
      const answers = Object.entries(drafts)
        .filter(([, d]) => d.decision)
        .map(([i, d]) => ({
          target: Number(i),
          decision: d.decision,
          ...(needsReason(d.decision) ? { reason: d.reason } : {}),
          ...(d.decision === 'frozen' ? { amount: d.amount, reference: d.reference } : {}),
        })) as Schemas['AnswerTargets']['answers'];
      await ok(api().POST('/v1/portal/requests/{requestId}/targets', { params: { path: { requestId: q.id } }, body: { answers, close } }));
      setDrafts({});
      await onDone();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="card"
      aria-labelledby="h-targets-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h3 id="h-targets-form">{t('tgt.form')}</h3>
      {q.selectors.map((s, i) => {
        const d = draftOf(i);
        return (
          <fieldset key={i}>
            <legend>
              {i}: {enumLabel('selector', s.type)} <code>{s.value}</code>
            </legend>
            <SelectField
              label={t('tgt.decisionOn', { n: i })}
              value={d.decision}
              onChange={(e) => set(i, { decision: e.currentTarget.value })}
            >
              <option value="">—</option>
              {decisions.map((x) => (
                <option key={x} value={x}>
                  {label(x)}
                </option>
              ))}
            </SelectField>
            {needsReason(d.decision) && (
              <SelectField label={t('tgt.ground', { n: i })} value={d.reason} onChange={(e) => set(i, { reason: e.currentTarget.value })}>
                {REASONS.map((x) => (
                  <option key={x} value={x}>
                    {reasonLabel(x)}
                  </option>
                ))}
              </SelectField>
            )}
            {d.decision === 'frozen' && (
              <>
                <label>
                  {t('tgt.amount', { n: i })}
                  <input inputMode="decimal" value={d.amount} onInput={(e) => set(i, { amount: e.currentTarget.value })} />
                </label>
                <label>
                  {t('tgt.reference', { n: i })}
                  <input value={d.reference} onInput={(e) => set(i, { reference: e.currentTarget.value })} />
                </label>
              </>
            )}
          </fieldset>
        );
      })}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('tgt.save')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void submit(true)}>
          {t('tgt.close')}
        </button>
      </div>
      <Problem error={err} />
    </form>
  );
}

/** In the evidence upload form: the targets answered produce (or frozen) the file answers. */
export function EvidenceTargets({ q }: { q: Schemas['PortalRequest'] }) {
  const positive = positiveDecision(q.type);
  const open = (q.targets ?? []).filter((a) => a.decision === positive);
  if (!open.length) return null;
  return (
    <fieldset>
      <legend>{t('tgt.links')}</legend>
      {open.map((a) => (
        <label key={a.target} class="check">
          <input type="checkbox" name="targets" value={a.target} />{' '}
          {t('tgt.linkTarget', { n: a.target, type: q.selectors[a.target]?.type ?? '' })}
        </label>
      ))}
    </fieldset>
  );
}

/** The targets ticked in the upload form. */
export const targetsOf = (f: FormData): { targets?: number[] } => {
  const targets = f.getAll('targets').map(Number);
  return targets.length ? { targets } : {};
};
