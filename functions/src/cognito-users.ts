import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { conflict, notFound, PlatformRole, type UserAdmin, type UserPage, type UserProfile } from '@taskforce/core';
import { providerOf } from '@taskforce/core/federation';

/** The group each organisation's users belong to (Cognito lists users by group, never by a custom attribute). */
const orgGroup = (orgId: string) => `org-${orgId}`;

const attr = (attrs: AttributeType[] | undefined, name: string) => attrs?.find((a) => a.Name === name)?.Value;
const roleList = (raw: string | undefined) => (raw ?? '').split(',').filter((r): r is PlatformRole => PlatformRole.safeParse(r).success);
const errorName = (err: unknown) => (err as { name?: string }).name;
const cursorOf = (token: string | undefined) => (token ? Buffer.from(token).toString('base64url') : undefined);
const tokenOf = (cursor: string | undefined) => (cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined);

/**
 * The users of the Cognito user pool through its admin API: the `UserAdmin` port on AWS.
 * - an organisation is a custom attribute (`custom:org`, what the tokens carry) and a group
 *   (`org-<id>`, what lists by organisation read); roles are `custom:roles`, comma-separated;
 * - create is AdminCreateUser with the address as user name (Cognito e-mails a temporary password;
 *   the pool requires TOTP, so the user enrols at first sign-in);
 * - disable is AdminDisableUser then AdminUserGlobalSignOut: refresh tokens are revoked at once and
 *   no new tokens are issued; an ID or access token already issued lives out its hour;
 * - MFA reset turns the TOTP preference off: the pool requires MFA, so the user sets it up again;
 * - a federated user (`identities` set) is shown with its provider as `source`; its organisation and
 *   roles in tokens are the pre-token trigger's (functions/src/pre-token.ts), from its provider's entry.
 * Users are listed in Cognito's order, not by e-mail (Cognito does not sort).
 */
export class CognitoUserAdmin implements UserAdmin {
  constructor(
    /** The pool's client (the console's sign-in reads its app client's secret with it). */
    readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  private profileOf(u: UserType, mfa: boolean): UserProfile {
    const attrs = u.Attributes;
    return {
      sub: attr(attrs, 'sub') ?? '',
      email: attr(attrs, 'email') ?? '',
      name: attr(attrs, 'name') ?? attr(attrs, 'email') ?? '',
      orgId: attr(attrs, 'custom:org') ?? '',
      roles: roleList(attr(attrs, 'custom:roles')),
      status: u.Enabled === false ? 'disabled' : 'active',
      mfa,
      source: providerOf(attr(attrs, 'identities')) ?? 'local',
      createdAt: (u.UserCreateDate ?? new Date(0)).toISOString(),
    };
  }

  /** The pool's user name of a subject (the address, or `<provider>_<id>` for a federated user). */
  private async userOf(sub: string): Promise<UserType | undefined> {
    if (!/^[0-9a-z-]{1,64}$/.test(sub)) return undefined;
    const out = await this.client.send(new ListUsersCommand({ UserPoolId: this.userPoolId, Filter: `sub = "${sub}"`, Limit: 1 }));
    return out.Users?.[0];
  }

  private async must(sub: string): Promise<string> {
    const u = await this.userOf(sub);
    if (!u?.Username) throw notFound('user');
    return u.Username;
  }

  async list(q: { orgId?: string; cursor?: string; limit?: number }): Promise<UserPage> {
    const limit = Math.min(60, Math.max(1, q.limit ?? 25));
    const token = tokenOf(q.cursor);
    let users: UserType[];
    let next: string | undefined;
    if (q.orgId) {
      try {
        const out = await this.client.send(
          new ListUsersInGroupCommand({
            UserPoolId: this.userPoolId,
            GroupName: orgGroup(q.orgId),
            Limit: limit,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        users = out.Users ?? [];
        next = out.NextToken;
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') return { items: [] };
        throw err;
      }
    } else {
      const out = await this.client.send(
        new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: limit, ...(token ? { PaginationToken: token } : {}) }),
      );
      users = out.Users ?? [];
      next = out.PaginationToken;
    }
    // Whether a second factor is enrolled is not in a list: each user is read (a page is at most 60).
    const items = await Promise.all(users.map(async (u) => this.profileOf(u, await this.mfaOf(u.Username!))));
    const cursor = cursorOf(next);
    return { items, ...(cursor ? { cursor } : {}) };
  }

  private async mfaOf(username: string): Promise<boolean> {
    const out = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    return (out.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  }

  async get(sub: string): Promise<UserProfile | undefined> {
    const u = await this.userOf(sub);
    return u?.Username ? this.profileOf(u, await this.mfaOf(u.Username)) : undefined;
  }

  async create(input: { email: string; name: string; orgId: string; roles: PlatformRole[] }): Promise<UserProfile> {
    const email = input.email.toLowerCase();
    let user: UserType | undefined;
    try {
      user = (
        await this.client.send(
          new AdminCreateUserCommand({
            UserPoolId: this.userPoolId,
            Username: email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: input.name },
              { Name: 'custom:org', Value: input.orgId },
              { Name: 'custom:roles', Value: input.roles.join(',') },
            ],
          }),
        )
      ).User;
    } catch (err) {
      if (errorName(err) === 'UsernameExistsException') throw conflict('a user with this e-mail address exists');
      throw err;
    }
    if (!user?.Username) throw new Error('Cognito created no user');
    try {
      await this.client.send(new CreateGroupCommand({ UserPoolId: this.userPoolId, GroupName: orgGroup(input.orgId) }));
    } catch (err) {
      if (errorName(err) !== 'GroupExistsException') throw err;
    }
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: user.Username, GroupName: orgGroup(input.orgId) }),
    );
    return this.profileOf(user, false);
  }

  async setRoles(sub: string, roles: PlatformRole[]): Promise<void> {
    const username = await this.must(sub);
    await this.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        UserAttributes: [{ Name: 'custom:roles', Value: roles.join(',') }],
      }),
    );
  }

  async setStatus(sub: string, status: UserProfile['status']): Promise<void> {
    const username = await this.must(sub);
    const who = { UserPoolId: this.userPoolId, Username: username };
    if (status === 'disabled') {
      await this.client.send(new AdminDisableUserCommand(who));
      await this.client.send(new AdminUserGlobalSignOutCommand(who));
    } else {
      await this.client.send(new AdminEnableUserCommand(who));
    }
  }

  /** Signs the user out everywhere (the console's "sign out"): their refresh tokens are revoked at once. */
  async signOutEverywhere(sub: string): Promise<void> {
    const u = await this.userOf(sub);
    if (u?.Username) await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: u.Username }));
  }

  async resetMfa(sub: string): Promise<void> {
    const username = await this.must(sub);
    await this.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
    // Sessions opened with the forgotten factor end too.
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }
}

/** The user pool's users through its admin API, with a client of the runtime's SDK (its credentials are the function's role). */
export const cognitoUsers = (userPoolId: string) => new CognitoUserAdmin(new CognitoIdentityProviderClient({}), userPoolId);
