import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from '@taskforce/dynamo';

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; accountId?: string; consumed?: number };

const key = (model: string, id: string) => ({ pk: `OIDC#${model}#${id}`, sk: 'OIDC' });
const uidKey = (uid: string) => ({ pk: `OIDCUID#${uid}`, sk: 'OIDC' });
const grantPartition = (grantId: string) => `OIDCGRANT#${grantId}`;
const accountPartition = (accountId: string) => `OIDCACCOUNT#${accountId}`;

/**
 * The provider's state (sessions, interactions, grants, codes, access and refresh tokens) in the
 * platform's table, so a restart keeps everyone signed in. Each item expires with its model
 * (`expiresAt`, the table's time-to-live; read past it, it counts as gone). Items of one grant
 * are found again through the lookup index (revoking a grant revokes its tokens), and items of one
 * account through the inbox index (signing out everywhere ends all of them).
 */
export const dynamoOidcAdapter = (doc: DynamoDBDocumentClient, tableName: string) => {
  // The provider reckons its expiries on the wall clock; so does its store.
  const seconds = () => Math.floor(Date.now() / 1000);
  const current = (item: Record<string, unknown> | undefined): item is Record<string, unknown> =>
    item !== undefined && (item.expiresAt === undefined || Number(item.expiresAt) > seconds());
  const live = (item: Record<string, unknown> | undefined): Payload | undefined => (current(item) ? (item.payload as Payload) : undefined);

  const deleteKeys = async (keys: { pk: string; sk: string }[]) => {
    for (let i = 0; i < keys.length; i += 25)
      await doc.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } }),
      );
  };
  const keysIn = async (index: 'lookup' | 'inbox', partition: string): Promise<{ pk: string; sk: string }[]> => {
    const spec = TABLE.indexes[index];
    const keys: { pk: string; sk: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: spec.name,
          KeyConditionExpression: `${spec.partitionKey} = :p`,
          ExpressionAttributeValues: { ':p': partition },
          ProjectionExpression: 'pk, sk',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      keys.push(...((out.Items ?? []) as { pk: string; sk: string }[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return keys;
  };

  class DynamoOidcAdapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const expiresAt = expiresIn ? seconds() + expiresIn : undefined;
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key(this.model, id),
            payload,
            ...(expiresAt ? { expiresAt } : {}),
            ...(payload.grantId ? { gsi1pk: grantPartition(payload.grantId), gsi1sk: `${this.model}#${id}` } : {}),
            ...(payload.accountId ? { gsi2pk: accountPartition(payload.accountId), gsi2sk: `${this.model}#${id}` } : {}),
          },
        }),
      );
      if (payload.uid)
        await doc.send(new PutCommand({ TableName: tableName, Item: { ...uidKey(payload.uid), id, ...(expiresAt ? { expiresAt } : {}) } }));
    }

    async find(id: string): Promise<Payload | undefined> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: key(this.model, id), ConsistentRead: true }));
      return live(out.Item);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: uidKey(uid), ConsistentRead: true }));
      return current(out.Item) ? this.find(String(out.Item.id)) : undefined;
    }

    /** Device flow is not enabled; nothing is stored by user code. */
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }

    async consume(id: string): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(this.model, id),
            UpdateExpression: 'SET #p.#c = :c',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#p': 'payload', '#c': 'consumed' },
            ExpressionAttributeValues: { ':c': seconds() },
          }),
        )
        .catch((err) => {
          // Consuming what is already gone is nothing to do.
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        });
    }

    async destroy(id: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: key(this.model, id) }));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await deleteKeys(await keysIn('lookup', grantPartition(grantId)));
    }
  }

  /** Ends every session, grant, code and token of one account (sign-out everywhere, a disabled user). */
  const revokeAccount = async (accountId: string): Promise<number> => {
    const keys = await keysIn('inbox', accountPartition(accountId));
    await deleteKeys(keys);
    return keys.length;
  };

  return { Adapter: DynamoOidcAdapter, revokeAccount };
};
