import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Store } from '@taskforce/core';
import { auditQueries } from './audit';
import { commits } from './commit';
import { type TableContext, TableFacade } from './context';
import { evidenceQueries } from './evidence';
import { intelQueries } from './intel';
import { matchingQueries } from './matching';
import { organisationQueries } from './organisations';
import { policyQueries } from './policies';
import { recordReads } from './records';
import { requestQueries } from './requests';
import { rosterQueries } from './rosters';
import { searchQueries } from './search';
import { taskQueries } from './tasks';
import { threadQueries } from './threads';
import { timerQueries } from './timers';
import { transferQueries } from './transfers';
import { workspaceQueries } from './workspaces';

/** Every feature's part of the store port, over one table. */
const storeParts = (t: TableContext) =>
  ({
    ...recordReads(t),
    ...commits(t),
    ...organisationQueries(t),
    ...policyQueries(t),
    ...workspaceQueries(t),
    ...taskQueries(t),
    ...auditQueries(t),
    ...requestQueries(t),
    ...timerQueries(t),
    ...transferQueries(t),
    ...matchingQueries(t),
    ...rosterQueries(t),
    ...searchQueries(t),
    ...threadQueries(t),
    ...evidenceQueries(t),
    ...intelQueries(t),
  }) satisfies Store;

/** The store port on the single table: each method is its feature module's, composed here. */
export class DynamoStore extends TableFacade<ReturnType<typeof storeParts>> implements Store {
  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    super(doc, tableName, storeParts);
  }

  load: Store['load'] = (req) => this.parts.load(req);
  get: Store['get'] = (ref) => this.parts.get(ref);
  commit: Store['commit'] = (c) => this.parts.commit(c);

  listOrganisations: Store['listOrganisations'] = (q) => this.parts.listOrganisations(q);
  listPolicies: Store['listPolicies'] = (q) => this.parts.listPolicies(q);
  listMemberships: Store['listMemberships'] = (orgId, q) => this.parts.listMemberships(orgId, q);
  listInvitationsForWorkspace: Store['listInvitationsForWorkspace'] = (id, q) => this.parts.listInvitationsForWorkspace(id, q);
  listPendingInvitationsForOrg: Store['listPendingInvitationsForOrg'] = (orgId, q) => this.parts.listPendingInvitationsForOrg(orgId, q);
  listTasks: Store['listTasks'] = (workspaceId, q) => this.parts.listTasks(workspaceId, q);
  listOpenTasksForAssignee: Store['listOpenTasksForAssignee'] = (orgId, q) => this.parts.listOpenTasksForAssignee(orgId, q);
  listAudit: Store['listAudit'] = (chainId, q) => this.parts.listAudit(chainId, q);
  listEvents: Store['listEvents'] = (workspaceId, q) => this.parts.listEvents(workspaceId, q);
  listRequests: Store['listRequests'] = (workspaceId, q) => this.parts.listRequests(workspaceId, q);
  listInbox: Store['listInbox'] = (orgId, q) => this.parts.listInbox(orgId, q);
  findInboxRequest: Store['findInboxRequest'] = (orgId, requestId) => this.parts.findInboxRequest(orgId, requestId);
  listEvidence: Store['listEvidence'] = (workspaceId, requestId, q) => this.parts.listEvidence(workspaceId, requestId, q);
  listEvidenceObjects: Store['listEvidenceObjects'] = (workspaceId, parentKey, q) =>
    this.parts.listEvidenceObjects(workspaceId, parentKey, q);
  turnaroundShards: Store['turnaroundShards'] = (orgId) => this.parts.turnaroundShards(orgId);
  dueTimers: Store['dueTimers'] = (shard, now, limit, after) => this.parts.dueTimers(shard, now, limit, after);
  chainTip: Store['chainTip'] = (chainId) => this.parts.chainTip(chainId);
  queuedAudit: Store['queuedAudit'] = (chainId, limit) => this.parts.queuedAudit(chainId, limit);
  sequenceRound: Store['sequenceRound'] = (round) => this.parts.sequenceRound(round);
  auditEntriesAfter: Store['auditEntriesAfter'] = (chainId, afterSeq, limit) => this.parts.auditEntriesAfter(chainId, afterSeq, limit);
  auditEntry: Store['auditEntry'] = (chainId, seq) => this.parts.auditEntry(chainId, seq);
  merkleNodes: Store['merkleNodes'] = (chainId, nodes) => this.parts.merkleNodes(chainId, nodes);
  checkpointAt: Store['checkpointAt'] = (chainId, treeSize) => this.parts.checkpointAt(chainId, treeSize);
  chainsWithQueuedAudit: Store['chainsWithQueuedAudit'] = (shard, before, limit) => this.parts.chainsWithQueuedAudit(shard, before, limit);
  listTransfers: Store['listTransfers'] = (workspaceId, q) => this.parts.listTransfers(workspaceId, q);
  selectorHolders: Store['selectorHolders'] = (q) => this.parts.selectorHolders(q);
  matchHolders: Store['matchHolders'] = (groups) => this.parts.matchHolders(groups);
  listRosters: Store['listRosters'] = (orgId, q) => this.parts.listRosters(orgId, q);
  searchCandidates: Store['searchCandidates'] = (workspaceId, kind, max) => this.parts.searchCandidates(workspaceId, kind, max);
  listMessages: Store['listMessages'] = (workspaceId, threadKey, q) => this.parts.listMessages(workspaceId, threadKey, q);
  listChannels: Store['listChannels'] = (workspaceId, q) => this.parts.listChannels(workspaceId, q);
  listIntel: Store['listIntel'] = (workspaceId, q) => this.parts.listIntel(workspaceId, q);
  listRevisions: Store['listRevisions'] = (workspaceId, threadKey, messageId, q) =>
    this.parts.listRevisions(workspaceId, threadKey, messageId, q);
}
