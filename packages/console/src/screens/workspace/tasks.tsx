import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { applyFilter, FilterBar, useFilter } from '../../filters';
import { useCreateForm, usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, fmtIsoDuration, labelUnder, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem, Status } from '../../ui';
import { EvidenceFiles } from '../evidence';
import { ThreadPanel } from '../threads/thread';
import { AskRelease } from '../transfers';
import { SelectorRows, selectorsFrom } from './selectors';
import { CsvButton, orgLabel, useOrganisations } from './shared';

type Task = Schemas['Task'];
const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
const PRIORITY_RANK: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** What the lead must look at first: overdue, then soonest due, then the most urgent; finished work last. */
const byUrgency = (a: Task, b: Task): number => {
  const done = (x: Task) => (['done', 'declined', 'cancelled'].includes(x.status) ? 1 : 0);
  return (
    done(a) - done(b) ||
    Number(b.overdue) - Number(a.overdue) ||
    a.dueAt.localeCompare(b.dueAt) ||
    (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9)
  );
};

function TaskRow({ task, orgs }: { task: Task; orgs: Schemas['Organisation'][] }) {
  return (
    <li class={`row${task.overdue ? ' overdue' : ''}`} data-testid={`task-${task.id}`}>
      <MarkingBanner marking={task.marking} compact />
      <div class="row-main">
        <a href={href('w', task.workspaceId, 'tasks', task.id)}>{task.title}</a>
        <span class="meta">
          {orgLabel(orgs, task.assigneeOrgId)} · <Status value={task.status} /> ·{' '}
          <span class={`prio prio-${task.priority}`}>{labelUnder('task.priority', task.priority)}</span>
          {task.overdue && <strong class="badge late"> {t('tasks.overdue')}</strong>}
        </span>
        {task.description && <span class="meta task-description">{task.description}</span>}
      </div>
      {task.overdue ? null : <Countdown iso={task.dueAt} />}
    </li>
  );
}

const STATUSES = ['open', 'accepted', 'in_progress', 'done', 'declined', 'cancelled'] as const;

export function Tasks({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const [view, setView] = useState<'list' | 'board'>('list');
  const r = usePoll(
    () =>
      all((cursor) => ok(api().GET('/v1/workspaces/{workspaceId}/tasks', { params: { path: { workspaceId: ws.id }, query: { cursor } } }))),
    [ws.id],
  );
  const every = [...(r.data ?? [])].sort(byUrgency);
  const orgs = useOrganisations();
  const overdue = every.filter((x) => x.overdue).length;
  const [filter, setFilter] = useFilter();
  const tasks = applyFilter(
    every,
    filter,
    (x) => `${x.title} ${x.description ?? ''} ${orgLabel(orgs, x.assigneeOrgId)}`,
    (x) => x.status,
  );
  return (
    <section aria-labelledby="h-tasks">
      <div class="section-head">
        <h2 id="h-tasks">{t('ws.tasks')}</h2>
        {overdue > 0 && <strong class="badge late">{t('ws.overdue', { n: overdue })}</strong>}
        <CsvButton
          name="tasks"
          header={[
            t('tasks.titleField'),
            t('tasks.assignee'),
            t('tasks.status'),
            t('tasks.priority'),
            t('tasks.due'),
            t('tasks.overdue'),
            'TLP',
          ]}
          rows={() =>
            tasks.map((x) => [
              x.title,
              orgLabel(orgs, x.assigneeOrgId),
              enumLabel('status', x.status),
              labelUnder('task.priority', x.priority),
              x.dueAt,
              x.overdue ? t('tasks.overdue') : '',
              x.marking.tlp,
            ])
          }
        />
        <fieldset class="toggle">
          <legend class="sr-only">{t('ws.tasks')}</legend>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('tasks.list')}
          </button>
          <button type="button" aria-pressed={view === 'board'} onClick={() => setView('board')}>
            {t('tasks.board')}
          </button>
        </fieldset>
      </div>
      <FilterBar list="tasks" statuses={STATUSES} filter={filter} onChange={setFilter} shown={tasks.length} total={every.length} />
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      {r.data && every.length === 0 && <p class="muted">{t('tasks.none')}</p>}
      {view === 'list' ? (
        <ul class="rows">
          {tasks.map((x) => (
            <TaskRow task={x} orgs={orgs} key={x.id} />
          ))}
        </ul>
      ) : (
        <div class="board">
          {STATUSES.map((st) => (
            <section class="column" key={st} aria-labelledby={`col-${st}`}>
              <h3 id={`col-${st}`}>
                <Status value={st} /> <span class="count">{tasks.filter((x) => x.status === st).length}</span>
              </h3>
              <ul class="rows">
                {tasks
                  .filter((x) => x.status === st)
                  .map((x) => (
                    <TaskRow task={x} orgs={orgs} key={x.id} />
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {isLead && <NewTask ws={ws} onDone={r.reload} />}
    </section>
  );
}

const inHours = (h: number) => {
  const d = new Date(Date.now() + h * 3600_000);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function NewTask({ ws, onDone }: { ws: Schemas['Workspace']; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { err, sent, onSubmit } = useCreateForm(async (f) => {
    setNote('');
    const reminder = String(f.get('reminder') ?? '');
    const made = await ok(
      api().POST('/v1/workspaces/{workspaceId}/tasks', {
        params: { path: { workspaceId: ws.id } },
        body: {
          title: String(f.get('title')),
          description: String(f.get('description') ?? ''),
          assigneeOrgId: String(f.get('assignee')),
          dueAt: new Date(String(f.get('due'))).toISOString(),
          priority: f.get('priority') as Schemas['CreateTask']['priority'],
          reminders: reminder ? [reminder] : [],
          marking: markingOf(f),
          ...selectorsFrom(f),
        },
      }),
    );
    const who = ws.members.find((m) => m.orgId === made.assigneeOrgId)?.orgName ?? made.assigneeOrgId;
    setNote(t('tasks.setFor', { title: made.title, org: who }));
  }, onDone);
  return (
    <form class="card" aria-labelledby="h-newtask" onSubmit={onSubmit}>
      <h3 id="h-newtask">{t('tasks.new')}</h3>
      <label>
        {t('tasks.titleField')}
        <input name="title" required maxLength={200} />
      </label>
      <label>
        {t('tasks.description')}
        <textarea name="description" rows={3} maxLength={10_000} />
      </label>
      <label>
        {t('tasks.assignee')}
        <select name="assignee" key={`assignee-${sent}`}>
          {ws.members
            .filter((m) => m.role !== 'observer')
            .map((m) => (
              <option key={m.orgId} value={m.orgId}>
                {m.orgName} ({m.country})
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('tasks.due')}
        <input name="due" type="datetime-local" required defaultValue={inHours(48)} />
      </label>
      <label>
        {t('tasks.priority')}
        <select name="priority" key={`priority-${sent}`}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p} selected={p === 'normal'}>
              {labelUnder('task.priority', p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tasks.reminders')}
        <select name="reminder" key={`reminder-${sent}`}>
          <option value="">—</option>
          {['PT15M', 'PT1H', 'P1D'].map((p) => (
            <option key={p} value={p} selected={p === 'PT1H'}>
              {fmtIsoDuration(p)}
            </option>
          ))}
        </select>
      </label>
      <SelectorRows key={sent} id="newtask" />
      <MarkingEditor key={sent} id="newtask" ws={ws} defaultTlp="GREEN" error={err} />
      <Problem error={err} />
      <button type="submit">{t('tasks.create')}</button>
      <p role="status" class="ok">
        {note}
      </p>
    </form>
  );
}

export function TaskDetail({ ws, id }: { ws: string; id: string }) {
  const s = useSignal(session)!;
  const r = usePoll(
    () => ok(api().GET('/v1/workspaces/{workspaceId}/tasks/{taskId}', { params: { path: { workspaceId: ws, taskId: id } } })),
    [ws, id],
  );
  const [err, setErr] = useState<unknown>();
  const [note, setNote] = useState('');
  const task = r.data;
  // One move at a time: a second tap while the first is on its way would carry a stale version.
  const [busy, setBusy] = useState(false);
  const move = async (status: Schemas['UpdateTask']['status'], reason?: string) => {
    setErr(undefined);
    setBusy(true);
    try {
      await ok(
        api().PATCH('/v1/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId: ws, taskId: id }, header: { 'if-match': `"${task!.version}"` } },
          body: { status, ...(reason ? { reason } : {}) },
        }),
      );
      setNote(t('task.saved'));
      await r.reload();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  const mine = task?.assigneeOrgId === s.me.orgId;
  const [reason, setReason] = useState('');
  const orgs = useOrganisations();
  return (
    <Page title={task?.title ?? t('common.loading')}>
      <p>
        <a href={href('w', ws, 'tasks')}>← {t('common.back')}</a>
      </p>
      <Problem error={r.error} />
      {task && (
        <article class="record">
          <MarkingBanner marking={task.marking} />
          <dl class="facts">
            <dt>{t('tasks.status')}</dt>
            <dd>
              <Status value={task.status} /> {task.overdue && <strong class="badge late">{t('tasks.overdue')}</strong>}
            </dd>
            <dt>{t('tasks.assignee')}</dt>
            <dd>{orgLabel(orgs, task.assigneeOrgId)}</dd>
            <dt>{t('tasks.due')}</dt>
            <dd>
              {fmtDateTime(task.dueAt)} · <Countdown iso={task.dueAt} />
            </dd>
            <dt>{t('tasks.priority')}</dt>
            <dd>{labelUnder('task.priority', task.priority)}</dd>
            <dt>{t('tasks.reminders')}</dt>
            <dd>{task.reminders.map(fmtIsoDuration).join(', ') || '—'}</dd>
          </dl>
          {task.description && (
            <section aria-labelledby="h-task-desc">
              <h2 id="h-task-desc">{t('tasks.description')}</h2>
              <p class="task-description">{task.description}</p>
            </section>
          )}
          <div class="actions">
            {mine && task.status === 'open' && (
              <button type="button" disabled={busy} onClick={() => move('accepted')}>
                {t('task.accept')}
              </button>
            )}
            {mine && task.status === 'accepted' && (
              <button type="button" disabled={busy} onClick={() => move('in_progress')}>
                {t('task.start')}
              </button>
            )}
            {mine && (task.status === 'accepted' || task.status === 'in_progress') && (
              <button type="button" disabled={busy} onClick={() => move('done')}>
                {t('task.done')}
              </button>
            )}
            {mine && ['open', 'accepted', 'in_progress'].includes(task.status) && (
              <>
                <label>
                  {t('task.reason')}
                  <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                </label>
                <button type="button" class="secondary" disabled={busy} onClick={() => move('declined', reason || undefined)}>
                  {t('task.decline')}
                </button>
              </>
            )}
          </div>
          <p aria-live="polite">{note}</p>
          <Problem error={err} />
          <AskRelease ws={ws} type="task" id={id} />
          <EvidenceFiles where={{ as: 'agency', workspaceId: ws, parentKind: 'tasks', parentId: id }} />
        </article>
      )}
      {task && <ThreadPanel source={{ as: 'agency', ws, kind: 'task', id }} />}
    </Page>
  );
}
