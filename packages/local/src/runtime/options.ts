import type { CursorKeys, Logger } from '@taskforce/api';
import type { CheckpointSigner, Clock, SelectorHasher } from '@taskforce/core';
import type { MessagingDeps } from '@taskforce/messaging';

/** How `startRuntime` is set up; every part of the runtime reads its own options from here. */
export interface RuntimeOptions {
  /** API port; 0 picks a free one. */
  port?: number;
  /** Keep DynamoDB data on disk under the state folder (default), or in memory. */
  inMemory?: boolean;
  /** The folder DynamoDB keeps its data in (default `<state folder>/data`); one runtime at a time may use it. */
  dataDir?: string;
  /**
   * Called when the DynamoDB engine the runtime started died and could not be restarted; the
   * runtime has stopped serving by then. The CLI exits; by default the error is logged.
   */
  onEngineFailure?(err: Error): void;
  /** How many times in a row a DynamoDB engine that died is restarted before the runtime gives up (default 3). */
  engineRestarts?: number;
  tableName?: string;
  clock?: Clock;
  /** How often the local sweep runs; false to drive it by hand (tests). */
  sweepEveryMs?: number | false;
  /** How long one ticking sweep may go on firing timers before it leaves the rest to the next (default: its period). */
  sweepBudgetMs?: number;
  /** Workspaces the ticking sweep fires at once (default 16). */
  sweepConcurrency?: number;
  logger?: Logger;
  /** Use engines that are already running instead of starting new ones. */
  dynamoEndpoint?: string;
  sqsEndpoint?: string;
  /** An S3 endpoint already running (by default the runtime starts the local object engine, see packages/local/src/objects). */
  s3Endpoint?: string;
  /** Run the outbox relay and the fan-out and delivery consumers; false to drive them with `pump()` (tests). */
  workers?: boolean;
  relayEveryMs?: number;
  /** Overrides for messaging, e.g. the fetch webhooks go through, or retry delays. */
  messaging?: Partial<Pick<MessagingDeps, 'fetch' | 'retryDelaySeconds' | 'webhookTimeoutMs' | 'webhookSweepGraceMs' | 'logger'>>;
  /** How long the relay leaves an event or webhook post it queued before queueing it again (default 5 min); the workers' first relay run after a start takes up at once what a runtime before this one left deferred. */
  redeliverAfterMs?: number;
  /**
   * `--demo`: seed one user of the local OpenID Connect provider per demo persona (known passwords)
   * and offer each on its sign-in page in one click.
   */
  demoSignIn?: boolean;
  /**
   * Start the local channels (maildev for e-mail, the SMS sink) and send verification codes through
   * them (default true); false leaves e-mail and SMS unconfigured (their routes answer 503).
   */
  channels?: boolean;
  /** A built console to serve at `/` beside the API (see `ensureConsoleBuilt`). */
  consoleDir?: string;
  /** Keys that seal list cursors; by default those kept under the state folder, or new ones each run with `inMemory`. */
  cursorKeys?: CursorKeys;
  /** Signs audit checkpoints; by default the key kept under the state folder, or a new one each run with `inMemory`. */
  auditSigner?: CheckpointSigner;
  /** Hashes selectors for matching; by default the key kept under the state folder, or a new one each run with `inMemory`. */
  selectorHasher?: SelectorHasher;
}
