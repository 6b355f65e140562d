import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CreateRequestInput,
  completeUpload,
  createChannel,
  createRequest,
  type DomainEvent,
  DUE_SHARDS,
  editMessage,
  listChannels,
  listMessages,
  listPortalMessages,
  listRevisions,
  MIN_PART_BYTES,
  PostMessageInput,
  pageTag,
  partLinks,
  planNotifications,
  postMessage,
  postPortalMessage,
  redactMessage,
  revisionHash,
  type Side,
  StartUploadInput,
  startUpload,
  verifyEvidence,
} from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { assignTask, gbr, isNotFound, principal, taskforce, vnm, world } from '../world';

const tha = principal('tha-tcsd', 'THA');
const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');
const vnmAdmin = principal('vnm-a05', 'VNM', ['policy_admin']);
const POST: Side = { as: 'agency', action: 'thread.post' };
const READ: Side = { as: 'agency', action: 'thread.read' };
const REDACT: Side = { as: 'agency', action: 'message.redact' };
const body = (x: Record<string, unknown>) => PostMessageInput.parse(x);

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
    ['tha-tcsd', 'THA'],
    ['mekong-bank', 'THA', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm, [gbr, tha]);
  const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
  return { deps, ws, task, t: { workspaceId: ws.id, kind: 'task' as const, id: task.id } };
};

const events = async (deps: MemoryDeps): Promise<DomainEvent[]> => {
  const out: DomainEvent[] = [];
  for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await deps.alerts.unpublishedEvents(s, deps.clock.now(), 100)));
  return out;
};

describe('threads on the in-memory store', () => {
  it('every workspace has general; the lead opens more; members post, reply and read newest first', async () => {
    const { deps, ws, t } = await setUp();
    expect((await listChannels(deps, gbr, ws.id, { limit: 10 })).items.map((c) => c.name)).toEqual(['general']);
    await createChannel(deps, { principal: vnm }, ws.id, { name: 'Wallets' });
    await expect(createChannel(deps, { principal: gbr }, ws.id, { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listChannels(deps, gbr, ws.id, { limit: 10 })).items.map((c) => c.name)).toEqual(['general', 'Wallets']);

    const general = { workspaceId: ws.id, kind: 'channel' as const, id: 'general' };
    const hello = (await postMessage(deps, { principal: gbr }, POST, general, body({ text: 'hello' }))).result;
    expect(hello.marking).toMatchObject({ tlp: 'GREEN', originator: { orgId: 'gbr-nca', country: 'GBR' } });
    const first = (await postMessage(deps, { principal: vnm }, POST, t, body({ text: 'first' }))).result;
    deps.clock.advance(1000);
    const second = (await postMessage(deps, { principal: gbr }, POST, t, body({ text: 'second', replyTo: first.id }))).result;
    const page = await listMessages(deps, tha, READ, t, { limit: 1 });
    expect(page.items.map((m) => m.text)).toEqual(['second']);
    expect((await listMessages(deps, tha, READ, t, { limit: 5, cursor: page.next! })).items.map((m) => m.text)).toEqual(['first']);
    expect(second.replyTo).toBe(first.id);
    await expect(postMessage(deps, { principal: gbr }, POST, t, body({ text: 'x', replyTo: hello.id }))).rejects.toMatchObject({
      field: 'body.replyTo',
    });
  });

  it('a message narrows its thread marking, never widens it, and only those who may see it see it (and its tag)', async () => {
    const { deps, t } = await setUp();
    await expect(
      postMessage(deps, { principal: vnm }, POST, t, body({ text: 'x', marking: { tlp: 'CLEAR', releasableTo: 'members', caveats: [] } })),
    ).rejects.toMatchObject({ code: 'validation', field: 'body.marking.tlp' });
    await postMessage(deps, { principal: vnm }, POST, t, body({ text: 'for all' }));
    const before = pageTag(await listMessages(deps, tha, READ, t, { limit: 10 }));
    await postMessage(deps, { principal: vnm }, POST, t, body({ text: 'GBR only', marking: { tlp: 'AMBER', releasableTo: ['GBR'] } }));
    expect((await listMessages(deps, gbr, READ, t, { limit: 10 })).items.map((m) => m.text)).toEqual(['GBR only', 'for all']);
    const thai = await listMessages(deps, tha, READ, t, { limit: 10 });
    expect(thai.items.map((m) => m.text)).toEqual(['for all']);
    // The hidden message changes nothing of what Thailand sees: its tag stands.
    expect(pageTag(thai)).toBe(before);
  });

  it('refuses bidi controls, 10,000 mentions and mentions of outsiders; notifies only those named who may see the message', async () => {
    const { deps, t } = await setUp();
    expect(PostMessageInput.safeParse({ text: 'pay \u202Egnp.exe' }).error?.issues[0]?.path).toEqual(['text']);
    expect(PostMessageInput.safeParse({ text: 'x'.repeat(8001) }).success).toBe(false);
    expect(
      PostMessageInput.safeParse({ text: 'x', mentions: { orgs: Array.from({ length: 10_000 }, () => 'gbr-nca') } }).error?.issues[0]?.path,
    ).toEqual(['mentions', 'orgs']);
    await expect(
      postMessage(deps, { principal: vnm }, POST, t, body({ text: 'x', mentions: { orgs: ['gbr-nca', 'fra-ocl'] } })),
    ).rejects.toMatchObject({ field: 'body.mentions.orgs.1' });
    await events(deps).then((es) => Promise.all(es.map((e) => deps.alerts.markPublished(e, deps.clock.now()))));
    await postMessage(
      deps,
      { principal: vnm },
      POST,
      t,
      body({
        text: '@GBR @THA look',
        marking: { tlp: 'AMBER', releasableTo: ['GBR'] },
        mentions: { orgs: ['gbr-nca', 'tha-tcsd'], people: [{ sub: 'gbr-nca-user', orgId: 'gbr-nca' }] },
      }),
    );
    const mentioned = (await events(deps)).filter((e) => e.type === 'message.mentioned');
    expect(mentioned.map((e) => e.audience)).toEqual([['gbr-nca']]);
    const ctx = await deps.alerts.fanoutContext(mentioned);
    expect(planNotifications(mentioned[0]!, ctx, deps.clock.now()).notifications.map((n) => [n.recipient, n.data.people])).toEqual([
      ['gbr-nca', ['gbr-nca-user']],
    ]);
  });

  it('edits keep hash-linked revisions for those who may see the message; redaction removes text and revisions', async () => {
    const { deps, t } = await setUp();
    const m = (await postMessage(deps, { principal: gbr }, POST, t, body({ text: 'v1' }))).result;
    await expect(editMessage(deps, { principal: vnm }, POST, t, m.id, { text: 'no' }, 1)).rejects.toMatchObject({ code: 'forbidden' });
    await editMessage(deps, { principal: gbr }, POST, t, m.id, { text: 'v2' }, 1);
    await expect(editMessage(deps, { principal: gbr }, POST, t, m.id, { text: 'v3' }, 1)).rejects.toMatchObject({ code: 'stale_version' });
    const v3 = (await editMessage(deps, { principal: gbr }, POST, t, m.id, { text: 'v3' }, 2)).result;
    expect(v3).toMatchObject({ text: 'v3', revisions: 2, version: 3 });
    const revs = (await listRevisions(deps, tha, READ, t, m.id, { limit: 10 })).items;
    expect(revs.map((r) => r.text)).toEqual(['v1', 'v2']);
    expect(revs[0]!.prev).toBe('');
    expect(revs[1]!.prev).toBe(revs[0]!.hash);
    for (const r of revs) expect(revisionHash(r)).toBe(r.hash);
    expect(v3.revisionHead).toBe(revs[1]!.hash);

    await expect(redactMessage(deps, { principal: tha }, REDACT, t, m.id)).rejects.toMatchObject({ code: 'forbidden' });
    const gone = (await redactMessage(deps, { principal: gbr }, REDACT, t, m.id, 3)).result;
    expect(gone).toMatchObject({ text: '', redacted: { by: { orgId: 'gbr-nca' } } });
    expect((await listRevisions(deps, gbr, READ, t, m.id, { limit: 10 })).items).toEqual([]);
    for (const n of ['1', '2'])
      expect(
        await deps.store.get({ kind: 'messageRevision', workspaceId: t.workspaceId, threadKey: `task:${t.id}`, messageId: m.id, n }),
      ).toBeNull();
    // The originating country's policy administrator may redact too.
    const vm = (await postMessage(deps, { principal: vnm }, POST, t, body({ text: 'oops' }))).result;
    expect((await redactMessage(deps, { principal: vnmAdmin }, REDACT, t, vm.id)).result.redacted?.by.sub).toBe(vnmAdmin.sub);
  });

  it("a request's thread is its requesting agency's and its partner's: the lead and other members get a 404", async () => {
    const { deps, ws } = await setUp();
    const r = (
      await createRequest(
        deps,
        { principal: gbr },
        ws.id,
        CreateRequestInput.parse({
          providerOrgId: 'mekong-bank',
          type: 'subscriber_info',
          legalBasis: { code: 'BUDAPEST', text: 'Art. 18(1)(b)' },
          description: 'Holder of the account',
          selectors: [{ type: 'email', value: 'payee@example.com' }],
        }),
      )
    ).result;
    const rt = { workspaceId: ws.id, kind: 'request' as const, id: r.id };
    await postMessage(deps, { principal: gbr }, POST, rt, body({ text: 'Please add the IP logs', mentions: { orgs: ['mekong-bank'] } }));
    await postMessage(
      deps,
      { principal: gbr },
      POST,
      rt,
      body({ text: 'internal', marking: { tlp: 'AMBER', caveats: ['NO-PRIVATE-SECTOR'] } }),
    );
    for (const who of [vnm, tha]) await expect(listMessages(deps, who, READ, rt, { limit: 5 })).rejects.toSatisfy(isNotFound);
    const seen = await listPortalMessages(deps, bank, r.id, { limit: 10 });
    expect(seen.items.map((m) => [m.text, m.author, m.mentionsYou])).toEqual([
      ['Please add the IP logs', { side: 'agency', name: 'GBR-NCA', country: 'GBR' }, true],
    ]);
    expect(JSON.stringify(seen)).not.toContain(ws.id);
    await postPortalMessage(deps, { principal: bank }, r.id, body({ text: 'Which period?' }));
    expect((await listMessages(deps, gbr, READ, rt, { limit: 1 })).items[0]).toMatchObject({
      text: 'Which period?',
      author: { orgId: 'mekong-bank' },
    });
    expect((await listPortalMessages(deps, bank, r.id, { limit: 1 })).items[0]!.author).toEqual({ side: 'you' });
    const other = principal('delta-bank', 'THA', ['responder'], 'provider');
    await expect(listPortalMessages(deps, other, r.id, { limit: 5 })).rejects.toSatisfy(isNotFound);
  });

  it("attaches only whole, checked files of the thread's own record: another record's, one still arriving or an unknown id is a 400 naming it", async () => {
    const { deps, ws, task, t } = await setUp();
    const upload = async (parentId: string, finish: boolean) => {
      const where = { as: 'agency' as const, workspaceId: ws.id, parent: { kind: 'task' as const, id: parentId } };
      const bytes = new TextEncoder().encode(`call records of ${parentId}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const input = StartUploadInput.parse({ fileName: 'cdr.csv', size: bytes.length, mediaType: 'text/csv', partSize: MIN_PART_BYTES });
      const item = (await startUpload(deps, { principal: vnm }, where, input)).result.item;
      if (!finish) return item.id;
      const [link] = (await partLinks(deps, vnm, where, item.id, { parts: [{ partNumber: 1, size: bytes.length, sha256 }] })).links;
      expect((await deps.evidenceObjects.fetch(link!.url, { method: 'PUT', headers: link!.headers, body: bytes })).status).toBe(200);
      await completeUpload(deps, { principal: vnm }, where, item.id, { sha256 });
      await verifyEvidence(deps, { workspaceId: ws.id, parentKey: `task:${parentId}`, evidenceId: item.id });
      return item.id;
    };
    const stored = await upload(task.id, true);
    const arriving = await upload(task.id, false);
    const other = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const elsewhere = await upload(other.id, true);
    const posted = (await postMessage(deps, { principal: gbr }, POST, t, body({ text: 'the CDRs', attachments: [stored] }))).result;
    expect(posted.attachments).toEqual([stored]);
    for (const bad of [arriving, elsewhere, 'no-such-file'])
      await expect(postMessage(deps, { principal: gbr }, POST, t, body({ text: 'x', attachments: [stored, bad] }))).rejects.toMatchObject({
        code: 'validation',
        field: 'body.attachments.1',
      });
  });
});
