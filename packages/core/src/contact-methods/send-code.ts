import { invalid, unavailable } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { KernelDeps } from '../kernel/store';
import type { DestinationRule } from '../notifications/destination';
import { authorize } from '../policies/permissions';
import { CODE_TTL_MS, type ContactMethod } from './model';
import { ChannelError, type MailSender, type PushChannel, type SmsSender } from './ports';

/** Where contact methods live and the channels their codes go out on (absent: that channel is not set up here). */
export type ContactDeps = KernelDeps & {
  mail?: MailSender | undefined;
  sms?: SmsSender | undefined;
  push?: PushChannel | undefined;
  /** Push endpoints are URLs the platform POSTs to, so they follow the webhooks' rule (public hosts only on AWS). */
  webhookDestinations?: DestinationRule | undefined;
};

/** Where a tap on a verification push leads: the console's own contact-methods screen. */
export const VERIFY_PUSH_URL = '/#/me';

const NO_PUSH = 'no web-push channel is configured here';

/** Sends a code through the method's own channel; a channel that is missing or failed says so (never a 500). */
export async function sendCode(deps: ContactDeps, m: ContactMethod, code: string): Promise<void> {
  const text = `Your Taskforce verification code is ${code}. It expires in ${CODE_TTL_MS / 60_000} minutes. If you did not ask for it, ignore this message.`;
  try {
    if (m.kind === 'email') {
      if (!deps.mail) throw new ChannelError('not_configured', 'no e-mail channel is configured here');
      await deps.mail.send({ to: m.address!, subject: `Taskforce verification code ${code}`, text });
    } else if (m.kind === 'phone') {
      if (!deps.sms) throw new ChannelError('not_configured', 'no SMS channel is configured here');
      await deps.sms.send({ to: m.address!, text });
    } else {
      if (!deps.push || !m.subscription) throw new ChannelError('not_configured', NO_PUSH);
      // The code is in the notification's title too: a locked phone shows it at a glance. One tag
      // per method, so a new code replaces the old one on the device.
      await deps.push.send({
        subscription: m.subscription,
        title: `Taskforce code ${code}`,
        body: text,
        url: VERIFY_PUSH_URL,
        tag: `verify-${m.id}`,
        ttlSeconds: CODE_TTL_MS / 1000,
      });
    }
  } catch (err) {
    if (!(err instanceof ChannelError)) throw err;
    if (err.failure === 'rejected')
      throw invalid(
        'body',
        `the ${m.kind === 'email' ? 'mail' : m.kind === 'phone' ? 'SMS' : 'push'} service refused this address: ${err.message}`,
      );
    throw unavailable(err.message);
  }
}

/**
 * The VAPID public key browsers subscribe with before they register a push method; 503 when
 * this deployment has no web-push channel (or its keys cannot be read now).
 */
export async function pushPublicKey(deps: ContactDeps, p: Principal): Promise<string> {
  authorize('me.contact_methods', p);
  if (!deps.push) throw unavailable(NO_PUSH);
  try {
    return await deps.push.publicKey();
  } catch (err) {
    if (err instanceof ChannelError) throw unavailable(err.message);
    throw err;
  }
}
