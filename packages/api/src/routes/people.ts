import { contactMethodRoutes } from './contact-methods';
import { documentRoutes } from './documents';
import { calendarFeedRoutes, rosterRoutes } from './rosters';
import type { RouteSet } from './set';
import { userRoutes } from './users';

/**
 * People: user administration, 24/7 rosters and one's shifts, one's own contact methods and the
 * calendar address (the people function). Paths: `/v1/admin/users…`, `/v1/me/*` (not `/v1/me` itself),
 * `/v1/organisations/{orgId}/rosters…`, `/v1/organisations/{orgId}/duty-contacts`, `/v1/calendar/*`.
 * Also the documents' jobs (documents.ts: `/v1/workspaces/{workspaceId}/reports…` and
 * `/v1/workspaces/{workspaceId}/requests/{requestId}/packages…`): the API function is at its size ceiling.
 */
export const PEOPLE_ROUTES: RouteSet = {
  public: [calendarFeedRoutes],
  authenticated: [userRoutes, rosterRoutes, contactMethodRoutes, documentRoutes],
};
