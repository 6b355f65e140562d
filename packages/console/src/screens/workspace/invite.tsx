import { useEffect, useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { type Key, t } from '../../i18n';
import { href } from '../../router';
import { Loading, MarkingBanner, Problem } from '../../ui';

type Org = Schemas['Organisation'];
type Marking = Schemas['Task']['marking'];
/** Why an invited agency would not see a record, grouped as a lead thinks of it. */
type Because = 'rel_to' | 'red_recipients' | 'embargo' | 'policy' | 'private_sector' | 'other';
const BECAUSE: Because[] = ['rel_to', 'red_recipients', 'embargo', 'policy', 'private_sector', 'other'];
const BECAUSE_LABEL: Record<Because, Key> = {
  rel_to: 'invite.why.rel_to',
  red_recipients: 'invite.why.red_recipients',
  embargo: 'invite.why.embargo',
  policy: 'invite.why.policy',
  private_sector: 'invite.why.private_sector',
  other: 'invite.why.other',
};

interface Rec {
  kind: 'task' | 'request' | 'incident';
  id: string;
  title: string;
  marking: Marking;
}
export interface InvitePreview {
  visible: Rec[];
  hidden: (Rec & { because: Because[] })[];
  counts: Record<Because, number>;
}

/**
 * What an agency would see as a member of the workspace, before it is invited: each task, data
 * request and incident of the workspace (those the lead can see), put to the platform's own
 * policy evaluator (the same function the API runs, loaded only when a lead previews) with the
 * agency as a member, under every country's policy in force now.
 */
async function previewInvite(ws: Schemas['Workspace'], org: Org): Promise<InvitePreview> {
  const { evaluate } = await import('@taskforce/core/policy');
  type PolicySet = Parameters<typeof evaluate>[3];
  const c = api();
  const path = { workspaceId: ws.id };
  const [policies, tasks, requests, incidents] = await Promise.all([
    all((cursor) => ok(c.GET('/v1/policies', { params: { query: { cursor } } }))),
    all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/tasks', { params: { path, query: { cursor } } }))),
    all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/requests', { params: { path, query: { cursor } } }))),
    all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/incidents', { params: { path, query: { cursor } } }))),
  ]);
  const set: PolicySet = {
    version: 0,
    countries: Object.fromEntries(policies.map((p) => [p.country, p])) as PolicySet['countries'],
  };
  const records: Rec[] = [
    ...tasks.map((x) => ({ kind: 'task' as const, id: x.id, title: x.title, marking: x.marking })),
    ...requests.map((x) => ({ kind: 'request' as const, id: x.id, title: x.description, marking: x.marking })),
    ...incidents.map((x) => ({ kind: 'incident' as const, id: x.id, title: x.summary, marking: x.marking })),
  ];
  const viewer = { orgId: org.id, orgKind: org.kind, country: org.country, workspaceRole: 'member' as const };
  const now = new Date();
  const out: InvitePreview = {
    visible: [],
    hidden: [],
    counts: { rel_to: 0, red_recipients: 0, embargo: 0, policy: 0, private_sector: 0, other: 0 },
  };
  for (const rec of records) {
    const resource = {
      marking: rec.marking as never,
      workspaceStatus: ws.status,
      workspaceClosedAt: ws.closedAt,
      legalBasisCode: ws.legalBasis.code,
    };
    const d = evaluate(viewer, 'read', resource, set, now);
    if (d.allow) {
      out.visible.push(rec);
      continue;
    }
    const because = [
      ...new Set(
        d.reasons.map((r): Because => (r.startsWith('policy:') ? 'policy' : (BECAUSE as string[]).includes(r) ? (r as Because) : 'other')),
      ),
    ];
    for (const b of because) out.counts[b]++;
    out.hidden.push({ ...rec, because });
  }
  return out;
}

function RecordLink({ ws, rec }: { ws: string; rec: Rec }) {
  return (
    <>
      <MarkingBanner marking={rec.marking} compact />
      <div class="row-main">
        <a href={href('w', ws, `${rec.kind}s`, rec.id)}>{rec.title}</a>
        <span class="meta">{t(`invite.kind.${rec.kind}`)}</span>
      </div>
    </>
  );
}

/** The lead chooses an agency from the directory, sees what it would see, then sends the invitation. */
export function Invite({ ws, pending, onSent }: { ws: Schemas['Workspace']; pending: string[]; onSent: () => void }) {
  const [orgs, setOrgs] = useState<Org[]>();
  const [orgId, setOrgId] = useState('');
  const [preview, setPreview] = useState<InvitePreview>();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>();
  useEffect(() => {
    all((cursor) => ok(api().GET('/v1/organisations', { params: { query: { cursor } } })))
      .then(setOrgs)
      .catch(setErr);
  }, []);
  const candidates = (orgs ?? []).filter(
    (o) => o.kind !== 'provider' && o.status !== 'suspended' && !ws.members.some((m) => m.orgId === o.id) && !pending.includes(o.id),
  );
  const org = candidates.find((o) => o.id === orgId);
  useEffect(() => {
    setPreview(undefined);
    if (!org) return;
    let live = true;
    setBusy(true);
    previewInvite(ws, org)
      .then((p) => live && setPreview(p))
      .catch((x) => live && setErr(x))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [org?.id, ws.id]);
  const total = preview ? preview.visible.length + preview.hidden.length : 0;
  return (
    <form
      class="card wide"
      aria-labelledby="h-invite"
      onSubmit={async (e) => {
        e.preventDefault();
        setErr(undefined);
        try {
          await ok(
            api().POST('/v1/workspaces/{workspaceId}/invitations', {
              params: { path: { workspaceId: ws.id } },
              body: { orgId, role: 'member' },
            }),
          );
          setOrgId('');
          onSent();
        } catch (x) {
          setErr(x);
        }
      }}
    >
      <h3 id="h-invite">{t('invite.title')}</h3>
      <label>
        {t('invite.agency')}
        <select name="orgId" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)} required>
          <option value="">{t('invite.choose')}</option>
          {candidates.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.country})
            </option>
          ))}
        </select>
      </label>
      <div aria-live="polite">
        {busy && <Loading />}
        {org && preview && (
          <section aria-labelledby="h-invite-preview" data-testid="invite-preview">
            {/* What it would not see comes first: that is what the lead must decide about. */}
            <h4 id="h-invite-preview">{t('invite.preview', { org: org.name, country: org.country })}</h4>
            <p class="muted">{t('invite.scope')}</p>
            <h5 data-testid="invite-would-not-see">{t('invite.wouldNotSee', { n: preview.hidden.length, total })}</h5>
            {preview.hidden.length > 0 && (
              <ul class="reasons">
                {BECAUSE.filter((b) => preview.counts[b] > 0).map((b) => (
                  <li key={b} data-because={b}>
                    {t(BECAUSE_LABEL[b])}: <strong>{preview.counts[b]}</strong>
                  </li>
                ))}
              </ul>
            )}
            <ul class="rows">
              {preview.hidden.map((r) => (
                <li class="row" key={r.id} data-hidden-because={r.because.join(' ')}>
                  <RecordLink ws={ws.id} rec={r} />
                  <span class="bad">{r.because.map((b) => t(BECAUSE_LABEL[b])).join(', ')}</span>
                </li>
              ))}
            </ul>
            <h5 data-testid="invite-would-see">{t('invite.wouldSee', { n: preview.visible.length, total })}</h5>
            <ul class="rows">
              {preview.visible.map((r) => (
                <li class="row" key={r.id}>
                  <RecordLink ws={ws.id} rec={r} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <Problem error={err} />
      <button type="submit" disabled={!org}>
        {t('invite.send')}
      </button>
    </form>
  );
}
