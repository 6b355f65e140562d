import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertStore } from '@taskforce/core';
import type { TableContext } from './context';
import { incidentQueries } from './incidents';
import { notificationInbox } from './notifications';
import { outbox } from './outbox';
import { webhookDeliveries } from './webhooks';

/**
 * The DynamoDB side of the 24/7 network and of messaging, on the same single table: lists of
 * incidents and contacts, the outbox (event items while they sit in the sparse due index),
 * and each recipient's notification inbox and webhook deliveries. Each method is its feature
 * module's, composed here.
 */
export class DynamoAlertStore implements AlertStore {
  private readonly incidents: ReturnType<typeof incidentQueries>;
  private readonly outbox: ReturnType<typeof outbox>;
  private readonly inbox: ReturnType<typeof notificationInbox>;
  private readonly webhooks: ReturnType<typeof webhookDeliveries>;

  constructor(
    doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {
    const t: TableContext = { doc, tableName };
    this.incidents = incidentQueries(t);
    this.outbox = outbox(t);
    this.inbox = notificationInbox(t);
    this.webhooks = webhookDeliveries(t);
  }

  listIncidents: AlertStore['listIncidents'] = (workspaceId, q) => this.incidents.listIncidents(workspaceId, q);
  listContacts: AlertStore['listContacts'] = (q) => this.incidents.listContacts(q);

  unpublishedEvents: AlertStore['unpublishedEvents'] = (shard, now, limit) => this.outbox.unpublishedEvents(shard, now, limit);
  deferEvents: AlertStore['deferEvents'] = (events, until) => this.outbox.deferEvents(events, until);
  markPublished: AlertStore['markPublished'] = (event, at) => this.outbox.markPublished(event, at);
  fanoutContext: AlertStore['fanoutContext'] = (events) => this.outbox.fanoutContext(events);

  putNotification: AlertStore['putNotification'] = (n, opts) => this.inbox.putNotification(n, opts);
  getNotification: AlertStore['getNotification'] = (orgId, id) => this.inbox.getNotification(orgId, id);
  listNotifications: AlertStore['listNotifications'] = (orgId, q) => this.inbox.listNotifications(orgId, q);
  acknowledgeNotification: AlertStore['acknowledgeNotification'] = (orgId, id, at) => this.inbox.acknowledgeNotification(orgId, id, at);

  claimWebhook: AlertStore['claimWebhook'] = (orgId, id, now, leaseUntil) => this.webhooks.claimWebhook(orgId, id, now, leaseUntil);
  recordWebhook: AlertStore['recordWebhook'] = (orgId, id, outcome) => this.webhooks.recordWebhook(orgId, id, outcome);
  dueWebhooks: AlertStore['dueWebhooks'] = (shard, now, limit) => this.webhooks.dueWebhooks(shard, now, limit);
  deferWebhooks: AlertStore['deferWebhooks'] = (refs, until) => this.webhooks.deferWebhooks(refs, until);
  redriveWebhooks: AlertStore['redriveWebhooks'] = (now, opts) => this.webhooks.redriveWebhooks(now, opts);
}
