/**
 * Sealed list cursors. The store's cursor is where a query stopped: a raw key that names the
 * record it stopped on (which the caller may not be allowed to see) and, for cross-workspace
 * lists, the workspace. Before a cursor leaves the API it is sealed with AES-256-GCM under the
 * deployment's key, bound (as associated data) to the caller and to the list it pages through,
 * and it carries the time it was issued. A cursor that does not open, for any reason, is just
 * "not valid for this list": the caller learns nothing of what is inside.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** How long a cursor may be used after it was issued. */
export const CURSOR_MAX_AGE_MS = 24 * 3_600_000;
/** Clocks of different API instances may disagree a little: a cursor from the near future still opens. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Longest cursor accepted (characters); a sealed store cursor is a few hundred. */
export const CURSOR_MAX_LENGTH = 2048;
/** The message of every refusal, whatever the reason. */
export const CURSOR_REFUSED = 'the cursor is not valid for this list';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Plaintexts are padded to a multiple of this, so a cursor's length says little about the key inside. */
const PAD_TO = 64;
const CONTEXT = 'taskforce/list-cursor/v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The deployment's cursor keys: `current` seals, and `current` and each of `previous` open, so
 * a key can be replaced without refusing the cursors callers already hold. Each is a secret
 * string of at least 32 characters (e.g. 64 random letters and digits, or 32 random bytes in
 * base64url); the AES key is derived from it with HKDF-SHA-256.
 */
export interface CursorKeys {
  current: string;
  previous?: readonly string[] | undefined;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Reads cursor keys as the deployment keeps them: JSON `{"current": "…", "previous": ["…"]}`
 * (a Secrets Manager secret on AWS, `.taskforce/cursor-keys.json` locally). Throws, naming no
 * key material, when it is missing or malformed.
 */
export const parseCursorKeys = (json: string | undefined): CursorKeys => {
  if (!json) throw new Error('cursor keys are not set');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('cursor keys are not JSON');
  }
  const { current, previous = [] } = (value ?? {}) as { current?: unknown; previous?: unknown };
  const strong = (s: unknown): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH;
  if (!strong(current)) throw new Error(`cursor keys need "current": a secret of at least ${MIN_SECRET_LENGTH} characters`);
  if (!Array.isArray(previous) || !previous.every(strong))
    throw new Error(`cursor keys' "previous" must be a list of secrets of at least ${MIN_SECRET_LENGTH} characters`);
  return { current, previous };
};

/** A new key set with one fresh current key (32 random bytes, base64url). */
export const generateCursorKeys = (): CursorKeys => ({ current: randomBytes(32).toString('base64url'), previous: [] });

export interface CursorSealer {
  /** Seals a store cursor for one caller and one list. */
  seal(inner: string, binding: string): string;
  /** The store cursor inside, or undefined when the cursor does not open for this binding (or has expired). */
  open(cursor: string, binding: string): string | undefined;
}

const deriveKey = (secret: string): Buffer => Buffer.from(hkdfSync('sha256', secret, '', CONTEXT, 32));

export const cursorSealer = (keys: CursorKeys, clock: { now(): Date }, maxAgeMs = CURSOR_MAX_AGE_MS): CursorSealer => {
  const sealing = deriveKey(keys.current);
  const opening = [sealing, ...(keys.previous ?? []).map(deriveKey)];
  const aad = (binding: string) => Buffer.from(`${CONTEXT}\n${binding}`, 'utf8');

  return {
    seal(inner, binding) {
      const body = JSON.stringify({ c: inner, t: clock.now().getTime() });
      // JSON ignores trailing white space: pad with spaces to the next multiple of PAD_TO bytes.
      const size = Buffer.byteLength(body, 'utf8');
      const plain = Buffer.from(body.padEnd(body.length + (PAD_TO - (size % PAD_TO)), ' '), 'utf8');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealing, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(binding));
      return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64url');
    },

    open(cursor, binding) {
      if (cursor.length > CURSOR_MAX_LENGTH || !BASE64URL.test(cursor)) return undefined;
      const bytes = Buffer.from(cursor, 'base64url');
      // One spelling per cursor: no trailing bits that decode to the same bytes.
      if (bytes.length < IV_BYTES + TAG_BYTES + PAD_TO || bytes.toString('base64url') !== cursor) return undefined;
      const iv = bytes.subarray(0, IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const sealed = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      for (const key of opening) {
        let plain: Buffer;
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
          decipher.setAAD(aad(binding));
          decipher.setAuthTag(tag);
          plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
        } catch {
          continue;
        }
        try {
          const { c, t } = JSON.parse(plain.toString('utf8')) as { c?: unknown; t?: unknown };
          if (typeof c !== 'string' || typeof t !== 'number') return undefined;
          const now = clock.now().getTime();
          return now - t <= maxAgeMs && t - now <= CLOCK_SKEW_MS ? c : undefined;
        } catch {
          return undefined;
        }
      }
      return undefined;
    },
  };
};
