import { useState } from 'preact/hooks';
import { all, api, ok, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, fmtIsoDuration, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem } from '../../ui';

/** The duty contact's pager: mobile first, one big button per incident waiting for my country. */
export function Pager() {
  const s = useSignal(session)!;
  const country = s.me.country;
  const r = usePoll(async () => {
    const ms = await all((cursor) => ok(api().GET('/v1/workspaces', { params: { query: { cursor } } })));
    const incidents = (
      await Promise.all(
        ms.map((m) =>
          all((cursor) =>
            ok(
              api().GET('/v1/workspaces/{workspaceId}/incidents', { params: { path: { workspaceId: m.workspaceId }, query: { cursor } } }),
            ),
          ),
        ),
      )
    ).flat();
    const pending = incidents.filter((i) => i.status === 'open' && i.alerts.some((a) => a.country === country && a.status === 'raised'));
    const ladder = await ok(api().GET('/v1/contacts/{country}', { params: { path: { country } } })).catch(() => undefined);
    return { pending, ladder };
  }, [s.token]);
  const [err, setErr] = useState<unknown>();
  const [done, setDone] = useState('');
  return (
    <Page title={t('pager.title', { country })}>
      <div class="pager">
        <Problem error={r.error} />
        {r.loading && !r.data && <Loading />}
        {r.data && r.data.pending.length === 0 && <p class="calm">{t('pager.none')}</p>}
        {r.data?.pending.map((i) => {
          const alert = i.alerts.find((a) => a.country === country)!;
          return (
            <article class="page-card" key={i.id} aria-labelledby={`inc-${i.id}`}>
              <MarkingBanner marking={i.marking} />
              <h2 id={`inc-${i.id}`}>
                <a href={href('w', i.workspaceId, 'incidents', i.id)}>{i.summary}</a>
              </h2>
              <p class="meta">
                <span class={`sev sev-${i.severity}`}>{i.severity}</span> · {i.type} · {fmtDateTime(i.raisedAt)} · {i.raisedBy.orgId}
              </p>
              <p class="escalation">
                {t('inc.level', { n: alert.level })} · {t('inc.nextEscalation')}: <Countdown iso={alert.nextEscalationAt} />
              </p>
              <button
                type="button"
                class="big"
                onClick={async () => {
                  setErr(undefined);
                  try {
                    await ok(
                      api().POST('/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge', {
                        params: { path: { workspaceId: i.workspaceId, incidentId: i.id } },
                        body: { country },
                      }),
                    );
                    setDone(`${t('inc.acknowledged')}: ${i.summary}`);
                    await r.reload();
                  } catch (x) {
                    setErr(x);
                  }
                }}
              >
                {t('pager.ack', { country })}
              </button>
              <p class="meta">
                {t('pager.ladder')}: {fmtIsoDuration(i.ladder.ackDeadline)} × {i.ladder.repeats}
              </p>
            </article>
          );
        })}
        <p role="status">{done}</p>
        <Problem error={err} />
        {r.data?.ladder && (
          <section aria-labelledby="h-ladder">
            <h2 id="h-ladder">{t('pager.ladder')}</h2>
            <ol class="ladder">
              <li>
                {t('pager.duty')}: {r.data.ladder.duty.orgId}
              </li>
              <li>
                {t('pager.backup')}: {r.data.ladder.backup.orgId}
              </li>
              <li>
                {t('pager.national')}: {r.data.ladder.nationalLead.orgId}
              </li>
            </ol>
          </section>
        )}
      </div>
    </Page>
  );
}
