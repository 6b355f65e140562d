import { createFanoutHandler, EventBridgeTimerSchedules } from '@taskforce/messaging';
import { lambda, log } from './runtime';
import { messagingDeps } from './workers';

/**
 * One-time schedules for escalation timers, when the stack names their group, target (the sweep
 * function) and the role Scheduler assumes (`ESCALATION_SCHEDULE_*`); without them the one-minute
 * sweep alone fires the timers. `ESCALATION_SCHEDULE_LEAD_SECONDS` sets them that many seconds early.
 */
const schedules = (env: NodeJS.ProcessEnv = process.env) => {
  const group = env.ESCALATION_SCHEDULE_GROUP;
  const targetArn = env.ESCALATION_SCHEDULE_TARGET_ARN;
  const roleArn = env.ESCALATION_SCHEDULE_ROLE_ARN;
  const leadSeconds = Number(env.ESCALATION_SCHEDULE_LEAD_SECONDS ?? 0) || 0;
  return group && targetArn && roleArn ? { schedules: new EventBridgeTimerSchedules({ group, targetArn, roleArn, leadSeconds }, log) } : {};
};

/**
 * SQS `events` → recipients allowed by policy → SQS `delivery` (and pages, audit export jobs,
 * escalation schedules); failed records come back alone (partial batch response).
 */
export const handler = lambda(createFanoutHandler({ ...messagingDeps(), ...schedules() }));
