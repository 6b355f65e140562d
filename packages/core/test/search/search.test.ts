import { describe, expect, it } from 'vitest';
import {
  CreateRequestInput,
  createRequest,
  createTask,
  DomainError,
  type Marking,
  type MarkingInput,
  type Message,
  queueEntry,
  removeMember,
  type SearchInput,
  searchRecords,
} from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { DAY, isNotFound, principal, taskforce, world } from '../world';

const vnm = principal('vnm-a05', 'VNM');
const usa = principal('usa-fbi', 'USA');
const tha = principal('tha-ccib', 'THA');
const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['usa-fbi', 'USA'],
    ['tha-ccib', 'THA'],
    ['mekong-bank', 'THA', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm, [usa, tha]);
  return { deps, ws };
};

const GREEN: MarkingInput = { tlp: 'GREEN', releasableTo: 'members', caveats: [] };
/** Releasable to Viet Nam only: the lead's, hidden from every other member. */
const VNM_ONLY: MarkingInput = { tlp: 'AMBER', releasableTo: ['VNM'], caveats: [] };

const task = async (deps: MemoryDeps, workspaceId: string, title: string, marking: MarkingInput = GREEN) => {
  const t = (
    await createTask(deps, { principal: vnm }, workspaceId, {
      title,
      description: '',
      assigneeOrgId: marking === VNM_ONLY ? 'vnm-a05' : 'usa-fbi',
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority: 'normal',
      marking,
    })
  ).result;
  deps.clock.advance(1000);
  return t;
};

let messages = 0;
/** A message put straight into the store, as the threads feature will write it. */
const message = async (deps: MemoryDeps, workspaceId: string, text: string, over: Partial<Message> = {}) => {
  const id = `msg-${String(++messages).padStart(6, '0')}`;
  const marking: Marking = { tlp: 'GREEN', releasableTo: 'members', caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };
  const value: Message = {
    workspaceId,
    thread: { kind: 'channel', id: 'general' },
    id,
    author: { sub: 'vnm-a05-user', orgId: 'vnm-a05' },
    text,
    marking,
    mentions: { orgs: [], people: [] },
    attachments: [],
    createdAt: deps.clock.now().toISOString(),
    version: 1,
    ...over,
  };
  const at = deps.clock.now().toISOString();
  await deps.store.commit({
    audit: queueEntry(
      workspaceId,
      `q-${id}`,
      at,
      { sub: 'vnm-a05-user', orgId: 'vnm-a05', country: 'VNM' },
      {
        action: 'test.change',
        target: { type: 'message', id },
        markings: [],
      },
    ),
    events: [],
    writes: [{ op: 'put', record: { kind: 'message', value }, expect: 'absent' }],
  });
  deps.clock.advance(1000);
  return value;
};

const find = (deps: MemoryDeps, p = usa, input: Partial<SearchInput> & { q: string }) => searchRecords(deps, p, { limit: 20, ...input });
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
const usaOnly: Marking = { tlp: 'AMBER', releasableTo: ['VNM'], caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };

describe('search over what the caller may see', () => {
  it('ignores case, accents and Vietnamese tones, and finds Thai without spaces', async () => {
    const { deps, ws } = await setUp();
    const vi = await message(deps, ws.id, 'Nghi phạm Nguyễn Văn An rút tiền ở Đà Nẵng');
    const th = await message(deps, ws.id, 'ผู้ต้องสงสัยถอนเงินที่กรุงเทพ');
    expect(ids(await find(deps, usa, { q: 'nguyen van an' }))).toEqual([vi.id]);
    expect(ids(await find(deps, usa, { q: 'DA NANG' }))).toEqual([vi.id]);
    expect(ids(await find(deps, usa, { q: 'Đà Nẵng' }))).toEqual([vi.id]);
    expect(ids(await find(deps, usa, { q: 'ถอนเงิน' }))).toEqual([th.id]);
    const hit = (await find(deps, usa, { q: 'nguyen van' })).items[0]!;
    expect(hit).toMatchObject({ kind: 'message', match: 'phrase', thread: { kind: 'channel', id: 'general' }, tlp: 'GREEN' });
    expect(hit.excerpt).toContain('Nguyễn Văn An');
  });

  it('ranks the phrase before all the words apart, then newest first', async () => {
    const { deps, ws } = await setUp();
    const words = await task(deps, ws.id, 'Wallet of the mule, trace it');
    const older = await task(deps, ws.id, 'Trace wallet on Tron');
    const newer = await message(deps, ws.id, 'please trace wallet 0xabc today');
    const r = await find(deps, usa, { q: 'trace wallet' });
    expect(ids(r)).toEqual([newer.id, older.id, words.id]);
    expect(r.items.map((i) => i.match)).toEqual(['phrase', 'phrase', 'words']);
    expect(r.counts).toEqual({ message: 1, task: 2, request: 0, incident: 0 });
    expect(ids(await find(deps, usa, { q: 'trace wallet', kinds: ['task'] }))).toEqual([older.id, words.id]);
  });

  it('finds a selector typed with spaces', async () => {
    const { deps, ws } = await setUp();
    const t = (
      await createTask(deps, { principal: vnm }, ws.id, {
        title: 'Call records',
        description: '',
        assigneeOrgId: 'usa-fbi',
        dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
        priority: 'normal',
        selectors: [{ type: 'phone', value: '+84912345678' }],
      })
    ).result;
    expect(ids(await find(deps, usa, { q: '+84 912 345 678' }))).toEqual([t.id]);
  });

  it('never shows, counts or pages by a record the caller may not see, whether or not it matches', async () => {
    // Two workspaces alike but for what the hidden records say: one set matches the query, the other does not.
    const run = async (hiddenText: string) => {
      messages = 0;
      const { deps, ws } = await setUp();
      for (let i = 0; i < 6; i++) {
        await message(deps, ws.id, `mule account ${i}`);
        await message(deps, ws.id, hiddenText, { marking: usaOnly });
        await task(deps, ws.id, `${hiddenText} task`, VNM_ONLY);
      }
      const pages: unknown[] = [];
      let cursor: string | undefined;
      do {
        const r = await find(deps, usa, { q: 'mule account', limit: 4, ...(cursor ? { cursor } : {}) });
        pages.push({ ids: ids(r), counts: r.counts, next: r.next });
        cursor = r.next;
      } while (cursor);
      const lead = await find(deps, vnm, { q: 'mule account' });
      return { pages, leadCount: lead.items.length };
    };
    const matching = await run('mule account of the informant');
    const other = await run('nothing alike here at all');
    expect(matching.pages).toEqual(other.pages);
    expect((matching.pages[0] as { counts: object }).counts).toEqual({ message: 6, task: 0, request: 0, incident: 0 });
    // The originator sees its own records: the hidden ones are real hits for it.
    expect(matching.leadCount).toBe(18);
  });

  it('never matches a redacted message', async () => {
    const { deps, ws } = await setUp();
    await message(deps, ws.id, 'burner phone details', {
      redacted: { by: { sub: 'vnm-a05-user', orgId: 'vnm-a05' }, at: deps.clock.now().toISOString() },
    });
    expect((await find(deps, usa, { q: 'burner phone' })).items).toEqual([]);
  });

  it("hides a message on a task the caller may not see, and a request's thread from all but the requesting agency", async () => {
    const { deps, ws } = await setUp();
    const hidden = await task(deps, ws.id, 'Covert task', VNM_ONLY);
    await message(deps, ws.id, 'informant meeting at noon', { thread: { kind: 'task', id: hidden.id } });
    expect((await find(deps, usa, { q: 'informant meeting' })).items).toEqual([]);
    expect(ids(await find(deps, vnm, { q: 'informant meeting' }))).toHaveLength(1);
    // A thread on a request nobody holds here: no hit for anyone.
    await message(deps, ws.id, 'bank answered partially', { thread: { kind: 'request', id: 'req-missing' } });
    expect((await find(deps, vnm, { q: 'bank answered' })).items).toEqual([]);
  });

  it("shows a request's thread to the requesting agency only, and finds a request by its selector", async () => {
    const { deps, ws } = await setUp();
    const input = CreateRequestInput.parse({
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Statements of the mule account',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    });
    const r = (await createRequest(deps, { principal: usa }, ws.id, input)).result;
    await message(deps, ws.id, 'the bank asked which branch', { thread: { kind: 'request', id: r.id } });
    expect(ids(await find(deps, usa, { q: 'which branch' }))).toHaveLength(1);
    expect((await find(deps, vnm, { q: 'which branch' })).items).toEqual([]);
    expect((await find(deps, tha, { q: 'which branch' })).counts.message).toBe(0);
    // The request itself is the workspace's: every member who may see it finds it, by words or by its IBAN typed another way.
    expect(ids(await find(deps, tha, { q: 'gb82west12345698765432' }))).toEqual([r.id]);
    expect((await find(deps, vnm, { q: 'mule account statements' })).items[0]).toMatchObject({ id: r.id, kind: 'request', match: 'words' });
  });

  it('refuses a private partner (a 404), finds nothing for a removed member, and 404s a workspace it is not in', async () => {
    const { deps, ws } = await setUp();
    await task(deps, ws.id, 'Freeze the mule account');
    await expect(find(deps, bank, { q: 'mule' })).rejects.toSatisfy(isNotFound);
    expect(ids(await find(deps, tha, { q: 'mule' }))).toHaveLength(1);
    await removeMember(deps, { principal: vnm }, ws.id, 'tha-ccib');
    expect((await find(deps, tha, { q: 'mule' })).items).toEqual([]);
    await expect(find(deps, tha, { q: 'mule', workspaceId: ws.id })).rejects.toSatisfy(isNotFound);
  });

  it('refuses a query with nothing searchable left, naming query.q', async () => {
    const { deps } = await setUp();
    const err = await find(deps, usa, { q: '\u200f\u202e ' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).field).toBe('query.q');
  });
});
