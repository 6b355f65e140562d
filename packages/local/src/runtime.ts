import { join, resolve } from 'node:path';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { App } from '@taskforce/api';
import { createLogger } from '@taskforce/api';
import { ackRoutes } from '@taskforce/api/ack';
import { sessionRoutes } from '@taskforce/api/session';
import type { Deps, EvidenceObjects, SweepOptions, SweepReport } from '@taskforce/core';
import {
  type createDynamoClient,
  DynamoRateCounter,
  DynamoSessions,
  type DynamoStore,
  DynamoUsers,
  documentClient,
  type RequestCounter,
} from '@taskforce/dynamo';
import type { MessagingDeps, QueueUrls, RelayReport } from '@taskforce/messaging';
import { generateVapidKeys } from '@taskforce/messaging/channels';
import { type ChannelEndpoints, type SmsSink, startLocalChannels } from './channels';
import { DEMO_PEOPLE, seedDemoUsers } from './demo';
import { CONSOLE_CLIENT_ID, consoleClientSecret, localProvider } from './oidc/provider';
import { stateDir } from './paths';
import { PushSink } from './push-sink';
import { type PumpReport, pump, queueHandlers, startConsumers } from './runtime/consumers';
import { devTokens, type IssueToken } from './runtime/dev-token';
import type { RuntimeOptions } from './runtime/options';
import { startScheduler } from './runtime/scheduler';
import { clientAddress, localApp, startServer } from './runtime/server';
import { startServices } from './runtime/services';
import { Shutdown } from './runtime/shutdown';
import { startEngines } from './runtime/start-engines';
import { LOCAL_VAPID_SUBJECT, loadOrCreateVapidKeys } from './vapid-keys';

export type { RuntimeOptions } from './runtime/options';

/** The roles an access token of the local provider names (it was verified when the session began). */
const rolesOfToken = (token: string): string[] => {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { roles?: unknown };
    return Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  } catch {
    return [];
  }
};

/** The engines' stop is bounded by their own grace periods; this only guards against the unforeseen. */
const ENGINES_STOP_MS = 6_000;

export interface Runtime {
  url: string;
  app: App;
  deps: Deps;
  store: DynamoStore;
  /** The DynamoDB client the stores send through (e.g. for SDK middleware that observes requests). */
  dynamo: ReturnType<typeof createDynamoClient>;
  counter: RequestCounter;
  queues: QueueUrls;
  /** The channels' delivery status queue (fed locally by the SMS sink). */
  statusQueue: { url: string; dlqUrl: string };
  endpoints: { dynamo: string; sqs: string; s3: string };
  /** Evidence of any size on the runtime's S3 (the local object engine): scan verdicts are `unavailable`. */
  evidenceObjects: EvidenceObjects;
  /** One sweep (by default with the core's budget and concurrency). */
  sweep(opts?: SweepOptions): Promise<SweepReport>;
  messaging: MessagingDeps;
  /** One relay pass over the outbox and over the webhook posts that are due. */
  relay(): Promise<RelayReport>;
  /** Relays the outbox and drains the queues (events, delivery, exports, pages, channel status) until nothing is left to do (what the workers do, on demand). */
  pump(): Promise<PumpReport>;
  /** A token for an organisation's officer; kind and country, if given, are ignored (the registry decides). */
  token: IssueToken;
  /** The local OpenID Connect provider's directory of people. */
  users: DynamoUsers;
  /** The local OpenID Connect provider's issuer (`<url>/oidc`). */
  issuer: string;
  /** Where the local channels answer (maildev's SMTP, web UI and REST API; the SMS sink), unless `channels: false`. */
  channels?: ChannelEndpoints & { sink: SmsSink };
  /** Where web pushes go locally (no push service is reachable from here): listed at `/local/push`. */
  pushSink?: PushSink;
  stop(): Promise<void>;
}

/**
 * The embedded runtime: real local engines speaking the DynamoDB and SQS APIs, the table and
 * queues from the shared definitions, the same API app the Lambda serves, the same workers, and
 * the scheduled jobs on a ticking clock. This is only the wiring: each part starts in its own
 * module under ./runtime/, and says how it stops (the shutdown stops them in reverse order).
 */
export async function startRuntime(opts: RuntimeOptions = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger();
  const shutdown = new Shutdown(
    (err) => {
      logger.error('DynamoDB Local is down and could not be restarted; the runtime stops', { message: err.message });
      void shutdown.stop().finally(() => opts.onEngineFailure?.(err));
    },
    (what, problem) => logger.warn('stopping the runtime: a part did not stop cleanly; going on', { what, problem }),
  );

  const engines = await startEngines(opts, logger, (err) => shutdown.fail(err));
  // No engine is restarted once the runtime stops (one restarting is killed at once): the engines
  // themselves stop last, SIGTERM then SIGKILL after a grace period (see `startEngines`).
  shutdown.onStopping(() => engines.stopSupervising());
  shutdown.add({ what: 'engines', stop: () => engines.stop(), boundMs: ENGINES_STOP_MS });

  const { dynamo, counter, store, queues, statusQueue, deps, messaging, sequencer, evidenceObjects } = await startServices(
    engines.endpoints,
    opts,
    logger,
  );
  shutdown.add({ what: 'audit sequencer', stop: () => sequencer.idle(), boundMs: 1_000 });

  // E-mail and SMS: maildev and the SMS sink, keeping what they received beside the table's data.
  const channelData = opts.inMemory || opts.dynamoEndpoint ? undefined : resolve(opts.dataDir ?? join(stateDir(), 'data'));
  const channels =
    opts.channels === false ? undefined : await startLocalChannels({ ...(channelData ? { dataDir: channelData } : {}), logger });
  // Web push: the runtime's VAPID keys (kept under the state folder) and the push sink beside the SMS one.
  const pushSink =
    opts.channels === false
      ? undefined
      : new PushSink(
          opts.inMemory ? generateVapidKeys(LOCAL_VAPID_SUBJECT) : loadOrCreateVapidKeys(),
          channelData ? join(channelData, 'push') : undefined,
        );
  if (pushSink) deps.push = pushSink;
  if (channels) {
    shutdown.add({ what: 'mail and SMS channels', stop: () => channels.stop(), boundMs: 2_000 });
    deps.mail = channels.mail;
    deps.sms = channels.sms;
    // The sink reports each SMS's status on the channel status queue, as End User Messaging SMS does on AWS.
    channels.sink.onStatus = (e) => {
      messaging.sqs
        .send(new SendMessageCommand({ QueueUrl: statusQueue.url, MessageBody: JSON.stringify(e) }))
        .catch((err: unknown) => logger.warn('SMS sink: status not queued', { message: err instanceof Error ? err.message : String(err) }));
    };
  }

  const identity = await devTokens();
  const server = await startServer({ ...opts, objectsOrigin: new URL(engines.endpoints.s3).origin });
  shutdown.add({ what: 'server', stop: () => server.close(), boundMs: 2_000 });
  // The provider and the console's session routes share the server's origin; their state is in the table.
  const doc = documentClient(dynamo);
  const users = new DynamoUsers(doc, store.tableName, () => deps.clock.now());
  if (opts.demoSignIn) await seedDemoUsers(users);
  // User administration (users/admin.ts) works on the same directory the provider signs people in from.
  deps.users = users;
  const oidc = localProvider({
    origin: server.url,
    privateJwk: identity.privateJwk,
    doc,
    tableName: store.tableName,
    users,
    now: () => deps.clock.now(),
    ...(opts.demoSignIn ? { demo: DEMO_PEOPLE.map((d) => ({ persona: d.persona.id, email: d.email, password: d.password })) } : {}),
    log: (msg, data) => logger.warn(msg, data),
  });
  const session = sessionRoutes({
    issuer: oidc.issuer,
    clientId: CONSOLE_CLIENT_ID,
    clientSecret: consoleClientSecret(identity.privateJwk),
    origin: server.url,
    store: new DynamoSessions(doc, store.tableName),
    now: () => deps.clock.now(),
    allowInsecure: true,
    endEverywhere: async (sub) => {
      await oidc.revokeAccount(sub);
    },
    rolesOf: rolesOfToken,
  });
  // The acknowledge link's page (/ack/*), on the console's origin as the sign-in is.
  const ack = ackRoutes({
    deps,
    limiter: new DynamoRateCounter(doc, store.tableName),
    clientAddress: (c) => clientAddress(c),
    log: (msg, data) => logger.warn(msg, data),
  });
  const local = (a: App) => {
    // Where the local channels answer, and the SMS the sink holds (newest first): the console's local panel reads these.
    a.get('/local/channels', (c) => (channels ? c.json(channels.endpoints) : c.json({ detail: 'the local channels are off' }, 404)));
    a.get('/local/sms', (c) => c.json({ items: channels ? channels.sink.list().slice(-100).reverse() : [] }));
    // The pushes the push sink holds (newest first), for the panel and for tools (`?endpoint=` one subscription's).
    a.get('/local/push', (c) => c.json({ items: pushSink ? pushSink.list(c.req.query('endpoint')).slice(-100).reverse() : [] }));
  };
  const app = localApp(
    deps,
    logger,
    {
      ...identity,
      issuer: oidc.issuer,
      session: (a) => {
        session(a);
        ack(a);
      },
      local,
    },
    opts,
  );
  server.serve({ app, oidc: oidc.handle });

  // Acknowledge links in pages open the console's /ack page on this server.
  const handlers = queueHandlers(messaging, deps, logger, { ackOrigin: server.url });
  const allQueues = { ...queues, status: statusQueue };
  if (opts.workers !== false) {
    const consumers = startConsumers(messaging.sqs, allQueues, handlers, logger);
    // Messages in hand longer than this come back after their visibility timeout (or with the
    // relays' first run after the next start); their handlers are idempotent.
    shutdown.add({ what: 'workers', stop: () => consumers.stop(), boundMs: 2_000 });
  }

  // The scheduled jobs the sweep function runs on AWS, on this machine's faster clocks.
  const scheduler = startScheduler({ core: deps, messaging }, logger, opts);
  shutdown.add({ what: 'scheduler', stop: () => scheduler.stop(), boundMs: 1_000 });

  shutdown.started();
  return {
    url: server.url,
    messaging,
    relay: scheduler.relay,
    pump: () => pump(messaging.sqs, allQueues, handlers, scheduler.relay),
    app,
    deps,
    store,
    dynamo,
    counter,
    queues,
    statusQueue,
    endpoints: engines.endpoints,
    evidenceObjects,
    sweep: scheduler.sweep,
    token: identity.token,
    users,
    issuer: oidc.issuer,
    ...(channels ? { channels: { ...channels.endpoints, sink: channels.sink } } : {}),
    ...(pushSink ? { pushSink } : {}),
    stop: () => shutdown.stop(),
  };
}
