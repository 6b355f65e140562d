import { notFound } from '../../kernel/errors';
import type { Principal } from '../../kernel/principal';
import { authorize } from '../../policies/permissions';
import type { RequestDeps } from '../ports';
import { MINIMUM_GROUP, type Turnaround, turnaroundOf } from './figures';

/**
 * What to expect of a partner: its turnaround figures, for the agencies, without any request type
 * sent to it fewer than MINIMUM_GROUP times. One query of the partner's figures; only when it finds
 * none is the directory asked whether the partner exists.
 */
export async function partnerTurnaround(deps: RequestDeps, p: Principal, orgId: string): Promise<Turnaround> {
  authorize('partner.turnaround', p, 'organisation');
  const shards = await deps.store.turnaroundShards(orgId);
  if (shards.length === 0) {
    const org = await deps.store.get({ kind: 'organisation', id: orgId });
    if (org?.kind !== 'provider') throw notFound('organisation');
  }
  return turnaroundOf(orgId, shards, MINIMUM_GROUP);
}

/** A partner's own figures, in the portal. */
export async function myTurnaround(deps: RequestDeps, p: Principal): Promise<Turnaround> {
  authorize('portal.turnaround', p, 'organisation');
  return turnaroundOf(p.orgId, await deps.store.turnaroundShards(p.orgId));
}
