/**
 * The queues, defined once: the local runtime creates them on the local engine and the CDK
 * messaging construct builds the same ones on AWS.
 */
export const QUEUES = {
  /**
   * The notification queue: one message per domain event, relayed from the outbox (on AWS by
   * the table's stream through an EventBridge Pipe, and by `relayOutbox` as the backstop),
   * consumed by fan-out.
   */
  events: { name: 'taskforce-events', dlq: 'taskforce-events-dlq', visibilityTimeoutSeconds: 180, maxReceiveCount: 5 },
  /** Notifications produced by fan-out, one message per recipient, consumed by delivery. */
  delivery: { name: 'taskforce-delivery', dlq: 'taskforce-delivery-dlq', visibilityTimeoutSeconds: 180, maxReceiveCount: 5 },
} as const;

export type QueueName = keyof typeof QUEUES;
