import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go, href } from '../../router';
import { Countdown, MarkingBanner, Page, Problem, Status } from '../../ui';
import { SelectorsField, selectorsOf } from '../matching';
import { AskRelease } from '../transfers';

export function Incidents({ ws }: { ws: Schemas['Workspace'] }) {
  const r = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/incidents', { params: { path: { workspaceId: ws.id }, query: { cursor } } })),
      ),
    [ws.id],
  );
  const [err, setErr] = useState<unknown>();
  return (
    <section aria-labelledby="h-inc">
      <h2 id="h-inc">{t('ws.incidents')}</h2>
      <Problem error={r.error} />
      {r.data && r.data.length === 0 && <p class="muted">{t('inc.none')}</p>}
      <ul class="rows">
        {r.data?.map((i) => (
          <li class="row" key={i.id}>
            <MarkingBanner marking={i.marking} compact />
            <div class="row-main">
              <a href={href('w', ws.id, 'incidents', i.id)}>{i.summary}</a>
              <span class="meta">
                {i.severity} · {i.type} · <Status value={i.status} /> · {i.alerts.map((a) => `${a.country}: ${a.status}`).join(', ')}
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
                  countries: String(f.get('countries'))
                    .split(',')
                    .map((c) => c.trim().toUpperCase())
                    .filter(Boolean),
                  marking: markingOf(f),
                  ...(selectorsOf(f) as { selectors?: Schemas['RaiseIncident']['selectors'] }),
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
            {['critical', 'high', 'medium'].map((x) => (
              <option key={x} selected={x === 'critical'}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inc.type')}
          <select name="type">
            {['ransomware', 'intrusion', 'ddos', 'data_breach', 'fraud', 'child_sexual_abuse', 'threat_to_life', 'other'].map((x) => (
              <option key={x} selected={x === 'ransomware'}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inc.summary')}
          <input name="summary" required />
        </label>
        <label>
          {t('inc.countries')}
          <input name="countries" required defaultValue="THA" />
        </label>
        <SelectorsField />
        <MarkingEditor id="raise" ws={ws} defaultTlp="AMBER" error={err} />
        <Problem error={err} />
        <button type="submit">{t('inc.raise')}</button>
      </form>
    </section>
  );
}

function IncidentView({ incident }: { incident: Schemas['Incident'] }) {
  return (
    <>
      <MarkingBanner marking={incident.marking} />
      <dl class="facts">
        <dt>{t('inc.severity')}</dt>
        <dd>{incident.severity}</dd>
        <dt>{t('inc.type')}</dt>
        <dd>{incident.type}</dd>
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
            <time dateTime={e.at}>{fmtDateTime(e.at)}</time> {e.what} {e.country ?? ''} {e.level ? t('inc.level', { n: e.level }) : ''}{' '}
            {e.to?.join(', ')} {e.note ? `“${e.note}”` : ''}
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
