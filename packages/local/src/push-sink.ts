import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelError, type PushChannel, type PushMessage, type Sent } from '@taskforce/core';
import { type PushPayload, pushPayload, type VapidKeys } from '@taskforce/messaging/channels';

/** One push the sink kept: what the device would have shown, and the subscription it was for. */
export interface SinkPush extends PushPayload {
  messageId: string;
  /** The subscription's endpoint (its push service and the browser's id there). */
  endpoint: string;
  ttlSeconds: number;
  at: string;
}

/** The sink keeps this many pushes in memory (all of them stay in its file). */
const SINK_KEEP = 1_000;

/**
 * The local push sink. A browser's subscription names its vendor's push service (for Chromium,
 * Google's), which this machine cannot reach, so the local runtime does not pretend: every push
 * is kept here instead, exactly as it would have been sent (the payload the service worker reads),
 * appended to `push/messages.jsonl` under the data folder, listed at `/local/push` and in the
 * console's local panel. On AWS, `WebPushSender` sends them (packages/messaging/src/channels/push.ts).
 */
export class PushSink implements PushChannel {
  readonly messages: SinkPush[] = [];
  constructor(
    private readonly keys: VapidKeys,
    private readonly dir?: string,
  ) {
    const file = this.file();
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.messages.push(JSON.parse(line) as SinkPush);
        } catch {
          // A line cut short by a crash mid-write: the pushes before it are whole.
        }
      }
      this.messages.splice(0, Math.max(0, this.messages.length - SINK_KEEP));
    }
  }
  private file(): string | undefined {
    return this.dir ? join(this.dir, 'messages.jsonl') : undefined;
  }

  async publicKey(): Promise<string> {
    return this.keys.publicKey;
  }

  async send(m: PushMessage): Promise<Sent> {
    // What a push service would refuse: a payload over its 4 KB limit (RFC 8030 §7.2).
    const payload = pushPayload(m);
    if (Buffer.byteLength(JSON.stringify(payload)) > 4_000) throw new ChannelError('rejected', 'push sink: the payload is over 4 KB');
    const p: SinkPush = {
      messageId: randomUUID(),
      ...payload,
      endpoint: m.subscription.endpoint,
      ttlSeconds: m.ttlSeconds,
      at: new Date().toISOString(),
    };
    const file = this.file();
    if (file) {
      mkdirSync(this.dir!, { recursive: true });
      appendFileSync(file, `${JSON.stringify(p)}\n`);
    }
    this.messages.push(p);
    if (this.messages.length > SINK_KEEP) this.messages.shift();
    return { messageId: p.messageId };
  }

  /** The pushes kept, oldest first (only those for one endpoint, if given). */
  list(endpoint?: string): SinkPush[] {
    return endpoint ? this.messages.filter((m) => m.endpoint === endpoint) : [...this.messages];
  }
}
