import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { sweepDue } from '@taskforce/core';
import { relayOutbox } from '@taskforce/messaging';
import type { ScheduledEvent } from 'aws-lambda';
import { lambda, logger, metrics } from './runtime';
import { messagingDeps } from './workers';

const deps = messagingDeps();

const relayAfterMs = Number(process.env.OUTBOX_RELAY_AFTER_SECONDS ?? 60) * 1000;

/** Every minute: fire due timers (escalations, reminders), then relay outbox events the stream relay missed. */
export const handler = lambda(async (event: ScheduledEvent) => {
  const report = await sweepDue(deps);
  const { relayed } = await relayOutbox(deps, { minAgeMs: relayAfterMs });
  metrics.addMetric('TimersFired', MetricUnit.Count, report.fired.length);
  metrics.addMetric('OutboxRelayed', MetricUnit.Count, relayed);
  logger.info('sweep', {
    scheduledAt: event.time,
    due: report.due,
    fired: report.fired.length,
    dropped: report.dropped,
    lost: report.lost,
    relayed,
  });
  return { ...report, relayed };
});
