import { type CommandContext, commandOf, PLATFORM_CHAIN } from '../kernel/context';
import { DomainError, forbidden, invalid, notFound, staleVersion, unavailable } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { contactOrgs, LADDER_RUNGS } from './ladder';
import type { CountryContacts, CountryContactsInput } from './model';
import type { IncidentDeps } from './ports';

// ── Country contacts ────────────────────────────────────────────────────────────────────

/** Policy administrators and duty officers keep their country's ladder; a plain officer, only one that names its agency (or none yet). */
const mayKeepLadder = (p: Principal, current: CountryContacts | undefined): boolean =>
  p.roles.includes('policy_admin') || p.roles.includes('duty_contact') || !current || contactOrgs(current).includes(p.orgId);

/**
 * A country registers its ladder: the 24/7 duty contact, the backup and the national lead.
 * Only that country's policy administrators or duty officers may, or an officer of an agency the
 * ladder names (the national lead leading a task force keeps its country's ladder current; any
 * officer of the country while it has none), and each rung must be a registered agency of that
 * country. A rung may name whom it pages on their phone: a roster of that rung's organisation
 * (its on-call person) or an active user of that organisation, never both. The people and
 * channels stay in the contacts record: audit and events carry only the organisations.
 */
export async function setCountryContacts(
  deps: IncidentDeps,
  ctx: CommandContext,
  country: string,
  input: CountryContactsInput,
  expectVersion: number | undefined,
) {
  const p = ctx.principal;
  authorize('contacts.set', p);
  if (p.country !== country) throw forbidden(`an officer of ${p.country} cannot register the contacts of ${country}`);
  const rungs = LADDER_RUNGS.map((rung) => ({ rung, ...input[rung] }));
  for (const r of rungs)
    if (r.rosterId && r.personSub)
      throw invalid(`${r.rung}.personSub`, 'a rung pages the on-call person of a roster or a named person, not both');
  await checkNamedPeople(deps, rungs);
  const rosterRefs = rungs.flatMap((r) => (r.rosterId ? [{ kind: 'roster' as const, orgId: r.orgId, id: r.rosterId }] : []));
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [{ kind: 'contacts', country }, ...rungs.map((r) => ({ kind: 'organisation' as const, id: r.orgId })), ...rosterRefs],
    authorize: () => authorize('contacts.set', p),
    decide(view, now) {
      const current = view.get({ kind: 'contacts', country });
      if (current && expectVersion === undefined)
        throw new DomainError('precondition_required', 'send If-Match with the ETag of the contacts you read');
      if (current?.version !== expectVersion) throw staleVersion();
      if (!mayKeepLadder(p, current)) throw forbidden(`only an officer of an agency on ${country}'s ladder may change it`);
      for (const { rung, orgId } of rungs) {
        const org = view.get({ kind: 'organisation', id: orgId });
        if (!org) throw invalid(`${rung}.orgId`, `organisation ${orgId} is not registered`);
        if (org.kind !== 'agency' || org.country !== country) throw invalid(`${rung}.orgId`, `${orgId} is not an agency of ${country}`);
      }
      for (const { rung, orgId, rosterId } of rungs)
        if (rosterId && !view.get({ kind: 'roster', orgId, id: rosterId }))
          throw invalid(`${rung}.rosterId`, `${rosterId} is not a roster of ${orgId}`);
      const contacts: CountryContacts = {
        ...input,
        country,
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
        version: (current?.version ?? 0) + 1,
      };
      const orgs = contactOrgs(contacts);
      return {
        writes: [{ op: 'put', record: { kind: 'contacts', value: contacts }, expect: current ? current.version : 'absent' }],
        audit: {
          action: 'contacts.set',
          target: { type: 'contacts', id: country },
          details: { duty: input.duty.orgId, backup: input.backup.orgId, nationalLead: input.nationalLead.orgId },
          markings: [],
        },
        events: [
          {
            type: 'contacts.updated',
            subject: { type: 'contacts', id: country },
            audience: orgs,
            data: {
              country,
              version: contacts.version,
              duty: input.duty.orgId,
              backup: input.backup.orgId,
              nationalLead: input.nationalLead.orgId,
            },
          },
        ],
        result: contacts,
        status: current ? 200 : 201,
      };
    },
  });
}

/** Each person a rung names is an active user of that rung's organisation (the directory says so). */
async function checkNamedPeople(deps: IncidentDeps, rungs: { rung: string; orgId: string; personSub?: string | undefined }[]) {
  const named = rungs.filter((r) => r.personSub);
  if (named.length === 0) return;
  const users = deps.users;
  if (!users) throw unavailable('the user directory is not configured here, so a ladder cannot name a person');
  await Promise.all(
    named.map(async ({ rung, orgId, personSub }) => {
      const u = await users.get(personSub!);
      if (!u || u.orgId !== orgId) throw invalid(`${rung}.personSub`, `${personSub} is not a user of ${orgId}`);
      if (u.status !== 'active') throw invalid(`${rung}.personSub`, `${personSub} is disabled`);
    }),
  );
}

/** Contacts are for agencies: people's numbers are not shown to private partners. */
export async function getCountryContacts(deps: IncidentDeps, p: Principal, country: string): Promise<CountryContacts> {
  authorize('contacts.read', p, 'contacts');
  const contacts = await deps.store.get({ kind: 'contacts', country });
  if (!contacts) throw notFound('contacts');
  return contacts;
}

export async function listCountryContacts(deps: IncidentDeps, p: Principal, q: PageQuery): Promise<Page<CountryContacts>> {
  authorize('contacts.read', p, 'contacts');
  return deps.alerts.listContacts(q);
}
