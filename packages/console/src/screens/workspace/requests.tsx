import { all, api, ok, type Schemas, session } from '../../api/client';
import { downloadCsv } from '../../csv';
import { usePoll } from '../../hooks';
import { enumLabel, t } from '../../i18n';
import { href } from '../../router';
import { Countdown, MarkingBanner, Problem, Status } from '../../ui';
import { ListControls, matches, pageOf, useListFilter } from '../requests/list-controls';
import { AwaitingValidation } from '../requests/order-lazy';
import { usePartners } from '../requests/partner-select';
import { NewRequest } from './new-request';

export function Requests({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const r = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/requests', { params: { path: { workspaceId: ws.id }, query: { cursor } } })),
      ),
    [ws.id],
  );
  const partners = usePartners();
  const nameOf = (id: string) => partners.data?.find((o) => o.id === id)?.name ?? id;
  const [filter, setFilter] = useListFilter();
  const rows = [...(r.data ?? [])]
    .sort((a, b) => (a.clock?.dueAt ?? '9').localeCompare(b.clock?.dueAt ?? '9'))
    .filter((q) => matches(q, filter, [q.description, nameOf(q.providerOrgId)]));
  const page = pageOf(rows, filter.page);
  return (
    <section aria-labelledby="h-req">
      <h2 id="h-req">{t('ws.requests')}</h2>
      <Problem error={r.error} />
      {session.value?.me.roles.includes('validating_authority') && <AwaitingValidation rows={r.data ?? []} ws={ws.id} />}
      <ListControls
        list="requests"
        filter={filter}
        setFilter={setFilter}
        total={rows.length}
        onCsv={() =>
          downloadCsv(
            `requests-${ws.id}`,
            ['reference', 'description', 'type', 'urgency', 'addressee', 'status', 'due', 'tlp'],
            rows.map((q) => [q.id, q.description, q.type, q.urgency, nameOf(q.providerOrgId), q.status, q.clock?.dueAt, q.marking.tlp]),
          )
        }
      />
      {r.data && rows.length === 0 && <p class="muted">{t('req.none')}</p>}
      <ul class="rows">
        {page.map((q) => (
          <li class="row" key={q.id}>
            <MarkingBanner marking={q.marking} compact />
            <div class="row-main">
              <a href={href('w', ws.id, 'requests', q.id)}>{q.description}</a>
              <span class="meta">
                {enumLabel('requestType', q.type)} · {nameOf(q.providerOrgId)} · <Status value={q.status} />
              </span>
            </div>
            <Countdown iso={q.clock?.dueAt} paused={Boolean(q.clock?.pausedAt)} />
          </li>
        ))}
      </ul>
      {isLead && <NewRequest ws={ws} />}
      <a href={href('w', ws.id, 'takedowns')}>{t('td.new')}</a>
    </section>
  );
}
