import { useEffect, useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { applyFilter, FilterBar, useFilter } from '../../filters';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go, href } from '../../router';
import { Countdown, MarkingBanner, Page, Problem, Status } from '../../ui';
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
            {e.level ? t('inc.level', { n: e.level }) : ''} {e.to?.map((o) => orgLabel(orgs, o)).join(', ')} {e.note ? `“${e.note}”` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

export function IncidentDetail({ ws, id }: { ws: string; id: string }) {
  const r = usePoll(
    () => ok(api().GET('/v1/workspaces/{workspaceId}/incidents/{incidentId}', { params: { path: { workspaceId: ws, incidentId: id } } })),
    [ws, id],
  );
  return (
    <Page title={r.data?.summary ?? t('common.loading')}>
      <p>
        <a href={href('w', ws, 'incidents')}>← {t('common.back')}</a>
      </p>
      <Problem error={r.error} />
      {r.data && <IncidentView incident={r.data} />}
      {r.data && <AskRelease ws={ws} type="incident" id={id} />}
    </Page>
  );
}
