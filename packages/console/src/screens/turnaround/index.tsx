import { all, api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDuration, t } from '../../i18n';
import { Loading, Page, Problem } from '../../ui';
import { orgLabel, useOrganisations } from '../workspace/shared';

type Turnaround = Schemas['Turnaround'];
type Figures = Turnaround['all'];

const time = (s: number | undefined) => (s === undefined ? '—' : fmtDuration(s * 1000));

/** One partner's figures, all types together or one type: what to expect of it. */
function FiguresTable({ f, caption }: { f: Figures; caption: string }) {
  const refusals = Object.entries(f.refusals);
  return (
    <table class="turnaround">
      <caption>{caption}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('perf.sent')}</th>
          <td>{f.sent}</td>
        </tr>
        <tr>
          <th scope="row">{t('perf.ack')}</th>
          <td>
            {t('perf.times', { median: time(f.acknowledge.medianSeconds), p90: time(f.acknowledge.p90Seconds), n: f.acknowledge.count })}
          </td>
        </tr>
        <tr>
          <th scope="row">{t('perf.answer')}</th>
          <td>{t('perf.times', { median: time(f.answer.medianSeconds), p90: time(f.answer.p90Seconds), n: f.answer.count })}</td>
        </tr>
        <tr>
          <th scope="row">{t('perf.deadlines')}</th>
          <td>{t('perf.metMissed', { met: f.deadlines.met, missed: f.deadlines.missed })}</td>
        </tr>
        {refusals.length > 0 && (
          <tr>
            <th scope="row">{t('perf.refusals')}</th>
            <td>{refusals.map(([why, n]) => `${enumLabel('reason', why)}: ${n}`).join(' · ')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function Figures({ data, type }: { data: Turnaround; type?: string | undefined }) {
  const one = type ? data.types.find((x) => x.type === type) : undefined;
  const minimum = data.minimumGroup ? <p class="muted small">{t('perf.minimum', { n: data.minimumGroup })}</p> : null;
  if (data.all.sent === 0) return minimum ?? <p class="muted">{t('perf.none')}</p>;
  return (
    <>
      <FiguresTable f={data.all} caption={t('perf.allTypes')} />
      {one && <FiguresTable f={one} caption={enumLabel('requestType', one.type)} />}
      <p class="muted small">{t('perf.resolution')}</p>
      {minimum}
    </>
  );
}

/** What to expect of a partner, beside the request form (and on the partners page). */
export function PartnerPanel({ orgId, type }: { orgId: string; type?: string }) {
  const orgs = useOrganisations();
  const name = orgLabel(orgs, orgId);
  const r = usePoll(
    () => (orgId ? ok(api().GET('/v1/partners/{orgId}/turnaround', { params: { path: { orgId } } })) : Promise.resolve(undefined)),
    [orgId],
    false,
  );
  return (
    <section class="card" aria-label={t('perf.expect', { org: name })}>
      <h4>{t('perf.expect', { org: name })}</h4>
      {r.loading && <Loading />}
      <Problem error={r.error} />
      {r.data && <Figures data={r.data} type={type} />}
    </section>
  );
}

/** The private partners, each with its figures. */
export function Partners() {
  const r = usePoll(() => all((cursor) => ok(api().GET('/v1/organisations', { params: { query: { cursor } } }))), []);
  const partners = r.data?.filter((o) => o.kind === 'provider') ?? [];
  return (
    <Page title={t('perf.partners')}>
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error} />
      {partners.map((o) => (
        <PartnerPanel key={o.id} orgId={o.id} />
      ))}
    </Page>
  );
}

/** A partner's own figures, as the agencies see them. */
export function MyPerformance() {
  const r = usePoll(() => ok(api().GET('/v1/portal/turnaround')), []);
  return (
    <Page title={t('perf.mine')}>
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error} />
      {r.data && (
        <>
          <Figures data={r.data} />
          {r.data.types.map((x) => (
            <FiguresTable key={x.type} f={x} caption={enumLabel('requestType', x.type)} />
          ))}
        </>
      )}
    </Page>
  );
}
