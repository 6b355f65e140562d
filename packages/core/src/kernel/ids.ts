import { randomBytes } from 'node:crypto';
import type { Clock, Ids } from './store';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/**
 * ULID-style ids: 10 characters of millisecond time then 16 of randomness, so ids sort by
 * creation time and lists come back in creation order.
 */
export const timeOrderedIds = (clock: Clock): Ids => ({
  next() {
    let t = clock.now().getTime();
    let time = '';
    for (let i = 0; i < 10; i++) {
      time = ALPHABET[t % 32] + time;
      t = Math.floor(t / 32);
    }
    const bytes = randomBytes(16);
    let rand = '';
    for (const b of bytes) rand += ALPHABET[b % 32];
    return time + rand;
  },
});
