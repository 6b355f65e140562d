import { type AuditEntry, type AuditView, viewEntry } from '../kernel/audit';
import type { Principal } from '../kernel/principal';
import { LoadedView } from '../kernel/runner';
import { policiesCovering } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { type SequencerDeps, sequenceChain } from './sequencer';

// The reader's lens over a workspace's audit trail, shared by the queries (queries.ts) and the export
// (export-lines.ts): who may read it, and which entries they see whole.

/**
 * Who may read a workspace's audit trail is the permission table's `audit.read` (the lead's
 * officers and auditors, and members' auditors). Returns the reader's lens: each entry whole if
 * the evaluator lets the reader see every record it is about (today's membership and policies),
 * else sealed. The lens reads the policies of any originator its entries name that the
 * workspace's read did not cover (a former member, a private partner).
 */
export const requireAuditReader = async (
  deps: SequencerDeps,
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

/**
 * Sequences what the chain has queued, so a reader sees its own writes. Best effort: should it
 * fail (the store busy), the read goes on with the chain as far as it was sequenced.
 */
export const catchUp = async (deps: SequencerDeps, chainId: string): Promise<void> => {
  try {
    await sequenceChain(deps, chainId);
  } catch {
    // The queued entries stay queued: the next run (after a commit, the sweep, the stream) takes them.
  }
};
