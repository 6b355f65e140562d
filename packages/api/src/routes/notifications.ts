import {
  AcknowledgeAllInput,
  AgencyInboxNotificationView,
  acknowledgeAllNotifications,
  acknowledgeNotification,
  type Deps,
  getMyNotification,
  getWebhook,
  listMyNotifications,
  PartnerInboxNotificationView,
  RedriveInput,
  redriveWebhooks,
  removeWebhook,
  rotateWebhookSecret,
  setWebhook,
  WebhookChannelInput,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, PageQuerySchema, pageOf } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { NotificationParams } from '../params';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';

/**
 * An inbox item in one of two forms: a private partner's (about a request addressed to it: the
 * requesting agency, no workspace, no acting organisation) or an agency's.
 */
const NotificationSchema = z
  .union([
    PartnerInboxNotificationView.check(z.meta({ id: 'PartnerNotification' })),
    AgencyInboxNotificationView.check(z.meta({ id: 'AgencyNotification' })),
  ])
  .check(z.meta({ id: 'Notification' }));
const NotificationPage = pageOf(NotificationSchema).check(z.meta({ id: 'NotificationPage' }));
const SecretInfo = z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.optional(z.string()) });
const WebhookSchema = z
  .object({
    url: z.optional(z.string()),
    secrets: z.array(SecretInfo).check(z.meta({ description: 'Live signing secrets (ids only); two during a rotation' })),
    version: z.int(),
    secret: z
      .optional(z.object({ id: z.string(), value: z.string() }))
      .check(z.meta({ description: 'The new signing secret, shown once; keep it to verify Taskforce-Signature' })),
  })
  .check(z.meta({ id: 'Webhook' }));
const RotatedSchema = z
  .object({ secret: z.object({ id: z.string(), value: z.string() }), secrets: z.array(SecretInfo) })
  .check(z.meta({ id: 'RotatedSecret' }));
const ListQuery = z.extend(PageQuerySchema, {
  pending: z.optional(z.enum(['true', 'false'])).check(z.meta({ description: 'true: only notifications not yet acknowledged' })),
  order: z.optional(z.enum(['oldest', 'newest'])).check(z.meta({ description: 'oldest first (the default, inbox order) or newest first' })),
  others: z
    .optional(z.enum(['true', 'false']))
    .check(z.meta({ description: "true: leave out what the caller's own organisation did (escalations by the sweep stay)" })),
});
const AcknowledgedAll = z
  .object({
    acknowledged: z.int().check(z.meta({ description: 'How many notifications this batch acknowledged' })),
    more: z.boolean().check(z.meta({ description: 'true: pending notifications up to `until` remain; ask again' })),
  })
  .check(z.meta({ id: 'AcknowledgedAll' }));
const RotateBody = z
  .strictObject({
    graceSeconds: z
      ._default(z.int().check(z.gte(0), z.lte(7 * 86_400)), 86_400)
      .check(z.meta({ description: 'How long the previous secret stays live' })),
  })
  .check(z.meta({ id: 'RotateSecret' }));

const RedriveResult = z
  .object({ requeued: z.int().check(z.meta({ description: 'How many given-up webhook posts were put back in the schedule' })) })
  .check(z.meta({ id: 'RedriveResult' }));

export const notificationRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const tags = ['Notifications'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/notifications',
      tags,
      summary: "Your organisation's notification inbox, oldest first unless `order=newest` (the pull channel)",
      request: { query: ListQuery },
      responses: { 200: json(NotificationPage, 'A page of notifications'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, pending, order, others } = c.req.valid('query');
      return c.json(
        await listMyNotifications(deps, c.get('principal'), {
          limit,
          ...(cursor ? { cursor } : {}),
          pending: pending === 'true',
          newestFirst: order === 'newest',
          others: others === 'true',
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/notifications/all/acknowledge',
      tags,
      summary: 'Mark all read: acknowledge, in one bounded batch, the notifications received up to `until`; ask again while `more`',
      request: { body: { ...jsonBody(AcknowledgeAllInput.check(z.meta({ id: 'AcknowledgeAll' }))), required: false } },
      responses: { 200: json(AcknowledgedAll, 'How many were acknowledged, and whether more remain'), ...errorResponses },
    }),
    async (c) => c.json(await acknowledgeAllNotifications(deps, c.get('principal'), c.req.valid('json') ?? {}), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/notifications/{notificationId}/acknowledge',
      tags,
      summary: 'Acknowledge a notification (idempotent)',
      request: { params: NotificationParams },
      responses: { 200: json(NotificationSchema, 'Acknowledged'), ...errorResponses },
    }),
    async (c) => c.json(await acknowledgeNotification(deps, c.get('principal'), c.req.valid('param').notificationId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/notifications/webhook',
      tags,
      summary: "Your organisation's webhook: URL and live secret ids",
      responses: { 200: json(WebhookSchema, 'The webhook'), ...errorResponses },
    }),
    async (c) => c.json(await getWebhook(deps, c.get('principal')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/notifications/webhook',
      tags,
      summary: 'Set the webhook URL; the first time, the signing secret is returned once',
      request: { body: jsonBody(WebhookChannelInput.check(z.meta({ id: 'WebhookChannel' }))) },
      responses: { 200: json(WebhookSchema, 'Set'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await setWebhook(deps, { principal: c.get('principal') }, body);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/notifications/webhook',
      tags,
      summary: 'Stop webhook deliveries (the inbox keeps receiving)',
      responses: { 204: { description: 'Removed' }, ...commandErrorResponses },
    }),
    async (c) => {
      await removeWebhook(deps, commandContext(c, null));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/notifications/webhook/secrets',
      tags,
      summary: 'Rotate the signing secret: the new one is returned once, the previous stays live for the grace period',
      request: { body: { ...jsonBody(RotateBody), required: false } },
      responses: { 201: json(RotatedSchema, 'Rotated'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json') ?? { graceSeconds: 86_400 };
      const out = await rotateWebhookSecret(deps, { principal: c.get('principal') }, body.graceSeconds);
      return c.json(out.result, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/admin/redrive',
      tags,
      summary:
        'Put webhook posts given up after their last attempt back in the delivery schedule, with a fresh round of attempts (platform administrators)',
      request: { body: { ...jsonBody(RedriveInput.check(z.meta({ id: 'Redrive' }))), required: false } },
      responses: { 200: json(RedriveResult, 'How many posts were put back'), ...errorResponses },
    }),
    async (c) => c.json(await redriveWebhooks(deps, c.get('principal'), c.req.valid('json') ?? {}), 200),
  );

  // After the /webhook routes, so that `webhook` is not taken for a notification id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/notifications/{notificationId}',
      tags,
      summary: 'One notification of your inbox',
      request: { params: NotificationParams },
      responses: { 200: json(NotificationSchema, 'The notification'), ...errorResponses },
    }),
    async (c) => c.json(await getMyNotification(deps, c.get('principal'), c.req.valid('param').notificationId), 200),
  );
  return app;
};
