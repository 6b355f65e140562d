import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { sequenceWaitingChains, sweepDue } from '@taskforce/core';
import { relayOutbox, sweepWebhooks } from '@taskforce/messaging';
import type { ScheduledEvent } from 'aws-lambda';
import { auditSigner, lambda, log, metrics } from './runtime';
import { messagingDeps } from './workers';

const deps = { ...messagingDeps(), auditSigner: auditSigner() };

const relayAfterMs = Number(process.env.OUTBOX_RELAY_AFTER_SECONDS ?? 60) * 1000;
/** Left of the invocation's time when the sweep stops starting timers: for those in flight, the relay and the webhook sweep. */
const marginMs = Number(process.env.SWEEP_MARGIN_SECONDS ?? 10) * 1000;
/** Workspaces fired at once. */
const concurrency = Number(process.env.SWEEP_CONCURRENCY ?? 32);

/** How old a queued audit entry must be before the sweep sequences its chain (the stream's sequencer normally has). */
const sequenceAfterMs = Number(process.env.AUDIT_SEQUENCE_AFTER_SECONDS ?? 10) * 1000;

/**
 * Every minute: fire due timers (escalations, reminders) until the invocation's time less a
 * margin is spent, relay outbox events the stream relay missed, put back on the delivery queue
 * the webhook posts whose attempt is due, and sequence audit chains whose entries are still queued.
 */
export const handler = lambda(async (event: ScheduledEvent, context) => {
  const report = await sweepDue(deps, { concurrency, timeLeftMs: () => context.getRemainingTimeInMillis() - marginMs });
  const { relayed } = await relayOutbox(deps, { minAgeMs: relayAfterMs });
  const webhooks = await sweepWebhooks(deps);
  // Audit entries still queued after a few seconds (the stream's sequencer failed or lagged).
  const audit = await sequenceWaitingChains(deps, { olderThanMs: sequenceAfterMs });
  metrics.addMetric('AuditSequencedBySweep', MetricUnit.Count, audit.sequenced);
  metrics.addMetric('TimersFired', MetricUnit.Count, report.fired.length);
  metrics.addMetric('SweepUnfinished', MetricUnit.Count, report.more ? 1 : 0);
  metrics.addMetric('OutboxRelayed', MetricUnit.Count, relayed);
  metrics.addMetric('WebhooksRedriven', MetricUnit.Count, webhooks.relayed);
  log.info('sweep', {
    scheduledAt: event.time,
    due: report.due,
    fired: report.fired.length,
    dropped: report.dropped,
    lost: report.lost,
    more: report.more,
    relayed,
    webhooksRedriven: webhooks.relayed,
    auditChains: audit.chains,
    auditSequenced: audit.sequenced,
  });
  return { ...report, relayed, webhooksRedriven: webhooks.relayed, auditSequenced: audit.sequenced };
});
