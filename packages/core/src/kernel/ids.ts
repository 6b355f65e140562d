import { randomBytes } from 'node:crypto';
import type { Clock, Ids } from './store';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** `n` as `length` digits of lower-case Crockford base32, most significant first: they sort as the numbers do. */
export const base32Digits = (n: number, length: number): string => {
  let digits = '';
  for (let i = 0; i < length; i++) {
    digits = ALPHABET[n % 32] + digits;
    n = Math.floor(n / 32);
  }
  return digits;
};

/**
 * ULID-style ids: 10 characters of millisecond time then 16 of randomness, so ids sort by
 * creation time and lists come back in creation order.
 */
export const timeOrderedIds = (clock: Clock): Ids => ({
  next() {
    const time = base32Digits(clock.now().getTime(), 10);
    const bytes = randomBytes(16);
    let rand = '';
    for (const b of bytes) rand += ALPHABET[b % 32];
    return time + rand;
  },
});

let lastTime = 0;
let counter = 0;
/**
 * Ids that also sort in the order this process made them, within one millisecond too: the
 * time, a counter, then randomness. Audit entries are queued under such ids, so one writer's
 * entries are sequenced in the order it wrote them.
 */
export const monotonicId = (clock: Clock): string => {
  const now = clock.now().getTime();
  if (now > lastTime) {
    lastTime = now;
    counter = 0;
  } else counter++;
  const bytes = randomBytes(10);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return base32Digits(lastTime, 10) + base32Digits(counter, 6) + rand;
};
