import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { useCreateForm, usePoll } from '../../hooks';
import { fmtDateTime, fmtIsoDuration, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go, href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem, Status } from '../../ui';
import { SelectorsField, selectorsOf } from '../matching';
import { assetsOf, basisCode, RequestBasisAndAssets, selectorOf } from '../requests/targets';
import { TaskRow } from '../today';
import { AskRelease, Transfers } from '../transfers';
import { PartnerPanel } from '../turnaround';
import { AuditTrail } from './audit';
import { Invite } from './invite';

export function Workspaces() {
  const r = usePoll(async () => {
    const ms = await all((cursor) => ok(api().GET('/v1/workspaces', { params: { query: { cursor } } })));
    return Promise.all(
      ms.map(async (m) => ({
        m,
        overdue: (
          await ok(
            api().GET('/v1/workspaces/{workspaceId}/tasks', {
              params: { path: { workspaceId: m.workspaceId }, query: { overdue: 'true' } },
            }),
          )
        ).items.length,
      })),
    );
  }, []);
  return (
    <Page title={t('ws.title')}>
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error} />
      <ul class="rows">
        {r.data?.map(({ m, overdue }) => (
          <li class="row" key={m.workspaceId}>
            <div class="row-main">
              <a href={href('w', m.workspaceId)}>{m.title}</a>
              <span class="meta">
                {m.role} · <Status value={m.status} />
              </span>
            </div>
            <span class={`badge${overdue ? ' late' : ''}`}>{t('ws.overdue', { n: overdue })}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
}

const TABS = ['tasks', 'requests', 'incidents', 'members', 'audit', 'transfers'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, Parameters<typeof t>[0]> = {
  tasks: 'ws.tasks',
  requests: 'ws.requests',
  incidents: 'ws.incidents',
  members: 'ws.members',
  audit: 'ws.audit',
  transfers: 'xfer.title',
};

export function Workspace({ id, tab = 'tasks' }: { id: string; tab?: string }) {
  const r = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId: id } } })), [id]);
  const s = useSignal(session)!;
  const ws = r.data;
  const isLead = ws?.leadOrgId === s.me.orgId;
  const current = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'tasks';
  return (
    <Page title={ws?.title ?? t('common.loading')}>
      <Problem error={r.error} />
      {ws && (
        <p class="meta">
          {t('ws.lead')}: {ws.leadOrgId} · {t('ws.legal')}: {ws.legalBasis.code} · <Status value={ws.status} />
        </p>
      )}
      <nav aria-label={ws?.title ?? 'workspace'} class="tabs">
        {TABS.map((x) => (
          <a key={x} href={href('w', id, x)} aria-current={x === current ? 'page' : undefined}>
            {t(TAB_LABEL[x])}
          </a>
        ))}
      </nav>
      {ws && current === 'tasks' && <Tasks ws={ws} isLead={isLead} />}
      {ws && current === 'requests' && <Requests ws={ws} isLead={isLead} />}
      {ws && current === 'incidents' && <Incidents ws={ws} />}
      {ws && current === 'members' && <Members ws={ws} isLead={isLead} />}
      {ws && current === 'audit' && <AuditTrail workspaceId={ws.id} />}
      {ws && current === 'transfers' && <Transfers ws={ws.id} />}
    </Page>
  );
}

const STATUSES = ['open', 'accepted', 'in_progress', 'done', 'declined', 'cancelled'] as const;

function Tasks({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const [view, setView] = useState<'list' | 'board'>('list');
  const r = usePoll(
    () =>
      all((cursor) => ok(api().GET('/v1/workspaces/{workspaceId}/tasks', { params: { path: { workspaceId: ws.id }, query: { cursor } } }))),
    [ws.id],
  );
  const tasks = r.data ?? [];
  return (
    <section aria-labelledby="h-tasks">
      <div class="section-head">
        <h2 id="h-tasks">{t('ws.tasks')}</h2>
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
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      {r.data && tasks.length === 0 && <p class="muted">{t('tasks.none')}</p>}
      {view === 'list' ? (
        <ul class="rows">
          {tasks.map((x) => (
            <TaskRow task={x} key={x.id} />
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
                    <TaskRow task={x} key={x.id} />
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
  const { err, sent, onSubmit } = useCreateForm(async (f) => {
    const reminder = String(f.get('reminder') ?? '');
    await ok(
      api().POST('/v1/workspaces/{workspaceId}/tasks', {
        params: { path: { workspaceId: ws.id } },
        body: {
          title: String(f.get('title')),
          description: '',
          assigneeOrgId: String(f.get('assignee')),
          dueAt: new Date(String(f.get('due'))).toISOString(),
          priority: f.get('priority') as Schemas['CreateTask']['priority'],
          reminders: reminder ? [reminder] : [],
          marking: markingOf(f),
          ...selectorsOf(f),
        },
      }),
    );
  }, onDone);
  return (
    <form class="card" aria-labelledby="h-newtask" onSubmit={onSubmit}>
      <h3 id="h-newtask">{t('tasks.new')}</h3>
      <label>
        {t('tasks.titleField')}
        <input name="title" required maxLength={200} />
      </label>
      <label>
        {t('tasks.assignee')}
        <select name="assignee">
          {ws.members.map((m) => (
            <option key={m.orgId} value={m.orgId}>
              {m.orgId} ({m.orgName})
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
        <select name="priority">
          {['low', 'normal', 'high', 'critical'].map((p) => (
            <option key={p} selected={p === 'normal'}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tasks.reminders')}
        <select name="reminder">
          <option value="">—</option>
          {['PT15M', 'PT1H', 'P1D'].map((p) => (
            <option key={p} value={p} selected={p === 'PT1H'}>
              {fmtIsoDuration(p)}
            </option>
          ))}
        </select>
      </label>
      <SelectorsField />
      <MarkingEditor key={sent} id="newtask" ws={ws} defaultTlp="GREEN" error={err} />
      <Problem error={err} />
      <button type="submit">{t('tasks.create')}</button>
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
  const move = async (status: Schemas['UpdateTask']['status'], reason?: string) => {
    setErr(undefined);
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
    }
  };
  const mine = task?.assigneeOrgId === s.me.orgId;
  const [reason, setReason] = useState('');
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
            <dd>{task.assigneeOrgId}</dd>
            <dt>{t('tasks.due')}</dt>
            <dd>
              {fmtDateTime(task.dueAt)} · <Countdown iso={task.dueAt} />
            </dd>
            <dt>{t('tasks.priority')}</dt>
            <dd>{task.priority}</dd>
            <dt>{t('tasks.reminders')}</dt>
            <dd>{task.reminders.map(fmtIsoDuration).join(', ') || '—'}</dd>
          </dl>
          {task.description && <p>{task.description}</p>}
          <div class="actions">
            {mine && task.status === 'open' && (
              <button type="button" onClick={() => move('accepted')}>
                {t('task.accept')}
              </button>
            )}
            {mine && task.status === 'accepted' && (
              <button type="button" onClick={() => move('in_progress')}>
                {t('task.start')}
              </button>
            )}
            {mine && (task.status === 'accepted' || task.status === 'in_progress') && (
              <button type="button" onClick={() => move('done')}>
                {t('task.done')}
              </button>
            )}
            {mine && ['open', 'accepted', 'in_progress'].includes(task.status) && (
              <>
                <label>
                  {t('task.reason')}
                  <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                </label>
                <button type="button" class="secondary" onClick={() => move('declined', reason || undefined)}>
                  {t('task.decline')}
                </button>
              </>
            )}
          </div>
          <p aria-live="polite">{note}</p>
          <Problem error={err} />
          <AskRelease ws={ws} type="task" id={id} />
        </article>
      )}
    </Page>
  );
}

function Requests({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
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

function NewRequest({ ws, onDone }: { ws: Schemas['Workspace']; onDone: () => void }) {
  const [provider, setProvider] = useState('mekong-bank');
  const { err, sent, onSubmit } = useCreateForm(async (f) => {
    const selectors = String(f.get('selectors'))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map(selectorOf);
    await ok(
      api().POST('/v1/workspaces/{workspaceId}/requests', {
        params: { path: { workspaceId: ws.id } },
        body: {
          providerOrgId: String(f.get('provider')),
          type: f.get('type') as Schemas['CreateRequest']['type'],
          legalBasis: { code: basisCode(f), text: String(f.get('legal')) },
          ...assetsOf(f),
          description: String(f.get('description')),
          selectors: selectors as Schemas['CreateRequest']['selectors'],
          urgency: 'standard',
          send: true,
          marking: markingOf(f),
        },
      }),
    );
  }, onDone);
  return (
    <form class="card" aria-labelledby="h-newreq" onSubmit={onSubmit}>
      <h3 id="h-newreq">{t('req.new')}</h3>
      <label>
        {t('req.provider')}
        <input name="provider" required defaultValue="mekong-bank" onChange={(e) => setProvider(e.currentTarget.value.trim())} />
      </label>
      <PartnerPanel orgId={provider} />
      <label>
        {t('req.type')}
        <select name="type">
          {['preservation', 'production', 'subscriber_info', 'traffic_data', 'content', 'emergency_disclosure', 'asset_freeze'].map((x) => (
            <option key={x} selected={x === 'production'}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ws.legal')}
        <input name="legal" required defaultValue="Budapest Convention art. 18" />
      </label>
      <label>
        {t('req.description')}
        <textarea name="description" required rows={2} />
      </label>
      <label>
        {t('req.selectors')} (type: value)
        <textarea name="selectors" required rows={2} defaultValue="iban: GB82 WEST 1234 5698 7654 32" />
      </label>
      <RequestBasisAndAssets />
      <MarkingEditor key={sent} id="newreq" ws={ws} defaultTlp="AMBER" error={err} />
      <Problem error={err} />
      <button type="submit">{t('common.submit')}</button>
    </form>
  );
}

function Incidents({ ws }: { ws: Schemas['Workspace'] }) {
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

function Members({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const inv = usePoll(
    () =>
      isLead
        ? ok(api().GET('/v1/workspaces/{workspaceId}/invitations', { params: { path: { workspaceId: ws.id } } }))
        : Promise.resolve(undefined),
    [ws.id, isLead],
  );
  return (
    <section aria-labelledby="h-mem">
      <h2 id="h-mem">{t('ws.members')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Org</th>
            <th scope="col">{t('ws.country')}</th>
            <th scope="col">{t('ws.role')}</th>
            <th scope="col">{t('ws.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {ws.members.map((m) => (
            <tr key={m.orgId}>
              <td>
                {m.orgName} <span class="muted">({m.orgId})</span>
              </td>
              <td>{m.country}</td>
              <td>{m.role}</td>
              <td>{fmtDateTime(m.joinedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isLead && (
        <>
          <h3>{t('ws.invitations')}</h3>
          <ul class="rows">
            {inv.data?.items.map((i) => (
              <li class="row" key={i.orgId}>
                <div class="row-main">
                  {i.orgId} <span class="meta">{i.role}</span>
                </div>
                <Status value={i.status} />
              </li>
            ))}
          </ul>
          <Invite
            ws={ws}
            pending={(inv.data?.items ?? []).filter((i) => i.status === 'pending').map((i) => i.orgId)}
            onSent={() => void inv.reload()}
          />
        </>
      )}
    </section>
  );
}
