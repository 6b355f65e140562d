import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@taskforce/core';
import { NOTIFICATION_ID_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '@taskforce/messaging';

/**
 * A partner's webhook endpoint, as a partner should write one: it verifies the signature
 * against its secrets, and hands each notification id to the application once, answering
 * 200 to repeats. `failFor` makes it answer 503 to that many requests first (an outage).
 */
export const startReceiver = async (opts: { secrets: string[]; clock: Clock; failFor?: number }) => {
  const state = {
    secrets: opts.secrets,
    failFor: opts.failFor ?? 0,
    requests: 0,
    rejected: 0,
    failed: 0,
    /** What the application received, once per notification id, in arrival order. */
    application: [] as { id: string; type: string; body: Record<string, unknown> }[],
    seen: new Set<string>(),
    duplicates: 0,
    /** Posts answered 200, by notification id (a repeat counts again). */
    deliveries: new Map<string, number>(),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    state.requests++;
    if (state.failFor > 0) {
      state.failFor--;
      state.failed++;
      res.writeHead(503).end();
      return;
    }
    const check = verifyWebhookSignature(req.headers[SIGNATURE_HEADER.toLowerCase()] as string, raw, state.secrets, {
      now: opts.clock.now(),
    });
    if (!check.ok) {
      state.rejected++;
      res.writeHead(401).end(check.reason);
      return;
    }
    const id = String(req.headers[NOTIFICATION_ID_HEADER.toLowerCase()]);
    state.deliveries.set(id, (state.deliveries.get(id) ?? 0) + 1);
    if (state.seen.has(id)) state.duplicates++;
    else {
      state.seen.add(id);
      const body = JSON.parse(raw) as Record<string, unknown>;
      state.application.push({ id, type: String(body.type), body });
    }
    res.writeHead(200).end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/taskforce`;
  return { url, state, stop: () => new Promise<void>((r) => server.close(() => r())) };
};
