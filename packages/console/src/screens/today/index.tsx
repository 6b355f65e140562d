import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, type Key, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem, Status } from '../../ui';
import { bySeverityThenNewest, GROUPS, type Group, groupOf, type Note, NoteRow } from './notes';

type Task = Schemas['Task'];

const DAY_MS = 86_400_000;

async function loadToday(me: Schemas['Principal']) {
  const c = api();
  if (me.orgKind === 'provider') {
    const requests = await all((cursor) => ok(c.GET('/v1/portal/requests', { params: { query: { cursor } } })));
    return { kind: 'provider' as const, requests };
  }
  const [mine, memberships, invitations, orgs] = await Promise.all([
    all((cursor) => ok(c.GET('/v1/tasks', { params: { query: { cursor } } }))),
    all((cursor) => ok(c.GET('/v1/workspaces', { params: { query: { cursor } } }))),
    ok(c.GET('/v1/invitations')).then((p) => p.items.filter((i) => i.status === 'pending')),
    all((cursor) => ok(c.GET('/v1/organisations', { params: { query: { cursor } } }))).catch(() => []),
  ]);
  // What I set for others: the open tasks of the workspaces my agency leads (late, or due within a day).
  const led = memberships.filter((m) => m.role === 'lead');
  const ledTasks = (
    await Promise.all(
      led.map((m) =>
        all((cursor) =>
          ok(c.GET('/v1/workspaces/{workspaceId}/tasks', { params: { path: { workspaceId: m.workspaceId }, query: { cursor } } })),
        ),
      ),
    )
  ).flat();
  const seen = new Set<string>();
  const live = [...mine, ...ledTasks].filter(
    (x) => !seen.has(x.id) && seen.add(x.id) && !['done', 'declined', 'cancelled'].includes(x.status),
  );
  const overdue = live.filter((x) => x.overdue);
  const soon = live.filter((x) => !x.overdue && new Date(x.dueAt).getTime() - Date.now() < DAY_MS);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  /** Every task read, as it is now: what an older notification about it is checked against. */
  const tasks = new Map([...mine, ...ledTasks].map((x) => [x.id, x]));
  return { kind: 'agency' as const, overdue, soon, invitations, memberships, names, tasks };
}

function TaskRow({ task, orgName = (id) => id }: { task: Task; orgName?: (id: string) => string }) {
  return (
    <li class="row" data-testid={`task-${task.id}`}>
      <MarkingBanner marking={task.marking} compact />
      <div class="row-main">
        <a href={href('w', task.workspaceId, 'tasks', task.id)}>{task.title}</a>
        <span class="meta">
          {orgName(task.assigneeOrgId)} · <Status value={task.status} /> ·{' '}
          <span class={`prio prio-${task.priority}`}>{t(`today.priority.${task.priority}` as Key)}</span>
          {task.overdue && <strong class="badge late"> {t('tasks.overdue')}</strong>}
        </span>
      </div>
      {task.overdue ? null : <Countdown iso={task.dueAt} />}
    </li>
  );
}

const PAGE = 10;
/** How many batches one "mark all read" asks for at most (each acknowledges up to 100). */
const MARK_ALL_ROUNDS = 20;

const newestFirst = (cursor?: string) =>
  ok(
    api().GET('/v1/notifications', {
      params: { query: { pending: 'true', order: 'newest', others: 'true', limit: PAGE, ...(cursor ? { cursor } : {}) } },
    }),
  );

/**
 * What happened to others that I have not read yet, newest first from the server, page by page
 * ("Show more" follows the server's cursor), grouped and ordered on screen by `groupOf` and
 * severity. The first page is polled; the pages shown after it are kept until read.
 */
function useNotes(token: string) {
  const first = usePoll(() => newestFirst(), [token]);
  const [extra, setExtra] = useState<{ items: Note[]; next?: string | undefined; loaded: boolean }>({ items: [], loaded: false });
  const next = extra.loaded ? extra.next : first.data?.next;
  const seen = new Set<string>();
  const items = [...(first.data?.items ?? []), ...extra.items].filter((n) => !seen.has(n.id) && seen.add(n.id));
  return {
    items,
    loaded: first.data !== undefined,
    error: first.error,
    next,
    async more() {
      if (!next) return;
      const page = await newestFirst(next);
      setExtra((e) => ({ items: [...e.items, ...page.items], next: page.next, loaded: true }));
    },
    async reload(read?: string) {
      if (read) setExtra((e) => ({ ...e, items: e.items.filter((n) => n.id !== read) }));
      else setExtra({ items: [], loaded: false });
      await first.reload();
    },
  };
}

function NoteSection({
  id,
  heading,
  notes,
  orgName,
  onRead,
  children,
  footer,
  pastOf,
}: {
  id: string;
  heading: string;
  notes: Note[];
  orgName: (id: string) => string;
  onRead: (id: string) => void;
  /** What a notification about a past state says the record is now (shown beside it), if it changed since. */
  pastOf?: (n: Note) => string | undefined;
  children?: ComponentChildren;
  footer?: ComponentChildren;
}) {
  const empty = notes.length === 0 && !children;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading} <span class="count">{notes.length}</span>
      </h2>
      {empty ? (
        <p class="muted">{t('today.nothing')}</p>
      ) : (
        <ul class="rows">
          {children}
          {[...notes].sort(bySeverityThenNewest).map((n) => (
            <NoteRow n={n} key={n.id} orgName={orgName} onRead={() => onRead(n.id)} past={pastOf?.(n)} />
          ))}
        </ul>
      )}
      {footer}
    </section>
  );
}

export function Today() {
  const s = useSignal(session)!;
  const r = usePoll(() => loadToday(s.me), [s.token]);
  const notes = useNotes(s.token);
  const [said, setSaid] = useState('');
  const [err, setErr] = useState<unknown>();
  const names = r.data?.kind === 'agency' ? r.data.names : new Map<string, string>();
  const orgName = (id: string) => (id === 'system' ? t('notif.system') : (names.get(id) ?? id));
  const grouped = Object.fromEntries(GROUPS.map((g) => [g, notes.items.filter((n) => groupOf(n) === g)])) as Record<Group, Note[]>;
  // A task already listed as overdue is not listed again by its "overdue" notification.
  const lateTasks = new Set(r.data?.kind === 'agency' ? r.data.overdue.map((x) => x.id) : []);
  // An "overdue" notice about a task that is no longer overdue (its due time moved later) is a past
  // state: it leaves the overdue group and shows what the task is now.
  const tasksNow = r.data?.kind === 'agency' ? r.data.tasks : new Map<string, Task>();
  const pastOf = (n: Note): string | undefined => {
    const task = n.type === 'task.overdue' ? tasksNow.get(n.subject.id) : undefined;
    if (!task || task.overdue) return undefined;
    return ['done', 'declined', 'cancelled'].includes(task.status)
      ? t('today.nowStatus', { status: enumLabel('status', task.status) })
      : t('today.nowDue', { time: fmtDateTime(task.dueAt) });
  };
  const lateNotes = grouped.overdue.filter((n) => !lateTasks.has(n.subject.id) && !pastOf(n));
  const pastNotes = grouped.overdue.filter((n) => pastOf(n));
  const onRead = (id: string) => {
    setSaid(t('notif.markedOne'));
    void notes.reload(id);
  };
  const markAll = async () => {
    setErr(undefined);
    // Only what is on screen: something arriving meanwhile stays unread.
    const until = notes.items
      .map((n) => n.at)
      .sort()
      .at(-1);
    if (!until) return;
    try {
      let total = 0;
      for (let i = 0; i < MARK_ALL_ROUNDS; i++) {
        const out = await ok(api().POST('/v1/notifications/all/acknowledge', { body: { until } }));
        total += out.acknowledged;
        if (!out.more) break;
      }
      setSaid(t('notif.markedAll', { n: total }));
      await notes.reload();
    } catch (x) {
      setErr(x);
    }
  };
  const toolbar = (
    <div class="note-tools">
      <p role="status" class="muted">
        {said}
      </p>
      {notes.items.length > 0 && (
        <button type="button" onClick={markAll}>
          {t('notif.markAll')}
        </button>
      )}
    </div>
  );
  const showMore = notes.next && (
    <p>
      <button type="button" onClick={() => notes.more().catch(setErr)}>
        {t('notif.showMore')}
      </button>
    </p>
  );
  return (
    <Page title={t('today.title')} actions={toolbar}>
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error ?? notes.error ?? err} />
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
                        {enumLabel('requestType', q.type)} · {q.requestingAgency.orgId} ({q.requestingAgency.country})
                      </span>
                    </div>
                    <Countdown iso={q.clock?.dueAt} paused={q.clock?.paused} />
                  </li>
                ))}
            </ul>
          </section>
          <NoteSection id="h-notes" heading={t('today.updates')} notes={notes.items} orgName={orgName} onRead={onRead} />
          {showMore}
        </>
      )}
      {r.data?.kind === 'agency' && (
        <>
          <NoteSection
            id="h-urgent"
            heading={t('today.urgent')}
            notes={grouped.urgent}
            orgName={orgName}
            onRead={onRead}
            footer={
              <p class="to-pager">
                <a href={href('pager')}>{t('today.toPager')}</a>
              </p>
            }
          />
          <section aria-labelledby="h-overdue">
            <h2 id="h-overdue">
              {t('today.overdue')} <span class="count">{r.data.overdue.length}</span>
            </h2>
            {r.data.overdue.length === 0 && lateNotes.length === 0 ? (
              <p class="muted">{t('today.nothing')}</p>
            ) : (
              <ul class="rows">
                {r.data.overdue.map((x) => (
                  <TaskRow task={x} key={x.id} orgName={orgName} />
                ))}
                {lateNotes.sort(bySeverityThenNewest).map((n) => (
                  <NoteRow n={n} key={n.id} orgName={orgName} onRead={() => onRead(n.id)} />
                ))}
              </ul>
            )}
          </section>
          <NoteSection id="h-wait" heading={t('today.waiting')} notes={grouped.waiting} orgName={orgName} onRead={onRead}>
            {r.data.invitations.length > 0 &&
              r.data.invitations.map((i) => (
                <li class="row" key={i.workspaceId}>
                  <div class="row-main">
                    <span>{t('today.invitedTo', { title: i.workspaceTitle })}</span>
                    <span class="meta">{orgName(i.invitedBy.orgId)}</span>
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
          </NoteSection>
          <section aria-labelledby="h-soon">
            <h2 id="h-soon">{t('today.dueSoon')}</h2>
            {r.data.soon.length === 0 ? (
              <p class="muted">{t('today.nothing')}</p>
            ) : (
              <ul class="rows">
                {r.data.soon.map((x) => (
                  <TaskRow task={x} key={x.id} orgName={orgName} />
                ))}
              </ul>
            )}
          </section>
          <NoteSection
            id="h-rest"
            heading={t('today.rest')}
            notes={[...grouped.rest, ...pastNotes]}
            orgName={orgName}
            onRead={onRead}
            pastOf={pastOf}
          />
          {showMore}
        </>
      )}
    </Page>
  );
}
