import { all, api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { href } from '../../router';
import { Countdown, MarkingBanner, Problem, Status } from '../../ui';
import { NewRequest } from './new-request';

export function Requests({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const r = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/requests', { params: { path: { workspaceId: ws.id }, query: { cursor } } })),
      ),
    [ws.id],
  );
  return (
    <section aria-labelledby="h-req">
      <h2 id="h-req">{t('ws.requests')}</h2>
      <Problem error={r.error} />
      {r.data && r.data.length === 0 && <p class="muted">{t('req.none')}</p>}
      <ul class="rows">
        {[...(r.data ?? [])]
          .sort((a, b) => (a.clock?.dueAt ?? '9').localeCompare(b.clock?.dueAt ?? '9'))
          .map((q) => (
            <li class="row" key={q.id}>
              <MarkingBanner marking={q.marking} compact />
              <div class="row-main">
                <a href={href('w', ws.id, 'requests', q.id)}>{q.description}</a>
                <span class="meta">
                  {q.type} · {q.providerOrgId} · <Status value={q.status} />
                </span>
              </div>
              <Countdown iso={q.clock?.dueAt} paused={Boolean(q.clock?.pausedAt)} />
            </li>
          ))}
      </ul>
      {isLead && <NewRequest ws={ws} onDone={r.reload} />}
      <a href={href('w', ws.id, 'takedowns')}>{t('td.new')}</a>
    </section>
  );
}
