import {
  AcknowledgeIncidentInput,
  acknowledgeIncident,
  CountryContacts,
  CountryContactsInput,
  type Deps,
  EscalateNowInput,
  escalateIncidentNow,
  getCountryContacts,
  getIncident,
  getIncidentSettings,
  Incident,
  IncidentSettings,
  IncidentSettingsInput,
  listCountryContacts,
  listIncidentPages,
  listIncidents,
  PAGE_ATTEMPT_STATUSES,
  PAGE_CHANNEL_OF_KIND,
  PAGE_REASONS,
  PAGE_STATUSES,
  pageViews,
  RaiseIncidentInput,
  RepageInput,
  ResolveIncidentInput,
  raiseIncident,
  repageIncident,
  resolveIncident,
  setCountryContacts,
  setIncidentSettings,
  UndoAcknowledgementInput,
  undoAcknowledgement,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, IfMatchValue, optionalVersion, PageQuerySchema, pageOf } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { CountryParams, IncidentParams, WorkspaceParams } from '../params';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';

const IncidentSchema = Incident.check(z.meta({ id: 'Incident' }));
const IncidentPage = pageOf(IncidentSchema).check(z.meta({ id: 'IncidentPage' }));
const CountryContactsSchema = CountryContacts.check(z.meta({ id: 'CountryContacts' }));
const CountryContactsPage = pageOf(CountryContactsSchema).check(z.meta({ id: 'CountryContactsPage' }));
const IncidentSettingsSchema = IncidentSettings.check(z.meta({ id: 'IncidentSettings' }));

const PageViewSchema = z
  .object({
    id: z.string(),
    sub: z.string(),
    name: z.optional(z.string()),
    orgId: z.string(),
    country: z.string(),
    level: z.int(),
    round: z.int(),
    reason: z.enum(PAGE_REASONS),
    status: z.enum(PAGE_STATUSES),
    createdAt: z.string(),
    expiresAt: z.string(),
    ackUsedAt: z.optional(z.string()),
    attempts: z.array(
      z.object({
        n: z.int(),
        channel: z.enum(Object.values(PAGE_CHANNEL_OF_KIND)),
        status: z.enum(PAGE_ATTEMPT_STATUSES),
        at: z.string(),
        reason: z.optional(z.string()),
      }),
    ),
  })
  .check(z.meta({ id: 'PersonPage', description: 'One person paged: never an address, a secret or a message id' }));
const PersonPagePage = pageOf(PageViewSchema).check(z.meta({ id: 'PersonPagePage' }));
const PersonPageList = z.object({ items: z.array(PageViewSchema) }).check(z.meta({ id: 'PersonPageList' }));

const OptionalIfMatch = z.object({
  'if-match': z.optional(IfMatchValue).check(z.meta({ description: 'The ETag of the record being replaced; required once it exists' })),
});

export const incidentRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const contactsTags = ['24/7 contacts'];
  const tags = ['Incidents'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/contacts',
      tags: contactsTags,
      summary: "Every country's 24/7 ladder (agencies only)",
      request: { query: PageQuerySchema },
      responses: { 200: json(CountryContactsPage, 'A page of country contacts'), ...errorResponses },
    }),
    async (c) => c.json(await listCountryContacts(deps, c.get('principal'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/contacts/{country}',
      tags: contactsTags,
      summary: "One country's 24/7 duty contact, backup and national lead",
      request: { params: CountryParams },
      responses: { 200: json(CountryContactsSchema, 'The contacts'), ...errorResponses },
    }),
    async (c) => {
      const contacts = await getCountryContacts(deps, c.get('principal'), c.req.valid('param').country);
      c.header('ETag', etag(contacts.version));
      return c.json(contacts, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/contacts/{country}',
      tags: contactsTags,
      summary: "Register or replace your country's ladder (policy administrator or duty officer of that country)",
      request: {
        params: CountryParams,
        headers: OptionalIfMatch,
        body: jsonBody(CountryContactsInput.check(z.meta({ id: 'CountryContactsInput' }))),
      },
      responses: { 200: json(CountryContactsSchema, 'Replaced'), 201: json(CountryContactsSchema, 'Registered'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await setCountryContacts(deps, commandContext(c, body), c.req.valid('param').country, body, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, out.status === 201 ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/incident-settings',
      tags,
      summary: "The workspace's acknowledgement deadlines by severity and ladder repeats (defaults until the lead sets them)",
      request: { params: WorkspaceParams },
      responses: { 200: json(IncidentSettingsSchema, 'The settings'), ...errorResponses },
    }),
    async (c) => {
      const s = await getIncidentSettings(deps, c.get('principal'), c.req.valid('param').workspaceId);
      if (s.version > 0) c.header('ETag', etag(s.version));
      return c.json(s, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/workspaces/{workspaceId}/incident-settings',
      tags,
      summary: 'Set the acknowledgement deadlines and ladder repeats (lead); running incidents keep theirs',
      request: {
        params: WorkspaceParams,
        headers: OptionalIfMatch,
        body: jsonBody(IncidentSettingsInput.check(z.meta({ id: 'IncidentSettingsInput' }))),
      },
      responses: { 200: json(IncidentSettingsSchema, 'Set'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await setIncidentSettings(deps, commandContext(c, body), c.req.valid('param').workspaceId, body, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/incidents',
      tags,
      summary: "Raise an urgent incident: each alerted country's 24/7 duty contact is paged, and its ladder starts",
      request: {
        params: WorkspaceParams,
        headers: IdempotencyHeaders,
        body: jsonBody(RaiseIncidentInput.check(z.meta({ id: 'RaiseIncident' }))),
      },
      responses: { 201: json(IncidentSchema, 'Raised'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId } = c.req.valid('param');
      const out = await raiseIncident(deps, commandContext(c, body), workspaceId, body);
      c.header('ETag', etag(out.result.version));
      c.header('Location', `/v1/workspaces/${workspaceId}/incidents/${out.result.id}`);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/incidents',
      tags,
      summary: "A workspace's incidents you may see, newest first",
      request: { params: WorkspaceParams, query: PageQuerySchema },
      responses: { 200: json(IncidentPage, 'A page of incidents'), ...errorResponses },
    }),
    async (c) => c.json(await listIncidents(deps, c.get('principal'), c.req.valid('param').workspaceId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}',
      tags,
      summary: 'One incident: per-country status, ladder position and timeline',
      request: { params: IncidentParams },
      responses: { 200: json(IncidentSchema, 'The incident'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, incidentId } = c.req.valid('param');
      const inc = await getIncident(deps, c.get('principal'), workspaceId, incidentId);
      c.header('ETag', etag(inc.version));
      return c.json(inc, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge',
      tags,
      summary: "Acknowledge for your country (its 24/7 contacts): that country's ladder stops",
      request: {
        params: IncidentParams,
        headers: IdempotencyHeaders,
        body: { ...jsonBody(AcknowledgeIncidentInput.check(z.meta({ id: 'AcknowledgeIncident' }))), required: false },
      },
      responses: { 200: json(IncidentSchema, 'Acknowledged'), ...commandErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json') ?? {};
      const { workspaceId, incidentId } = c.req.valid('param');
      const out = await acknowledgeIncident(deps, commandContext(c, input), workspaceId, incidentId, input);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge/undo',
      tags,
      summary:
        'Take back your own acknowledgement for your country within seconds (`ackUndoUntil`), if nothing happened since: the ladder resumes at the same level and deadline',
      request: {
        params: IncidentParams,
        headers: IdempotencyHeaders,
        body: { ...jsonBody(UndoAcknowledgementInput.check(z.meta({ id: 'UndoAcknowledgement' }))), required: false },
      },
      responses: { 200: json(IncidentSchema, 'Raised again'), ...commandErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json') ?? {};
      const { workspaceId, incidentId } = c.req.valid('param');
      const out = await undoAcknowledgement(deps, commandContext(c, input), workspaceId, incidentId, input);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}/resolve',
      tags,
      summary: 'Resolve one country (its contacts, the raiser or the lead) or, without a country, all of them (raiser or lead)',
      request: {
        params: IncidentParams,
        headers: IdempotencyHeaders,
        body: jsonBody(ResolveIncidentInput.check(z.meta({ id: 'ResolveIncident' }))),
      },
      responses: { 200: json(IncidentSchema, 'Resolved'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId, incidentId } = c.req.valid('param');
      const out = await resolveIncident(deps, commandContext(c, body), workspaceId, incidentId, body);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}/pages',
      tags,
      summary: 'Who the incident paged, oldest first: per person the level, the reason, the status and each attempt (channel, status)',
      request: { params: IncidentParams, query: PageQuerySchema },
      responses: { 200: json(PersonPagePage, 'A page of the delivery trail'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, incidentId } = c.req.valid('param');
      return c.json(await listIncidentPages(deps, c.get('principal'), workspaceId, incidentId, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}/pages',
      tags,
      summary:
        "Page a country's current level again (`level`) or every member of the rosters its ladder names (`team`): its ladder's contacts, the raiser or the lead",
      request: {
        params: IncidentParams,
        headers: IdempotencyHeaders,
        body: jsonBody(RepageInput.check(z.meta({ id: 'Repage' }))),
      },
      responses: { 201: json(PersonPageList, 'The pages written (queued for sending)'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId, incidentId } = c.req.valid('param');
      const out = await repageIncident(deps, commandContext(c, body), workspaceId, incidentId, body);
      return c.json({ items: await pageViews(deps, out.result) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/incidents/{incidentId}/escalate',
      tags,
      summary: "Escalate a country's ladder now: its next level fires at once, and later deadlines count from now",
      request: {
        params: IncidentParams,
        headers: IdempotencyHeaders,
        body: jsonBody(EscalateNowInput.check(z.meta({ id: 'EscalateNow' }))),
      },
      responses: { 200: json(IncidentSchema, 'Escalated'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId, incidentId } = c.req.valid('param');
      const out = await escalateIncidentNow(deps, commandContext(c, body), workspaceId, incidentId, body);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );
  return app;
};
