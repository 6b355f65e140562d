import {
  CompleteUploadInput,
  completeUpload,
  type Deps,
  DownloadLinkView,
  EvidenceOfficerView,
  type EvidenceParentKind,
  EvidenceView,
  evidenceDownload,
  getEvidenceObject,
  getEvidenceOfficer,
  listEvidenceObjects,
  MAX_OBJECT_BYTES,
  notFound,
  PartLinksInput,
  PartLinksView,
  PortalEvidenceView,
  PortalUploadSessionView,
  partLinks,
  releaseEvidence,
  SetOfficerInput,
  StartUploadInput,
  setEvidenceOfficer,
  startUpload,
  UploadSessionView,
  uploadSession,
  type Where,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, IdempotencyHeaders, PageQuerySchema, PathId, pageOf } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { PortalRequestParams, WorkspaceParams } from '../params';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';

const tags = ['Evidence'];

const EvidenceSchema = EvidenceView.check(z.meta({ id: 'EvidenceFile' }));
const EvidencePageSchema = pageOf(EvidenceSchema).check(z.meta({ id: 'EvidenceFilePage' }));
const SessionSchema = UploadSessionView.check(z.meta({ id: 'EvidenceUploadSession' }));
// What the partner is told: the same, without the marking and the uploader (nothing of the workspace).
const PortalEvidenceSchema = PortalEvidenceView.check(z.meta({ id: 'PortalEvidenceFile' }));
const PortalEvidencePageSchema = pageOf(PortalEvidenceSchema).check(z.meta({ id: 'PortalEvidenceFilePage' }));
const PortalSessionSchema = PortalUploadSessionView.check(z.meta({ id: 'PortalEvidenceUploadSession' }));
const PartLinksSchema = PartLinksView.check(z.meta({ id: 'EvidencePartLinks' }));
const DownloadSchema = DownloadLinkView.check(z.meta({ id: 'EvidenceDownloadLink' }));
const OfficerSchema = EvidenceOfficerView.check(z.meta({ id: 'EvidenceOfficer' }));
const StartBody = StartUploadInput.check(z.meta({ id: 'StartEvidenceUpload' }));
const PartLinksBody = PartLinksInput.check(z.meta({ id: 'EvidencePartLinksRequest' }));
const CompleteBody = CompleteUploadInput.check(z.meta({ id: 'CompleteEvidenceUpload' }));
const OfficerBody = SetOfficerInput.check(z.meta({ id: 'SetEvidenceOfficer' }));

/** The parent records evidence hangs off, as their collections are named in paths. */
const PARENT_PATHS = { tasks: 'task', incidents: 'incident', requests: 'request', channels: 'channel' } as const satisfies Record<
  string,
  EvidenceParentKind
>;
const ParentParams = z.extend(WorkspaceParams, {
  // Any other collection names no record: a 404, as for an id of nothing.
  parentKind: PathId('The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels`'),
  parentId: PathId('The task, incident, data request or channel id'),
});
const FileParams = z.extend(ParentParams, { fileId: PathId('Evidence file id') });
const PortalFileParams = z.extend(PortalRequestParams, { fileId: PathId('Evidence file id') });

const agency = (p: z.infer<typeof ParentParams>): Extract<Where, { as: 'agency' }> => {
  const kind = Object.hasOwn(PARENT_PATHS, p.parentKind) ? PARENT_PATHS[p.parentKind as keyof typeof PARENT_PATHS] : undefined;
  if (!kind) throw notFound('record');
  return { as: 'agency', workspaceId: p.workspaceId, parent: { kind, id: p.parentId } };
};
const partner = (requestId: string): Where => ({ as: 'partner', requestId });

const BASE = '/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files';
const PORTAL = '/v1/portal/requests/{requestId}/files';

const START = `Opens a resumable multipart upload (parts of 8 to 64 MiB, up to ${MAX_OBJECT_BYTES} bytes): the answer names the part count; ask for part links, PUT each part to its link with the headers given, then complete with the whole file's SHA-256.`;

/**
 * Evidence of any size: upload sessions (start, part links, stored parts, complete), the items of
 * a record, the release gate, downloads by presigned link, and the workspace's evidence officer.
 * Agencies under the parent record's path; the partner under its portal request.
 */
export const evidenceRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();

  // The session routes exist twice: under the parent (agencies) and under the portal request (the partner).
  for (const side of ['agency', 'partner'] as const) {
    const path = side === 'agency' ? BASE : PORTAL;
    const params = side === 'agency' ? ParentParams : PortalRequestParams;
    const fileParams = side === 'agency' ? FileParams : PortalFileParams;
    const whereOf = (p: Record<string, string>): Where =>
      side === 'agency' ? agency(p as z.infer<typeof ParentParams>) : partner(p.requestId as string);
    const S =
      side === 'agency'
        ? { item: EvidenceSchema, page: EvidencePageSchema, session: SessionSchema }
        : { item: PortalEvidenceSchema, page: PortalEvidencePageSchema, session: PortalSessionSchema };
    const sideTags = side === 'agency' ? tags : ['Partner portal'];
    const who = side === 'agency' ? 'a record you may see' : 'a request addressed to you';

    app.openapi(
      createRoute({
        method: 'post',
        path,
        tags: sideTags,
        summary: `Start uploading an evidence file of any size to ${who}`,
        description: START,
        request: { params, headers: IdempotencyHeaders, body: jsonBody(StartBody) },
        responses: { 201: json(S.session, 'Started: the session, no part stored yet'), ...commandErrorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const out = await startUpload(deps, commandContext(c, body), whereOf(c.req.valid('param')), body);
        return c.json(out.result, out.replayed ? 200 : 201);
      },
    );

    app.openapi(
      createRoute({
        method: 'get',
        path,
        tags: sideTags,
        summary: `The evidence files of ${who}, oldest first`,
        request: { params, query: PageQuerySchema },
        responses: { 200: json(S.page, 'A page of evidence files'), ...errorResponses },
      }),
      async (c) => c.json(await listEvidenceObjects(deps, c.get('principal'), whereOf(c.req.valid('param')), c.req.valid('query')), 200),
    );

    app.openapi(
      createRoute({
        method: 'get',
        path: `${path}/{fileId}`,
        tags: sideTags,
        summary: 'One evidence file: status (uploading, verifying, stored, rejected), digest, quarantine and scan',
        request: { params: fileParams },
        responses: { 200: json(S.item, 'The file'), ...errorResponses },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, string>;
        return c.json(await getEvidenceObject(deps, c.get('principal'), whereOf(p), p.fileId as string), 200);
      },
    );

    app.openapi(
      createRoute({
        method: 'get',
        path: `${path}/{fileId}/parts`,
        tags: sideTags,
        summary: 'The upload session and the parts storage already holds (what a resumed upload skips)',
        request: { params: fileParams },
        responses: { 200: json(S.session, 'The session'), ...errorResponses },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, string>;
        return c.json(await uploadSession(deps, c.get('principal'), whereOf(p), p.fileId as string), 200);
      },
    );

    app.openapi(
      createRoute({
        method: 'post',
        path: `${path}/{fileId}/part-links`,
        tags: sideTags,
        summary: 'Presigned PUT links for parts, each bound to the SHA-256 and size the client computed (the uploader only)',
        description:
          'A part number beyond the session or a size other than the part’s is a 400 naming the field; a part storage already holds with another SHA-256 is a 409. Storage refuses a body whose checksum or length differs from the link’s.',
        request: { params: fileParams, body: jsonBody(PartLinksBody) },
        responses: { 200: json(PartLinksSchema, 'One link per part asked'), ...commandErrorResponses },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, string>;
        return c.json(await partLinks(deps, c.get('principal'), whereOf(p), p.fileId as string, c.req.valid('json')), 200);
      },
    );

    app.openapi(
      createRoute({
        method: 'post',
        path: `${path}/{fileId}/complete`,
        tags: sideTags,
        summary: 'Complete the upload with the whole file’s SHA-256; it is then joined and verified by streaming before it counts',
        description:
          'A missing part is a 400 naming it (`part.<n>`). The file is `verifying` until the worker finds the digest (`stored`) or not (`rejected`, content deleted).',
        request: { params: fileParams, headers: IdempotencyHeaders, body: jsonBody(CompleteBody) },
        responses: { 202: json(S.item, 'Verifying'), 200: json(S.item, 'Already completed'), ...commandErrorResponses },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, string>;
        const body = c.req.valid('json');
        const out = await completeUpload(deps, commandContext(c, body), whereOf(p), p.fileId as string, body);
        return c.json(out.result, out.committed ? 202 : 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: `${BASE}/{fileId}/release`,
      tags,
      summary: 'Release a quarantined evidence file (the workspace’s evidence officer; refused if the scan found threats)',
      request: { params: FileParams, headers: IdempotencyHeaders },
      responses: { 200: json(EvidenceSchema, 'Released'), ...commandErrorResponses },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const w = agency(p);
      const out = await releaseEvidence(deps, commandContext(c, null), w.workspaceId, w.parent, p.fileId);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${BASE}/{fileId}/download`,
      tags,
      summary: 'A presigned download link for a stored file (ranges allowed, so a download resumes); each link is a custody event',
      description: 'Quarantined content goes to the workspace’s evidence officer only (403 to anyone else).',
      request: { params: FileParams },
      responses: { 200: json(DownloadSchema, 'The link, with the digest to check the download against'), ...errorResponses },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const w = agency(p);
      return c.json(await evidenceDownload(deps, c.get('principal'), w.workspaceId, w.parent, p.fileId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/evidence-officer',
      tags,
      summary: 'Who the workspace’s evidence officer is (the one person who releases quarantined evidence)',
      request: { params: WorkspaceParams },
      responses: { 200: json(OfficerSchema, 'The officer, if one is named'), ...errorResponses },
    }),
    async (c) => c.json(await getEvidenceOfficer(deps, c.get('principal'), c.req.valid('param').workspaceId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/workspaces/{workspaceId}/evidence-officer',
      tags,
      summary: 'Name the workspace’s evidence officer: one person of the lead or a member organisation (lead)',
      request: { params: WorkspaceParams, headers: IdempotencyHeaders, body: jsonBody(OfficerBody) },
      responses: { 200: json(OfficerSchema, 'Named'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await setEvidenceOfficer(deps, commandContext(c, body), c.req.valid('param').workspaceId, body);
      return c.json(out.result, 200);
    },
  );
  return app;
};
