import {
  type Deps,
  decideTransfer,
  getTransfer,
  listTransfers,
  presentTransfer,
  RefuseTransferInput,
  RequestTransferInput,
  requestTransfer,
  TransferListQuery,
  TransferView,
} from '@taskforce/core';
import * as z from 'zod/mini';
import {
  commandContext,
  type Env,
  etag,
  IdempotencyHeaders,
  IfMatchHeaders,
  optionalVersion,
  PageQuerySchema,
  PathId,
  pageOf,
} from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { WorkspaceParams } from '../params';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';

const tags = ['Onward transfers'];

const TransferSchema = TransferView.check(z.meta({ id: 'Transfer' }));
const TransferPage = pageOf(TransferSchema).check(z.meta({ id: 'TransferPage' }));
const RequestTransferBody = RequestTransferInput.check(z.meta({ id: 'RequestTransfer' }));
const RefuseTransferBody = RefuseTransferInput.check(z.meta({ id: 'RefuseTransfer' }));
const TransferParams = z.extend(WorkspaceParams, { transferId: PathId('Transfer request id') });

const POLICY =
  ' The destination must also be allowed by the originating country’s policy: an approval cannot override its forbid (409 naming the reason).';

/**
 * Onward transfer (UN Convention against Cybercrime art. 36(3), ORCON): ask the originator of a
 * record to release it to a further country or organisation; the originator approves (the
 * record's marking changes in the same transaction) or refuses; the asker may withdraw.
 */
export const transferRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/transfers',
      tags,
      summary: 'Ask the originator to release a record you may see (task, data request, incident) to a further country or organisation',
      description: `A record you may not see is a 404; one already releasable to the destination is a 409, as is a second open request for the same record and destination.${POLICY}`,
      request: { params: WorkspaceParams, headers: IdempotencyHeaders, body: jsonBody(RequestTransferBody) },
      responses: { 201: json(TransferSchema, 'Asked'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId } = c.req.valid('param');
      const out = await requestTransfer(deps, commandContext(c, body), workspaceId, body);
      c.header('ETag', etag(out.result.version));
      c.header('Location', `/v1/workspaces/${workspaceId}/transfers/${out.result.id}`);
      return c.json(presentTransfer(out.result), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/transfers',
      tags,
      summary: 'The release requests your organisation asked, and those about records it originated, oldest first',
      request: { params: WorkspaceParams, query: z.extend(PageQuerySchema, TransferListQuery.shape) },
      responses: { 200: json(TransferPage, 'A page of transfer requests'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, status } = c.req.valid('query');
      const page = await listTransfers(deps, c.get('principal'), c.req.valid('param').workspaceId, {
        limit,
        ...(cursor ? { cursor } : {}),
        ...(status ? { status } : {}),
      });
      return c.json({ ...page, items: page.items.map(presentTransfer) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/transfers/{transferId}',
      tags,
      summary: 'One transfer request (its asker and the originator only)',
      request: { params: TransferParams },
      responses: { 200: json(TransferSchema, 'The transfer request'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, transferId } = c.req.valid('param');
      const t = await getTransfer(deps, c.get('principal'), workspaceId, transferId);
      c.header('ETag', etag(t.version));
      return c.json(presentTransfer(t), 200);
    },
  );

  const headers = z.extend(IdempotencyHeaders, IfMatchHeaders.shape);
  const answer = (out: { result: Parameters<typeof presentTransfer>[0] }) => presentTransfer(out.result);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/transfers/{transferId}/approve',
      tags,
      summary: "Approve the release (an officer of the record's originator): the record's marking changes in the same transaction",
      description: `The record's version is checked in that transaction; the transfer's is checked against If-Match when sent.${POLICY}`,
      request: { params: TransferParams, headers },
      responses: { 200: json(TransferSchema, 'Approved'), ...commandErrorResponses },
    }),
    async (c) => {
      const { workspaceId, transferId } = c.req.valid('param');
      const out = await decideTransfer(deps, commandContext(c, null), workspaceId, transferId, 'approve', {
        expectVersion: optionalVersion(c),
      });
      c.header('ETag', etag(out.result.version));
      return c.json(answer(out), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/transfers/{transferId}/refuse',
      tags,
      summary:
        "Refuse the release, with a reason (an officer of the record's originator); the marking is untouched and it may be asked again",
      request: { params: TransferParams, headers, body: jsonBody(RefuseTransferBody) },
      responses: { 200: json(TransferSchema, 'Refused'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId, transferId } = c.req.valid('param');
      const out = await decideTransfer(deps, commandContext(c, body), workspaceId, transferId, 'refuse', {
        reason: body.reason,
        expectVersion: optionalVersion(c),
      });
      c.header('ETag', etag(out.result.version));
      return c.json(answer(out), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/transfers/{transferId}/withdraw',
      tags,
      summary: 'Withdraw a pending release request (the organisation that asked)',
      request: { params: TransferParams, headers },
      responses: { 200: json(TransferSchema, 'Withdrawn'), ...commandErrorResponses },
    }),
    async (c) => {
      const { workspaceId, transferId } = c.req.valid('param');
      const out = await decideTransfer(deps, commandContext(c, null), workspaceId, transferId, 'withdraw', {
        expectVersion: optionalVersion(c),
      });
      c.header('ETag', etag(out.result.version));
      return c.json(answer(out), 200);
    },
  );
  return app;
};
