import type { MailSender, PushChannel, SmsSender } from '@taskforce/core';

/**
 * A channel made on its first use (a message sent, or a key asked for): the SDK client and the
 * adapter are imported then, so a cold start neither loads nor parses them (the clients come from
 * the Lambda runtime; see infra/src/bundle.ts). A failed import is tried again on the next use.
 */
const onFirstUse = <S extends object>(make: () => Promise<S>, ...methods: (keyof S & string)[]): S => {
  let made: Promise<S> | undefined;
  const get = () =>
    (made ??= make().catch((err: unknown) => {
      made = undefined;
      throw err;
    }));
  return Object.fromEntries(
    methods.map((k) => [k, async (...args: unknown[]) => ((await get())[k] as (...a: unknown[]) => unknown)(...args)]),
  ) as S;
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
          mail: onFirstUse<MailSender>(async () => {
            const [{ SESv2Client }, { SesMailSender }] = await Promise.all([
              import('@aws-sdk/client-sesv2'),
              import('@taskforce/messaging/channels'),
            ]);
            return new SesMailSender(new SESv2Client({}), { from, ...(mailSet ? { configurationSet: mailSet } : {}) });
          }, 'send'),
        }
      : {}),
    ...(origination
      ? {
          sms: onFirstUse<SmsSender>(async () => {
            const [{ PinpointSMSVoiceV2Client }, { AwsSmsSender }] = await Promise.all([
              import('@aws-sdk/client-pinpoint-sms-voice-v2'),
              import('@taskforce/messaging/channels'),
            ]);
            return new AwsSmsSender(new PinpointSMSVoiceV2Client({}), {
              originationIdentity: origination,
              ...(smsSet ? { configurationSet: smsSet } : {}),
            });
          }, 'send'),
        }
      : {}),
    ...(vapidSecret
      ? {
          push: onFirstUse<PushChannel>(
            async () => {
              const [{ SecretsManagerClient }, { WebPushSender }, { vapidKeysFromSecret }] = await Promise.all([
                import('@aws-sdk/client-secrets-manager'),
                import('@taskforce/messaging/channels'),
                import('./vapid-keys'),
              ]);
              const client = new SecretsManagerClient({});
              return new WebPushSender(() => vapidKeysFromSecret(client, vapidSecret));
            },
            'send',
            'publicKey',
          ),
        }
      : {}),
  };
};
