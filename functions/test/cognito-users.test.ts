/**
 * The Cognito implementation of the UserAdmin port, held to the same contract as every other,
 * against a user pool kept in memory behind aws-sdk-client-mock (what Cognito's admin API
 * answers, as far as the adapter uses it), and what it asks of Cognito on a disable and a reset.
 */
import { randomUUID } from 'node:crypto';
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
import { userAdminContract } from '@taskforce/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { CognitoUserAdmin } from '../src/cognito-users';

const POOL = 'ap-southeast-1_Example';
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

/** A user pool in memory, answering the admin commands the adapter sends. */
const fakePool = () => {
  const mock = mockClient(CognitoIdentityProviderClient);
  const users = new Map<string, UserType & { mfa: boolean }>();
  const groups = new Map<string, string[]>();
  const signedOut: string[] = [];
  const must = (username: string | undefined) => {
    const u = users.get(username ?? '');
    if (!u) throw named('UserNotFoundException');
    return u;
  };
  const page = (all: UserType[], limit = 60, token?: string) => {
    const from = token ? Number(token) : 0;
    const next = from + limit < all.length ? String(from + limit) : undefined;
    return { Users: all.slice(from, from + limit), next };
  };
  mock.on(AdminCreateUserCommand).callsFake((i) => {
    expect(i.UserPoolId).toBe(POOL);
    if (users.has(i.Username)) throw named('UsernameExistsException');
    const u = {
      Username: i.Username,
      Attributes: [{ Name: 'sub', Value: randomUUID() }, ...(i.UserAttributes ?? [])],
      Enabled: true,
      UserStatus: 'FORCE_CHANGE_PASSWORD' as const,
      UserCreateDate: new Date(),
      mfa: false,
    };
    users.set(i.Username, u);
    return { User: u };
  });
  mock.on(CreateGroupCommand).callsFake((i) => {
    if (groups.has(i.GroupName)) throw named('GroupExistsException');
    groups.set(i.GroupName, []);
    return {};
  });
  mock.on(AdminAddUserToGroupCommand).callsFake((i) => {
    must(i.Username);
    const g = groups.get(i.GroupName);
    if (!g) throw named('ResourceNotFoundException');
    g.push(i.Username);
    return {};
  });
  mock.on(ListUsersCommand).callsFake((i) => {
    const bySub = /^sub = "(.*)"$/.exec(i.Filter ?? '');
    const all = [...users.values()].filter((u) => !bySub || u.Attributes?.some((a) => a.Name === 'sub' && a.Value === bySub[1]));
    const { Users, next } = page(all, i.Limit, i.PaginationToken);
    return { Users, ...(next ? { PaginationToken: next } : {}) };
  });
  mock.on(ListUsersInGroupCommand).callsFake((i) => {
    const g = groups.get(i.GroupName);
    if (!g) throw named('ResourceNotFoundException');
    const { Users, next } = page(
      g.map((n) => users.get(n)!),
      i.Limit,
      i.NextToken,
    );
    return { Users, ...(next ? { NextToken: next } : {}) };
  });
  mock.on(AdminGetUserCommand).callsFake((i) => {
    const u = must(i.Username);
    return {
      Username: u.Username,
      UserAttributes: u.Attributes,
      Enabled: u.Enabled,
      UserMFASettingList: u.mfa ? ['SOFTWARE_TOKEN_MFA'] : [],
    };
  });
  mock.on(AdminUpdateUserAttributesCommand).callsFake((i) => {
    const u = must(i.Username);
    for (const a of i.UserAttributes as AttributeType[]) u.Attributes = [...(u.Attributes ?? []).filter((x) => x.Name !== a.Name), a];
    return {};
  });
  mock.on(AdminDisableUserCommand).callsFake((i) => {
    must(i.Username).Enabled = false;
    return {};
  });
  mock.on(AdminEnableUserCommand).callsFake((i) => {
    must(i.Username).Enabled = true;
    return {};
  });
  mock.on(AdminUserGlobalSignOutCommand).callsFake((i) => {
    must(i.Username);
    signedOut.push(i.Username);
    return {};
  });
  mock.on(AdminSetUserMFAPreferenceCommand).callsFake((i) => {
    if (i.SoftwareTokenMfaSettings?.Enabled === false) must(i.Username).mfa = false;
    return {};
  });
  return { mock, users, signedOut, admin: new CognitoUserAdmin(new CognitoIdentityProviderClient({ region: 'ap-southeast-1' }), POOL) };
};

const shared = fakePool();
userAdminContract('Cognito (admin API, mocked)', () => shared.admin);

describe('the Cognito directory', () => {
  it('puts a new user in their organisation group, with the organisation and roles the tokens carry', async () => {
    const { admin, users } = fakePool();
    const u = await admin.create({ email: 'An@Police.vn', name: 'An', orgId: 'vnm-a05', roles: ['officer', 'duty_contact'] });
    const stored = users.get('an@police.vn')!;
    expect(stored.Attributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:org', Value: 'vnm-a05' },
        { Name: 'custom:roles', Value: 'officer,duty_contact' },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    expect((await admin.list({ orgId: 'vnm-a05' })).items.map((x) => x.sub)).toEqual([u.sub]);
    expect((await admin.list({ orgId: 'gbr-nca' })).items).toEqual([]);
  });

  it('signs a disabled user out everywhere (refresh tokens revoked), and a user whose MFA was reset too', async () => {
    const { admin, mock, signedOut } = fakePool();
    const u = await admin.create({ email: 'leaver@police.vn', name: 'Leaver', orgId: 'vnm-a05', roles: ['officer'] });
    await admin.setStatus(u.sub, 'disabled');
    const sent = mock.calls().map((c) => c.args[0].constructor.name);
    expect(sent.indexOf('AdminDisableUserCommand')).toBeLessThan(sent.indexOf('AdminUserGlobalSignOutCommand'));
    expect(signedOut).toEqual(['leaver@police.vn']);
    await admin.resetMfa(u.sub);
    expect(signedOut).toEqual(['leaver@police.vn', 'leaver@police.vn']);
  });

  it('names the provider of a federated user, and finds nobody under a malformed subject without asking Cognito', async () => {
    const { admin, users, mock } = fakePool();
    users.set('VNM-A05_abc', {
      Username: 'VNM-A05_abc',
      Attributes: [
        { Name: 'sub', Value: 'f0f0f0f0-0000-4000-8000-000000000001' },
        { Name: 'email', Value: 'fed@a05.example.vn' },
        { Name: 'identities', Value: JSON.stringify([{ providerName: 'VNM-A05', providerType: 'OIDC' }]) },
      ],
      Enabled: true,
      UserCreateDate: new Date(),
      mfa: false,
    });
    expect((await admin.get('f0f0f0f0-0000-4000-8000-000000000001'))?.source).toBe('VNM-A05');
    mock.resetHistory();
    expect(await admin.get('x" or sub ^= "')).toBeUndefined();
    expect(mock.calls()).toHaveLength(0);
  });
});
