import { conflict, notFound } from '../kernel/errors';
import type { PlatformRole } from '../kernel/principal';
import type { UserAdmin, UserPage, UserProfile } from './ports';

/** Users listed per page when the caller names no limit. */
const DEFAULT_LIMIT = 25;

const byEmail = (a: UserProfile, b: UserProfile) => a.email.localeCompare(b.email) || a.sub.localeCompare(b.sub);
const position = (u: Pick<UserProfile, 'email' | 'sub'>) => Buffer.from(JSON.stringify([u.email, u.sub])).toString('base64url');
const afterPosition = (cursor: string): [string, string] | undefined => {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && v.every((s) => typeof s === 'string') ? (v as [string, string]) : undefined;
  } catch {
    return undefined;
  }
};

export interface MemoryUserAdminOptions {
  now?: () => Date;
  /** Subjects of created users (default `user-<n>`). */
  newSub?: () => string;
  /** Users there from the start (e.g. a test runtime's personas). */
  seed?: UserProfile[];
}

/**
 * The user directory in memory: for unit tests and for a runtime without a directory of its own.
 * Held to the same contract (packages/core/testing/users-contract.ts) as the local provider's and Cognito's.
 */
export class MemoryUserAdmin implements UserAdmin {
  private readonly users = new Map<string, UserProfile>();
  /** Each user's live sessions, ended by a disable (what a directory's global sign-out does). */
  readonly sessionsEnded: string[] = [];
  private n = 0;

  constructor(private readonly opts: MemoryUserAdminOptions = {}) {
    for (const u of opts.seed ?? []) this.users.set(u.sub, structuredClone(u));
  }

  async list(q: { orgId?: string; cursor?: string; limit?: number }): Promise<UserPage> {
    const limit = Math.max(1, q.limit ?? DEFAULT_LIMIT);
    const after = q.cursor ? afterPosition(q.cursor) : undefined;
    const all = [...this.users.values()]
      .filter((u) => !q.orgId || u.orgId === q.orgId)
      .sort(byEmail)
      .filter((u) => !after || byEmail(u, { email: after[0], sub: after[1] } as UserProfile) > 0);
    const items = all.slice(0, limit).map((u) => structuredClone(u));
    return { items, ...(all.length > limit ? { cursor: position(items[items.length - 1]!) } : {}) };
  }

  async get(sub: string): Promise<UserProfile | undefined> {
    const u = this.users.get(sub);
    return u && structuredClone(u);
  }

  async create(input: { email: string; name: string; orgId: string; roles: PlatformRole[] }): Promise<UserProfile> {
    const email = input.email.toLowerCase();
    if ([...this.users.values()].some((u) => u.email === email)) throw conflict('a user with this e-mail address exists');
    const sub = this.opts.newSub?.() ?? `user-${++this.n}`;
    const user: UserProfile = {
      sub,
      email,
      name: input.name,
      orgId: input.orgId,
      roles: [...input.roles],
      status: 'active',
      mfa: false,
      source: 'local',
      createdAt: (this.opts.now?.() ?? new Date()).toISOString(),
    };
    this.users.set(sub, user);
    return structuredClone(user);
  }

  private must(sub: string): UserProfile {
    const u = this.users.get(sub);
    if (!u) throw notFound('user');
    return u;
  }

  async setRoles(sub: string, roles: PlatformRole[]): Promise<void> {
    this.must(sub).roles = [...roles];
  }

  async setStatus(sub: string, status: UserProfile['status']): Promise<void> {
    const u = this.must(sub);
    u.status = status;
    if (status === 'disabled') this.sessionsEnded.push(sub);
  }

  async resetMfa(sub: string): Promise<void> {
    this.must(sub).mfa = false;
  }
}
