/**
 * The queues, defined once: the local runtime creates them on the local engine and the CDK
 * messaging construct builds the same ones on AWS.
 */
export const QUEUES = {
  /** Notifications produced by fan-out, one message per recipient, consumed by delivery. */
  delivery: { name: 'taskforce-delivery', dlq: 'taskforce-delivery-dlq', visibilityTimeoutSeconds: 180, maxReceiveCount: 5 },
} as const;

export type QueueName = keyof typeof QUEUES;
