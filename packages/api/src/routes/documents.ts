import type { Deps } from '@taskforce/core';
import { DocumentJobView, DocumentLang, getDocumentJob, requestPackage, requestReport } from '@taskforce/core/reports';
import * as z from 'zod/mini';
import { commandContext, type Env, IdempotencyHeaders, PathId } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { RequestParams, WorkspaceParams } from '../params';
import { commandErrorResponses, errorResponses, json } from '../schemas';

// Documents (PDF): the API records the job only; the export worker builds the document as the
// requester may see it, renders it (packages/documents) and writes it; the job then carries a
// short-lived link.

const tags = ['Documents'];
const DocumentSchema = DocumentJobView.check(z.meta({ id: 'DocumentJob' }));
const LangQuery = z.object({
  lang: z.optional(DocumentLang).check(
    z.meta({
      description: "The reader's language, beside English (en: English alone); absent, the first of Accept-Language that is one",
    }),
  ),
});
const PackageParams = z.extend(RequestParams, { documentId: PathId('Document job id') });
const ReportParams = z.extend(WorkspaceParams, { documentId: PathId('Document job id') });

/** The language asked for, else the first of the caller's Accept-Language the documents are made in, else English. */
const langOf = (asked: DocumentLang | undefined, accept: string | undefined): DocumentLang => {
  if (asked) return asked;
  for (const part of (accept ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'th' || tag === 'en') return tag;
  }
  return 'en';
};

const DESCRIPTION =
  'Poll the job (its Location) until `ready`; its `download.url` then reads the PDF for five minutes, and each GET issues a fresh link. Every page carries the TLP banner of the highest marking it holds and REL TO.';

export const documentRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/packages',
      tags,
      summary:
        "Ask for a request's court package (PDF): the request, legal basis, clock history, clarifications, answers, evidence digests, custody events and audit inclusion proofs (the requesting agency's officers, or the lead's)",
      description: `${DESCRIPTION} A package verifies offline: \`pnpm verify-package <file.pdf> --keys <keys.json>\`.`,
      request: { params: RequestParams, query: LangQuery, headers: IdempotencyHeaders },
      responses: { 202: json(DocumentSchema, 'Queued'), ...commandErrorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      const lang = langOf(c.req.valid('query').lang, c.req.header('accept-language'));
      const job = await requestPackage(deps, commandContext(c, { lang }), workspaceId, requestId, lang);
      c.header('Location', `/v1/workspaces/${workspaceId}/requests/${requestId}/packages/${job.id}`);
      return c.json(job, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/packages/{documentId}',
      tags,
      summary: 'A request package you asked for: its state and, once ready, a short-lived download link, size and SHA-256',
      request: { params: PackageParams },
      responses: { 200: json(DocumentSchema, 'The job'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId, documentId } = c.req.valid('param');
      return c.json(await getDocumentJob(deps, c.get('principal'), workspaceId, documentId, { requestId }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/reports',
      tags,
      summary:
        'Ask for a workspace report (PDF): members, tasks (overdue flagged), incidents and requests with their clocks, as you may see them',
      description: DESCRIPTION,
      request: { params: WorkspaceParams, query: LangQuery, headers: IdempotencyHeaders },
      responses: { 202: json(DocumentSchema, 'Queued'), ...commandErrorResponses },
    }),
    async (c) => {
      const { workspaceId } = c.req.valid('param');
      const lang = langOf(c.req.valid('query').lang, c.req.header('accept-language'));
      const job = await requestReport(deps, commandContext(c, { lang }), workspaceId, lang);
      c.header('Location', `/v1/workspaces/${workspaceId}/reports/${job.id}`);
      return c.json(job, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/reports/{documentId}',
      tags,
      summary: 'A workspace report you asked for: its state and, once ready, a short-lived download link, size and SHA-256',
      request: { params: ReportParams },
      responses: { 200: json(DocumentSchema, 'The job'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, documentId } = c.req.valid('param');
      return c.json(await getDocumentJob(deps, c.get('principal'), workspaceId, documentId, 'report'), 200);
    },
  );
  return app;
};
