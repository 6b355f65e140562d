import { describe, expect, it } from 'vitest';
import { CURSOR_MAX_AGE_MS, cursorSealer, generateCursorKeys, parseCursorKeys } from '../src';

const clockAt = (iso: string) => {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
};
/** What the store hands out: its query's last key, base64url JSON, naming the record it stopped on. */
const INNER = Buffer.from(JSON.stringify({ pk: 'WS#01kjm6jm002zrpvfdwqek6pn8p', sk: 'TASK#01kjm6jr0g5v3qk7c8b2y9x4hz' })).toString(
  'base64url',
);
const BINDING = JSON.stringify(['vnm-a05', 'vnm-a05-officer', '["get","/v1/workspaces/{workspaceId}/tasks",{},{}]']);

describe('sealed list cursors', () => {
  const keys = generateCursorKeys();

  it('open to what was sealed, for the same binding only', () => {
    const s = cursorSealer(keys, clockAt('2026-03-01T08:00:00Z'));
    const sealed = s.seal(INNER, BINDING);
    expect(s.open(sealed, BINDING)).toBe(INNER);
    expect(s.open(sealed, BINDING.replace('vnm-a05-officer', 'vnm-a05-analyst'))).toBeUndefined();
    expect(s.open(sealed, `${BINDING} `)).toBeUndefined();
  });

  it('show nothing of what is inside, and differ each time they are sealed', () => {
    const s = cursorSealer(keys, clockAt('2026-03-01T08:00:00Z'));
    const a = s.seal(INNER, BINDING);
    const b = s.seal(INNER, BINDING);
    expect(a).not.toBe(b);
    for (const text of [a, Buffer.from(a, 'base64url').toString('latin1'), Buffer.from(a, 'base64').toString('latin1')]) {
      expect(text).not.toContain('WS#');
      expect(text).not.toContain('TASK#');
      expect(text).not.toContain(INNER.slice(0, 8));
    }
  });

  it('have a length that says little of the key inside', () => {
    const s = cursorSealer(keys, clockAt('2026-03-01T08:00:00Z'));
    const lengths = new Set([1, 5, 20, 30].map((n) => s.seal('x'.repeat(n), BINDING).length));
    expect(lengths.size).toBe(1);
  });

  it('refuse a flipped byte anywhere, a truncation, an extension, and what is not base64url', () => {
    const s = cursorSealer(keys, clockAt('2026-03-01T08:00:00Z'));
    const sealed = s.seal(INNER, BINDING);
    const bytes = Buffer.from(sealed, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const flipped = Buffer.from(bytes);
      flipped[i]! ^= 0x01;
      expect(s.open(flipped.toString('base64url'), BINDING), `byte ${i}`).toBeUndefined();
    }
    for (const cut of [1, 2, 16, sealed.length - 1]) expect(s.open(sealed.slice(0, -cut), BINDING)).toBeUndefined();
    expect(s.open(`${sealed}A`, BINDING)).toBeUndefined();
    expect(s.open(`${sealed.slice(0, 10)}+/${sealed.slice(12)}`, BINDING)).toBeUndefined();
    expect(s.open(`${sealed}=`, BINDING)).toBeUndefined();
    expect(s.open('', BINDING)).toBeUndefined();
    expect(s.open('A'.repeat(3072), BINDING)).toBeUndefined();
    expect(s.open(INNER, BINDING)).toBeUndefined();
  });

  it('refuse a second spelling of the same bytes', () => {
    const s = cursorSealer(keys, clockAt('2026-03-01T08:00:00Z'));
    // A short store cursor seals to 12 + 64 + 16 = 92 bytes: the last character then carries unused low bits.
    const sealed = s.seal('short', BINDING);
    expect(Buffer.from(sealed, 'base64url').length % 3).not.toBe(0);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sealed.at(-1)!);
    const twin = sealed.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(sealed, 'base64url'))).toBe(true);
    expect(s.open(sealed, BINDING)).toBe('short');
    expect(s.open(twin, BINDING)).toBeUndefined();
  });

  it('expire after their maximum age, and are not accepted from far in the future', () => {
    const clock = clockAt('2026-03-01T08:00:00Z');
    const s = cursorSealer(keys, clock);
    const sealed = s.seal(INNER, BINDING);
    clock.advance(CURSOR_MAX_AGE_MS);
    expect(s.open(sealed, BINDING)).toBe(INNER);
    clock.advance(1);
    expect(s.open(sealed, BINDING)).toBeUndefined();

    const now = cursorSealer(keys, clockAt('2026-03-01T08:00:00Z'));
    expect(now.open(cursorSealer(keys, clockAt('2026-03-01T08:04:00Z')).seal(INNER, BINDING), BINDING)).toBe(INNER);
    expect(now.open(cursorSealer(keys, clockAt('2026-03-01T09:00:00Z')).seal(INNER, BINDING), BINDING)).toBeUndefined();
  });

  it('open under a previous key after rotation, and never under an unrelated key', () => {
    const clock = clockAt('2026-03-01T08:00:00Z');
    const old = generateCursorKeys();
    const sealed = cursorSealer(old, clock).seal(INNER, BINDING);
    const rotated = { current: generateCursorKeys().current, previous: [old.current] };
    expect(cursorSealer(rotated, clock).open(sealed, BINDING)).toBe(INNER);
    // What the rotated set seals opens under it, not under the old set.
    const fresh = cursorSealer(rotated, clock).seal(INNER, BINDING);
    expect(cursorSealer(old, clock).open(fresh, BINDING)).toBeUndefined();
    expect(cursorSealer(generateCursorKeys(), clock).open(sealed, BINDING)).toBeUndefined();
  });
});

describe('cursor keys', () => {
  it('are read from JSON with a current key and optional previous ones', () => {
    const current = 'k'.repeat(64);
    expect(parseCursorKeys(JSON.stringify({ current }))).toEqual({ current, previous: [] });
    expect(parseCursorKeys(JSON.stringify({ current, previous: ['p'.repeat(40)] }))).toEqual({ current, previous: ['p'.repeat(40)] });
  });

  it('are refused when missing, malformed or weak, without repeating the secret', () => {
    const weak = 'secret-but-short';
    for (const bad of [
      undefined,
      '',
      'nope',
      '{}',
      JSON.stringify({ current: weak }),
      JSON.stringify({ current: 'k'.repeat(40), previous: weak }),
    ]) {
      expect(() => parseCursorKeys(bad)).toThrow();
      try {
        parseCursorKeys(bad);
      } catch (err) {
        expect((err as Error).message).not.toContain(weak);
      }
    }
  });
});
