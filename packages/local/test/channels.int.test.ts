import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@taskforce/api';
import { mailSenderContract, smsSenderContract } from '@taskforce/core/testing';
import { SinkSmsSender, SmtpMailSender } from '@taskforce/messaging/channels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_MAIL_FROM, type LocalChannels, startLocalChannels } from '../src/channels';

// The local channels the runtime starts (maildev over SMTP, the SMS sink), held to the same
// contract as SES and End User Messaging SMS (packages/messaging/test/channels.test.ts), read
// back the way a newcomer reads them: maildev's REST API and the sink's JSON list.
let channels: LocalChannels;
let refusing: Server;
let refusingPort = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'taskforce-channels-'));

/** An SMTP server that refuses every recipient for good (550), as a real one does an unknown mailbox. */
const startRefusingSmtp = () =>
  new Promise<Server>((resolve) => {
    const s = createServer((socket) => {
      socket.write('220 refusing.test ESMTP\r\n');
      socket.on('data', (d) => {
        for (const line of d.toString().split('\r\n').filter(Boolean)) {
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250 refusing.test\r\n');
          else if (verb === 'MAIL') socket.write('250 OK\r\n');
          else if (verb === 'RCPT') socket.write('550 5.1.1 no such mailbox\r\n');
          else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('503 bad sequence\r\n');
        }
      });
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });

beforeAll(async () => {
  channels = await startLocalChannels({ dataDir, logger: createLogger() });
  refusing = await startRefusingSmtp();
  refusingPort = (refusing.address() as { port: number }).port;
});
afterAll(async () => {
  await channels?.stop();
  refusing?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface MaildevMail {
  subject: string;
  text: string;
  to: { address: string }[];
}

mailSenderContract('SMTP to maildev', () => ({
  sender: channels.mail,
  received: async (to) => {
    const mails = (await (await fetch(channels.endpoints.mailApi)).json()) as MaildevMail[];
    return mails.filter((m) => m.to.some((t) => t.address === to)).map((m) => ({ subject: m.subject, text: m.text }));
  },
  refusing: () => new SmtpMailSender({ host: '127.0.0.1', port: refusingPort, from: LOCAL_MAIL_FROM, local: true }),
  // Nothing listens on port 1: the connection is refused at once.
  down: () => new SmtpMailSender({ host: '127.0.0.1', port: 1, from: LOCAL_MAIL_FROM, local: true, timeoutMs: 2_000 }),
}));

smsSenderContract('the SMS sink', () => ({
  sender: channels.sms,
  received: async (to) => {
    const { items } = (await (await fetch(`${channels.endpoints.smsSink}?to=${encodeURIComponent(to)}`)).json()) as {
      items: { messageId: string; text: string }[];
    };
    return items;
  },
  // A sink that answers 4xx (here: an address it does not serve) refuses the message for good.
  refusing: () => new SinkSmsSender(`${channels.endpoints.smsSink.replace(/\/messages$/, '')}/nowhere`),
  down: () => new SinkSmsSender('http://127.0.0.1:1'),
}));

describe('the local channels', () => {
  it('refuse a malformed SMS naming the field, and keep mail and SMS across a restart', async () => {
    const bad = await fetch(channels.endpoints.smsSink, { method: 'POST', body: JSON.stringify({ to: '0812345678', text: 'x' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/^to:/);
    await channels.mail.send({ to: 'kept@example.org', subject: 'kept', text: 'kept' });
    await channels.sms.send({ to: '+66899999999', text: 'kept' });
    await channels.stop();
    channels = await startLocalChannels({ dataDir, logger: createLogger() });
    const mails = (await (await fetch(channels.endpoints.mailApi)).json()) as MaildevMail[];
    expect(mails.some((m) => m.subject === 'kept')).toBe(true);
    const sms = (await (await fetch(`${channels.endpoints.smsSink}?to=%2B66899999999`)).json()) as { items: unknown[] };
    expect(sms.items).toHaveLength(1);
  });
});
