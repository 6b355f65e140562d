import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { defineRecord } from '../kernel/records';

/**
 * A person's contact methods: how the platform reaches them when they are paged. Each method is
 * `unverified` until the person types the 6-digit code sent through it; only verified methods
 * are ever used to page. Their order is the order they are tried in.
 *
 * There are no quiet hours: a 24/7 duty contact is reachable at any hour by design (Budapest
 * art. 35), so the model has no field for them and no method is ever held back by the time of day.
 */
export const CONTACT_KINDS = ['email', 'phone', 'push'] as const;
const ContactKind = z.enum(CONTACT_KINDS);
type ContactKind = z.infer<typeof ContactKind>;

/** How many methods one person may register. */
export const MAX_METHODS = 10;
/** A verification code: this many digits, valid this long, this many wrong tries before it is void. */
export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;
/**
 * Sending codes is rate-limited so that nobody can flood an address (or a phone bill) through the
 * platform: per method at least a minute apart and at most 5 an hour; per person at most 10 an hour.
 */
export const RESEND = { gapMs: 60_000, windowMs: 60 * 60_000, perMethod: 5, perPerson: 10 } as const;

/** A web-push subscription as the browser's PushManager gives it (endpoint and keys). */
const PushSubscription = z.strictObject({
  endpoint: z.url({ protocol: /^https$/, error: 'must be an https URL' }).check(z.maxLength(2048, { abort: true })),
  keys: z.strictObject({
    p256dh: z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]{80,100}$/, 'must be a base64url P-256 public key')),
    auth: z.string().check(z.maxLength(40), z.regex(/^[A-Za-z0-9_-]{16,32}$/, 'must be a base64url secret of 16 bytes')),
  }),
});
type PushSubscription = z.infer<typeof PushSubscription>;

/** A pending verification: the code's hash (never the code), when it expires, how many wrong tries so far. */
interface Challenge {
  salt: string;
  hash: string;
  expiresAt: string;
  attempts: number;
}

export interface ContactMethod {
  id: string;
  kind: ContactKind;
  /** The e-mail address (lower case) or the phone number in E.164; absent for push. */
  address?: string;
  subscription?: PushSubscription;
  status: 'unverified' | 'verified';
  createdAt: string;
  verifiedAt?: string;
  challenge?: Challenge;
  /** When codes were sent for this method within the last hour (for the rate limits). */
  sends: string[];
}

/** One person's methods, in the order they are tried, and the codes sent to them within the last hour. */
export interface ContactMethods {
  sub: string;
  orgId: string;
  methods: ContactMethod[];
  sends: string[];
  version: number;
}

declare module '../kernel/records' {
  interface RecordTypes {
    contactMethods: { value: ContactMethods; ref: { sub: string } };
  }
}
defineRecord('contactMethods', ['sub'], (c) => ({ sub: c.sub }));

export const CONTACT_METHOD_EVENTS = [
  'contact_method.added',
  'contact_method.verified',
  'contact_method.removed',
  'contact_method.reordered',
] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof CONTACT_METHOD_EVENTS> {}
}

const EMAIL_MAX = 254;
export const AddContactMethodInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('email'),
    address: z.email('must be an e-mail address').check(z.maxLength(EMAIL_MAX, { abort: true })),
  }),
  z.strictObject({
    kind: z.literal('phone'),
    number: z.string().check(z.minLength(3), z.maxLength(32), z.regex(/^[+0-9 ()./-]+$/, 'must be digits, spaces and + ( ) . / -')),
    region: z.optional(
      z.string().check(
        z.maxLength(2, { abort: true }),
        // Which regions exist is checked when the number is parsed (contact-methods/phone.ts, loaded on demand).
        z.regex(/^[A-Z]{2}$/, 'must be a region code such as TH, VN or GB'),
      ),
    ),
  }),
  z.strictObject({ kind: z.literal('push'), subscription: PushSubscription }),
]);
export type AddContactMethodInput = z.infer<typeof AddContactMethodInput>;

export const VerifyContactMethodInput = z.strictObject({
  code: z.string().check(z.maxLength(CODE_DIGITS), z.regex(new RegExp(`^[0-9]{${CODE_DIGITS}}$`), `must be ${CODE_DIGITS} digits`)),
});
export const ReorderContactMethodsInput = z.strictObject({
  order: z.array(z.string().check(z.maxLength(64))).check(z.minLength(1), z.maxLength(MAX_METHODS)),
});

/** A method as its owner sees it: where it points, whether it is verified, and whether a code is pending. */
export interface ContactMethodView {
  id: string;
  kind: ContactKind;
  /** The e-mail address, the E.164 number, or the push service's origin. */
  address: string;
  status: ContactMethod['status'];
  position: number;
  createdAt: string;
  verifiedAt?: string;
  /** A code was sent and may still be typed until then. */
  codeExpiresAt?: string;
}

export const viewOf = (m: ContactMethod, position: number, now: Date): ContactMethodView => ({
  id: m.id,
  kind: m.kind,
  address: m.address ?? (m.subscription ? new URL(m.subscription.endpoint).origin : ''),
  status: m.status,
  position,
  createdAt: m.createdAt,
  ...(m.verifiedAt ? { verifiedAt: m.verifiedAt } : {}),
  ...(m.challenge && m.status === 'unverified' && Date.parse(m.challenge.expiresAt) > now.getTime() && m.challenge.attempts < MAX_ATTEMPTS
    ? { codeExpiresAt: m.challenge.expiresAt }
    : {}),
});
