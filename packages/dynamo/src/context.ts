import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every feature module works over: the document client and the one table's name. */
export interface TableContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

export type Item = Record<string, unknown>;

/** Awaits a conditional write: its output, or null when its condition did not hold. */
export const ifConditionHolds = <T>(write: Promise<T>): Promise<T | null> =>
  write.catch((err) => {
    if (err instanceof ConditionalCheckFailedException) return null;
    throw err;
  });

/** What both store facades share: the table's name, and their port's parts composed over it. */
export abstract class TableFacade<Parts> {
  protected readonly parts: Parts;

  constructor(
    doc: DynamoDBDocumentClient,
    readonly tableName: string,
    compose: (t: TableContext) => Parts,
  ) {
    this.parts = compose({ doc, tableName });
  }
}
