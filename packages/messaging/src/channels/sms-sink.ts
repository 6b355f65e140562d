import { ChannelError, type Sent, type SmsMessage, type SmsSender } from '@taskforce/core';

/**
 * SMS to the local runtime's sink (an HTTP server that keeps every message and lists them as
 * JSON): `POST <url>/messages` with `{to, text}` answers `201 {messageId}`. A 4xx is a refusal
 * for good; a 5xx, a timeout or no connection may pass later. SMS cannot leave this machine
 * locally: on AWS, End User Messaging SMS sends them (see sms.ts).
 */
export class SinkSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly fetchFn: typeof fetch = globalThis.fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(m: SmsMessage): Promise<Sent> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.url}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: m.to, text: m.text, ...(m.ref ? { ref: m.ref } : {}) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new ChannelError('unavailable', `SMS sink: ${err instanceof Error ? err.message : String(err)}`);
    }
    const body = (await res.json().catch(() => ({}))) as { messageId?: unknown; detail?: unknown };
    if (res.status >= 400 && res.status < 500)
      throw new ChannelError('rejected', `SMS sink refused the message: ${String(body.detail ?? res.status)}`);
    if (!res.ok || typeof body.messageId !== 'string') throw new ChannelError('unavailable', `SMS sink answered ${res.status}`);
    return { messageId: body.messageId };
  }
}
