import { useRef, useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { now, usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, type Key, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem } from '../../ui';

type Incident = Schemas['Incident'];
type Alert = Incident['alerts'][number];
type Contacts = Schemas['CountryContacts'];

/**
 * An acknowledgement is sent at once (a closed tab never loses it); the server keeps it undoable
 * for a few seconds (the incident says until when: `ackUndoUntil`). Undo is offered for that
 * window less this margin, so that an undo tapped at the last moment still reaches the server in time.
 */
const UNDO_MARGIN_MS = 2000;

/** The levels of a country's ladder (duty contact, backup, national lead): a round; the ladder runs `repeats` more rounds. */
const LADDER_LEVELS = 3;

const SEVERITY: Record<string, number> = { critical: 0, high: 1, medium: 2 };
/** The deadline an alert is racing: its next escalation, or (an exhausted ladder) when it ran out: already past, so first. */
const deadlineOf = (a: Alert, i: Incident) => a.nextEscalationAt ?? a.exhaustedAt ?? i.raisedAt;

/** Most severe first, then the oldest deadline (the one that escalates, or escalated, first). */
const pagerOrder = (country: string) => (x: Incident, y: Incident) =>
  (SEVERITY[x.severity] ?? 3) - (SEVERITY[y.severity] ?? 3) ||
  deadlineOf(x.alerts.find((a) => a.country === country)!, x).localeCompare(deadlineOf(y.alerts.find((a) => a.country === country)!, y));

/** Who a ladder level pages, as the registry says now (level 3 also pages the task-force lead). */
const levelOrg = (c: Contacts | undefined, level: number): string | undefined =>
  c ? [c.duty.orgId, c.backup.orgId, c.nationalLead.orgId][level - 1] : undefined;

/** Whom to call when nobody acknowledged: the national lead's first person and number, else its organisation. */
const whomToCall = (c: Contacts | undefined, orgName: (id: string) => string): { text: string; phone?: string } => {
  if (!c) return { text: t('pager.nationalLead') };
  const person = c.nationalLead.people.find((p) => p.phone) ?? c.nationalLead.people[0];
  const phone = person?.phone ?? c.nationalLead.channels.find((ch) => ch.kind === 'phone')?.address;
  const who = person ? `${person.name} (${orgName(c.nationalLead.orgId)})` : orgName(c.nationalLead.orgId);
  return phone ? { text: who, phone } : { text: who };
};

function Ladder({
  inc,
  alert,
  contacts,
  orgName,
}: {
  inc: Incident;
  alert: Alert;
  contacts: Contacts | undefined;
  orgName: (id: string) => string;
}) {
  const steps = inc.timeline.filter((e) => e.country === alert.country || (e.what === 'raised' && !e.country));
  const names = (ids: string[] | undefined) => (ids ?? []).map(orgName).join(', ');
  const nextLevel = alert.level === 3 ? 1 : alert.level + 1;
  const nextTo = levelOrg(contacts, nextLevel);
  return (
    <ol class="ladder-steps" aria-label={t('pager.ladderOf', { title: inc.summary })}>
      {steps.map((e, k) => (
        <li key={k} class={`step step-${e.what}`}>
          {e.what === 'notified' || e.what === 'escalated'
            ? t('pager.step.paged', { level: e.level ?? 1, to: names(e.to), time: fmtDateTime(e.at) })
            : e.what === 'acknowledged'
              ? t('pager.step.acknowledged', { by: orgName(e.by ?? ''), time: fmtDateTime(e.at) })
              : e.what === 'acknowledgement_undone'
                ? t('pager.step.undone', { by: orgName(e.by ?? ''), time: fmtDateTime(e.at) })
                : e.what === 'exhausted'
                  ? t('pager.step.exhausted', { time: fmtDateTime(e.at) })
                  : e.what === 'resolved'
                    ? t('pager.step.resolved', { by: orgName(e.by ?? ''), time: fmtDateTime(e.at) })
                    : t('pager.step.raised', { by: orgName(e.by ?? inc.raisedBy.orgId), time: fmtDateTime(e.at) })}
        </li>
      ))}
      {alert.status === 'raised' && alert.nextEscalationAt && (
        <li class="step step-next">
          {alert.step + 1 >= LADDER_LEVELS * (inc.ladder.repeats + 1)
            ? t('pager.step.lastNext', { time: fmtDateTime(alert.nextEscalationAt) })
            : t('pager.step.next', {
                level: nextLevel,
                to: nextTo ? orgName(nextTo) : '',
                time: fmtDateTime(alert.nextEscalationAt),
              })}
        </li>
      )}
    </ol>
  );
}

/** Seconds left in an acknowledgement's undo window, ticking. */
function UndoLeft({ until, country }: { until: number; country: string }) {
  useSignal(now);
  return <>{t('pager.sending', { country, s: Math.max(0, Math.ceil((until - Date.now()) / 1000)) })}</>;
}

/** The duty contact's pager: mobile first; the most severe unacknowledged incident first; acknowledge with undo. */
export function Pager() {
  const s = useSignal(session)!;
  const me = s.me;
  const country = me.country;
  const isDuty = me.roles.includes('duty_contact');
  const r = usePoll(async () => {
    const [ms, orgs, contacts] = await Promise.all([
      all((cursor) => ok(api().GET('/v1/workspaces', { params: { query: { cursor } } }))),
      all((cursor) => ok(api().GET('/v1/organisations', { params: { query: { cursor } } }))).catch(() => []),
      ok(api().GET('/v1/contacts/{country}', { params: { path: { country } } })).catch(() => undefined),
    ]);
    const incidents = (
      await Promise.all(
        ms.map((m) =>
          all((cursor) =>
            ok(
              api().GET('/v1/workspaces/{workspaceId}/incidents', { params: { path: { workspaceId: m.workspaceId }, query: { cursor } } }),
            ),
          ).then((xs) => xs.map((i) => ({ ...i, lead: m.role === 'lead' }))),
        ),
      )
    ).flat();
    const pending = incidents
      .filter((i) => i.status === 'open' && i.alerts.some((a) => a.country === country && a.status === 'raised'))
      .sort(pagerOrder(country));
    // The raiser or the task-force lead may resolve an incident everywhere.
    const owned = incidents
      .filter((i) => i.status === 'open' && (i.lead || i.raisedBy.orgId === me.orgId) && !pending.includes(i))
      .sort((x, y) => (SEVERITY[x.severity] ?? 3) - (SEVERITY[y.severity] ?? 3) || x.raisedAt.localeCompare(y.raisedAt));
    return { pending, owned, contacts, names: new Map(orgs.map((o) => [o.id, o.name])) };
  }, [s.token]);
  const orgName = (id: string) => r.data?.names.get(id) ?? id;
  const [err, setErr] = useState<unknown>();
  const [said, setSaid] = useState('');
  /** Acknowledgements sent and still undoable: incident id → the card as it was, and until when Undo is offered (unset: on its way). */
  const [undoable, setUndoable] = useState<Record<string, { inc: Incident & { lead: boolean }; until?: number }>>({});
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const [asking, setAsking] = useState<string>();
  const forget = (id: string) => {
    clearTimeout(timers.current[id]);
    delete timers.current[id];
    setUndoable(({ [id]: _gone, ...rest }) => rest);
  };

  const acknowledge = async (i: Incident & { lead: boolean }) => {
    setErr(undefined);
    setUndoable((u) => ({ ...u, [i.id]: { inc: i } }));
    try {
      const acked = await ok(
        api().POST('/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge', {
          params: { path: { workspaceId: i.workspaceId, incidentId: i.id } },
          body: { country },
          // Sent even if the tab is closed right after the tap.
          keepalive: true,
        }),
      );
      const a = acked.alerts.find((x) => x.country === country);
      const windowMs = a?.ackUndoUntil && a.acknowledgedAt ? Date.parse(a.ackUndoUntil) - Date.parse(a.acknowledgedAt) : 0;
      const offered = Math.max(0, windowMs - UNDO_MARGIN_MS);
      setUndoable((u) => ({ ...u, [i.id]: { inc: i, until: Date.now() + offered } }));
      setSaid(t('pager.undoWindow', { title: i.summary, s: Math.round(offered / 1000) }));
      timers.current[i.id] = setTimeout(async () => {
        forget(i.id);
        setSaid(t('pager.sent', { country, title: i.summary }));
        await r.reload();
      }, offered);
    } catch (x) {
      setErr(x);
      forget(i.id);
      await r.reload();
    }
  };
  const undo = async (i: Incident) => {
    setErr(undefined);
    clearTimeout(timers.current[i.id]);
    try {
      await ok(
        api().POST('/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge/undo', {
          params: { path: { workspaceId: i.workspaceId, incidentId: i.id } },
          body: { country },
        }),
      );
      setSaid(t('pager.undone', { title: i.summary }));
    } catch (x) {
      setErr(x);
    } finally {
      await r.reload();
      forget(i.id);
    }
  };
  const resolve = async (i: Incident) => {
    setErr(undefined);
    try {
      await ok(
        api().POST('/v1/workspaces/{workspaceId}/incidents/{incidentId}/resolve', {
          params: { path: { workspaceId: i.workspaceId, incidentId: i.id } },
          body: {},
        }),
      );
      setAsking(undefined);
      setSaid(t('pager.resolved', { title: i.summary }));
      await r.reload();
    } catch (x) {
      setErr(x);
    }
  };

  const resolveControls = (i: Incident & { lead: boolean }) =>
    (i.lead || i.raisedBy.orgId === me.orgId) &&
    (asking === i.id ? (
      <fieldset class="confirm">
        <legend>{t('pager.resolveAsk', { title: i.summary })}</legend>
        <button type="button" class="danger" onClick={() => resolve(i)}>
          {t('pager.resolveYes')}
        </button>{' '}
        <button type="button" onClick={() => setAsking(undefined)}>
          {t('pager.cancel')}
        </button>
      </fieldset>
    ) : (
      <button type="button" onClick={() => setAsking(i.id)}>
        {t('pager.resolve')}
      </button>
    ));

  // The cards keep their places while an acknowledgement is undoable: the one just acknowledged stays, marked.
  const pending = r.data?.pending ?? [];
  const cards = [...pending, ...Object.values(undoable).flatMap((u) => (pending.some((x) => x.id === u.inc.id) ? [] : [u.inc]))].sort(
    pagerOrder(country),
  );

  const head = (i: Incident) => (
    <>
      <MarkingBanner marking={i.marking} />
      <h2 id={`inc-${i.id}`}>
        <a href={href('w', i.workspaceId, 'incidents', i.id)}>{i.summary}</a>
      </h2>
      <p class="meta">
        <span class={`sev sev-${i.severity}`}>{enumLabel('severity', i.severity)}</span> · {enumLabel('incidentType', i.type)} ·{' '}
        {fmtDateTime(i.raisedAt)} · {t('pager.raisedBy', { org: orgName(i.raisedBy.orgId) })}
      </p>
    </>
  );

  return (
    <Page title={isDuty ? t('pager.title', { country }) : t('pager.titleLead')}>
      <div class="pager">
        <Problem error={r.error} />
        {r.loading && !r.data && <Loading />}
        <p role="status" class="said">
          {said}
        </p>
        <Problem error={err} />
        {r.data && cards.length === 0 && (isDuty || r.data.owned.length === 0) && <p class="calm">{t('pager.none')}</p>}
        {cards.map((i) => {
          const alert = i.alerts.find((a) => a.country === country)!;
          const held = undoable[i.id];
          const until = held?.until;
          const call = alert.exhaustedAt ? whomToCall(r.data!.contacts, orgName) : undefined;
          return (
            <article class={`page-card${held ? ' acked' : ''}${call ? ' exhausted' : ''}`} key={i.id} aria-labelledby={`inc-${i.id}`}>
              {head(i)}
              {call ? (
                <p class="alarm" role="alert">
                  {t('pager.exhausted', { next: call.text })}
                  {call.phone && (
                    <>
                      {' '}
                      <a class="tel" href={`tel:${call.phone.replace(/\s/g, '')}`}>
                        {call.phone}
                      </a>
                    </>
                  )}
                </p>
              ) : (
                <p class="escalation">
                  {t('inc.level', { n: alert.level })} · {t('pager.ackBy', { time: fmtDateTime(alert.nextEscalationAt) })}{' '}
                  <Countdown iso={alert.nextEscalationAt} />
                </p>
              )}
              {isDuty &&
                (held ? (
                  <div class="undo-bar">
                    <p>{until === undefined ? t('pager.acking', { country }) : <UndoLeft until={until} country={country} />}</p>
                    {until !== undefined && (
                      <button type="button" class="big" onClick={() => undo(i)}>
                        {t('pager.undo')}
                      </button>
                    )}
                  </div>
                ) : (
                  <button type="button" class="big" onClick={() => acknowledge(i)}>
                    {t('pager.ack', { country })}
                  </button>
                ))}
              <details class="ladder-box">
                <summary>{t('pager.ladderSteps', { n: i.timeline.filter((e) => e.country === country).length })}</summary>
                <Ladder inc={i} alert={alert} contacts={r.data!.contacts} orgName={orgName} />
              </details>
              {resolveControls(i)}
            </article>
          );
        })}
        {r.data?.contacts && (
          <section aria-labelledby="h-ladder">
            <h2 id="h-ladder">{t('pager.countryLadder', { country })}</h2>
            <ol class="ladder">
              <li>
                {t('pager.duty')}: {orgName(r.data.contacts.duty.orgId)}
              </li>
              <li>
                {t('pager.backup')}: {orgName(r.data.contacts.backup.orgId)}
              </li>
              <li>
                {t('pager.national')}: {orgName(r.data.contacts.nationalLead.orgId)}
              </li>
            </ol>
          </section>
        )}
        {r.data && r.data.owned.length > 0 && (
          <section aria-labelledby="h-owned">
            <h2 id="h-owned">{t('pager.owned')}</h2>
            {r.data.owned.map((i) => (
              <article class="page-card" key={i.id} aria-labelledby={`inc-${i.id}`}>
                {head(i)}
                <ul class="alert-states">
                  {i.alerts.map((a) => (
                    <li key={a.country} class={a.exhaustedAt && a.status === 'raised' ? 'alarm' : ''}>
                      {a.exhaustedAt && a.status === 'raised'
                        ? t('pager.countryExhausted', { country: a.country })
                        : t('pager.countryState', {
                            country: a.country,
                            status: t(`pager.alert.${a.status}` as Key),
                            level: a.level,
                          })}
                    </li>
                  ))}
                </ul>
                {resolveControls(i)}
              </article>
            ))}
          </section>
        )}
      </div>
    </Page>
  );
}
