import type { Deps } from '../src/index';
import { ackToken, newAckSecret, type PersonPage, runCommand, systemCommand } from '../src/index';

/**
 * A page to one person as the pager writes it once it sent a message: one attempt whose link's
 * secret is stored as its hash. Returns the page and the link's token (what the message carried).
 */
export const seedPage = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  p: Pick<PersonPage, 'workspaceId' | 'incidentId' | 'sub' | 'orgId' | 'country' | 'expiresAt'> & Partial<PersonPage>,
): Promise<{ page: PersonPage; token: string; secret: string }> => {
  const { secret, hash } = newAckSecret();
  const at = deps.clock.now().toISOString();
  const page: PersonPage = {
    id: `page-${deps.ids.next().toLowerCase()}`,
    step: 0,
    level: 1,
    round: 1,
    reason: 'on_call',
    createdAt: at,
    status: 'sent',
    attempts: [{ n: 1, methodId: 'method-1', channel: 'email', at, status: 'sent', ackSecretHash: hash }],
    version: 1,
    ...p,
  };
  await runCommand(deps, {
    chainId: page.workspaceId,
    actor: { sub: 'pager', orgId: 'platform', country: 'ZZZ' },
    refs: [],
    authorize: systemCommand,
    decide: () => ({
      writes: [{ op: 'put', record: { kind: 'page', value: page }, expect: 'absent' }],
      audit: {
        action: 'incident.escalated',
        target: { type: 'incident', id: page.incidentId },
        details: { pageId: page.id },
        markings: [],
      },
      result: page,
    }),
  });
  return { page, token: ackToken({ workspaceId: page.workspaceId, incidentId: page.incidentId, pageId: page.id }, secret), secret };
};
