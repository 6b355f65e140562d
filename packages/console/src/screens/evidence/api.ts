import { api, ok, type Schemas } from '../../api/client';

// The evidence file routes, for an agency member (under the parent record) or the partner (under
// its portal request): one set of calls the uploader and the list use either way.

export type EvidenceFile = Schemas['EvidenceFile'];
export type Session = Schemas['EvidenceUploadSession'];

/** Where the files are: a task, incident or request of a workspace, or a request in the partner's portal. */
export type FilesOf =
  | { as: 'agency'; workspaceId: string; parentKind: 'tasks' | 'incidents' | 'requests'; parentId: string }
  | { as: 'partner'; requestId: string };

const agencyPath = (w: Extract<FilesOf, { as: 'agency' }>) => ({
  workspaceId: w.workspaceId,
  parentKind: w.parentKind,
  parentId: w.parentId,
});

export const listFiles = async (w: FilesOf): Promise<EvidenceFile[]> =>
  (w.as === 'agency'
    ? await ok(
        api().GET('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files', { params: { path: agencyPath(w), query: { limit: 100 } } }),
      )
    : await ok(api().GET('/v1/portal/requests/{requestId}/files', { params: { path: { requestId: w.requestId }, query: { limit: 100 } } }))
  ).items;

export const startFile = (w: FilesOf, body: Schemas['StartEvidenceUpload']): Promise<Session> =>
  w.as === 'agency'
    ? ok(api().POST('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files', { params: { path: agencyPath(w), header: {} }, body }))
    : ok(api().POST('/v1/portal/requests/{requestId}/files', { params: { path: { requestId: w.requestId }, header: {} }, body }));

export const storedParts = (w: FilesOf, fileId: string): Promise<Session> =>
  w.as === 'agency'
    ? ok(
        api().GET('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/parts', {
          params: { path: { ...agencyPath(w), fileId } },
        }),
      )
    : ok(api().GET('/v1/portal/requests/{requestId}/files/{fileId}/parts', { params: { path: { requestId: w.requestId, fileId } } }));

export const partLinks = (w: FilesOf, fileId: string, body: Schemas['EvidencePartLinksRequest']) =>
  w.as === 'agency'
    ? ok(
        api().POST('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/part-links', {
          params: { path: { ...agencyPath(w), fileId } },
          body,
        }),
      )
    : ok(
        api().POST('/v1/portal/requests/{requestId}/files/{fileId}/part-links', {
          params: { path: { requestId: w.requestId, fileId } },
          body,
        }),
      );

export const completeFile = (w: FilesOf, fileId: string, sha256: string): Promise<EvidenceFile> =>
  w.as === 'agency'
    ? ok(
        api().POST('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/complete', {
          params: { path: { ...agencyPath(w), fileId }, header: {} },
          body: { sha256 },
        }),
      )
    : ok(
        api().POST('/v1/portal/requests/{requestId}/files/{fileId}/complete', {
          params: { path: { requestId: w.requestId, fileId }, header: {} },
          body: { sha256 },
        }),
      );

export const releaseFile = (w: Extract<FilesOf, { as: 'agency' }>, fileId: string) =>
  ok(
    api().POST('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/release', {
      params: { path: { ...agencyPath(w), fileId }, header: {} },
    }),
  );

export const downloadLink = (w: Extract<FilesOf, { as: 'agency' }>, fileId: string) =>
  ok(
    api().POST('/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/download', {
      params: { path: { ...agencyPath(w), fileId } },
    }),
  );

export const getOfficer = (workspaceId: string) =>
  ok(api().GET('/v1/workspaces/{workspaceId}/evidence-officer', { params: { path: { workspaceId } } }));

export const setOfficer = (workspaceId: string, body: Schemas['SetEvidenceOfficer']) =>
  ok(api().PUT('/v1/workspaces/{workspaceId}/evidence-officer', { params: { path: { workspaceId }, header: {} }, body }));
