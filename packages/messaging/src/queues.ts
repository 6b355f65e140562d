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
  /**
   * Audit export jobs to run, one message per job, put there by fan-out from the job's outbox
   * event and consumed by the export worker. A run may take the whole 15 minutes of a Lambda:
   * the message stays hidden six times that (as AWS advises for an event source mapping).
   */
  exports: { name: 'taskforce-exports', dlq: 'taskforce-exports-dlq', visibilityTimeoutSeconds: 5400, maxReceiveCount: 5 },
  /**
   * Pages to send, one message per page (`PageRef`), put there by fan-out from an
   * `incident.paged` event and by the pager itself when a method fails and the next is due;
   * consumed by the pager. Short visibility: a page held up must be retried within seconds.
   */
  pages: { name: 'taskforce-pages', dlq: 'taskforce-pages-dlq', visibilityTimeoutSeconds: 30, maxReceiveCount: 10 },
} as const;

export type QueueName = keyof typeof QUEUES;
