import { auditRoutes } from './audit';
import { evidenceRoutes } from './evidence';
import { incidentRoutes } from './incidents';
import { matchingRoutes } from './matching';
import { notificationRoutes } from './notifications';
import { orderRoutes } from './orders';
import { organisationRoutes } from './organisations';
import { policyRoutes } from './policies';
import { portalRoutes } from './portal';
import { portalThreadRoutes } from './portal-threads';
import { requestRoutes } from './requests';
import { searchRoutes } from './search';
import type { RouteSet } from './set';
import { takedownRoutes } from './takedowns';
import { taskRoutes } from './tasks';
import { threadRoutes } from './threads';
import { transferRoutes } from './transfers';
import { turnaroundRoutes } from './turnaround';
import { workspaceRoutes } from './workspaces';

/** The investigation: organisations, workspaces and every record in them, the partners' portal (the API function). */
export const INVESTIGATION_ROUTES: RouteSet = {
  public: [],
  authenticated: [
    organisationRoutes,
    workspaceRoutes,
    taskRoutes,
    auditRoutes,
    policyRoutes,
    requestRoutes,
    orderRoutes,
    portalRoutes,
    incidentRoutes,
    notificationRoutes,
    transferRoutes,
    matchingRoutes,
    takedownRoutes,
    turnaroundRoutes,
    searchRoutes,
    threadRoutes,
    portalThreadRoutes,
    evidenceRoutes,
  ],
};
