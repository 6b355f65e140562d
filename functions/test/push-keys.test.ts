/**
 * Web push on AWS: the VAPID keys live in a Secrets Manager secret the stack creates holding only
 * the subject; the first function to need them makes a pair and writes it as one fixed version,
 * and an instance that lost that race reads the winner's pair. The channel is made on first use.
 */
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { generateVapidKeys } from '@taskforce/messaging/channels';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { channelDeps } from '../src/channels';
import { FIRST_KEYS_VERSION, vapidKeysFromSecret } from '../src/vapid-keys';

const secrets = mockClient(SecretsManagerClient);
afterEach(() => secrets.reset());
const ARN = 'arn:aws:secretsmanager:ap-southeast-1:111122223333:secret:taskforce-vapid-AbCdEf';

describe('VAPID keys from Secrets Manager', () => {
  it('reads stored keys as they are', async () => {
    const keys = generateVapidKeys('mailto:pager@agency.example');
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(keys) });
    expect(await vapidKeysFromSecret(new SecretsManagerClient({}), ARN)).toEqual(keys);
    expect(secrets.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it('makes the first pair when the secret holds only the subject, under one fixed version', async () => {
    let stored = JSON.stringify({ subject: 'mailto:pager@agency.example', pending: 'x' });
    secrets.on(GetSecretValueCommand).callsFake(() => ({ SecretString: stored }));
    secrets.on(PutSecretValueCommand).callsFake((i) => {
      stored = i.SecretString;
      return {};
    });
    const keys = await vapidKeysFromSecret(new SecretsManagerClient({}), ARN);
    expect(keys.subject).toBe('mailto:pager@agency.example');
    expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65);
    expect(secrets.commandCalls(PutSecretValueCommand)[0]!.args[0].input).toMatchObject({
      SecretId: ARN,
      ClientRequestToken: FIRST_KEYS_VERSION,
    });
  });

  it('reads the pair another instance wrote first', async () => {
    const winner = generateVapidKeys('mailto:pager@agency.example');
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify({ subject: 'mailto:pager@agency.example' }) })
      .resolves({ SecretString: JSON.stringify(winner) });
    secrets.on(PutSecretValueCommand).rejects(Object.assign(new Error('version exists'), { name: 'ResourceExistsException' }));
    expect(await vapidKeysFromSecret(new SecretsManagerClient({}), ARN)).toEqual(winner);
  });

  it('is a channel of the API only with its variable, and tells the public key', async () => {
    expect(channelDeps({}).push).toBeUndefined();
    const keys = generateVapidKeys('mailto:pager@agency.example');
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(keys) });
    const { push } = channelDeps({ VAPID_SECRET_ARN: ARN });
    expect(await push!.publicKey()).toBe(keys.publicKey);
    // Read once: the keys are kept for the instance's life.
    await push!.publicKey();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });
});
