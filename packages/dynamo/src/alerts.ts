import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertStore } from '@taskforce/core';
import { type TableContext, TableFacade } from './context';
import { incidentQueries } from './incidents';
import { notificationInbox } from './notifications';
import { outbox } from './outbox';
import { webhookDeliveries } from './webhooks';

/** Every feature's part of the alert store port, over one table. */
const alertParts = (t: TableContext) =>
  ({ ...incidentQueries(t), ...outbox(t), ...notificationInbox(t), ...webhookDeliveries(t) }) satisfies AlertStore;

/**
 * The DynamoDB side of the 24/7 network and of messaging, on the same single table: lists of
 * incidents and contacts, the outbox (event items while they sit in the sparse due index),
 * and each recipient's notification inbox and webhook deliveries. Each method is its feature
 * module's, composed here.
 */
export class DynamoAlertStore extends TableFacade<ReturnType<typeof alertParts>> implements AlertStore {
  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    super(doc, tableName, alertParts);
  }

  listIncidents: AlertStore['listIncidents'] = (workspaceId, q) => this.parts.listIncidents(workspaceId, q);
  listContacts: AlertStore['listContacts'] = (q) => this.parts.listContacts(q);
  listPages: AlertStore['listPages'] = (workspaceId, incidentId, q) => this.parts.listPages(workspaceId, incidentId, q);

  unpublishedEvents: AlertStore['unpublishedEvents'] = (shard, now, limit) => this.parts.unpublishedEvents(shard, now, limit);
  deferEvents: AlertStore['deferEvents'] = (events, until) => this.parts.deferEvents(events, until);
  markPublished: AlertStore['markPublished'] = (event, at) => this.parts.markPublished(event, at);
  fanoutContext: AlertStore['fanoutContext'] = (events) => this.parts.fanoutContext(events);

  putNotification: AlertStore['putNotification'] = (n, opts) => this.parts.putNotification(n, opts);
  getNotification: AlertStore['getNotification'] = (orgId, id) => this.parts.getNotification(orgId, id);
  listNotifications: AlertStore['listNotifications'] = (orgId, q) => this.parts.listNotifications(orgId, q);
  acknowledgeNotification: AlertStore['acknowledgeNotification'] = (orgId, id, at) => this.parts.acknowledgeNotification(orgId, id, at);

  claimWebhook: AlertStore['claimWebhook'] = (orgId, id, now, leaseUntil) => this.parts.claimWebhook(orgId, id, now, leaseUntil);
  recordWebhook: AlertStore['recordWebhook'] = (orgId, id, outcome) => this.parts.recordWebhook(orgId, id, outcome);
  dueWebhooks: AlertStore['dueWebhooks'] = (shard, now, limit) => this.parts.dueWebhooks(shard, now, limit);
  deferWebhooks: AlertStore['deferWebhooks'] = (refs, until) => this.parts.deferWebhooks(refs, until);
  redriveWebhooks: AlertStore['redriveWebhooks'] = (now, opts) => this.parts.redriveWebhooks(now, opts);
}
