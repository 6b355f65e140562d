import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  type AuditEntry,
  type ChainTip,
  leafHash,
  nodeId,
  type QueuedAuditEntry,
  type Store,
  type StoredCheckpoint,
} from '@taskforce/core';
import { getItem, getItems } from './batch-get';
import type { TableContext } from './context';
import {
  AUDIT_LAST_SK,
  AUDIT_PREFIX,
  AUDIT_QUEUE_PREFIX,
  auditItem,
  auditKey,
  auditQueuePartition,
  chainHeadKey,
  chainPk,
  checkpointItem,
  checkpointKey,
  EVENTS_PREFIX,
  headItem,
  type Key,
  merkleNodeKey,
  queuedAuditKey,
} from './keys';
import { dueItems, queryPage } from './paging';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One strongly consistent Query of a chain's partition (the sequencer must see what the last round wrote). */
const consistentQuery = async <T>(t: TableContext, chainId: string, sort: string, values: Record<string, string>, limit: number) =>
  (
    (
      await t.doc.send(
        new QueryCommand({
          TableName: t.tableName,
          KeyConditionExpression: `pk = :p AND ${sort}`,
          ExpressionAttributeValues: { ':p': chainPk(chainId), ...values },
          ConsistentRead: true,
          Limit: limit,
        }),
      )
    ).Items ?? []
  ).map((i) => i.data as T);

type AuditPart =
  | 'listAudit'
  | 'listEvents'
  | 'chainTip'
  | 'queuedAudit'
  | 'sequenceRound'
  | 'auditEntriesAfter'
  | 'auditEntry'
  | 'merkleNodes'
  | 'checkpointAt'
  | 'chainsWithQueuedAudit';

export const auditQueries = (t: TableContext): Pick<Store, AuditPart> => ({
  listAudit: (chainId, q) => queryPage(t, { partition: chainPk(chainId), sort: { beginsWith: AUDIT_PREFIX } }, q),
  listEvents: (workspaceId, q) => queryPage(t, { partition: chainPk(workspaceId), sort: { beginsWith: EVENTS_PREFIX } }, q),

  async chainTip(chainId) {
    const item = await getItem(t, chainHeadKey(chainId));
    if (!item) return null;
    const tip: ChainTip = { chainId, seq: Number(item.seq), hash: String(item.hash) };
    if (Array.isArray(item.frontier)) tip.frontier = item.frontier as string[];
    if (item.checkpoint) tip.checkpoint = item.checkpoint as NonNullable<ChainTip['checkpoint']>;
    return tip;
  },

  queuedAudit: (chainId, limit) =>
    consistentQuery<QueuedAuditEntry>(t, chainId, 'begins_with(sk, :a)', { ':a': AUDIT_QUEUE_PREFIX }, limit),

  /**
   * One TransactWriteItems: the entries (new keys), the deletes of their queued items (still
   * there), the completed tree nodes, the checkpoint's history item and the head (unmoved).
   * Any failed condition or conflicting transaction means another sequencer won: nothing is written.
   */
  async sequenceRound(r) {
    const T = t.tableName;
    const items: TransactItem[] = [];
    for (const { entry, qid } of r.entries) {
      items.push({ Put: { TableName: T, Item: auditItem(entry), ConditionExpression: 'attribute_not_exists(pk)' } });
      items.push({ Delete: { TableName: T, Key: queuedAuditKey(r.chainId, qid), ConditionExpression: 'attribute_exists(pk)' } });
    }
    for (const n of r.nodes) {
      items.push({ Put: { TableName: T, Item: { ...merkleNodeKey(r.chainId, n.level, n.index), kind: 'merkle', hash: n.hash } } });
    }
    items.push({ Put: { TableName: T, Item: checkpointItem({ checkpoint: r.tip.checkpoint, frontier: r.tip.frontier }) } });
    items.push(
      r.expectedSeq === null
        ? { Put: { TableName: T, Item: headItem(r.tip), ConditionExpression: 'attribute_not_exists(pk)' } }
        : {
            Put: {
              TableName: T,
              Item: headItem(r.tip),
              ConditionExpression: 'seq = :seq',
              ExpressionAttributeValues: { ':seq': r.expectedSeq },
            },
          },
    );
    try {
      await t.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  },

  auditEntriesAfter: (chainId, afterSeq, limit) =>
    consistentQuery<AuditEntry>(
      t,
      chainId,
      'sk BETWEEN :a AND :b',
      { ':a': auditKey(chainId, afterSeq + 1).sk, ':b': AUDIT_LAST_SK },
      limit,
    ),

  auditEntry: async (chainId, seq) => ((await getItem(t, auditKey(chainId, seq)))?.data as AuditEntry | undefined) ?? null,

  /** One BatchGetItem: stored nodes, and the entries whose leaf hashes level 0 asks for. */
  async merkleNodes(chainId, nodes) {
    const keys: Key[] = nodes.map((n) => (n.level === 0 ? auditKey(chainId, n.index + 1) : merkleNodeKey(chainId, n.level, n.index)));
    const found = new Map<string, string>();
    for (const item of await getItems(t, keys)) {
      if (item.kind === 'audit') {
        const e = item.data as AuditEntry;
        found.set(nodeId({ level: 0, index: e.seq - 1 }), leafHash(e.hash));
      } else if (item.kind === 'merkle') {
        const [, level, index] = String(item.sk).split('#');
        found.set(nodeId({ level: Number(level), index: Number(index) }), String(item.hash));
      }
    }
    return found;
  },

  checkpointAt: async (chainId, treeSize) =>
    ((await getItem(t, checkpointKey(chainId, treeSize)))?.data as StoredCheckpoint | undefined) ?? null,

  async chainsWithQueuedAudit(shard, before, limit) {
    const chains = await dueItems(t, auditQueuePartition(shard), before, limit, (item) => (item.data as QueuedAuditEntry).chainId);
    return [...new Set(chains)];
  },
});
