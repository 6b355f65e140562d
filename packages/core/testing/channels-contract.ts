import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChannelError, type MailSender, type PushMessage, type PushSender, type SmsSender } from '../src/contact-methods/ports';

/** What a channel under test gives the contract: a sender, what has arrived so far, and senders whose service fails. */
export interface ChannelHarness<S> {
  sender: S;
  /** The messages the service accepted for `to`, oldest first (read from the mailbox, the sink, or the mocked calls). */
  received(to: string): Promise<{ messageId?: string; text: string; subject?: string }[]>;
  /** A sender whose service refuses the message for good (`rejected`). */
  refusing(): S;
  /** A sender whose service cannot be reached or throttles (`unavailable`). */
  down(): S;
}

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  return (err as ChannelError).failure;
};

/**
 * What every `MailSender` must do (SMTP to the local maildev, SES on AWS): call
 * `mailSenderContract('name', make)` from a test file; each test uses addresses of its own.
 */
export const mailSenderContract = (name: string, make: () => ChannelHarness<MailSender> | Promise<ChannelHarness<MailSender>>) =>
  describe(`the MailSender contract: ${name}`, () => {
    it('sends one message and answers the id the service gave it', async () => {
      const h = await make();
      const to = `duty.${randomUUID().slice(0, 8)}@example.org`;
      const sent = await h.sender.send({ to, subject: 'Taskforce verification code 123456', text: 'Your code is 123456.' });
      expect(sent.messageId).toMatch(/\S/);
      const got = await h.received(to);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ subject: 'Taskforce verification code 123456' });
      expect(got[0]!.text).toContain('Your code is 123456.');
    });

    it('says a refusal is for good, and an outage is worth retrying', async () => {
      const h = await make();
      const m = { to: 'nobody@example.org', subject: 's', text: 't' };
      expect(await failure(h.refusing().send(m))).toBe('rejected');
      expect(await failure(h.down().send(m))).toBe('unavailable');
    });
  });

/** What every `SmsSender` must do (the local SMS sink, End User Messaging SMS on AWS). */
export const smsSenderContract = (name: string, make: () => ChannelHarness<SmsSender> | Promise<ChannelHarness<SmsSender>>) =>
  describe(`the SmsSender contract: ${name}`, () => {
    it('sends one message to an E.164 number and answers the id the service gave it', async () => {
      const h = await make();
      const to = `+6681${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const sent = await h.sender.send({ to, text: 'Your Taskforce code is 654321.' });
      expect(sent.messageId).toMatch(/\S/);
      const got = await h.received(to);
      expect(got).toHaveLength(1);
      expect(got[0]!.text).toBe('Your Taskforce code is 654321.');
    });

    it('says a refusal is for good, and an outage is worth retrying', async () => {
      const h = await make();
      const m = { to: '+66812345678', text: 't' };
      expect(await failure(h.refusing().send(m))).toBe('rejected');
      expect(await failure(h.down().send(m))).toBe('unavailable');
    });
  });

/** A push as the device received it: the decrypted payload the service worker reads. */
export interface ReceivedPush {
  title: string;
  body: string;
  url: string;
  ackUrl?: string;
  tag: string;
}

/**
 * What every `PushSender` must do (web push with VAPID to a push service, the local push sink):
 * `received(endpoint)` answers what reached that subscription, decrypted as the browser would.
 * `subscription()` gives a subscription the harness can read (its own keys, a fresh endpoint).
 */
export interface PushHarness extends Omit<ChannelHarness<PushSender>, 'received'> {
  subscription(): PushMessage['subscription'];
  received(endpoint: string): Promise<ReceivedPush[]>;
}

export const pushSenderContract = (name: string, make: () => PushHarness | Promise<PushHarness>) =>
  describe(`the PushSender contract: ${name}`, () => {
    const message = (subscription: PushMessage['subscription']): PushMessage => ({
      subscription,
      title: 'Taskforce: a critical incident needs you',
      body: 'Level 1 · code K7Q2',
      url: 'https://console.taskforce.example/#/incidents/01J',
      ackUrl: 'https://console.taskforce.example/ack/ws.inc.page.secret',
      tag: 'page-01J',
      ttlSeconds: 900,
    });

    it('delivers one notification, title, body, links and tag intact, and answers an id', async () => {
      const h = await make();
      const sub = h.subscription();
      const sent = await h.sender.send(message(sub));
      expect(sent.messageId).toMatch(/\S/);
      const got = await h.received(sub.endpoint);
      expect(got).toEqual([
        {
          title: 'Taskforce: a critical incident needs you',
          body: 'Level 1 · code K7Q2',
          url: 'https://console.taskforce.example/#/incidents/01J',
          ackUrl: 'https://console.taskforce.example/ack/ws.inc.page.secret',
          tag: 'page-01J',
        },
      ]);
    });

    it('says a gone subscription is for good, and an outage is worth retrying', async () => {
      const h = await make();
      const m = message(h.subscription());
      expect(await failure(h.refusing().send(m))).toBe('rejected');
      expect(await failure(h.down().send(m))).toBe('unavailable');
    });
  });
