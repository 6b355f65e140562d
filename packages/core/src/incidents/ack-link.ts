import { actorOf } from '../kernel/context';
import { DomainError, notFound, unavailable } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import { LoadedView, runCommand, unchanged } from '../kernel/runner';
import type { Write } from '../kernel/store';
import { organisationRegistry } from '../organisations/principals';
import { ackSecretMatches, parseAckToken } from '../paging/ack-link';
import { pageReferenceCode } from '../paging/content';
import type { PageRef, PersonPage } from '../paging/model';
import type { UserAdmin } from '../users/ports';
import type { CountryAlert, IncidentSeverity } from './model';
import type { IncidentDeps } from './ports';
import { acknowledgement } from './response';
import { incidentRef, isContactOf, readableIncident } from './shared';

/**
 * Acknowledging from the message: the link a page carries (paging/ack-link.ts) opens a page that
 * asks for one click; the click acknowledges the page's country AS the person paged, without a
 * sign-in, only for that one action. What the link may do is decided here:
 * - it is alive while its secret matches one of the page's attempts, it was not used, and the
 *   page's `expiresAt` (the level's deadline) has not passed; the person is still an active user
 *   of the page's organisation, may acknowledge for the country (the permission table, as the
 *   console's button), and is still one of the country's contacts. Anything else is one and the
 *   same dead link, whatever the reason (no enumeration);
 * - viewing it (GET) changes nothing: a mail scanner's prefetch acknowledges nothing;
 * - using it (POST) acknowledges with `acknowledgement` (the console's decision), marks the page
 *   used and `acknowledged`, in one transaction with the audit entry (as that person, `via:
 *   message_link`) and the event. A country already acknowledged by someone else: the link is
 *   marked used (audited `incident.ack_link_used`) and the answer names who, by organisation;
 * - a second POST shortly after (a double-click, a reload of the answer) hears "already
 *   acknowledged", never an error.
 * The answers carry no marked content: severity, level, country and a short reference only.
 */

/** How long after its use a link's POST still answers "already acknowledged" (a double-click, a reload) rather than "no longer works". */
export const ACK_LINK_REPLAY_MS = 2 * 60_000;

export type AckLinkDeps = IncidentDeps & { users?: UserAdmin };

interface AckLinkSubject {
  workspaceId: string;
  incidentId: string;
  shortRef: string;
  country: string;
  level: number;
  severity: IncidentSeverity;
}

/** What the link's page shows before the click. */
export type AckLinkView =
  | { state: 'dead' }
  | ({ state: 'open'; expiresAt: string } & AckLinkSubject)
  | ({ state: 'already'; byOrgId: string; byOrgName: string } & AckLinkSubject);

/** What the click did. */
export type AckLinkOutcome =
  | { state: 'dead' }
  | ({ state: 'acknowledged'; byOrgId: string; byOrgName: string } & AckLinkSubject)
  | ({ state: 'already'; byOrgId: string; byOrgName: string } & AckLinkSubject);

const DEAD = { state: 'dead' } as const;
/** Compared against when the token names no page, so that a missing page costs what a wrong secret does. */
const NO_HASH = '0'.repeat(64);
const dead = () => notFound('page');

const pageRefOf = (ref: PageRef) => ({ kind: 'page' as const, workspaceId: ref.workspaceId, incidentId: ref.incidentId, id: ref.pageId });

/** Whether the link is alive as far as the page itself says: the secret (always compared), the expiry, its use. */
const alive = (page: PersonPage | null | undefined, secret: string, now: Date, replay: boolean): page is PersonPage => {
  const matches = ackSecretMatches(secret, page ? page.attempts.map((a) => a.ackSecretHash) : [NO_HASH]);
  if (!page || !matches) return false;
  if (now.getTime() >= Date.parse(page.expiresAt)) return false;
  if (page.ackUsedAt) return replay && now.getTime() - Date.parse(page.ackUsedAt) < ACK_LINK_REPLAY_MS;
  return true;
};

/** The person paged as the platform trusts a principal: an active user of the page's organisation, its kind and country from the registry. */
const personOf = async (deps: AckLinkDeps, page: PersonPage): Promise<Principal | undefined> => {
  if (!deps.users) throw unavailable('the user directory is not available');
  const user = await deps.users.get(page.sub);
  if (user?.status !== 'active' || user.orgId !== page.orgId) return undefined;
  try {
    return await organisationRegistry((id) => deps.store.get({ kind: 'organisation', id }), { ttlMs: 0 }).principalOf({
      sub: user.sub,
      orgId: user.orgId,
      roles: user.roles,
    });
  } catch (err) {
    if (err instanceof DomainError) return undefined;
    throw err;
  }
};

const refsOf = (page: PersonPage): RecordRef[] => [
  { kind: 'workspace', id: page.workspaceId },
  incidentRef(page.workspaceId, page.incidentId),
  { kind: 'policies' },
  { kind: 'contacts', country: page.country },
  pageRefOf({ workspaceId: page.workspaceId, incidentId: page.incidentId, pageId: page.id }),
];

/** Everything the link needs to be alive, against one read; throws the dead link's 404 otherwise. */
const gate = (view: LoadedView, now: Date, p: Principal, ref: PageRef, secret: string, replay: boolean) => {
  const page = view.get(pageRefOf(ref));
  if (!alive(page, secret, now, replay) || page.sub !== p.sub) throw dead();
  const { ws, inc } = readableIncident(view, p, ref.workspaceId, ref.incidentId, now, 'incident.acknowledge');
  if (!isContactOf(p, page.country, view.get({ kind: 'contacts', country: page.country }))) throw dead();
  const alert = inc.alerts.find((a) => a.country === page.country);
  if (!alert) throw dead();
  const subject: AckLinkSubject = {
    workspaceId: inc.workspaceId,
    incidentId: inc.id,
    shortRef: pageReferenceCode(inc.id),
    country: page.country,
    level: page.level,
    severity: inc.severity,
  };
  return { ws, inc, page, alert, subject };
};

const orgName = async (deps: AckLinkDeps, orgId: string) => (await deps.store.get({ kind: 'organisation', id: orgId }))?.name ?? orgId;

/** Who acknowledged a country, if it is acknowledged (or was, before a resolve). */
const acknowledger = (alert: CountryAlert) => alert.acknowledgedBy?.orgId;

/** What the link's page shows (GET): reads only, whatever the token. */
export async function viewAckLink(deps: AckLinkDeps, token: string): Promise<AckLinkView> {
  const parsed = parseAckToken(token);
  if (!parsed) {
    ackSecretMatches(token.slice(0, 64), [NO_HASH]);
    return DEAD;
  }
  const page = await deps.store.get(pageRefOf(parsed.ref));
  if (!alive(page, parsed.secret, deps.clock.now(), false)) return DEAD;
  const p = await personOf(deps, page);
  if (!p) return DEAD;
  const view = new LoadedView(await deps.store.load({ refs: refsOf(page) }));
  try {
    const { alert, subject } = gate(view, deps.clock.now(), p, parsed.ref, parsed.secret, false);
    if (alert.status === 'raised') return { state: 'open', expiresAt: page.expiresAt, ...subject };
    const by = acknowledger(alert);
    if (alert.status === 'acknowledged' && by) return { state: 'already', byOrgId: by, byOrgName: await orgName(deps, by), ...subject };
    return DEAD;
  } catch (err) {
    if (err instanceof DomainError && err.code !== 'unavailable') return DEAD;
    throw err;
  }
}

const pagePut = (next: PersonPage, read: PersonPage): Write => ({ op: 'put', record: { kind: 'page', value: next }, expect: read.version });

/** The click (POST): acknowledges as the person paged, or says who already did; a dead link changes nothing. */
export async function acknowledgeFromLink(deps: AckLinkDeps, token: string): Promise<AckLinkOutcome> {
  const parsed = parseAckToken(token);
  if (!parsed) {
    ackSecretMatches(token.slice(0, 64), [NO_HASH]);
    return DEAD;
  }
  const page = await deps.store.get(pageRefOf(parsed.ref));
  if (!alive(page, parsed.secret, deps.clock.now(), true)) return DEAD;
  const p = await personOf(deps, page);
  if (!p) return DEAD;
  type Answer = { state: 'acknowledged' | 'already'; byOrgId: string; subject: AckLinkSubject } | { state: 'dead' };
  let answer: Answer;
  try {
    const out = await runCommand(deps, {
      chainId: page.workspaceId,
      actor: actorOf(p),
      refs: refsOf(page),
      authorize: (view, now) => gate(view, now, p, parsed.ref, parsed.secret, true),
      decide(view, now, { ws, inc, page: read, alert, subject }) {
        const by = acknowledger(alert);
        // Used a moment ago (a double-click, a reload of the answer): say what stands.
        if (read.ackUsedAt) return unchanged<Answer>(by ? { state: 'already', byOrgId: by, subject } : DEAD);
        const at = now.toISOString();
        const used: PersonPage = { ...read, ackUsedAt: at, version: read.version + 1 };
        const via = { via: 'message_link', pageId: read.id };
        if (alert.status === 'raised') {
          const d = acknowledgement(view, now, { ws, inc }, p, read.country, {});
          return {
            ...d,
            writes: [...d.writes, pagePut({ ...used, status: 'acknowledged' }, read)],
            audit: { ...d.audit, details: { ...d.audit.details, ...via } },
            result: { state: 'acknowledged', byOrgId: p.orgId, subject } satisfies Answer as Answer,
          };
        }
        if (alert.status === 'acknowledged' && by)
          return {
            writes: [pagePut(used, read)],
            audit: {
              action: 'incident.ack_link_used',
              target: { type: 'incident', id: inc.id },
              details: { country: read.country, level: read.level, round: read.round, outcome: 'already_acknowledged', by, ...via },
              markings: [inc.marking],
            },
            result: { state: 'already', byOrgId: by, subject } satisfies Answer as Answer,
          };
        throw dead();
      },
    });
    answer = out.result;
  } catch (err) {
    if (err instanceof DomainError && err.code !== 'unavailable') return DEAD;
    throw err;
  }
  if (answer.state === 'dead') return DEAD;
  return { state: answer.state, byOrgId: answer.byOrgId, byOrgName: await orgName(deps, answer.byOrgId), ...answer.subject };
}
