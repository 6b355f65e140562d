import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateVapidKeys, parseVapidKeys, type VapidKeys } from '@taskforce/messaging/channels';
import { stateDir } from './paths';

const vapidKeysFile = () => join(stateDir(), 'vapid-keys.json');
/** Who the push services may write to about this runtime's pushes (none ever reach one: see push-sink.ts). */
export const LOCAL_VAPID_SUBJECT = 'mailto:no-reply@taskforce.localhost';

/**
 * The local runtime's VAPID keys, kept under the state folder like the cursor keys: a browser's
 * push subscription is bound to the public key it subscribed with, so the key must outlive a
 * restart. Made on first use; when two runtimes start at once, the first file written wins and
 * both read it. On AWS the keys are a Secrets Manager secret (functions/src/channels.ts).
 */
export const loadOrCreateVapidKeys = (file = vapidKeysFile()): VapidKeys => {
  try {
    return parseVapidKeys(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: ${(err as Error).message}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${JSON.stringify(generateVapidKeys(LOCAL_VAPID_SUBJECT), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseVapidKeys(readFileSync(file, 'utf8'));
};
