import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  hashPassword,
  hashRecoveryCode,
  LOCKOUT,
  newRecoveryCodes,
  type PasswordCheck,
  type PlatformRole,
  type RecoveryCheck,
  type TotpEnrolment,
  type UserAdmin,
  type UserCredentials,
  type UserPage,
  type UserProfile,
  verifyPassword,
} from '@taskforce/core';
import { Secret, TOTP } from 'otpauth';
import { TABLE } from './table';

/** All users in the lookup index, sorted by organisation then e-mail. */
const USERS_LOOKUP = 'USERS';
const userKey = (sub: string) => ({ pk: `USER#${sub}`, sk: 'USER' });
const emailKey = (email: string) => ({ pk: `USEREMAIL#${email}`, sk: 'USEREMAIL' });
const normalEmail = (email: string) => email.trim().toLowerCase();

interface UserItem extends UserProfile {
  passwordHash?: string;
  /** The enrolled TOTP secret (base32), and the last time step a code was accepted for. */
  totpSecret?: string;
  totpLastStep?: number;
  /** The unused recovery codes, as hashes (`hashRecoveryCode`); the attribute is gone once the last is used. */
  recoveryCodes?: Set<string>;
  /** An administrator reset the second factor; cleared by the next enrolment. */
  mfaReset?: boolean;
  failedAttempts?: number;
  lockedUntil?: string;
}

/** RFC 6238 with the authenticator apps' defaults (SHA-1, 6 digits, 30 s): the time step `code` is valid for, ±1 step, or undefined. */
const totpStep = (secret: string, code: string, now: Date): number | undefined => {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 30_000) + delta;
};

const profile = (item: Record<string, unknown>): UserProfile => {
  const { sub, email, name, orgId, roles, status, mfa, source, createdAt } = item as unknown as UserItem;
  return { sub, email, name, orgId, roles, status, mfa, source, createdAt };
};

const encode = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);
const decode = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>;
    return key && key.gsi1pk === USERS_LOOKUP ? key : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The local OpenID Connect provider's directory of people, in the platform's table: one item per
 * user (its profile, its scrypt password hash, failed attempts and lockout, its TOTP secret and the
 * hashes of its unused recovery codes), and one per e-mail so
 * an address names one user. On AWS Cognito is the directory; both implement `UserAdmin`.
 */
export class DynamoUsers implements UserAdmin, UserCredentials {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async item(sub: string): Promise<UserItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: userKey(sub), ConsistentRead: true }));
    return out.Item as UserItem | undefined;
  }

  async list(q: { orgId?: string; cursor?: string; limit?: number }): Promise<UserPage> {
    const start = decode(q.cursor);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: TABLE.indexes.lookup.name,
        KeyConditionExpression: q.orgId ? 'gsi1pk = :p AND begins_with(gsi1sk, :s)' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': USERS_LOOKUP, ...(q.orgId ? { ':s': `${q.orgId}#` } : {}) },
        Limit: Math.min(Math.max(q.limit ?? 50, 1), 100),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const cursor = encode(out.LastEvaluatedKey);
    return { items: (out.Items ?? []).map(profile), ...(cursor ? { cursor } : {}) };
  }

  async get(sub: string): Promise<UserProfile | undefined> {
    const item = await this.item(sub);
    return item ? profile(item as unknown as Record<string, unknown>) : undefined;
  }

  async findByEmail(email: string): Promise<UserProfile | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: emailKey(normalEmail(email)) }));
    return out.Item ? this.get(String(out.Item.sub)) : undefined;
  }

  /** Creates a user; `sub` may be given (the demo's people keep the subjects they always had). */
  async create(input: { email: string; name: string; orgId: string; roles: PlatformRole[]; sub?: string }): Promise<UserProfile> {
    const email = normalEmail(input.email);
    const user: UserProfile = {
      sub: input.sub ?? randomUUID(),
      email,
      name: input.name,
      orgId: input.orgId,
      roles: input.roles,
      status: 'active',
      mfa: false,
      source: 'local',
      createdAt: this.now().toISOString(),
    };
    const write = this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...emailKey(email), sub: user.sub },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...userKey(user.sub), gsi1pk: USERS_LOOKUP, gsi1sk: `${user.orgId}#${email}`, ...user },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    try {
      await write;
    } catch (err) {
      // An address names one user: a second one is the caller's conflict, not a failure of ours.
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed'))
        throw new DomainError('conflict', 'a user with this e-mail address already exists', 'email');
      throw err;
    }
    return user;
  }

  private async update(sub: string, expression: string, values: Record<string, unknown>, names?: Record<string, string>) {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: userKey(sub),
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(pk)',
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        ...(names ? { ExpressionAttributeNames: names } : {}),
      }),
    );
  }

  setRoles(sub: string, roles: PlatformRole[]): Promise<void> {
    return this.update(sub, 'SET #roles = :r', { ':r': roles }, { '#roles': 'roles' });
  }

  setStatus(sub: string, status: UserProfile['status']): Promise<void> {
    return this.update(sub, 'SET #status = :s', { ':s': status }, { '#status': 'status' });
  }

  resetMfa(sub: string): Promise<void> {
    return this.update(sub, 'SET mfa = :f, mfaReset = :t REMOVE totpSecret, totpLastStep, recoveryCodes', { ':f': false, ':t': true });
  }

  async setPassword(sub: string, password: string): Promise<void> {
    await this.update(sub, 'SET passwordHash = :h REMOVE failedAttempts, lockedUntil', { ':h': await hashPassword(password) });
  }

  async setTotp(sub: string, secret: string): Promise<void> {
    await this.update(sub, 'SET mfa = :t, totpSecret = :s REMOVE totpLastStep, mfaReset', { ':t': true, ':s': secret });
  }

  async enrolTotp(sub: string, secret: string, code: string, now: Date): Promise<TotpEnrolment> {
    const item = await this.item(sub);
    if (item?.status !== 'active' || item.totpSecret) return { ok: false };
    if (item.lockedUntil && item.lockedUntil > now.toISOString()) return { ok: false };
    const step = totpStep(secret, code, now);
    if (step === undefined) return { ok: false };
    const recoveryCodes = newRecoveryCodes();
    try {
      // One write: the secret, its first code's step spent, and the recovery codes' hashes; only if
      // nothing was enrolled meanwhile (two enrolments racing leave one secret, the one whose codes were shown).
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: userKey(sub),
          UpdateExpression: 'SET mfa = :t, totpSecret = :s, totpLastStep = :step, recoveryCodes = :codes REMOVE mfaReset',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(totpSecret) AND #status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':t': true,
            ':s': secret,
            ':step': step,
            ':codes': new Set(recoveryCodes.map((c) => hashRecoveryCode(sub, c)!)),
            ':active': 'active',
          },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return { ok: false };
      throw err;
    }
    return { ok: true, user: { ...profile(item as unknown as Record<string, unknown>), mfa: true }, recoveryCodes };
  }

  async useRecoveryCode(sub: string, code: string, now: Date): Promise<RecoveryCheck> {
    const item = await this.item(sub);
    if (!item?.totpSecret || item.status !== 'active') return { ok: false };
    if (item.lockedUntil && item.lockedUntil > now.toISOString()) return { ok: false, lockedUntil: item.lockedUntil };
    const hash = hashRecoveryCode(sub, code);
    if (hash && item.recoveryCodes?.has(hash)) {
      // Spent on use: conditional, so two sign-ins racing with one code let one through.
      const out = await this.doc
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: userKey(sub),
            UpdateExpression: 'DELETE recoveryCodes :h REMOVE failedAttempts, lockedUntil',
            ConditionExpression: 'contains(recoveryCodes, :c)',
            ExpressionAttributeValues: { ':h': new Set([hash]), ':c': hash },
            ReturnValues: 'ALL_NEW',
          }),
        )
        .catch((err) => {
          if (err instanceof ConditionalCheckFailedException) return undefined;
          throw err;
        });
      if (out) {
        const left = out.Attributes?.recoveryCodes as Set<string> | undefined;
        return { ok: true, user: profile(item as unknown as Record<string, unknown>), remaining: left?.size ?? 0 };
      }
    }
    const failed = await this.fail(item, now);
    return failed.ok ? { ok: false } : failed;
  }

  async checkTotp(sub: string, code: string, now: Date): Promise<PasswordCheck> {
    const item = await this.item(sub);
    if (!item?.totpSecret || item.status !== 'active') return { ok: false };
    if (item.lockedUntil && item.lockedUntil > now.toISOString()) return { ok: false, lockedUntil: item.lockedUntil };
    const step = totpStep(item.totpSecret, code, now);
    if (step !== undefined && step > (item.totpLastStep ?? -1)) {
      // The step is spent: conditional, so two sign-ins racing with one code let one through.
      const spent = await this.doc
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: userKey(sub),
            UpdateExpression: 'SET totpLastStep = :s REMOVE failedAttempts, lockedUntil',
            ConditionExpression: 'attribute_not_exists(totpLastStep) OR totpLastStep < :s',
            ExpressionAttributeValues: { ':s': step },
          }),
        )
        .then(
          () => true,
          () => false,
        );
      if (spent) return { ok: true, user: profile(item as unknown as Record<string, unknown>) };
    }
    return this.fail(item, now);
  }

  async checkPassword(email: string, password: string, now: Date): Promise<PasswordCheck> {
    const found = await this.findByEmail(email);
    const item = found ? await this.item(found.sub) : undefined;
    if (!item?.passwordHash) {
      // The same work as a real check, so a wrong e-mail takes as long as a wrong password.
      await verifyPassword(password, 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      return { ok: false };
    }
    if (item.lockedUntil && item.lockedUntil > now.toISOString()) return { ok: false, lockedUntil: item.lockedUntil };
    if ((await verifyPassword(password, item.passwordHash)) && item.status === 'active') {
      if (item.failedAttempts) await this.update(item.sub, 'REMOVE failedAttempts, lockedUntil', {}).catch(() => {});
      return { ok: true, user: profile(item as unknown as Record<string, unknown>), ...(item.mfaReset ? { mfaReset: true } : {}) };
    }
    return this.fail(item, now);
  }

  /** Counts a failed password or code toward the lockout. */
  private async fail(item: UserItem, now: Date): Promise<PasswordCheck> {
    const failed = (item.lockedUntil ? 0 : (item.failedAttempts ?? 0)) + 1;
    if (failed >= LOCKOUT.attempts) {
      const lockedUntil = new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString();
      await this.update(item.sub, 'SET lockedUntil = :l REMOVE failedAttempts', { ':l': lockedUntil });
      return { ok: false, lockedUntil };
    }
    await this.update(item.sub, 'SET failedAttempts = :n REMOVE lockedUntil', { ':n': failed });
    return { ok: false };
  }
}
