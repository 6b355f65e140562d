import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { VapidKeys } from '@taskforce/messaging/channels';

/** The version id the first keys are written under: a second writer of different keys is refused, so one pair wins. */
export const FIRST_KEYS_VERSION = 'vapid-keys-0000000000000000000000001';

/**
 * The deployment's VAPID keys, from their Secrets Manager secret (infra's `VapidKeySecret`), read
 * on the first push or key request. The stack creates the secret with only the subject (no
 * service can generate a P-256 pair): the first function that finds no keys makes a pair and
 * writes it as one fixed version; if another instance wrote first, that write is refused and the
 * winner's keys are read back. Every instance thus signs with the one pair browsers subscribed to.
 * Rotate by writing a new pair (`npx web-push generate-vapid-keys`) as a new version: every
 * subscription must then be made again.
 */
export async function vapidKeysFromSecret(client: SecretsManagerClient, secretId: string): Promise<VapidKeys> {
  const [{ GetSecretValueCommand, PutSecretValueCommand }, { generateVapidKeys, parseVapidKeys }] = await Promise.all([
    import('@aws-sdk/client-secrets-manager'),
    import('@taskforce/messaging/channels'),
  ]);
  const read = async () =>
    JSON.parse((await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString ?? '{}') as Record<string, unknown>;
  const stored = await read();
  if (typeof stored.publicKey === 'string') return parseVapidKeys(JSON.stringify(stored));
  const subject = typeof stored.subject === 'string' ? stored.subject : 'mailto:taskforce@taskforce.example';
  try {
    await client.send(
      new PutSecretValueCommand({
        SecretId: secretId,
        ClientRequestToken: FIRST_KEYS_VERSION,
        SecretString: JSON.stringify(generateVapidKeys(subject)),
      }),
    );
  } catch (err) {
    // Another instance wrote its pair under the same version first: read that one.
    if ((err as Error).name !== 'ResourceExistsException') throw err;
  }
  return parseVapidKeys(JSON.stringify(await read()));
}
