import { all, api, ok, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Loading, Page, Problem, Status } from '../../ui';
import { Transfers } from '../transfers';
import { AuditTrail } from './audit';
import { Incidents } from './incidents';
import { Members } from './members';
import { Requests } from './requests';
import { Tasks } from './tasks';

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
