import { actorOf, requireMember } from '../access';
import { type AuditEntry, type ChainVerification, verifyChain } from '../audit';
import { forbidden } from '../errors';
import type { Page, Principal } from '../model';
import type { Deps, PageQuery } from '../ports';
import { appendAuditEntry } from './runner';

/** The lead, and members whose officers hold the auditor role, read a workspace's audit trail. */
const requireAuditReader = async (deps: Deps, p: Principal, workspaceId: string) => {
  const { me } = requireMember(await deps.store.get({ kind: 'workspace', id: workspaceId }), p);
  if (me.role !== 'lead' && !p.roles.includes('auditor')) throw forbidden('only the lead or an auditor may read the audit trail');
};

export async function listAuditEntries(deps: Deps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<AuditEntry>> {
  await requireAuditReader(deps, p, workspaceId);
  return deps.store.listAudit(workspaceId, q);
}

/**
 * Reads the stored head, then the whole chain page by page, and recomputes every link up to that
 * head. The head is read first because the chain keeps growing while it is read (audited reads
 * append to it): entries appended after the head was read are not part of what is verified.
 */
export async function verifyAuditTrail(deps: Deps, p: Principal, workspaceId: string): Promise<ChainVerification> {
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
 * The chain as JSON Lines, one entry per line, oldest first. The export is itself a custody
 * event: its entry is appended before the chain is read, so the export ends with its own record.
 */
export async function* exportAuditTrail(deps: Deps, p: Principal, workspaceId: string): AsyncGenerator<string> {
  await requireAuditReader(deps, p, workspaceId);
  await appendAuditEntry(deps, workspaceId, actorOf(p), { action: 'audit.exported', target: { type: 'workspace', id: workspaceId } });
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAudit(workspaceId, { limit: 500, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) yield `${JSON.stringify(e)}\n`;
    cursor = page.next;
  } while (cursor);
}
