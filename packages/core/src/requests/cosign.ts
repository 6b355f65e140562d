import type { CountryContacts } from '../incidents/model';
import { type CommandContext, commandOf } from '../kernel/context';
import { addDuration } from '../kernel/duration';
import { conflict, forbidden, staleVersion } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import type { Principal } from '../kernel/principal';
import { runCommand } from '../kernel/runner';
import type { Write } from '../kernel/store';
import type { Timer, TimerHandlers } from '../kernel/timers';
import { DEFAULT_COSIGNERS, type Organisation } from '../organisations/model';
import type { Workspace } from '../workspaces/model';
import { ruleById, startClock } from './clocks';
import type { RequestDeps } from './ports';
import type { CosignInput, DataRequest, RequestCosign } from './request';
import { cosignTimerId, move, putTimers, reqRef, requestEvent, visibleRequest } from './shared';
import { turnaroundWrites } from './turnaround/hook';

// ---------------------------------------------------------------------------------------
// Two officers: a request whose type needs it (types/: `cosign`) waits, unseen by the partner,
// until a second, different officer of the sending agency, signed in with MFA, approves it
// (then it is sent and its legal clock starts) or refuses it, within the emergency clock of the
// clock table; if nobody does, it lapses.
// ---------------------------------------------------------------------------------------

declare module '../kernel/timers' {
  interface TimerKinds {
    'request.cosign_lapse': true;
  }
}

/** The clock-table row whose period a second officer has to co-sign in. */
const COSIGN_CLOCK = 'emergency';

const cosignTimer = (r: DataRequest, dueAt: string): Timer => ({
  workspaceId: r.workspaceId,
  id: cosignTimerId(r.id),
  kind: 'request.cosign_lapse',
  subjectId: r.id,
  dueAt,
});

/** Only the sending agency hears of a request before it is co-signed: the partner learns nothing of it. */
const agencyOnly = (r: DataRequest) => [r.requestedBy.orgId];

/** Sending a request that needs a second officer: it waits for one, with the lapse timer; no clock, no partner. */
export const awaitCosign = (r: DataRequest, ws: Workspace, now: Date) => {
  const dueAt = addDuration(now, ruleById(COSIGN_CLOCK).period).toISOString();
  const next: DataRequest = { ...move(r, 'awaiting_cosign', now), cosign: { status: 'awaiting', dueAt } };
  const event: EventDraft = requestEvent(next, ws, 'request.cosign_requested', { cosignDueAt: dueAt }, agencyOnly(next));
  return {
    next,
    timers: [{ op: 'put', record: { kind: 'timer', value: cosignTimer(next, dueAt) }, expect: 'any' }] as Write[],
    event,
    audit: { action: 'request.cosign_requested', details: { sender: r.requestedBy.sub, cosignDueAt: dueAt } },
  };
};

/** The requesting country's 24/7 line, for the partner to call back: the duty contact's phone. */
const dutyLine = (contacts: CountryContacts | undefined): string | undefined =>
  contacts?.duty.channels.find((c) => c.kind === 'phone')?.address ?? contacts?.duty.people.find((x) => x.phone)?.phone;

/** Whether this officer may co-sign this request: the same agency, not its sender, with MFA, and as its rule says. */
const checkCosigner = (r: DataRequest, p: Principal, org: Organisation | undefined, now: Date): RequestCosign => {
  if (r.status !== 'awaiting_cosign' || r.cosign?.status !== 'awaiting')
    throw conflict(`a ${r.status.replaceAll('_', ' ')} request is not waiting for a second officer`);
  if (p.orgId !== r.requestedBy.orgId) throw forbidden('only a second officer of the agency that sent the request may co-sign it');
  if (p.sub === r.requestedBy.sub) throw forbidden('you sent this request: a second, different officer of your agency must co-sign it');
  if (!p.mfa)
    throw forbidden(
      'co-signing an emergency request needs a sign-in with a second factor (MFA): sign in again with your authenticator, then co-sign',
    );
  if ((org?.cosigners ?? DEFAULT_COSIGNERS) === 'supervisor' && !p.roles.includes('supervisor'))
    throw forbidden(`${org?.name ?? 'your agency'} has its emergency requests co-signed by a supervisor; you do not hold that role`);
  if (now.getTime() >= new Date(r.cosign.dueAt).getTime()) throw conflict('the time to co-sign this request has run out; it lapses');
  return r.cosign;
};

/** A second officer approves (the request is sent, its clock starts) or refuses a request awaiting co-signature. */
export const cosignRequest = (
  deps: RequestDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: CosignInput,
  expectVersion?: number,
) => {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'policies' },
      reqRef(workspaceId, id),
      { kind: 'organisation', id: p.orgId },
      { kind: 'contacts', country: p.country },
    ],
    authorize: (view, now) => visibleRequest(view, p, workspaceId, id, now, 'request.cosign'),
    decide(view, now, { ws, r }) {
      if (expectVersion !== undefined && r.version !== expectVersion) throw staleVersion();
      const org = view.get({ kind: 'organisation', id: p.orgId }) ?? undefined;
      const waiting = checkCosigner(r, p, org, now);
      const at = now.toISOString();
      const by = { sub: p.sub, orgId: p.orgId, mfa: true };
      const lapse: Write = { op: 'delete', ref: { kind: 'timer', workspaceId, id: cosignTimerId(id) }, expect: 'any' };
      const audited = { sender: r.requestedBy.sub, cosigner: p.sub, mfa: true };
      let next: DataRequest;
      let timers: Write[];
      let event: EventDraft;
      let action: string;
      let details: Record<string, unknown>;
      if (input.decision === 'approve') {
        const callback = dutyLine(view.get({ kind: 'contacts', country: p.country }) ?? undefined);
        const sent = move(r, 'sent', now);
        next = {
          ...sent,
          sentAt: at,
          clock: startClock(r, now),
          cosign: { ...waiting, status: 'approved', by, at, agencyName: org?.name ?? p.orgId, ...(callback ? { callback } : {}) },
        };
        timers = [lapse, ...putTimers(next, now)];
        event = requestEvent(next, ws, 'request.sent', { urgency: r.urgency, providerOrgId: r.providerOrgId, cosigned: true });
        action = 'request.cosigned';
        details = { ...audited, outcome: 'approved', provider: r.providerOrgId, dueAt: next.clock?.dueAt };
      } else {
        next = { ...move(r, 'cosign_refused', now), cosign: { ...waiting, status: 'refused', by, at, reason: input.reason } };
        timers = [lapse];
        event = requestEvent(next, ws, 'request.cosign_refused', { reason: input.reason }, agencyOnly(next));
        action = 'request.cosign_refused';
        details = { ...audited, outcome: 'refused' };
      }
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: next }, expect: r.version }, ...timers, ...turnaroundWrites(r, next, now)],
        audit: { action, target: { type: 'request', id }, details, markings: [r.marking] },
        events: [event],
        result: next,
      };
    },
  });
};

/** Nobody co-signed in time: the request lapses, unsent; the sending agency hears of it. */
export const cosignTimerHandlers = {
  'request.cosign_lapse': {
    refs: (timer) => [reqRef(timer.workspaceId, timer.subjectId)],
    decide({ view, timer, ws, now }) {
      const r = view.get(reqRef(timer.workspaceId, timer.subjectId));
      if (!r?.cosign || r.status !== 'awaiting_cosign') return 'drop';
      const next: DataRequest = { ...move(r, 'lapsed', now), cosign: { ...r.cosign, status: 'lapsed' } };
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: next }, expect: r.version }],
        audit: {
          action: 'request.cosign_lapsed',
          target: { type: 'request', id: r.id },
          details: { sender: r.requestedBy.sub, cosignDueAt: r.cosign.dueAt, outcome: 'lapsed' },
          markings: [r.marking],
        },
        events: [requestEvent(next, ws, 'request.cosign_lapsed', { cosignDueAt: r.cosign.dueAt }, agencyOnly(next))],
      };
    },
  },
} satisfies TimerHandlers<Workspace, 'request.cosign_lapse'>;
