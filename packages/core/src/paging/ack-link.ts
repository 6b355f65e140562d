import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../kernel/hash';
import type { PageRef } from './model';

/**
 * The acknowledge link of a page: `<origin>/ack/<token>`, where the token names the page
 * (workspace, incident, page ids: opaque identifiers, no marked content) and carries a 256-bit
 * secret made for one attempt. Only the secret's SHA-256 is stored (`PageAttempt.ackSecretHash`);
 * the secret itself exists only in the message sent. The page it opens asks for one click, so a
 * mail scanner's prefetch acknowledges nothing; the click is single use and valid until the
 * page's `expiresAt`.
 */
export const ACK_PATH = '/ack/';

const ID = '[a-z0-9][a-z0-9-]{2,63}';
const TOKEN = new RegExp(`^(${ID})\\.(${ID})\\.(${ID})\\.([A-Za-z0-9_-]{43})$`);
/** The longest token: three ids, a secret and three dots. */
const MAX_ACK_TOKEN = 3 * 64 + 43 + 3;

/** A fresh secret for one attempt, and the hash to store with it. */
export const newAckSecret = (): { secret: string; hash: string } => {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256Hex(secret) };
};

export const ackToken = (ref: PageRef, secret: string): string => `${ref.workspaceId}.${ref.incidentId}.${ref.pageId}.${secret}`;

export const ackUrl = (origin: string, ref: PageRef, secret: string): string =>
  `${origin.replace(/\/+$/, '')}${ACK_PATH}${ackToken(ref, secret)}`;

/** The page a token names and its secret, or null for anything that is not a token (checked before any read). */
export const parseAckToken = (token: string): { ref: PageRef; secret: string } | null => {
  if (token.length > MAX_ACK_TOKEN) return null;
  const m = TOKEN.exec(token);
  return m ? { ref: { workspaceId: m[1]!, incidentId: m[2]!, pageId: m[3]! }, secret: m[4]! } : null;
};

/** Whether a secret is one of the hashes stored on the page's attempts (constant time per comparison). */
export const ackSecretMatches = (secret: string, hashes: readonly (string | undefined)[]): boolean => {
  const got = Buffer.from(sha256Hex(secret), 'hex');
  let ok = false;
  for (const h of hashes) if (h && h.length === 64 && timingSafeEqual(got, Buffer.from(h, 'hex'))) ok = true;
  return ok;
};
