import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, labelUnder, t } from '../../i18n';
import { go, href } from '../../router';
import { useSignal } from '../../signal';
import { Loading, Page, Problem, Status } from '../../ui';
import { DocumentButton } from '../documents';
import { StixImport } from '../stix-import';
import { Channels } from '../threads/channels';
import { Transfers } from '../transfers';
import { AuditTrail } from './audit';
import { Incidents } from './incidents';
import { Members } from './members';
import { Requests } from './requests';
import { CsvButton, orgLabel, useOrganisations } from './shared';
import { Tasks } from './tasks';

type LegalCode = Schemas['CreateWorkspace']['legalBasis']['code'];
const LEGAL_CODES: LegalCode[] = ['UNCC', 'BUDAPEST', 'MLAT', 'JIT-AGREEMENT', 'EU-EEVIDENCE', 'NATIONAL'];

/** The lead opens an investigation: a title, what it is about, and the instrument it rests on. */
function NewInvestigation() {
  const [open, setOpen] = useState(false);
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('ws.new')}
      </button>
    );
  return (
    <form
      class="card"
      aria-labelledby="h-new-ws"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setErr(undefined);
        setBusy(true);
        try {
          const description = String(f.get('description') ?? '').trim();
          const ws = await ok(
            api().POST('/v1/workspaces', {
              body: {
                title: String(f.get('title') ?? ''),
                ...(description ? { description } : {}),
                legalBasis: { code: f.get('code') as LegalCode, text: String(f.get('legalText') ?? '') },
              },
            }),
          );
          go('w', ws.id, 'members');
        } catch (x) {
          setErr(x);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="h-new-ws">{t('ws.new')}</h2>
      <label>
        {t('ws.newTitle')}
        <input name="title" required maxLength={200} />
      </label>
      <label>
        {t('ws.newDescription')}
        <textarea name="description" rows={4} maxLength={10_000} />
      </label>
      <label>
        {t('ws.legal')}
        <select name="code">
          {LEGAL_CODES.map((c) => (
            <option key={c} value={c}>
              {labelUnder('ws.legalCode', c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ws.legalText')}
        <input name="legalText" required maxLength={2000} />
      </label>
      <Problem error={err} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('ws.open')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('ws.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Invitations addressed to the caller's agency: accept to join, or decline. */
function MyInvitations({ onJoined }: { onJoined: () => void }) {
  const r = usePoll(() => ok(api().GET('/v1/invitations')).then((p) => p.items.filter((i) => i.status === 'pending')), []);
  const [err, setErr] = useState<unknown>();
  const [note, setNote] = useState('');
  const orgs = useOrganisations();
  const answer = async (i: Schemas['Invitation'], verb: 'accept' | 'decline') => {
    setErr(undefined);
    try {
      const path = { workspaceId: i.workspaceId, orgId: i.orgId };
      if (verb === 'accept') await ok(api().POST('/v1/workspaces/{workspaceId}/invitations/{orgId}/accept', { params: { path } }));
      else await ok(api().POST('/v1/workspaces/{workspaceId}/invitations/{orgId}/decline', { params: { path } }));
      setNote(t(verb === 'accept' ? 'ws.joinedNote' : 'ws.declinedNote', { title: i.workspaceTitle }));
      await r.reload();
      onJoined();
    } catch (x) {
      setErr(x);
    }
  };
  return (
    <section aria-labelledby="h-my-inv">
      {(r.data?.length ?? 0) > 0 && <h2 id="h-my-inv">{t('ws.invitedTitle')}</h2>}
      <ul class="rows">
        {r.data?.map((i) => (
          <li class="row" key={i.workspaceId}>
            <div class="row-main">
              <strong>{i.workspaceTitle}</strong>
              <span class="meta">
                {t('ws.invitedBy', { org: orgLabel(orgs, i.invitedBy.orgId) })} · {labelUnder('ws.roleName', i.role)}
              </span>
              {i.message && <span class="meta">{i.message}</span>}
            </div>
            <div class="actions">
              <button type="button" onClick={() => answer(i, 'accept')}>
                {t('ws.acceptInvitation', { title: i.workspaceTitle })}
              </button>
              <button type="button" class="secondary" onClick={() => answer(i, 'decline')}>
                {t('ws.declineInvitation', { title: i.workspaceTitle })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status" class="ok">
        {note}
      </p>
      <Problem error={err} />
    </section>
  );
}

export function Workspaces() {
  const s = useSignal(session)!;
  const canOpen = s.me.orgKind === 'agency' && s.me.roles.includes('officer');
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
    <Page
      title={t('ws.title')}
      actions={
        r.data && (
          <CsvButton
            name="workspaces"
            header={[t('ws.newTitle'), t('ws.role'), t('tasks.status'), t('tasks.overdue')]}
            rows={() =>
              r.data!.map(({ m, overdue }) => [m.title, labelUnder('ws.roleName', m.role), enumLabel('status', m.status), overdue])
            }
          />
        )
      }
    >
      {s.me.orgKind !== 'provider' && <MyInvitations onJoined={() => void r.reload()} />}
      {canOpen && <NewInvestigation />}
      {r.loading && !r.data && <Loading />}
      <Problem error={r.error} />
      <ul class="rows">
        {r.data?.map(({ m, overdue }) => (
          <li class="row" key={m.workspaceId}>
            <div class="row-main">
              <a href={href('w', m.workspaceId)}>{m.title}</a>
              <span class="meta">
                {labelUnder('ws.roleName', m.role)} · <Status value={m.status} />
              </span>
            </div>
            <span class={`badge${overdue ? ' late' : ''}`}>{t('ws.overdue', { n: overdue })}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
}

const TABS = ['tasks', 'requests', 'incidents', 'channels', 'members', 'audit', 'transfers', 'intel'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, Parameters<typeof t>[0]> = {
  tasks: 'ws.tasks',
  requests: 'ws.requests',
  incidents: 'ws.incidents',
  channels: 'thread.channels',
  members: 'ws.members',
  audit: 'ws.audit',
  transfers: 'xfer.title',
  intel: 'stix.tab',
};

export function Workspace({ id, tab = 'tasks' }: { id: string; tab?: string }) {
  const r = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId: id } } })), [id]);
  const s = useSignal(session)!;
  const ws = r.data;
  const isLead = ws?.leadOrgId === s.me.orgId;
  const current = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'tasks';
  const orgs = useOrganisations();
  return (
    <Page title={ws?.title ?? t('common.loading')}>
      <Problem error={r.error} />
      {ws && (
        <>
          <p class="meta">
            {t('ws.lead')}: {orgLabel(orgs, ws.leadOrgId)} · {t('ws.legal')}: {labelUnder('ws.legalCode', ws.legalBasis.code)} ·{' '}
            <Status value={ws.status} />
          </p>
          {ws.description && <p class="ws-description">{ws.description}</p>}
          <DocumentButton workspaceId={ws.id} />
        </>
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
      {ws && current === 'channels' && <Channels ws={ws} isLead={isLead} />}
      {ws && current === 'members' && <Members ws={ws} isLead={isLead} />}
      {ws && current === 'audit' && <AuditTrail workspaceId={ws.id} ws={ws} />}
      {ws && current === 'transfers' && <Transfers ws={ws.id} />}
      {ws && current === 'intel' && <StixImport ws={ws} />}
    </Page>
  );
}
