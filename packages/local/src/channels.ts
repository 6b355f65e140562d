import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '@taskforce/api';
import type { MailSender, SmsSender } from '@taskforce/core';
import { SinkSmsSender, SmtpMailSender } from '@taskforce/messaging/channels';
import { MailDev } from 'maildev';

/** One SMS the sink accepted. */
export interface SinkMessage {
  messageId: string;
  to: string;
  text: string;
  at: string;
  /** The sender's reference (a page attempt, `pageId.n`). */
  ref?: string;
  /** The delivery status the sink reported for it: delivered, or unreachable for a number of the failing range. */
  status?: 'TEXT_DELIVERED' | 'TEXT_UNREACHABLE';
}

/**
 * Numbers the sink takes but reports as failed (`TEXT_UNREACHABLE`), so a failover to the next
 * method can be seen locally: the NANP range reserved for fiction, +1 NXX 555-0100 to 555-0199
 * (e.g. +1 202 555 0142). Every other number is reported delivered.
 */
const SINK_FAILING_NUMBERS = /^\+1[2-9][0-9]{2}55501[0-9]{2}$/;

/** The status event the sink reports for each message, in the shape of AWS End User Messaging SMS events. */
export interface SinkStatusEvent {
  eventType: 'TEXT_DELIVERED' | 'TEXT_UNREACHABLE';
  messageId: string;
  messageStatus: 'DELIVERED' | 'UNREACHABLE';
  eventTimestamp: number;
  context?: { ref: string };
}

/** The sender address of every e-mail the local runtime sends. */
export const LOCAL_MAIL_FROM = 'Taskforce <no-reply@taskforce.localhost>';
/** An SMS longer than this (10 concatenated segments of 160 GSM characters) is refused, as a carrier would. */
const SMS_MAX = 1_600;
const E164 = /^\+[1-9][0-9]{6,14}$/;
/** The sink keeps this many messages in memory (all of them stay in its file). */
const SINK_KEEP = 1_000;

const readBody = (req: IncomingMessage, max: number): Promise<string> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * The local SMS sink: SMS cannot leave this machine, so the runtime keeps them. `POST /messages`
 * with `{to, text, ref?}` (an E.164 number, at most 1,600 characters) answers `201 {messageId}`,
 * and reports the message's delivery status (`onStatus`: delivered, or unreachable for a number
 * of `SINK_FAILING_NUMBERS`) as AWS would on its status queue;
 * `GET /messages` (optionally `?to=+66…`) lists them as JSON, oldest first. Every message is
 * appended to `messages.jsonl` in its folder (when it has one), so a restart loses none.
 */
export class SmsSink {
  readonly messages: SinkMessage[] = [];
  private server?: Server;
  url = '';
  /** Told the status of each message taken (the runtime puts it on the local channel status queue). */
  onStatus?: (e: SinkStatusEvent) => void;
  constructor(private readonly dir?: string) {
    const file = this.file();
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.messages.push(JSON.parse(line) as SinkMessage);
        } catch {
          // A line cut short by a crash mid-write: the messages before it are whole.
        }
      }
      this.messages.splice(0, Math.max(0, this.messages.length - SINK_KEEP));
    }
  }
  private file(): string | undefined {
    return this.dir ? join(this.dir, 'messages.jsonl') : undefined;
  }

  /** Keeps one message; throws on a malformed one (the server answers 400). */
  accept(to: unknown, text: unknown, ref?: unknown): SinkMessage {
    if (typeof to !== 'string' || !E164.test(to)) throw new Error('to: must be a phone number in E.164, e.g. +66812345678');
    if (typeof text !== 'string' || text.length === 0 || text.length > SMS_MAX) throw new Error(`text: must be 1 to ${SMS_MAX} characters`);
    if (ref !== undefined && (typeof ref !== 'string' || ref.length > 200))
      throw new Error('ref: must be a string of at most 200 characters');
    const status = SINK_FAILING_NUMBERS.test(to) ? 'TEXT_UNREACHABLE' : 'TEXT_DELIVERED';
    const m: SinkMessage = { messageId: randomUUID(), to, text, at: new Date().toISOString(), ...(ref ? { ref } : {}), status };
    const file = this.file();
    if (file) {
      mkdirSync(this.dir!, { recursive: true });
      appendFileSync(file, `${JSON.stringify(m)}\n`);
    }
    this.messages.push(m);
    if (this.messages.length > SINK_KEEP) this.messages.shift();
    this.onStatus?.({
      eventType: status,
      messageId: m.messageId,
      messageStatus: status === 'TEXT_DELIVERED' ? 'DELIVERED' : 'UNREACHABLE',
      eventTimestamp: Date.now(),
      ...(m.ref ? { context: { ref: m.ref } } : {}),
    });
    return m;
  }

  list(to?: string): SinkMessage[] {
    return to ? this.messages.filter((m) => m.to === to) : [...this.messages];
  }

  async start(): Promise<string> {
    const json = (res: import('node:http').ServerResponse, status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://sink');
      if (url.pathname !== '/messages') return json(res, 404, { detail: 'try GET or POST /messages' });
      if (req.method === 'GET') return json(res, 200, { items: this.list(url.searchParams.get('to') ?? undefined) });
      if (req.method !== 'POST') return json(res, 405, { detail: 'GET or POST /messages' });
      readBody(req, 16_384).then(
        (raw) => {
          try {
            const body = JSON.parse(raw) as { to?: unknown; text?: unknown; ref?: unknown };
            json(res, 201, { messageId: this.accept(body?.to, body?.text, body?.ref).messageId });
          } catch (err) {
            json(res, 400, {
              detail: err instanceof SyntaxError ? 'the body must be JSON: {"to": "+66…", "text": "…"}' : (err as Error).message,
            });
          }
        },
        () => json(res, 413, { detail: 'the body is too large' }),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** Where the local channels answer. */
export interface ChannelEndpoints {
  /** The SMTP server (maildev): `smtp://127.0.0.1:<port>`. */
  smtp: string;
  /** maildev's web UI, where a newcomer reads what was sent. */
  mailUi: string;
  /** maildev's REST API (`GET /api/email` lists the mail). */
  mailApi: string;
  /** The SMS sink (`GET /messages` lists the SMS). */
  smsSink: string;
}

export interface LocalChannels {
  endpoints: ChannelEndpoints;
  mail: MailSender;
  sms: SmsSender;
  sink: SmsSink;
  stop(): Promise<void>;
}

/**
 * The channels the local runtime reaches people on: a real SMTP server (maildev, with its web UI
 * and REST API) and the SMS sink, on free ports of 127.0.0.1, keeping what they received under
 * `dataDir` (maildev's mail folder, the sink's file) unless the runtime runs in memory.
 */
export async function startLocalChannels(opts: { dataDir?: string; logger: Logger }): Promise<LocalChannels> {
  const mailDir = opts.dataDir ? join(opts.dataDir, 'mail') : undefined;
  if (mailDir) mkdirSync(mailDir, { recursive: true });
  const maildev = new MailDev({
    smtp: 0,
    web: 0,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    silent: true,
    ...(mailDir ? { mailDirectory: mailDir } : {}),
  });
  const servers = await maildev.start();
  const sink = new SmsSink(opts.dataDir ? join(opts.dataDir, 'sms') : undefined);
  try {
    await sink.start();
  } catch (err) {
    await maildev.stop();
    throw err;
  }
  const smtpPort = (servers.smtp as unknown as { port: number }).port;
  const web = (servers.api as unknown as { boundAddress?: { host: string; port: number } } | undefined)?.boundAddress;
  const mailUi = web ? `http://${web.host}:${web.port}` : '';
  return {
    endpoints: { smtp: `smtp://127.0.0.1:${smtpPort}`, mailUi, mailApi: `${mailUi}/api/email`, smsSink: `${sink.url}/messages` },
    mail: new SmtpMailSender({ host: '127.0.0.1', port: smtpPort, from: LOCAL_MAIL_FROM, local: true }),
    sms: new SinkSmsSender(sink.url),
    sink,
    async stop() {
      await Promise.allSettled([sink.stop(), maildev.stop()]);
    },
  };
}
