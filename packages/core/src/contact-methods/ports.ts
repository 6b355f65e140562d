/**
 * The channels a person is reached on. Each adapter sends one message and answers the id its
 * service gave it; a failure is a `ChannelError` saying whether sending again may help.
 *
 * Adapters: locally an SMTP server (maildev, started by the runtime) and the runtime's SMS sink;
 * on AWS Amazon SES (SESv2) and AWS End User Messaging SMS. The same contract tests hold them all.
 */

/** One e-mail: plain text only (nothing marked ever leaves in one; see the page rules). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * The Message-ID to give it (`<pageId.n@domain>` for attempt n of a page): the same for a resend
   * of one attempt, so a repeat is recognisable. SMTP sets it; SES keeps its own id and carries
   * this one in an `X-Taskforce-Ref` header.
   */
  messageId?: string;
}

/** One SMS to an E.164 number: short plain text. */
export interface SmsMessage {
  to: string;
  text: string;
  /** Our reference of the message (a page attempt, `pageId.n`): the SMS service carries it back in its status events. */
  ref?: string;
}

/** What a channel answered: the message id its service gave (SES MessageId, SMS MessageId, SMTP queue id). */
export interface Sent {
  messageId: string;
}

/**
 * Why a send failed:
 * - `rejected`: the service refused this message or address for good (a malformed or suppressed
 *   address, an opted-out number): sending it again will not help, the next method should be tried;
 * - `unavailable`: the service could not be reached or throttled us: a later attempt may succeed;
 * - `not_configured`: this deployment has no such channel (e.g. no SMS origination identity yet).
 */
export type ChannelFailure = 'rejected' | 'unavailable' | 'not_configured';

export class ChannelError extends Error {
  constructor(
    readonly failure: ChannelFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * One web-push notification to a browser that subscribed (the console installed as a pager):
 * the service worker shows `title`/`body` with an Acknowledge action opening `ackUrl`.
 */
export interface PushMessage {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  title: string;
  body: string;
  /** Where a tap on the notification leads (the incident in the console, or the acknowledge page); a path is the console's. */
  url: string;
  /** The one-click acknowledge page of this page, for the notification's Acknowledge action. */
  ackUrl?: string;
  /** Collapses repeats of one page on the device. */
  tag: string;
  /** Seconds the push service may hold it for an offline device. */
  ttlSeconds: number;
}

export interface MailSender {
  send(message: MailMessage): Promise<Sent>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<Sent>;
}

/** Web push (VAPID): `rejected` when the push service says the subscription is gone (404/410). */
export interface PushSender {
  send(message: PushMessage): Promise<Sent>;
}

/**
 * The web-push channel of a deployment: a `PushSender` that also tells the VAPID public key
 * browsers subscribe with (the console reads it before it subscribes). On AWS the keys come from
 * Secrets Manager on first use, so asking may fail (`ChannelError`, `not_configured`).
 */
export interface PushChannel extends PushSender {
  publicKey(): Promise<string>;
}
