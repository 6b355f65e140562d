import { useEffect, useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { applyFilter, FilterBar, useFilter } from '../../filters';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, labelUnder, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go, href } from '../../router';
import { useSignal } from '../../signal';
import { Confirm, Countdown, MarkingBanner, Page, Problem, Status } from '../../ui';
import { EvidenceFiles } from '../evidence';
import { ThreadPanel } from '../threads/thread';
import { AskRelease } from '../transfers';
import { SelectorRows, selectorsFrom } from './selectors';
import { CsvButton, orgLabel, useOrganisations } from './shared';

const SEVERITIES = ['critical', 'high', 'medium'] as const;
const TYPES = ['ransomware', 'intrusion', 'ddos', 'data_breach', 'fraud', 'child_sexual_abuse', 'threat_to_life', 'other'] as const;
const INCIDENT_STATUSES = ['open', 'resolved'] as const satisfies readonly Schemas['Incident']['status'][];
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2 };

/**
 * The countries an incident of this workspace can page: those with 24/7 contacts on the roster
 * whose duty contact is an agency of the workspace (the evaluator lets only members read an
 * incident). The registry's other countries are listed apart, as those that cannot be paged here.
 */
function useCountries(ws: Schemas['Workspace']) {
  const orgs = useOrganisations();
  const [pageable, setPageable] = useState<string[]>();
  const [err, setErr] = useState<unknown>();
  useEffect(() => {
    all((cursor) => ok(api().GET('/v1/contacts', { params: { query: { cursor } } })))
      .then((cs) =>
        setPageable(
          cs
            .filter((c) => ws.members.some((m) => m.orgId === c.duty.orgId))
            .map((c) => c.country)
            .sort(),
        ),
      )
      .catch(setErr);
  }, [ws.id, ws.members.length]);
  const known = [...new Set(orgs.filter((o) => o.kind !== 'provider').map((o) => o.country))].sort();
  return { orgs, pageable, unpageable: known.filter((c) => !pageable?.includes(c)), err };
}

const countryLabel = (orgs: Schemas['Organisation'][], c: string) => {
  const names = orgs.filter((o) => o.country === c && o.kind !== 'provider').map((o) => o.name);
  return names.length ? `${c} · ${names.join('; ')}` : c;
};

export function Incidents({ ws }: { ws: Schemas['Workspace'] }) {
  const r = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/incidents', { params: { path: { workspaceId: ws.id }, query: { cursor } } })),
      ),
    [ws.id],
  );
  const [err, setErr] = useState<unknown>();
  const countries = useCountries(ws);
  const [filter, setFilter] = useFilter();
  const every = [...(r.data ?? [])].sort(
    (a, b) =>
      Number(a.status === 'resolved') - Number(b.status === 'resolved') ||
      (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) ||
      b.raisedAt.localeCompare(a.raisedAt),
  );
  const items = applyFilter(
    every,
    filter,
    (i) =>
      `${i.summary} ${enumLabel('severity', i.severity)} ${enumLabel('incidentType', i.type)} ${i.alerts.map((a) => a.country).join(' ')}`,
    (i) => i.status,
  );
  return (
    <section aria-labelledby="h-inc">
      <div class="section-head">
        <h2 id="h-inc">{t('ws.incidents')}</h2>
        <a href={href('contacts')}>{t('contacts.link')}</a>
        <CsvButton
          name="incidents"
          header={[t('inc.summary'), t('inc.severity'), t('inc.type'), t('tasks.status'), t('inc.countries'), 'TLP']}
          rows={() =>
            items.map((i) => [
              i.summary,
              enumLabel('severity', i.severity),
              enumLabel('incidentType', i.type),
              enumLabel('status', i.status),
              i.alerts.map((a) => `${a.country}: ${enumLabel('status', a.status)}`).join('; '),
              i.marking.tlp,
            ])
          }
        />
      </div>
      <FilterBar
        list="incidents"
        statuses={INCIDENT_STATUSES}
        filter={filter}
        onChange={setFilter}
        shown={items.length}
        total={every.length}
      />
      <Problem error={r.error} />
      {r.data && r.data.length === 0 && <p class="muted">{t('inc.none')}</p>}
      <ul class="rows">
        {items.map((i) => (
          <li class="row" key={i.id}>
            <MarkingBanner marking={i.marking} compact />
            <div class="row-main">
              <a href={href('w', ws.id, 'incidents', i.id)}>{i.summary}</a>
              <span class="meta">
                <strong class={`sev sev-${i.severity}`}>{enumLabel('severity', i.severity)}</strong> · {enumLabel('incidentType', i.type)} ·{' '}
                <Status value={i.status} /> · {i.alerts.map((a) => `${a.country}: ${enumLabel('status', a.status)}`).join(', ')}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <form
        class="card"
        aria-labelledby="h-raise"
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setErr(undefined);
          try {
            const made = await ok(
              api().POST('/v1/workspaces/{workspaceId}/incidents', {
                params: { path: { workspaceId: ws.id } },
                body: {
                  severity: f.get('severity') as Schemas['RaiseIncident']['severity'],
                  type: f.get('type') as Schemas['RaiseIncident']['type'],
                  summary: String(f.get('summary')),
                  countries: f.getAll('countries').map(String),
                  marking: markingOf(f),
                  ...(selectorsFrom(f) as { selectors?: Schemas['RaiseIncident']['selectors'] }),
                },
              }),
            );
            go('w', ws.id, 'incidents', made.id);
          } catch (x) {
            setErr(x);
          }
        }}
      >
        <h3 id="h-raise">{t('inc.raise')}</h3>
        <label>
          {t('inc.severity')}
          <select name="severity">
            {SEVERITIES.map((x) => (
              <option key={x} value={x} selected={x === 'critical'}>
                {enumLabel('severity', x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inc.type')}
          <select name="type">
            {TYPES.map((x) => (
              <option key={x} value={x} selected={x === 'ransomware'}>
                {enumLabel('incidentType', x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inc.summary')}
          <input name="summary" required />
        </label>
        <fieldset>
          <legend>{t('inc.countries')}</legend>
          <Problem error={countries.err} />
          {countries.pageable && countries.pageable.length === 0 && <p class="muted">{t('inc.noPageable')}</p>}
          <div class="choices">
            {countries.pageable?.map((c, i) => (
              <label class="inline" key={c}>
                <input type="checkbox" name="countries" value={c} defaultChecked={i === 0} />
                {countryLabel(countries.orgs, c)}
              </label>
            ))}
          </div>
          {countries.unpageable.length > 0 && (
            <p class="muted" data-testid="unpageable">
              {t('inc.cannotPage', { list: countries.unpageable.join(', ') })} <a href={href('contacts')}>{t('contacts.link')}</a>
            </p>
          )}
        </fieldset>
        <SelectorRows id="raise" />
        <MarkingEditor id="raise" ws={ws} defaultTlp="AMBER" error={err} />
        <Problem error={err} />
        <button type="submit">{t('inc.raise')}</button>
      </form>
    </section>
  );
}

function IncidentView({ incident }: { incident: Schemas['Incident'] }) {
  const orgs = useOrganisations();
  return (
    <>
      <MarkingBanner marking={incident.marking} />
      <dl class="facts">
        <dt>{t('inc.severity')}</dt>
        <dd>{enumLabel('severity', incident.severity)}</dd>
        <dt>{t('inc.type')}</dt>
        <dd>{enumLabel('incidentType', incident.type)}</dd>
        <dt>{t('req.status')}</dt>
        <dd>
          <Status value={incident.status} />
        </dd>
      </dl>
      <ul class="rows">
        {incident.alerts.map((a) => (
          <li class="row" key={a.country} data-testid={`alert-${a.country}`}>
            <div class="row-main">
              <strong>{a.country}</strong>
              <span class="meta">
                <Status value={a.status} /> · {t('inc.level', { n: a.level })}
              </span>
            </div>
            {a.status === 'raised' && a.nextEscalationAt && <Countdown iso={a.nextEscalationAt} />}
          </li>
        ))}
      </ul>
      <ol class="timeline">
        {incident.timeline.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{fmtDateTime(e.at)}</time> {enumLabel('ladder', e.what)} {e.country ?? ''}{' '}
            {e.level ? t('inc.level', { n: e.level }) : ''} {e.to?.map((o) => orgLabel(orgs, o)).join(', ')}{' '}
            {e.people ? t('inc.people', { count: e.people }) : ''} {e.note ? `“${e.note}”` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

type PageView = Schemas['PersonPage'];

/** Names of the people paged, for a result line: at most five, then how many more. */
const namesOf = (pages: PageView[]) => {
  const names = pages.map((p) => p.name ?? p.sub);
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} +${names.length - 5}` : names.join(', ');
};

/** One attempt of a page: its channel and how it went, as labels. */
const attemptLabel = (a: PageView['attempts'][number]) => `${labelUnder('inc.channel', a.channel)}: ${enumLabel('status', a.status)}`;

/**
 * Who an incident paged on their phone, live (it polls while open): per person, the country and
 * level, why (on call, named, the team, a re-page), the page's status and each attempt's channel
 * and status.
 */
function PagedTrail({ pages }: { pages: PageView[] | undefined }) {
  const orgs = useOrganisations();
  if (!pages) return null;
  return (
    <section aria-labelledby="h-paged">
      <h2 id="h-paged">{t('inc.paged')}</h2>
      {pages.length === 0 ? (
        <p class="muted">{t('inc.paged.none')}</p>
      ) : (
        <CsvButton
          name="paged"
          label={t('inc.paged.csv')}
          header={[
            t('inc.paged.col.person'),
            t('inc.paged.col.org'),
            t('inc.paged.col.country'),
            t('inc.paged.col.level'),
            t('inc.paged.col.reason'),
            t('inc.paged.col.status'),
            t('inc.paged.attempts'),
          ]}
          rows={() =>
            pages.map((p) => [
              p.name ?? p.sub,
              orgLabel(orgs, p.orgId),
              p.country,
              t('inc.paged.levelRound', { n: p.level, round: p.round }),
              enumLabel('reason', p.reason),
              enumLabel('status', p.status),
              p.attempts.map((a) => `${attemptLabel(a)} (${a.at})`).join('; '),
            ])
          }
        />
      )}
      {pages.length > 0 && (
        <ul class="rows" aria-labelledby="h-paged">
          {pages.map((p) => (
            <li class="row" key={p.id} data-testid={`page-${p.id}`}>
              <div class="row-main">
                <strong>{p.name ?? p.sub}</strong>
                <span class="meta">
                  {orgLabel(orgs, p.orgId)} · {p.country} · {t('inc.paged.levelRound', { n: p.level, round: p.round })} ·{' '}
                  {enumLabel('reason', p.reason)} · <Status value={p.status} />
                </span>
                <span class="meta">
                  {t('inc.paged.attempts')}:{' '}
                  {p.attempts.length === 0
                    ? t('inc.paged.noAttempt')
                    : p.attempts.map((a, i) => (
                        <span key={a.n}>
                          {i > 0 && '; '}
                          {attemptLabel(a)} (<time dateTime={a.at}>{fmtDateTime(a.at)}</time>)
                        </span>
                      ))}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The console's hands on one country's ladder: page the level again, escalate now, page the whole
 * team; each asks first and says what it did.
 */
function LadderActions({
  ws,
  incident,
  alert,
  onDone,
}: {
  ws: string;
  incident: Schemas['Incident'];
  alert: Schemas['Incident']['alerts'][number];
  onDone: () => void;
}) {
  const [err, setErr] = useState<unknown>();
  const [note, setNote] = useState('');
  const path = { workspaceId: ws, incidentId: incident.id };
  const country = alert.country;
  const page = (scope: 'level' | 'team') => async () => {
    setErr(undefined);
    setNote('');
    try {
      const out = await ok(
        api().POST('/v1/workspaces/{workspaceId}/incidents/{incidentId}/pages', { params: { path }, body: { country, scope } }),
      );
      setNote(t(scope === 'team' ? 'inc.team.done' : 'inc.repage.done', { count: out.items.length, names: namesOf(out.items) }));
      onDone();
    } catch (x) {
      setErr(x);
      return false;
    }
  };
  const lastLevel = alert.step + 1 >= 3 * (incident.ladder.repeats + 1);
  return (
    <fieldset class="ladder-actions">
      <legend>{t('inc.actionsFor', { country })}</legend>
      <Confirm
        label={t('inc.repage')}
        question={t('inc.repage.q', { country, n: alert.level })}
        confirm={t('inc.repage.yes')}
        secondary
        onConfirm={page('level')}
      />
      {!lastLevel && (
        <Confirm
          label={t('inc.escalateNow')}
          question={t('inc.escalateNow.q', { country, n: (alert.level % 3) + 1 })}
          confirm={t('inc.escalateNow.yes')}
          danger
          onConfirm={async () => {
            setErr(undefined);
            setNote('');
            try {
              const next = await ok(
                api().POST('/v1/workspaces/{workspaceId}/incidents/{incidentId}/escalate', { params: { path }, body: { country } }),
              );
              const now = next.alerts.find((a) => a.country === country);
              setNote(t('inc.escalateNow.done', { country, n: now?.level ?? '' }));
              onDone();
            } catch (x) {
              setErr(x);
              return false;
            }
          }}
        />
      )}
      <Confirm
        label={t('inc.team')}
        question={t('inc.team.q', { country })}
        confirm={t('inc.team.yes')}
        secondary
        onConfirm={page('team')}
      />
      <Problem error={err} />
      <p role="status" class="ok">
        {note}
      </p>
    </fieldset>
  );
}

/** Whether the caller may page or escalate a country: its ladder's agencies, the raiser, the task-force lead (as the server decides). */
function useMayAct(ws: string, incident: Schemas['Incident'] | undefined) {
  const me = useSignal(session)?.me;
  const lead = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId: ws } } })), [ws], false);
  const ladders = usePoll(() => all((cursor) => ok(api().GET('/v1/contacts', { params: { query: { cursor } } }))), [], false);
  return (country: string) => {
    if (!me || !incident || !me.roles.some((r) => r === 'officer' || r === 'duty_contact')) return false;
    if (me.orgId === incident.raisedBy.orgId || me.orgId === lead.data?.leadOrgId) return true;
    const c = ladders.data?.find((l) => l.country === country);
    return (
      !!c && me.orgKind === 'agency' && me.country === country && [c.duty.orgId, c.backup.orgId, c.nationalLead.orgId].includes(me.orgId)
    );
  };
}

export function IncidentDetail({ ws, id }: { ws: string; id: string }) {
  const r = usePoll(
    () => ok(api().GET('/v1/workspaces/{workspaceId}/incidents/{incidentId}', { params: { path: { workspaceId: ws, incidentId: id } } })),
    [ws, id],
  );
  const pages = usePoll(
    () =>
      all((cursor) =>
        ok(
          api().GET('/v1/workspaces/{workspaceId}/incidents/{incidentId}/pages', {
            params: { path: { workspaceId: ws, incidentId: id }, query: { cursor } },
          }),
        ),
      ),
    [ws, id],
  );
  const mayAct = useMayAct(ws, r.data);
  const reload = () => {
    void r.reload();
    void pages.reload();
  };
  const actionable = r.data?.alerts.filter((a) => a.status === 'raised' && mayAct(a.country)) ?? [];
  return (
    <Page title={r.data?.summary ?? t('common.loading')}>
      <p>
        <a href={href('w', ws, 'incidents')}>← {t('common.back')}</a>
      </p>
      <Problem error={r.error} />
      {r.data && <IncidentView incident={r.data} />}
      {r.data && actionable.length > 0 && (
        <section aria-labelledby="h-ladder-actions">
          <h2 id="h-ladder-actions">{t('inc.actions')}</h2>
          {actionable.map((a) => (
            <div key={a.country}>
              {r.data!.alerts.length > 1 && <h3>{a.country}</h3>}
              <LadderActions ws={ws} incident={r.data!} alert={a} onDone={reload} />
            </div>
          ))}
        </section>
      )}
      <Problem error={pages.error} />
      <PagedTrail pages={pages.data} />
      {r.data && <AskRelease ws={ws} type="incident" id={id} />}
      {r.data && <ThreadPanel source={{ as: 'agency', ws, kind: 'incident', id }} />}
      {r.data && <EvidenceFiles where={{ as: 'agency', workspaceId: ws, parentKind: 'incidents', parentId: id }} />}
    </Page>
  );
}
