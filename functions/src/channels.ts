import type { MailSender, PushChannel, Sent, SmsSender } from '@taskforce/core';

/**
 * A sender made on its first message: the SDK client and the adapter are imported then, so a
 * cold start neither loads nor parses them (the clients come from the Lambda runtime; see
 * infra/src/bundle.ts). A failed import is tried again on the next message.
 */
const onFirstUse = <M>(make: () => Promise<{ send(m: M): Promise<Sent> }>): { send(m: M): Promise<Sent> } => {
  let sender: ReturnType<typeof make> | undefined;
  return {
    send: async (m) => {
      sender ??= make().catch((err: unknown) => {
        sender = undefined;
        throw err;
      });
      return (await sender).send(m);
    },
  };
};

/** The web-push channel, made on its first push or key request (the keys are read from Secrets Manager then). */
const pushOnFirstUse = (make: () => Promise<PushChannel>): PushChannel => {
  let channel: Promise<PushChannel> | undefined;
  const get = () =>
    (channel ??= make().catch((err: unknown) => {
      channel = undefined;
      throw err;
    }));
  return { send: async (m) => (await get()).send(m), publicKey: async () => (await get()).publicKey() };
};

/**
 * The channels a function sends through on AWS, from its environment (infra's `Channels` construct
 * sets it): `MAIL_FROM` (an address of the SES domain identity) and `MAIL_CONFIGURATION_SET` for
 * e-mail through SES; `SMS_ORIGINATION_IDENTITY` (the phone number, pool or sender id ARN) and
 * `SMS_CONFIGURATION_SET` for SMS through End User Messaging SMS; `VAPID_SECRET_ARN` (the secret
 * holding the VAPID keys, read on first use: see vapid-keys.ts) for web push. A channel whose variables are
 * absent is not configured: sending through it is a `not_configured` failure, never a crash.
 */
export const channelDeps = (env: NodeJS.ProcessEnv = process.env): { mail?: MailSender; sms?: SmsSender; push?: PushChannel } => {
  const from = env.MAIL_FROM;
  const mailSet = env.MAIL_CONFIGURATION_SET;
  const origination = env.SMS_ORIGINATION_IDENTITY;
  const smsSet = env.SMS_CONFIGURATION_SET;
  const vapidSecret = env.VAPID_SECRET_ARN;
  return {
    ...(from
      ? {
          mail: onFirstUse(async () => {
            const [{ SESv2Client }, { SesMailSender }] = await Promise.all([
              import('@aws-sdk/client-sesv2'),
              import('@taskforce/messaging/channels'),
            ]);
            return new SesMailSender(new SESv2Client({}), { from, ...(mailSet ? { configurationSet: mailSet } : {}) });
          }),
        }
      : {}),
    ...(origination
      ? {
          sms: onFirstUse(async () => {
            const [{ PinpointSMSVoiceV2Client }, { AwsSmsSender }] = await Promise.all([
              import('@aws-sdk/client-pinpoint-sms-voice-v2'),
              import('@taskforce/messaging/channels'),
            ]);
            return new AwsSmsSender(new PinpointSMSVoiceV2Client({}), {
              originationIdentity: origination,
              ...(smsSet ? { configurationSet: smsSet } : {}),
            });
          }),
        }
      : {}),
    ...(vapidSecret
      ? {
          push: pushOnFirstUse(async () => {
            const [{ SecretsManagerClient }, { WebPushSender }, { vapidKeysFromSecret }] = await Promise.all([
              import('@aws-sdk/client-secrets-manager'),
              import('@taskforce/messaging/channels'),
              import('./vapid-keys'),
            ]);
            const client = new SecretsManagerClient({});
            return new WebPushSender(() => vapidKeysFromSecret(client, vapidSecret));
          }),
        }
      : {}),
  };
};
