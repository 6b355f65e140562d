import {
  type CreateWorkspaceInput,
  createTask,
  createWorkspace,
  DomainError,
  invite,
  type Principal,
  registerOrganisation,
  respondToInvitation,
  type Sector,
  type Task,
} from '../src/index';
import { type MemoryDeps, memoryDeps, principal } from '../testing';

export { principal };

const admin = principal('platform', 'ZZZ', ['admin'], 'international');

/** In-memory deps with the given organisations registered (agencies unless a sector is given). */
export const world = async (orgs: [id: string, country: string, sector?: Sector][], now?: string): Promise<MemoryDeps> => {
  const deps = memoryDeps(now ? { now } : {});
  for (const [id, country, sector] of orgs) {
    await registerOrganisation(
      deps,
      { principal: admin },
      sector ? { id, name: id.toUpperCase(), kind: 'provider', country, sector } : { id, name: id.toUpperCase(), kind: 'agency', country },
    );
  }
  return deps;
};

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// The agencies most use-case tests work with.
export const vnm = principal('vnm-a05', 'VNM');
export const gbr = principal('gbr-nca', 'GBR');

export const isNotFound = (e: unknown) => e instanceof DomainError && e.code === 'not_found';

/** In-memory deps with these agencies registered. */
export const agencies = (...ps: Principal[]): Promise<MemoryDeps> => world(ps.map((p) => [p.orgId, p.country]));

/** An open workspace led by `lead`, which each of `members` has been invited to and joined as a member. */
export const taskforce = async (
  deps: MemoryDeps,
  lead: Principal,
  members: Principal[] = [],
  input: CreateWorkspaceInput = { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'Art. 47' } },
) => {
  const ws = (await createWorkspace(deps, { principal: lead }, input)).result;
  for (const m of members) {
    await invite(deps, { principal: lead }, ws.id, { orgId: m.orgId, role: 'member' });
    await respondToInvitation(deps, { principal: m }, ws.id, m.orgId, 'accepted');
  }
  return ws;
};

/** A task the lead sets for `assigneeOrgId`, due in two days. */
export const assignTask = async (
  deps: MemoryDeps,
  lead: Principal,
  workspaceId: string,
  assigneeOrgId: string,
  priority: Task['priority'] = 'high',
) =>
  (
    await createTask(deps, { principal: lead }, workspaceId, {
      title: 'Trace wallet',
      description: '',
      assigneeOrgId,
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority,
    })
  ).result;
