import { type CommandContext, commandOf, PLATFORM_CHAIN } from '../kernel/context';
import { DomainError, invalid, notFound, staleVersion, unavailable } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { LoadedView } from '../kernel/runner';
import { runCommand } from '../kernel/runner';
import { authorize } from '../policies/permissions';
import type { UserAdmin } from '../users/ports';
import { MAX_OVERRIDES, MAX_ROSTERS, type Override, type OverrideInput, type Roster, type RosterInput } from './model';
import type { RosterDeps } from './ports';

/**
 * Changes to a country team's rosters: made by that agency's policy administrators and duty
 * contacts (the grant that registers the country's ladder), each in one transaction with its
 * audit entry (on the platform chain, naming the roster and who stands on it, never their
 * contact details) and a `roster.updated` event in the outbox.
 */

/** The caller's organisation, or a 404: another organisation's rosters do not exist for the caller. */
const ownOrganisation = (p: Principal, orgId: string) => {
  if (p.orgId !== orgId) throw notFound('roster');
};

const directory = (deps: RosterDeps): UserAdmin => {
  if (!deps.users) throw unavailable('the user directory is not configured here, so nobody can be put on a roster');
  return deps.users;
};

/** Whether `sub` is an active duty contact of `orgId`; else a validation error naming `field`. */
async function checkDutyContact(users: UserAdmin, orgId: string, sub: string, field: string): Promise<void> {
  const u = await users.get(sub);
  if (!u || u.orgId !== orgId) throw invalid(field, `${sub} is not a user of ${orgId}`);
  if (u.status !== 'active') throw invalid(field, `${sub} is disabled`);
  if (!u.roles.includes('duty_contact')) throw invalid(field, `${sub} is not a duty contact of ${orgId}`);
}

async function checkMembers(deps: RosterDeps, orgId: string, input: RosterInput): Promise<void> {
  const users = directory(deps);
  const checks = input.layers.flatMap((l, i) => l.members.map((sub, j) => ({ sub, field: `body.layers.${i}.members.${j}` })));
  await Promise.all(checks.map((c) => checkDutyContact(users, orgId, c.sub, c.field)));
}

const memberSubs = (r: Pick<Roster, 'layers'>) => [...new Set(r.layers.flatMap((l) => l.members))];

const agencyOf = (view: LoadedView, orgId: string) => {
  const org = view.get({ kind: 'organisation', id: orgId });
  if (org?.kind !== 'agency') throw notFound('organisation');
  return org;
};

const event = (r: Roster, action: string, extra: Record<string, unknown> = {}) => ({
  type: 'roster.updated' as const,
  subject: { type: 'roster', id: r.id },
  // In the outbox for what reacts to roster changes (paging, next); no inbox item: the team reads its roster on screen.
  audience: [],
  data: { orgId: r.orgId, rosterId: r.id, name: r.name, action, version: r.version, ...extra },
});

/** Overrides still in force or to come, newest last: ended ones are dropped at each change. */
const live = (overrides: Override[], now: Date) => overrides.filter((o) => Date.parse(o.to) > now.getTime());

export async function createRoster(deps: RosterDeps, ctx: CommandContext, orgId: string, input: RosterInput) {
  const p = ctx.principal;
  authorize('roster.manage', p);
  ownOrganisation(p, orgId);
  await checkMembers(deps, orgId, input);
  const existing = await deps.store.listRosters(orgId, { limit: MAX_ROSTERS });
  if (existing.items.length >= MAX_ROSTERS) throw new DomainError('conflict', `an organisation keeps at most ${MAX_ROSTERS} rosters`);
  const id = deps.ids.next();
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [
      { kind: 'organisation', id: orgId },
      { kind: 'roster', orgId, id },
    ],
    authorize: () => authorize('roster.manage', p),
    decide(view, now) {
      agencyOf(view, orgId);
      const at = now.toISOString();
      const roster: Roster = {
        ...input,
        orgId,
        id,
        overrides: [],
        createdAt: at,
        updatedAt: at,
        updatedBy: { sub: p.sub, orgId: p.orgId },
        version: 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'roster', value: roster }, expect: 'absent' }],
        audit: {
          action: 'roster.created',
          target: { type: 'roster', id },
          details: { orgId, name: roster.name, timeZone: roster.timeZone, members: memberSubs(roster) },
          markings: [],
        },
        events: [event(roster, 'created')],
        result: roster,
        status: 201,
      };
    },
  });
}

/** Loads one roster of the caller's organisation for a change, or a 404; a stale If-Match is a 409. */
const current = (view: LoadedView, orgId: string, id: string, expectVersion?: number): Roster => {
  const r = view.get({ kind: 'roster', orgId, id });
  if (!r) throw notFound('roster');
  if (expectVersion !== undefined && r.version !== expectVersion) throw staleVersion();
  return r;
};

export async function updateRoster(
  deps: RosterDeps,
  ctx: CommandContext,
  orgId: string,
  id: string,
  input: RosterInput,
  expectVersion: number | undefined,
) {
  const p = ctx.principal;
  authorize('roster.manage', p);
  ownOrganisation(p, orgId);
  if (expectVersion === undefined) throw new DomainError('precondition_required', 'send If-Match with the ETag of the roster you read');
  await checkMembers(deps, orgId, input);
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [{ kind: 'roster', orgId, id }],
    authorize: () => authorize('roster.manage', p),
    decide(view, now) {
      const before = current(view, orgId, id, expectVersion);
      const roster: Roster = {
        ...before,
        ...input,
        overrides: live(before.overrides, now),
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
        version: before.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'roster', value: roster }, expect: before.version }],
        audit: {
          action: 'roster.updated',
          target: { type: 'roster', id },
          details: { orgId, name: roster.name, timeZone: roster.timeZone, members: memberSubs(roster), layers: roster.layers.length },
          markings: [],
        },
        events: [event(roster, 'updated')],
        result: roster,
      };
    },
  });
}

export async function deleteRoster(deps: RosterDeps, ctx: CommandContext, orgId: string, id: string, expectVersion: number | undefined) {
  const p = ctx.principal;
  authorize('roster.manage', p);
  ownOrganisation(p, orgId);
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [{ kind: 'roster', orgId, id }],
    authorize: () => authorize('roster.manage', p),
    decide(view) {
      const before = current(view, orgId, id, expectVersion);
      return {
        writes: [{ op: 'delete', ref: { kind: 'roster', orgId, id }, expect: before.version }],
        audit: { action: 'roster.deleted', target: { type: 'roster', id }, details: { orgId, name: before.name }, markings: [] },
        events: [event(before, 'deleted')],
        result: { deleted: true as const },
      };
    },
  });
}

/** "X covers from .. to ..": X must be a duty contact of the roster's organisation; the override wins over every layer. */
export async function addOverride(deps: RosterDeps, ctx: CommandContext, orgId: string, id: string, input: OverrideInput) {
  const p = ctx.principal;
  authorize('roster.manage', p);
  ownOrganisation(p, orgId);
  await checkDutyContact(directory(deps), orgId, input.sub, 'body.sub');
  const overrideId = deps.ids.next();
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [{ kind: 'roster', orgId, id }],
    authorize: () => authorize('roster.manage', p),
    decide(view, now) {
      const before = current(view, orgId, id);
      if (Date.parse(input.to) <= now.getTime()) throw invalid('body.to', 'the override has already ended');
      const kept = live(before.overrides, now);
      if (kept.length >= MAX_OVERRIDES) throw new DomainError('conflict', `a roster keeps at most ${MAX_OVERRIDES} overrides`);
      const override: Override = { id: overrideId, ...input, createdAt: now.toISOString(), createdBy: { sub: p.sub, orgId: p.orgId } };
      const roster: Roster = {
        ...before,
        overrides: [...kept, override],
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
        version: before.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'roster', value: roster }, expect: before.version }],
        audit: {
          action: 'roster.override_added',
          target: { type: 'roster', id },
          details: { orgId, override: overrideId, sub: input.sub, from: input.from, to: input.to },
          markings: [],
        },
        events: [event(roster, 'override_added', { override: overrideId })],
        result: roster,
        status: 201,
      };
    },
  });
}

export async function removeOverride(deps: RosterDeps, ctx: CommandContext, orgId: string, id: string, overrideId: string) {
  const p = ctx.principal;
  authorize('roster.manage', p);
  ownOrganisation(p, orgId);
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [{ kind: 'roster', orgId, id }],
    authorize: () => authorize('roster.manage', p),
    decide(view, now) {
      const before = current(view, orgId, id);
      const gone = before.overrides.find((o) => o.id === overrideId);
      if (!gone) throw notFound('override');
      const roster: Roster = {
        ...before,
        overrides: live(
          before.overrides.filter((o) => o.id !== overrideId),
          now,
        ),
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
        version: before.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'roster', value: roster }, expect: before.version }],
        audit: {
          action: 'roster.override_removed',
          target: { type: 'roster', id },
          details: { orgId, override: overrideId, sub: gone.sub },
          markings: [],
        },
        events: [event(roster, 'override_removed', { override: overrideId })],
        result: roster,
      };
    },
  });
}
