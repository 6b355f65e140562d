/**
 * The path parameters of every route, declared once: a record's id is checked (and documented)
 * the same way by every route that names it. Each schema lists its parameters in the order the
 * path names them, as `openapi()` requires.
 */
import { CountryCode, Id, NotificationId } from '@taskforce/core';
import * as z from 'zod/mini';
import { PathId } from './http';

export const OrganisationParams = z.object({ orgId: PathId('Organisation id') });
/**
 * The same parameter, undocumented: how the status change has always described it. Kept apart
 * so the OpenAPI document (and the console's types generated from it) stays as it is.
 */
export const OrganisationStatusParams = z.object({ orgId: Id });

export const WorkspaceParams = z.object({ workspaceId: PathId('Workspace id') });
export const InvitationParams = z.extend(WorkspaceParams, { orgId: PathId('Invited organisation') });
export const TaskParams = z.extend(WorkspaceParams, { taskId: PathId('Task id') });
export const IncidentParams = z.extend(WorkspaceParams, { incidentId: PathId('Incident id') });
export const AuditExportParams = z.extend(WorkspaceParams, { exportId: PathId('Audit export id') });

/** A data request in its workspace, as the requesting agencies see it. */
export const RequestParams = z.extend(WorkspaceParams, { requestId: PathId('Data request id') });
export const EvidenceParams = z.extend(RequestParams, { evidenceId: PathId('Evidence item id') });

/** A data request as the partner it is addressed to sees it: no workspace in its path. */
export const PortalRequestParams = z.object({ requestId: PathId('Data request id') });
export const PortalEvidenceParams = z.extend(PortalRequestParams, { evidenceId: PathId('Evidence item id') });

export const NotificationParams = z.object({ notificationId: NotificationId.check(z.meta({ description: 'Notification id' })) });

/** A member country, for its 24/7 contacts. */
export const CountryParams = z.object({ country: CountryCode.check(z.meta({ description: 'ISO 3166-1 alpha-3', example: 'THA' })) });
/** A member country, for its policy (documented without the description, as it always was). */
export const PolicyCountryParams = z.object({ country: CountryCode });
