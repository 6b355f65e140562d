import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChainHead, Store, StoredRecord } from '@taskforce/core';
import { auditQueries } from './audit';
import { commits } from './commit';
import type { TableContext } from './context';
import { organisationQueries } from './organisations';
import { recordReads } from './records';
import { requestQueries } from './requests';
import { taskQueries } from './tasks';
import { timerQueries } from './timers';
import { workspaceQueries } from './workspaces';

/** The store port on the single table: each method is its feature module's, composed here. */
export class DynamoStore implements Store {
  private readonly records: ReturnType<typeof recordReads>;
  private readonly commits: ReturnType<typeof commits>;
  private readonly organisations: ReturnType<typeof organisationQueries>;
  private readonly workspaces: ReturnType<typeof workspaceQueries>;
  private readonly tasks: ReturnType<typeof taskQueries>;
  private readonly audit: ReturnType<typeof auditQueries>;
  private readonly requests: ReturnType<typeof requestQueries>;
  private readonly timers: ReturnType<typeof timerQueries>;

  constructor(
    doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {
    const t: TableContext = { doc, tableName };
    this.records = recordReads(t);
    this.commits = commits(t);
    this.organisations = organisationQueries(t);
    this.workspaces = workspaceQueries(t);
    this.tasks = taskQueries(t);
    this.audit = auditQueries(t);
    this.requests = requestQueries(t);
    this.timers = timerQueries(t);
  }

  load: Store['load'] = (req) => this.records.load(req);
  get: Store['get'] = (ref) => this.records.get(ref);
  commit: Store['commit'] = (c) => this.commits.commit(c);

  listOrganisations: Store['listOrganisations'] = (q) => this.organisations.listOrganisations(q);
  listMemberships: Store['listMemberships'] = (orgId, q) => this.workspaces.listMemberships(orgId, q);
  listInvitationsForWorkspace: Store['listInvitationsForWorkspace'] = (id, q) => this.workspaces.listInvitationsForWorkspace(id, q);
  listPendingInvitationsForOrg: Store['listPendingInvitationsForOrg'] = (orgId, q) =>
    this.workspaces.listPendingInvitationsForOrg(orgId, q);
  listTasks: Store['listTasks'] = (workspaceId, q) => this.tasks.listTasks(workspaceId, q);
  listOpenTasksForAssignee: Store['listOpenTasksForAssignee'] = (orgId, q) => this.tasks.listOpenTasksForAssignee(orgId, q);
  listAudit: Store['listAudit'] = (chainId, q) => this.audit.listAudit(chainId, q);
  listEvents: Store['listEvents'] = (workspaceId, q) => this.audit.listEvents(workspaceId, q);
  listRequests: Store['listRequests'] = (workspaceId, q) => this.requests.listRequests(workspaceId, q);
  listInbox: Store['listInbox'] = (orgId, q) => this.requests.listInbox(orgId, q);
  findInboxRequest: Store['findInboxRequest'] = (orgId, requestId) => this.requests.findInboxRequest(orgId, requestId);
  listEvidence: Store['listEvidence'] = (workspaceId, requestId, q) => this.requests.listEvidence(workspaceId, requestId, q);
  dueTimers: Store['dueTimers'] = (shard, now, limit) => this.timers.dueTimers(shard, now, limit);

  /** Reads a chain's head (for verification and tests). */
  chainHead = (chainId: string): Promise<ChainHead | null> => this.audit.chainHead(chainId);
}

export type { StoredRecord };
