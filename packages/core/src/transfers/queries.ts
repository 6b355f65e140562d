import { actorOf } from '../kernel/context';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { auditedRead, LoadedView } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { fillPage, policiesCovering } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { isSensitive, readAudit } from '../policies/visibility';
import type { Transfer, TransferStatus } from './model';
import type { TransferDeps } from './ports';
import { mayFollow, policiesOf, transferRef, visibleTransfer } from './shared';

// The transfer requests as their parties see them: one, a page of them, and the answer's shape.

/** What every answer about a transfer says of the originating country's policy. */
const TRANSFER_POLICY_NOTE =
  "The originator's approval cannot override the originating country's policy: the destination must also be allowed by it (the one evaluator decides, at the request and again at the approval).";

/** A transfer as every answer about it shows it: with the note on the originating country's policy. */
export const presentTransfer = (t: Transfer) => ({ ...t, policyNote: TRANSFER_POLICY_NOTE });

export async function getTransfer(deps: TransferDeps, p: Principal, workspaceId: string, id: string): Promise<Transfer> {
  authorize('transfer.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, transferRef(workspaceId, id), { kind: 'policies' }];
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs,
    decide(view, now) {
      const t = visibleTransfer(view, p, authorizeInView('transfer.read', p, view, workspaceId).ws, id, now);
      return { result: t, audit: isSensitive(t.marking) ? readAudit('transfer.read', 'transfer', [t]) : undefined };
    },
  });
}

/** The transfer requests the caller's organisation asked, and those about records it originated; optionally of one status. */
export async function listTransfers(
  deps: TransferDeps,
  p: Principal,
  workspaceId: string,
  q: PageQuery & { status?: TransferStatus },
): Promise<Page<Transfer>> {
  authorize('transfer.read', p);
  const list = (pq: PageQuery) => deps.store.listTransfers(workspaceId, pq);
  const [loaded, first] = await Promise.allSettled([
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }),
    list(q),
  ]);
  if (loaded.status === 'rejected') throw loaded.reason;
  const view = new LoadedView(loaded.value);
  const { ws } = authorizeInView('transfer.read', p, view, workspaceId);
  if (first.status === 'rejected') throw first.reason;
  const now = deps.clock.now();
  return fillPage(
    first.value,
    async (items) => {
      const mine = items.filter(
        (t) => (q.status === undefined || t.status === q.status) && (t.requestedBy.orgId === p.orgId || t.originator.orgId === p.orgId),
      );
      const policies = await policiesCovering(
        deps,
        policiesOf(view),
        mine.map((t) => t.marking),
      );
      return mine.filter((t) => mayFollow(p, ws, t, policies, now));
    },
    { limit: q.limit, list },
  );
}
