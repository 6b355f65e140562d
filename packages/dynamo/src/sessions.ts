import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from './table';

/** What the console's backend keeps per browser session (see packages/api/src/session). */
interface SessionShape {
  sub: string;
  endsAt: string;
}

const hashed = (id: string) => createHash('sha256').update(id).digest('base64url');
const sessionKey = (id: string) => ({ pk: `SESSION#${hashed(id)}`, sk: 'SESSION' });
const loginKey = (id: string) => ({ pk: `SIGNIN#${hashed(id)}`, sk: 'SIGNIN' });
const userSessions = (sub: string) => `SESSIONS#${sub}`;

/**
 * Browser sessions in the platform's table, keyed by the hash of the cookie's value (a read of the
 * table does not hand out cookies), found per user through the inbox index (sign-out everywhere),
 * and dropped by the table's time-to-live when they end.
 */
export class DynamoSessions<S extends SessionShape = SessionShape, L = unknown> {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putLogin(id: string, login: L, ttlSeconds: number): Promise<void> {
    const expiresAt = Math.floor(Date.now() / 1000) + ttlSeconds;
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...loginKey(id), login, expiresAt } }));
  }

  async takeLogin(id: string): Promise<L | undefined> {
    const out = await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: loginKey(id), ReturnValues: 'ALL_OLD' }));
    const item = out.Attributes;
    return item && Number(item.expiresAt) > Date.now() / 1000 ? (item.login as L) : undefined;
  }

  async put(id: string, session: S): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...sessionKey(id),
          session,
          gsi2pk: userSessions(session.sub),
          gsi2sk: hashed(id),
          expiresAt: Math.floor(new Date(session.endsAt).getTime() / 1000) + 3600,
        },
      }),
    );
  }

  async get(id: string): Promise<S | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: sessionKey(id), ConsistentRead: true }));
    return out.Item?.session as S | undefined;
  }

  async delete(id: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: sessionKey(id) }));
  }

  async deleteAllOf(sub: string): Promise<number> {
    const index = TABLE.indexes.inbox;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :p`,
        ExpressionAttributeValues: { ':p': userSessions(sub) },
        ProjectionExpression: 'pk, sk',
      }),
    );
    const keys = (out.Items ?? []) as { pk: string; sk: string }[];
    for (let i = 0; i < keys.length; i += 25)
      await this.doc.send(
        new BatchWriteCommand({ RequestItems: { [this.tableName]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } }),
      );
    return keys.length;
  }
}
