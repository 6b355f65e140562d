import { describe, expect, it } from 'vitest';
import {
  DomainError,
  getWorkspace,
  invite,
  listInvitations,
  listMyInvitations,
  listMyWorkspaces,
  removeMember,
  respondToInvitation,
} from '../../src/index';
import { agencies, gbr, isNotFound, taskforce, vnm } from '../world';

const setUp = async () => {
  const deps = await agencies(vnm, gbr);
  return { deps, ws: await taskforce(deps, vnm) };
};

describe('workspace membership on the in-memory store', () => {
  it('invites an agency, which sees its invitation but not the workspace until it accepts', async () => {
    const { deps, ws } = await setUp();
    await invite(deps, { principal: vnm }, ws.id, { orgId: 'gbr-nca', role: 'member' });
    expect((await listMyInvitations(deps, gbr, { limit: 10 })).items.map((i) => [i.workspaceId, i.status])).toEqual([[ws.id, 'pending']]);
    await expect(getWorkspace(deps, gbr, ws.id)).rejects.toSatisfy(isNotFound);

    await respondToInvitation(deps, { principal: gbr }, ws.id, 'gbr-nca', 'accepted');
    expect((await getWorkspace(deps, gbr, ws.id)).members.map((m) => [m.orgId, m.role])).toEqual([
      ['vnm-a05', 'lead'],
      ['gbr-nca', 'member'],
    ]);
    expect((await listMyWorkspaces(deps, gbr, { limit: 10 })).items.map((m) => m.workspaceId)).toEqual([ws.id]);
    expect((await listMyInvitations(deps, gbr, { limit: 10 })).items).toEqual([]);
    expect((await listInvitations(deps, vnm, ws.id, { limit: 10 })).items.map((i) => i.status)).toEqual(['accepted']);
  });

  it('refuses a second invitation of the same organisation while one is pending', async () => {
    const { deps, ws } = await setUp();
    await invite(deps, { principal: vnm }, ws.id, { orgId: 'gbr-nca', role: 'member' });
    await expect(invite(deps, { principal: vnm }, ws.id, { orgId: 'gbr-nca', role: 'observer' })).rejects.toBeInstanceOf(DomainError);
  });

  it('removes a member, which then learns nothing more of the workspace', async () => {
    const { deps, ws } = await setUp();
    await invite(deps, { principal: vnm }, ws.id, { orgId: 'gbr-nca', role: 'member' });
    await respondToInvitation(deps, { principal: gbr }, ws.id, 'gbr-nca', 'accepted');
    await removeMember(deps, { principal: vnm }, ws.id, 'gbr-nca');
    await expect(getWorkspace(deps, gbr, ws.id)).rejects.toSatisfy(isNotFound);
    expect((await listMyWorkspaces(deps, gbr, { limit: 10 })).items).toEqual([]);
    expect((await getWorkspace(deps, vnm, ws.id)).members.map((m) => m.orgId)).toEqual(['vnm-a05']);
  });

  it('lets only the lead remove members', async () => {
    const { deps, ws } = await setUp();
    await invite(deps, { principal: vnm }, ws.id, { orgId: 'gbr-nca', role: 'member' });
    await respondToInvitation(deps, { principal: gbr }, ws.id, 'gbr-nca', 'accepted');
    await expect(removeMember(deps, { principal: gbr }, ws.id, 'vnm-a05')).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'forbidden',
    );
  });
});
