import { useEffect, useState } from 'preact/hooks';
import { api, ok, type Schemas, session } from '../../api/client';
import { fmtDateTime, t } from '../../i18n';
import { useSignal } from '../../signal';
import { Confirm, Countdown, Problem } from '../../ui';

type Request = Schemas['DataRequest'];

/**
 * A request that needs two officers: while it waits, its deadline and, for an eligible colleague
 * (same agency, not its sender), "Approve and send" and "Refuse", each confirmed before it acts;
 * afterwards, who co-signed or refused it, or that it lapsed.
 */
export function CosignPanel({ q, onDone }: { q: Request; onDone: () => void }) {
  const me = useSignal(session)!.me;
  const [err, setErr] = useState<unknown>();
  const c = q.cosign;
  if (!c) return null;
  const decide = async (body: Schemas['Cosign']) => {
    setErr(undefined);
    try {
      await ok(
        api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/cosign', {
          params: { path: { workspaceId: q.workspaceId, requestId: q.id } },
          body,
        }),
      );
      onDone();
      return true;
    } catch (x) {
      setErr(x);
      return false;
    }
  };
  if (c.status !== 'awaiting') {
    const who = c.by?.sub ?? '';
    return (
      <p class="card">
        {c.status === 'approved' && c.at && t('cosign.approvedBy', { who, at: fmtDateTime(c.at) })}
        {c.status === 'refused' && c.at && t('cosign.refusedBy', { who, at: fmtDateTime(c.at), reason: c.reason ?? '' })}
        {c.status === 'lapsed' && t('cosign.lapsed')}
      </p>
    );
  }
  const colleague = me.orgId === q.requestedBy.orgId;
  const sender = me.sub === q.requestedBy.sub;
  return (
    <section class="card" aria-labelledby="h-cosign">
      <h2 id="h-cosign">{t('cosign.title')}</h2>
      <p>{t('cosign.explain', { provider: q.providerOrgId, org: q.requestedBy.orgId })}</p>
      <p>
        {t('cosign.deadline')}: {fmtDateTime(c.dueAt)} · <Countdown iso={c.dueAt} />
      </p>
      {colleague && sender && <p class="muted">{t('cosign.own')}</p>}
      {colleague && !sender && !me.mfa && <p class="muted">{t('cosign.needMfa')}</p>}
      {colleague && !sender && me.mfa && (
        <div class="actions">
          <Confirm
            label={t('cosign.approve')}
            question={t('cosign.confirmApprove', { provider: q.providerOrgId })}
            confirm={t('cosign.yesApprove')}
            onConfirm={() => decide({ decision: 'approve' })}
          />
          <Confirm
            label={t('cosign.refuse')}
            secondary
            question={t('cosign.confirmRefuse')}
            confirm={t('cosign.yesRefuse')}
            onConfirm={(f) => decide({ decision: 'refuse', reason: String(f.get('reason') ?? '').trim() })}
          >
            <label>
              {t('cosign.reason')}
              <textarea name="reason" required rows={2} />
            </label>
          </Confirm>
        </div>
      )}
      <Problem error={err} />
    </section>
  );
}

/** What the partner reads of a request two officers confirmed: that they did, with MFA, and whom to call to check it. */
export function Confirmation({ q }: { q: Schemas['PortalRequest'] }) {
  const c = q.confirmation;
  if (!c) return null;
  return (
    <div class="card" role="note" aria-labelledby="h-confirmed">
      <p id="h-confirmed">
        <strong>✓ {t('cosign.confirmed', { agency: c.agency.name })}</strong>
      </p>
      {c.callback && (
        <p>
          {t('cosign.callback', { country: c.agency.country })}: <a href={`tel:${c.callback.replace(/ /g, '')}`}>{c.callback}</a>
        </p>
      )}
    </div>
  );
}

/** An agency's administrator chooses who co-signs its emergency requests: any other officer (the default) or a supervisor. */
export function CosignersSetting() {
  const me = useSignal(session)!.me;
  const [saved, setSaved] = useState(false);
  const [err, setErr] = useState<unknown>();
  const [org, setOrg] = useState<Schemas['Organisation']>();
  useEffect(() => {
    ok(api().GET('/v1/organisations/{orgId}', { params: { path: { orgId: me.orgId } } }))
      .then(setOrg)
      .catch(setErr);
  }, [me.orgId]);
  if (me.orgKind !== 'agency' || !org) return <Problem error={err} />;
  const current = org.cosigners ?? 'any_officer';
  return (
    <form
      class="card"
      aria-labelledby="h-cosigners"
      onSubmit={async (e) => {
        e.preventDefault();
        setErr(undefined);
        setSaved(false);
        const cosigners = String(new FormData(e.currentTarget).get('cosigners')) as Schemas['SetCosigners']['cosigners'];
        try {
          setOrg(
            await ok(
              api().PUT('/v1/organisations/{orgId}/request-cosigners', { params: { path: { orgId: me.orgId } }, body: { cosigners } }),
            ),
          );
          setSaved(true);
        } catch (x) {
          setErr(x);
        }
      }}
    >
      <h2 id="h-cosigners">{t('cosign.setting.title')}</h2>
      <fieldset>
        <legend>{t('cosign.setting.legend')}</legend>
        {(['any_officer', 'supervisor'] as const).map((v) => (
          <label key={v} class="inline">
            <input type="radio" name="cosigners" value={v} defaultChecked={current === v} />{' '}
            {t(v === 'any_officer' ? 'cosign.setting.any_officer' : 'cosign.setting.supervisor')}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('cosign.setting.save')}</button>
      <p aria-live="polite">{saved ? t('cosign.setting.saved') : ''}</p>
      <Problem error={err} />
    </form>
  );
}
