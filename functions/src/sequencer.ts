import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { sequenceChain } from '@taskforce/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { auditDeps, lambda, log, metrics } from './runtime';

const deps = auditDeps();

/**
 * The audit sequencer, on the table's stream (filtered to inserted queued audit entries): runs
 * each chain's sequencer once per batch, whatever number of its entries the batch holds. Should
 * a chain fail, the batch is retried from that chain's first record (partial batch response);
 * the sweep sequences anything still queued after a few seconds as a backstop.
 */
export const handler = lambda(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const first = new Map<string, string>();
  for (const r of event.Records) {
    const chainId = r.dynamodb?.NewImage?.data?.M?.chainId?.S;
    const id = r.dynamodb?.SequenceNumber;
    if (chainId && id && !first.has(chainId)) first.set(chainId, id);
  }
  const failures: { itemIdentifier: string }[] = [];
  let sequenced = 0;
  for (const [chainId, id] of first) {
    try {
      sequenced += (await sequenceChain(deps, chainId)).sequenced;
    } catch (err) {
      log.warn('sequencing failed; retried', { chainId, message: err instanceof Error ? err.message : String(err) });
      failures.push({ itemIdentifier: id });
    }
  }
  metrics.addMetric('AuditSequenced', MetricUnit.Count, sequenced);
  // The earliest failed record: Lambda retries the batch from there.
  failures.sort((a, b) => (BigInt(a.itemIdentifier) < BigInt(b.itemIdentifier) ? -1 : 1));
  return { batchItemFailures: failures.slice(0, 1) };
});
