import { beforeEach, describe, expect, it } from 'vitest';
import {
  CALENDAR_PATH,
  calendarFeedShifts,
  calendarFeedStatus,
  DomainError,
  FeedRateLimited,
  issueCalendarFeed,
  MemoryUserAdmin,
  type RosterDeps,
  revokeCalendarFeed,
  type UserProfile,
} from '../../src/index';
import { type MemoryDeps, memoryDeps, principal } from '../../testing';

const duty = principal('tha-ccib', 'THA', ['officer', 'duty_contact']);
const clerk = principal('tha-ccib', 'THA', ['officer']);
const profile: UserProfile = {
  sub: duty.sub,
  email: 'duty@ccib.example',
  name: 'Duty',
  orgId: 'tha-ccib',
  roles: ['officer', 'duty_contact'],
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-03-01T00:00:00.000Z',
};

let deps: MemoryDeps & RosterDeps;
let users: MemoryUserAdmin;
beforeEach(() => {
  users = new MemoryUserAdmin({ seed: [profile] });
  deps = { ...memoryDeps(), users };
});

const secretOf = (path: string) => path.slice(CALENDAR_PATH.length, -'.ics'.length);
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('the secret calendar address', () => {
  it('is shown once, stored only as its hash, and ends when rotated or revoked', async () => {
    expect(await calendarFeedStatus(deps, duty)).toEqual({ active: false, createdAt: null });
    const first = (await issueCalendarFeed(deps, duty)).result;
    expect(first.path).toMatch(/^\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await calendarFeedStatus(deps, duty)).toEqual({ active: true, createdAt: '2026-03-01T08:00:00.000Z' });
    const stored = await deps.store.get({ kind: 'calendarFeed', sub: duty.sub });
    expect(JSON.stringify(stored)).not.toContain(secretOf(first.path));
    expect(await calendarFeedShifts(deps, secretOf(first.path))).toEqual([]);

    const second = (await issueCalendarFeed(deps, duty)).result;
    expect(await code(calendarFeedShifts(deps, secretOf(first.path)))).toBe('not_found');
    expect(await code(calendarFeedShifts(deps, secretOf(second.path)))).toBe('ok');
    await revokeCalendarFeed(deps, duty);
    expect(await code(calendarFeedShifts(deps, secretOf(second.path)))).toBe('not_found');
    expect(await code(revokeCalendarFeed(deps, duty))).toBe('not_found');
  });

  it('treats malformed, unknown and orphaned secrets alike, and only duty contacts make one', async () => {
    expect(await code(calendarFeedShifts(deps, 'short'))).toBe('not_found');
    expect(await code(calendarFeedShifts(deps, 'A'.repeat(43)))).toBe('not_found');
    expect(await code(issueCalendarFeed(deps, clerk))).toBe('forbidden');
    const path = (await issueCalendarFeed(deps, duty)).result.path;
    await users.setRoles(duty.sub, ['officer']);
    expect(await code(calendarFeedShifts(deps, secretOf(path)))).toBe('not_found');
    await users.setRoles(duty.sub, ['officer', 'duty_contact']);
    await users.setStatus(duty.sub, 'disabled');
    expect(await code(calendarFeedShifts(deps, secretOf(path)))).toBe('not_found');
  });

  it('makes at most ten addresses an hour per person', async () => {
    for (let i = 0; i < 10; i++) {
      await issueCalendarFeed(deps, duty);
      deps.clock.advance(60_000);
    }
    const refused = await issueCalendarFeed(deps, duty).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FeedRateLimited);
    // The first of the ten was 10 minutes ago: it leaves the hour in 50 minutes.
    expect((refused as FeedRateLimited).retryAfterSeconds).toBe(50 * 60);
    deps.clock.advance(50 * 60_000);
    expect(await code(issueCalendarFeed(deps, duty))).toBe('ok');
  });
});
