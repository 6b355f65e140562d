import { type AuditEntry, type AuditView, type ChainVerification, verifyChain, viewEntry } from '../kernel/audit';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { KernelDeps, PageQuery } from '../kernel/store';
import { policiesCovering } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { AuditStore } from './ports';

export type AuditDeps = KernelDeps<AuditStore>;

/**
 * Who may read a workspace's audit trail is the permission table's `audit.read` (the lead's
 * officers and auditors, and members' auditors). Returns the reader's lens: each entry whole if
 * the evaluator lets the reader see every record it is about (today's membership and policies),
 * else sealed. The lens reads the policies of any originator its entries name that the
 * workspace's read did not cover (a former member, a private partner).
 */
const requireAuditReader = async (
  deps: AuditDeps,
  p: Principal,
  workspaceId: string,
): Promise<(entries: AuditEntry[]) => Promise<AuditView[]>> => {
  authorize('audit.read', p);
  const view = new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }));
  const { ws } = authorizeInView('audit.read', p, view, workspaceId);
  let policies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
  const now = deps.clock.now();
  return async (entries) => {
    policies = await policiesCovering(
      deps,
      policies,
      entries.flatMap((e) => (Array.isArray(e.markings) ? e.markings : [])),
    );
    return entries.map((e) => viewEntry(e, (marking) => canSee(p, ws, marking, policies, now, { action: 'read' })));
  };
};

/** A page of the chain as the reader may see it: entries about records it may not see are sealed stubs. */
export async function listAuditEntries(deps: AuditDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<AuditView>> {
  const lens = await requireAuditReader(deps, p, workspaceId);
  const page = await deps.store.listAudit(workspaceId, q);
  return { ...page, items: await lens(page.items) };
}

/**
 * Reads the stored head, then the whole chain page by page, and recomputes every link up to that
 * head. The head is read first because the chain keeps growing while it is read (audited reads
 * append to it): entries appended after the head was read are not part of what is verified.
 * Only the verdict leaves: nothing of a sealed entry.
 */
export async function verifyAuditTrail(deps: AuditDeps, p: Principal, workspaceId: string): Promise<ChainVerification> {
  await requireAuditReader(deps, p, workspaceId);
  const { head } = await deps.store.load({ refs: [], chainId: workspaceId });
  const upTo = head?.seq ?? 0;
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAudit(workspaceId, { limit: 500, ...(cursor ? { cursor } : {}) });
    entries.push(...page.items);
    cursor = page.next;
  } while (cursor);
  // Only what was appended after the head was read is left out; anything else, malformed included, is checked.
  return verifyChain(
    entries.filter((e) => !(typeof e.seq === 'number' && e.seq > upTo)),
    head,
  );
}

/**
 * The chain as the reader sees it, as JSON Lines, one entry or sealed stub per line, oldest
 * first; it verifies offline with `verifyAuditExport`. It records nothing itself: the export
 * job (export.ts) records `audit.exported`, with the file's digest, only once the file is made.
 */
export async function* exportAuditTrail(deps: AuditDeps, p: Principal, workspaceId: string): AsyncGenerator<string> {
  const lens = await requireAuditReader(deps, p, workspaceId);
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAudit(workspaceId, { limit: 500, ...(cursor ? { cursor } : {}) });
    for (const e of await lens(page.items)) yield `${JSON.stringify(e)}\n`;
    cursor = page.next;
  } while (cursor);
}
