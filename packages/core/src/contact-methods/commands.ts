import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { AuditDraft } from '../kernel/audit';
import { actorOf, PLATFORM_CHAIN } from '../kernel/context';
import { conflict, invalid, notFound } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import type { Principal } from '../kernel/principal';
import { type Decision, runCommand, unchanged } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { webhookUrlProblem } from '../notifications/destination';
import { authorize } from '../policies/permissions';
import {
  type AddContactMethodInput,
  CODE_DIGITS,
  CODE_TTL_MS,
  type ContactMethod,
  type ContactMethods,
  type ContactMethodView,
  MAX_ATTEMPTS,
  MAX_METHODS,
  RESEND,
  viewOf,
} from './model';
import { isPhoneRegion, toE164 } from './phone';
import { type ContactDeps, sendCode } from './send-code';

/** The one answer to a wrong, expired, exhausted or unknown code, or an unknown method: nothing can be told apart. */
export const CODE_REFUSED = 'the code is wrong or has expired; ask for a new one';

/** Too many codes asked for: try again after `retryAfterSeconds`. Not a DomainError: the API answers 429 with Retry-After. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many codes sent; try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimited';
  }
}

const ref = (sub: string) => ({ kind: 'contactMethods' as const, sub });
const empty = (p: Principal): ContactMethods => ({ sub: p.sub, orgId: p.orgId, methods: [], sends: [], version: 0 });
const views = (c: ContactMethods, now: Date): ContactMethodView[] => c.methods.map((m, i) => viewOf(m, i + 1, now));

const hashCode = (salt: string, methodId: string, code: string): string =>
  createHash('sha256').update(salt).update('\u0000').update(methodId).update('\u0000').update(code).digest('base64url');

/** A new code and its challenge (only the hash is kept). */
const newChallenge = (methodId: string, now: Date): { code: string; challenge: NonNullable<ContactMethod['challenge']> } => {
  const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  const salt = randomBytes(16).toString('base64url');
  return {
    code,
    challenge: { salt, hash: hashCode(salt, methodId, code), expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(), attempts: 0 },
  };
};

const recent = (times: readonly string[], now: Date): string[] => times.filter((t) => now.getTime() - Date.parse(t) < RESEND.windowMs);

/** Throws `RateLimited` if a code may not be sent now for this method (per method and per person). */
const checkRate = (c: ContactMethods, m: ContactMethod | undefined, now: Date): void => {
  const t = now.getTime();
  const waits: number[] = [];
  const person = recent(c.sends, now);
  if (person.length >= RESEND.perPerson) waits.push(Date.parse(person[0]!) + RESEND.windowMs - t);
  if (m) {
    const own = recent(m.sends, now);
    if (own.length >= RESEND.perMethod) waits.push(Date.parse(own[0]!) + RESEND.windowMs - t);
    const last = own.at(-1);
    if (last && t - Date.parse(last) < RESEND.gapMs) waits.push(Date.parse(last) + RESEND.gapMs - t);
  }
  if (waits.length) throw new RateLimited(Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
};

const audit = (action: string, sub: string, details: Record<string, unknown>): AuditDraft => ({
  action,
  // Which method and of what kind, never the address: the record holds that.
  target: { type: 'person', id: sub },
  details,
  markings: [],
});
// Nobody else is told: a person's contact methods concern them alone (no audience, nothing fanned out).
const event = (type: EventDraft['type'], sub: string, data: Record<string, unknown>): EventDraft => ({
  type,
  subject: { type: 'person', id: sub },
  audience: [],
  data,
});

/** A person's own contact methods, in the order they are tried. */
export async function listContactMethods(deps: KernelDeps, p: Principal): Promise<{ items: ContactMethodView[]; version: number }> {
  authorize('me.contact_methods', p);
  const c = (await deps.store.get(ref(p.sub))) ?? empty(p);
  return { items: views(c, deps.clock.now()), version: c.version };
}

type Result = { method: ContactMethodView; code?: string; target?: ContactMethod };

async function run(
  deps: ContactDeps,
  p: Principal,
  decide: (c: ContactMethods, now: Date) => Decision<Result> | { unchanged: true; result: Result },
): Promise<Result> {
  const out = await runCommand<Result>(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(p),
    refs: [ref(p.sub)],
    authorize: () => authorize('me.contact_methods', p),
    decide: (view, now) => decide(view.get(ref(p.sub)) ?? empty(p), now),
  });
  return out.result;
}

const put = (c: ContactMethods) =>
  ({
    op: 'put',
    record: { kind: 'contactMethods', value: { ...c, version: c.version + 1 } },
    expect: c.version === 0 ? 'absent' : c.version,
  }) as const;

/**
 * Adds a method (last in the order), unverified, and sends it a code. The same address twice is a
 * 409 (the person's own list: nothing about anyone else's is learnt). Answers whether the code went out.
 */
export async function addContactMethod(
  deps: ContactDeps,
  p: Principal,
  input: AddContactMethodInput,
): Promise<{ method: ContactMethodView; codeSent: boolean }> {
  let address: string | undefined;
  if (input.kind === 'email') address = input.address.toLowerCase();
  if (input.kind === 'phone') {
    if (input.region && !(await isPhoneRegion(input.region))) throw invalid('body.region', 'must be a region code such as TH, VN or GB');
    address = await toE164(input.number, input.region);
    if (!address)
      throw invalid(
        'body.number',
        input.region
          ? `not a valid phone number in ${input.region}`
          : 'not a valid phone number: start with + and the country code, or pick the country',
      );
  }
  if (input.kind === 'push') {
    const problem = webhookUrlProblem(input.subscription.endpoint, deps.webhookDestinations);
    if (problem) throw invalid('body.subscription.endpoint', problem);
  }
  const id = deps.ids.next().toLowerCase();
  const r = await run(deps, p, (c, now) => {
    if (c.methods.length >= MAX_METHODS) throw conflict(`you have ${MAX_METHODS} contact methods already; remove one first`);
    const same = c.methods.find(
      (m) =>
        m.kind === input.kind &&
        (address ? m.address === address : m.subscription?.endpoint === (input.kind === 'push' ? input.subscription.endpoint : '')),
    );
    if (same) throw conflict('you have registered this contact method already');
    const at = now.toISOString();
    const method: ContactMethod = {
      id,
      kind: input.kind,
      ...(address ? { address } : {}),
      ...(input.kind === 'push' ? { subscription: input.subscription } : {}),
      status: 'unverified',
      createdAt: at,
      sends: [],
    };
    checkRate(c, undefined, now);
    const ch = newChallenge(id, now);
    const code = ch.code;
    method.challenge = ch.challenge;
    method.sends = [at];
    const sends = [...recent(c.sends, now), at];
    const next = { ...c, methods: [...c.methods, method], sends };
    return {
      writes: [put(next)],
      audit: audit('contact_method.added', p.sub, { method: id, kind: input.kind, codeSent: Boolean(code) }),
      events: [event('contact_method.added', p.sub, { method: id, kind: input.kind })],
      status: 201,
      result: { method: viewOf(method, next.methods.length, now), ...(code ? { code } : {}), target: method },
    };
  });
  if (!r.code || !r.target) return { method: r.method, codeSent: false };
  await sendCode(deps, r.target, r.code);
  return { method: r.method, codeSent: true };
}

/**
 * Checks a code. A wrong, expired or exhausted code, and a method that does not exist (or is
 * someone else's), all get the same 400 naming `code` (`CODE_REFUSED`); each wrong try counts,
 * and the 5th voids the code.
 */
export async function verifyContactMethod(deps: ContactDeps, p: Principal, methodId: string, code: string): Promise<ContactMethodView> {
  let refused = false;
  const r = await run(deps, p, (c, now) => {
    refused = false;
    const i = c.methods.findIndex((m) => m.id === methodId);
    const m = c.methods[i];
    if (!m) {
      refused = true;
      return unchanged({ method: undefined as never });
    }
    if (m.status === 'verified') return unchanged({ method: viewOf(m, i + 1, now) });
    const ch = m.challenge;
    if (!ch || ch.attempts >= MAX_ATTEMPTS || Date.parse(ch.expiresAt) <= now.getTime()) {
      refused = true;
      return unchanged({ method: undefined as never });
    }
    const expected = Buffer.from(ch.hash);
    const given = Buffer.from(hashCode(ch.salt, m.id, code));
    const ok = expected.length === given.length && timingSafeEqual(expected, given);
    const at = now.toISOString();
    const updated: ContactMethod = ok
      ? (({ challenge: _c, ...rest }) => ({ ...rest, status: 'verified' as const, verifiedAt: at }))(m)
      : { ...m, challenge: { ...ch, attempts: ch.attempts + 1 } };
    refused = !ok;
    const methods = c.methods.map((x) => (x.id === m.id ? updated : x));
    return {
      writes: [put({ ...c, methods })],
      audit: {
        ...audit(ok ? 'contact_method.verified' : 'contact_method.code_refused', p.sub, { method: m.id, kind: m.kind }),
        ...(ok ? {} : { outcome: 'denied' as const }),
      },
      events: ok ? [event('contact_method.verified', p.sub, { method: m.id, kind: m.kind })] : [],
      result: { method: viewOf(updated, i + 1, now) },
    };
  });
  if (refused) throw invalid('code', CODE_REFUSED);
  return r.method;
}

/**
 * Sends a new code (the old one is void). Rate-limited (429). A verified method gets nothing new;
 * a method that is not the caller's is the same 404 as one that does not exist.
 */
export async function resendCode(deps: ContactDeps, p: Principal, methodId: string): Promise<void> {
  const r = await run(deps, p, (c, now) => {
    const i = c.methods.findIndex((m) => m.id === methodId);
    const m = c.methods[i];
    if (!m) throw notFound('contact method');
    if (m.status === 'verified') return unchanged({ method: viewOf(m, i + 1, now) });
    checkRate(c, m, now);
    const at = now.toISOString();
    const ch = newChallenge(m.id, now);
    const updated: ContactMethod = { ...m, challenge: ch.challenge, sends: [...recent(m.sends, now), at] };
    return {
      writes: [put({ ...c, methods: c.methods.map((x) => (x.id === m.id ? updated : x)), sends: [...recent(c.sends, now), at] })],
      audit: audit('contact_method.code_sent', p.sub, { method: m.id, kind: m.kind }),
      events: [],
      result: { method: viewOf(updated, i + 1, now), code: ch.code, target: updated },
    };
  });
  if (r.code && r.target) await sendCode(deps, r.target, r.code);
}

/** Removes a method; one the person does not have is a 404. */
export async function removeContactMethod(deps: ContactDeps, p: Principal, methodId: string): Promise<void> {
  await run(deps, p, (c, now) => {
    const m = c.methods.find((x) => x.id === methodId);
    if (!m) throw notFound('contact method');
    return {
      writes: [put({ ...c, methods: c.methods.filter((x) => x.id !== methodId) })],
      audit: audit('contact_method.removed', p.sub, { method: m.id, kind: m.kind }),
      events: [event('contact_method.removed', p.sub, { method: m.id, kind: m.kind })],
      result: { method: viewOf(m, 0, now) },
    };
  });
}

/** Sets the order methods are tried in: `order` names every method once. */
export async function reorderContactMethods(deps: ContactDeps, p: Principal, order: string[]): Promise<ContactMethodView[]> {
  let result: ContactMethodView[] = [];
  await run(deps, p, (c, now) => {
    const ids = c.methods.map((m) => m.id);
    if (order.length !== ids.length || new Set(order).size !== order.length || order.some((id) => !ids.includes(id)))
      throw invalid('order', 'must name each of your contact methods once');
    const next = { ...c, methods: order.map((id) => c.methods.find((m) => m.id === id)!) };
    result = views(next, now);
    if (order.every((id, i) => ids[i] === id)) return unchanged({ method: undefined as never });
    return {
      writes: [put(next)],
      audit: audit('contact_method.reordered', p.sub, { order }),
      events: [event('contact_method.reordered', p.sub, { order })],
      result: { method: undefined as never },
    };
  });
  return result;
}
