import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { sweepDue } from '@taskforce/core';
import { relayOutbox, sweepWebhooks } from '@taskforce/messaging';
import type { ScheduledEvent } from 'aws-lambda';
import { lambda, log, metrics } from './runtime';
import { messagingDeps } from './workers';

const deps = messagingDeps();

const relayAfterMs = Number(process.env.OUTBOX_RELAY_AFTER_SECONDS ?? 60) * 1000;
/** Left of the invocation's time when the sweep stops starting timers: for those in flight, the relay and the webhook sweep. */
const marginMs = Number(process.env.SWEEP_MARGIN_SECONDS ?? 10) * 1000;
/** Workspaces fired at once. */
const concurrency = Number(process.env.SWEEP_CONCURRENCY ?? 32);

/**
 * Every minute: fire due timers (escalations, reminders) until the invocation's time less a
 * margin is spent, relay outbox events the stream relay missed, and put back on the delivery
 * queue the webhook posts whose attempt is due.
 */
export const handler = lambda(async (event: ScheduledEvent, context) => {
  const report = await sweepDue(deps, { concurrency, timeLeftMs: () => context.getRemainingTimeInMillis() - marginMs });
  const { relayed } = await relayOutbox(deps, { minAgeMs: relayAfterMs });
  const webhooks = await sweepWebhooks(deps);
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
  });
  return { ...report, relayed, webhooksRedriven: webhooks.relayed };
});
