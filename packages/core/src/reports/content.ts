import { auditPathOf } from '../audit/queries';
import { catchUp } from '../audit/reader';
import { listIncidents } from '../incidents/commands';
import { type AuditEntry, viewEntry } from '../kernel/audit';
import type { Checkpoint } from '../kernel/checkpoint';
import { forbidden, notFound } from '../kernel/errors';
import type { Marking, Tlp } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { policiesCovering } from '../policies/access';
import { type Action, authorizeInView } from '../policies/permissions';
import { canSee } from '../policies/visibility';
import type { Deps } from '../ports';
import { policiesOf, requireOwner, visibleRequest } from '../requests/shared';

/** What a document's content is read with: everything an entry point wires but the evidence content store. */
export type DocumentReadDeps = Omit<Deps, 'content'>;

import { listRequests } from '../requests/commands';
import type { DataRequest } from '../requests/request';
import { listTasks } from '../tasks/commands';
import type { Side } from '../threads/access';
import { listMessages } from '../threads/queries';
import { getWorkspace } from '../workspaces/commands';

// ---------------------------------------------------------------------------------------
// What goes into a document (a request package, a workspace report), decided as its requester
// may see it when the worker runs: every record comes through the same reads and lists the API
// answers with (the one evaluator), and must also be allowed to leave the platform (`export`).
// How it looks is the renderer's business (packages/documents); nothing here knows of PDF.
// ---------------------------------------------------------------------------------------

/** Records a document takes at most of each list: a document is for reading, not a dump. */
const MAX_ROWS = 500;
const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** The banner every page carries: the highest TLP of what the document holds, and the countries all of it is releasable to. */
export interface DocumentMarking {
  tlp: Tlp;
  /** ISO 3166-1 alpha-3 codes every record in it is releasable to, or 'members' (every member of the workspace). */
  relTo: 'members' | string[];
}

const bannerOf = (markings: readonly Marking[]): DocumentMarking => {
  let tlp: Tlp = 'CLEAR';
  let relTo: 'members' | string[] = 'members';
  for (const m of markings) {
    if (TLP_ORDER.indexOf(m.tlp) > TLP_ORDER.indexOf(tlp)) tlp = m.tlp;
    if (m.releasableTo !== 'members') relTo = relTo === 'members' ? [...m.releasableTo] : relTo.filter((c) => m.releasableTo.includes(c));
  }
  return { tlp, relTo: relTo === 'members' ? relTo : [...relTo].sort() };
};

/** An audit entry of the request, with its proof of inclusion in `proofs.checkpoint` (RFC 9162 audit path, leaf side first). */
interface ProvenEntry {
  entry: AuditEntry;
  leafIndex: number;
  auditPath: string[];
}

export interface RequestPackage {
  kind: 'request_package';
  generatedAt: string;
  generatedFor: { orgId: string; sub: string; country: string };
  marking: DocumentMarking;
  workspace: { id: string; title: string; legalBasis: { code: string; text: string } };
  request: DataRequest;
  partner: { orgId: string; name: string; country?: string };
  /** What happened to the request's clock and state, oldest first (from its audit entries). */
  history: { at: string; action: string; by: string; details?: Record<string, unknown> }[];
  /** Messages of the request's thread the requester may see, oldest first. */
  messages: { at: string; by: string; text: string; tlp: Tlp }[];
  evidence: { id: string; fileName: string; size: number; mediaType: string; sha256: string; registeredAt: string; storedAt?: string }[];
  /** Downloads and exports of the request's evidence. */
  custody: { at: string; action: string; by: string; evidenceId: string; sha256?: string }[];
  /** Every audit entry about the request up to the checkpoint, each with its inclusion proof. */
  proofs: { checkpoint: Checkpoint; entries: ProvenEntry[] } | null;
}

export interface WorkspaceReport {
  kind: 'workspace_report';
  generatedAt: string;
  generatedFor: { orgId: string; sub: string; country: string };
  marking: DocumentMarking;
  workspace: { id: string; title: string; status: string; legalBasis: { code: string; text: string }; leadOrgId: string };
  members: { orgId: string; orgName: string; country: string; role: string; joinedAt: string }[];
  tasks: {
    id: string;
    title: string;
    assigneeOrgId: string;
    dueAt: string;
    priority: string;
    status: string;
    overdue: boolean;
    tlp: Tlp;
  }[];
  incidents: { id: string; severity: string; type: string; summary: string; status: string; raisedAt: string; tlp: Tlp }[];
  requests: {
    id: string;
    type: string;
    providerOrgId: string;
    status: string;
    urgency: string;
    sentAt?: string;
    dueAt?: string;
    extensionsUsed?: number;
    tlp: Tlp;
  }[];
}

export type DocumentContent = RequestPackage | WorkspaceReport;

const READ_THREAD: Action = 'thread.read';
const LIVE_TASK = new Set(['open', 'accepted', 'in_progress']);
/** Actions that say what happened to a request (the clock history); reads and lists are left out. */
const READ_ACTION = /\.(read|listed|downloaded|exported)$/;

const allPages = async <T>(list: (q: PageQuery) => Promise<Page<T>>): Promise<T[]> => {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && out.length < MAX_ROWS);
  return out.slice(0, MAX_ROWS);
};

const loadWorkspaceView = async (deps: DocumentReadDeps, workspaceId: string) =>
  new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }));

/**
 * The request package for `p`: the request as the requesting agency (or the lead) sees it, its
 * thread, evidence, custody events and every audit entry about it with its inclusion proof in the
 * chain's latest signed checkpoint. A 404 if `p` may not see the request, a 403 if it may see it
 * but not take it off the platform or is not its owner.
 */
export async function requestPackageContent(
  deps: DocumentReadDeps,
  p: Principal,
  workspaceId: string,
  requestId: string,
): Promise<RequestPackage> {
  const now = deps.clock.now();
  const view = new LoadedView(
    await deps.store.load({
      refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, { kind: 'request', workspaceId, id: requestId }],
    }),
  );
  const { ws, r } = visibleRequest(view, p, workspaceId, requestId, now, 'request.package');
  requireOwner(r, ws, p, 'make its package');
  if (!canSee(p, ws, r.marking, policiesOf(view), now, { action: 'export' }))
    throw forbidden('the marking or the originating country’s policy does not allow this request to leave the platform');

  // The request's thread, read as an agency member reads it (the permission of `thread.read`).
  const reader: Side = { as: 'agency', action: READ_THREAD };
  const messages = await allPages((q) => listMessages(deps, p, reader, { requestId }, q)).catch(() => []);
  const evidence = await allPages((q) => deps.store.listEvidence(workspaceId, requestId, q));
  const partner = await deps.store.get({ kind: 'organisation', id: r.providerOrgId }).catch(() => null);

  // Every entry about the request up to the latest checkpoint, as the requester sees it (whole or left out).
  await catchUp(deps, workspaceId);
  const tip = await deps.store.chainTip(workspaceId);
  const checkpoint = tip?.checkpoint;
  const evidenceIds = new Set(evidence.map((e) => e.id));
  const about = (e: AuditEntry) =>
    e.target.id === requestId || evidenceIds.has(e.target.id) || (e.details as { request?: unknown } | undefined)?.request === requestId;
  const entries: AuditEntry[] = [];
  let policies = policiesOf(view);
  if (checkpoint) {
    for (let after = 0; after < checkpoint.treeSize && entries.length < MAX_ROWS; ) {
      const batch = await deps.store.auditEntriesAfter(workspaceId, after, Math.min(250, checkpoint.treeSize - after));
      if (batch.length === 0) break;
      policies = await policiesCovering(
        deps,
        policies,
        batch.flatMap((e) => e.markings),
      );
      for (const e of batch) {
        if (e.seq > checkpoint.treeSize) break;
        if (!about(e)) continue;
        const seen = viewEntry(e, (m) => canSee(p, ws, m, policies, now, { action: 'read' }));
        if (!('sealed' in seen)) entries.push(e);
      }
      after = batch[batch.length - 1]!.seq;
    }
  }
  const proven: ProvenEntry[] = [];
  for (const e of entries)
    proven.push({ entry: e, leafIndex: e.seq - 1, auditPath: await auditPathOf(deps, workspaceId, e.seq, checkpoint!.treeSize) });

  const who = (e: AuditEntry) => e.actor.orgId;
  return {
    kind: 'request_package',
    generatedAt: now.toISOString(),
    generatedFor: { orgId: p.orgId, sub: p.sub, country: p.country },
    marking: bannerOf([r.marking, ...messages.map((m) => m.marking)]),
    workspace: { id: ws.id, title: ws.title, legalBasis: { code: ws.legalBasis.code, text: ws.legalBasis.text } },
    request: r,
    partner: { orgId: r.providerOrgId, name: partner?.name ?? r.providerOrgId, ...(partner ? { country: partner.country } : {}) },
    history: entries
      .filter((e) => e.target.id === requestId && !READ_ACTION.test(e.action))
      .map((e) => ({ at: e.at, action: e.action, by: who(e), ...(e.details ? { details: e.details } : {}) })),
    messages: [...messages]
      .filter((m) => !m.redacted)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((m) => ({ at: m.createdAt, by: m.author.orgId, text: m.text, tlp: m.marking.tlp })),
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      size: e.size,
      mediaType: e.mediaType,
      sha256: e.sha256,
      registeredAt: e.registeredAt,
      ...(e.storedAt ? { storedAt: e.storedAt } : {}),
    })),
    custody: entries
      .filter((e) => e.action === 'evidence.downloaded' || e.action === 'request.exported')
      .map((e) => {
        const sha = (e.details as { sha256?: unknown } | undefined)?.sha256;
        return { at: e.at, action: e.action, by: who(e), evidenceId: e.target.id, ...(typeof sha === 'string' ? { sha256: sha } : {}) };
      }),
    proofs: checkpoint ? { checkpoint, entries: proven } : null,
  };
}

/**
 * The workspace report for `p`: the workspace, its members, and the tasks, incidents and requests
 * the lists would show `p`, each also allowed to leave the platform; a record `p` may not see, or
 * may not export, is left out. A 404 if `p` is not a member.
 */
export async function workspaceReportContent(deps: DocumentReadDeps, p: Principal, workspaceId: string): Promise<WorkspaceReport> {
  const now = deps.clock.now();
  const view = await loadWorkspaceView(deps, workspaceId);
  authorizeInView('workspace.report', p, view, workspaceId);
  const ws = await getWorkspace(deps, p, workspaceId);
  const policies = policiesOf(view);
  const exportable = (m: Marking) => canSee(p, ws, m, policies, now, { action: 'export' });
  const tasks = (await allPages((q) => listTasks(deps, p, workspaceId, q))).filter((t) => exportable(t.marking));
  const incidents = (await allPages((q) => listIncidents(deps, p, workspaceId, q))).filter((i) => exportable(i.marking));
  const requests = (await allPages((q) => listRequests(deps, p, workspaceId, q))).filter((r) => exportable(r.marking));
  if (!ws) throw notFound('workspace');
  return {
    kind: 'workspace_report',
    generatedAt: now.toISOString(),
    generatedFor: { orgId: p.orgId, sub: p.sub, country: p.country },
    marking: bannerOf([...tasks, ...incidents, ...requests].map((x) => x.marking)),
    workspace: {
      id: ws.id,
      title: ws.title,
      status: ws.status,
      legalBasis: { code: ws.legalBasis.code, text: ws.legalBasis.text },
      leadOrgId: ws.leadOrgId,
    },
    members: ws.members.map((m) => ({ orgId: m.orgId, orgName: m.orgName, country: m.country, role: m.role, joinedAt: m.joinedAt })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      assigneeOrgId: t.assigneeOrgId,
      dueAt: t.dueAt,
      priority: t.priority,
      status: t.status,
      overdue: LIVE_TASK.has(t.status) && Date.parse(t.dueAt) < now.getTime(),
      tlp: t.marking.tlp,
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      severity: i.severity,
      type: i.type,
      summary: i.summary,
      status: i.status,
      raisedAt: i.raisedAt,
      tlp: i.marking.tlp,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      type: r.type,
      providerOrgId: r.providerOrgId,
      status: r.status,
      urgency: r.urgency,
      ...(r.sentAt ? { sentAt: r.sentAt } : {}),
      ...(r.clock ? { dueAt: r.clock.dueAt, extensionsUsed: r.clock.extensionsUsed } : {}),
      tlp: r.marking.tlp,
    })),
  };
}
