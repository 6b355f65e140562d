import { all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem, Status } from '../../ui';

type Task = Schemas['Task'];

async function loadToday(me: Schemas['Principal']) {
  const c = api();
  if (me.orgKind === 'provider') {
    const requests = await all((cursor) => ok(c.GET('/v1/portal/requests', { params: { query: { cursor } } })));
    const notifications = await ok(c.GET('/v1/notifications', { params: { query: { pending: 'true' } } }));
    return { kind: 'provider' as const, requests, notifications: notifications.items };
  }
  const [mine, memberships, invitations, notifications] = await Promise.all([
    all((cursor) => ok(c.GET('/v1/tasks', { params: { query: { cursor } } }))),
    all((cursor) => ok(c.GET('/v1/workspaces', { params: { query: { cursor } } }))),
    ok(c.GET('/v1/invitations')).then((p) => p.items.filter((i) => i.status === 'pending')),
    ok(c.GET('/v1/notifications', { params: { query: { pending: 'true' } } })).then((p) => p.items),
  ]);
  // What I set for others and is late: the overdue tasks of the workspaces my agency leads.
  const led = memberships.filter((m) => m.role === 'lead');
  const ledOverdue = (
    await Promise.all(
      led.map((m) =>
        ok(
          c.GET('/v1/workspaces/{workspaceId}/tasks', { params: { path: { workspaceId: m.workspaceId }, query: { overdue: 'true' } } }),
        ).then((p) => p.items),
      ),
    )
  ).flat();
  const seen = new Set<string>();
  const overdue = [...mine.filter((x) => x.overdue), ...ledOverdue].filter((x) => !seen.has(x.id) && seen.add(x.id));
  const soon = mine.filter((x) => !x.overdue && new Date(x.dueAt).getTime() - Date.now() < 86_400_000);
  return { kind: 'agency' as const, overdue, soon, invitations, notifications, memberships };
}

function TaskRow({ task }: { task: Task }) {
  return (
    <li class="row" data-testid={`task-${task.id}`}>
      <MarkingBanner marking={task.marking} compact />
      <div class="row-main">
        <a href={href('w', task.workspaceId, 'tasks', task.id)}>{task.title}</a>
        <span class="meta">
          {task.assigneeOrgId} · <Status value={task.status} /> · <span class={`prio prio-${task.priority}`}>{task.priority}</span>
          {task.overdue && <strong class="badge late"> {t('tasks.overdue')}</strong>}
        </span>
      </div>
      {task.overdue ? null : <Countdown iso={task.dueAt} />}
    </li>
  );
}

function NotificationList({ items, reload }: { items: Schemas['Notification'][]; reload: () => void }) {
  if (items.length === 0) return <p class="muted">{t('today.nothing')}</p>;
  return (
    <ul class="rows">
      {items.map((n) => (
        <li class="row" key={n.id}>
          {n.tlp && (
            <MarkingBanner
              marking={{ tlp: n.tlp as Task['marking']['tlp'], caveats: (n.caveats ?? []) as Task['marking']['caveats'] }}
              compact
            />
          )}
          <div class="row-main">
            <a href={notificationLink(n)}>{n.type}</a>
            <span class="meta">
              {'actorOrgId' in n ? n.actorOrgId : n.requestingAgency.orgId} · {fmtDateTime(n.at)}
            </span>
          </div>
          <button
            type="button"
            onClick={async () => {
              await ok(api().POST('/v1/notifications/{notificationId}/acknowledge', { params: { path: { notificationId: n.id } } }));
              reload();
            }}
          >
            {t('common.ack')}
          </button>
        </li>
      ))}
    </ul>
  );
}

const notificationLink = (n: Schemas['Notification']): string => {
  // A partner's notifications name no workspace: its requests live in its inbox.
  const ws = 'workspaceId' in n ? n.workspaceId : undefined;
  if (n.subject.type === 'request') return ws ? href('w', ws, 'requests', n.subject.id) : href('inbox', n.subject.id);
  if (n.subject.type === 'incident' && ws) return href('w', ws, 'incidents', n.subject.id);
  if (n.subject.type === 'task' && ws) return href('w', ws, 'tasks', n.subject.id);
  return ws ? href('w', ws) : href();
};

export function Today() {
  const s = useSignal(session)!;
  const r = usePoll(() => loadToday(s.me), [s.token]);
  return (
    <Page title={t('today.title')}>
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error} />
      {r.data?.kind === 'provider' && (
        <>
          <section aria-labelledby="h-wait">
            <h2 id="h-wait">{t('today.waiting')}</h2>
            <ul class="rows">
              {r.data.requests
                .filter((q) => q.status === 'sent')
                .map((q) => (
                  <li class="row" key={q.id}>
                    <MarkingBanner marking={q.handling} compact />
                    <div class="row-main">
                      <a href={href('inbox', q.id)}>{q.description}</a>
                      <span class="meta">
                        {q.type} · {q.requestingAgency.orgId}
                      </span>
                    </div>
                    <Countdown iso={q.clock?.dueAt} paused={q.clock?.paused} />
                  </li>
                ))}
            </ul>
          </section>
          <section aria-labelledby="h-notes">
            <h2 id="h-notes">{t('nav.inbox')}</h2>
            <NotificationList items={r.data.notifications} reload={r.reload} />
          </section>
        </>
      )}
      {r.data?.kind === 'agency' && (
        <>
          <section aria-labelledby="h-overdue">
            <h2 id="h-overdue">
              {t('today.overdue')} <span class="count">{r.data.overdue.length}</span>
            </h2>
            {r.data.overdue.length === 0 ? (
              <p class="muted">{t('today.nothing')}</p>
            ) : (
              <ul class="rows">
                {r.data.overdue.map((x) => (
                  <TaskRow task={x} key={x.id} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="h-soon">
            <h2 id="h-soon">{t('today.dueSoon')}</h2>
            {r.data.soon.length === 0 ? (
              <p class="muted">{t('today.nothing')}</p>
            ) : (
              <ul class="rows">
                {r.data.soon.map((x) => (
                  <TaskRow task={x} key={x.id} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="h-wait">
            <h2 id="h-wait">{t('today.waiting')}</h2>
            <NotificationList items={r.data.notifications} reload={r.reload} />
          </section>
          {r.data.invitations.length > 0 && (
            <section aria-labelledby="h-inv">
              <h2 id="h-inv">{t('today.invitations')}</h2>
              <ul class="rows">
                {r.data.invitations.map((i) => (
                  <li class="row" key={i.workspaceId}>
                    <div class="row-main">
                      <span>{i.workspaceTitle}</span>
                      <span class="meta">
                        {i.role} · {i.invitedBy.orgId}
                      </span>
                    </div>
                    <button
                      type="button"
                      onClick={async () => {
                        await ok(
                          api().POST('/v1/workspaces/{workspaceId}/invitations/{orgId}/accept', {
                            params: { path: { workspaceId: i.workspaceId, orgId: i.orgId } },
                          }),
                        );
                        r.reload();
                      }}
                    >
                      {t('today.accept')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
