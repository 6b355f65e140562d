import { describe, expect, it } from 'vitest';
import {
  AnswerTakedownInput,
  AnswerTargetsInput,
  acknowledgeRequest,
  answerTakedownItems,
  answerTargets,
  CHUNK_SIZE,
  CreateRequestInput,
  CreateTakedownInput,
  chunkOf,
  clockRuleFor,
  createTakedown,
  DomainError,
  getTakedownProgress,
  intakeFromList,
  intakeFromText,
  listPartnerTakedownItems,
  listTakedownItems,
  MAX_TAKEDOWN_ITEMS,
  takedownOutcome,
} from '../../src/index';
import { isNotFound, principal, taskforce, vnm, world } from '../world';

const chatwave = principal('chatwave', 'SGP', ['responder'], 'provider');

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.field : 'not a domain error';
  }
  return undefined;
};

describe('reading takedown items from pasted or CSV text', () => {
  it('takes kind,service,value[,note] lines with a header, quotes, tabs, comments and bare URLs', () => {
    const text = [
      '\uFEFFkind,service,value,note',
      '# from the job-ad sweep',
      'account,chatwave,@recruiter_1,"runs ""the"" ads, daily"',
      'group\tchatwave\t-100188\t',
      'https://chatwave.example/p/123',
      '',
      'page;fbook;Easy Jobs Cambodia',
    ].join('\r\n');
    const intake = intakeFromText(text);
    expect(intake.items).toEqual([
      { kind: 'account', service: 'chatwave', value: '@recruiter_1', note: 'runs "the" ads, daily' },
      { kind: 'group', service: 'chatwave', value: '-100188' },
      { kind: 'url', service: 'chatwave.example', value: 'https://chatwave.example/p/123' },
      { kind: 'page', service: 'fbook', value: 'Easy Jobs Cambodia' },
    ]);
    expect(intake).toMatchObject({ received: 4, duplicates: 0 });
  });

  it('names the line and the field of the first malformed line', () => {
    expect(fieldOf(() => intakeFromText('account,chatwave,@a\nprofile,chatwave,@b'))).toBe('csv[line 2].kind');
    expect(fieldOf(() => intakeFromText('url,web,ftp://x.example/a'))).toBe('csv[line 1].value');
    expect(fieldOf(() => intakeFromText('account,chatwave'))).toBe('csv[line 1]');
    expect(fieldOf(() => intakeFromText('account,"chatwave,@a'))).toBe('csv[line 1]');
    expect(fieldOf(() => intakeFromText(`account,,@a`))).toBe('csv[line 1].service');
    expect(fieldOf(() => intakeFromText('\n# nothing\n'))).toBe('csv');
    const tooMany = Array.from({ length: MAX_TAKEDOWN_ITEMS + 1 }, (_, i) => `account,chatwave,@u${i}`).join('\n');
    expect(fieldOf(() => intakeFromText(tooMany))).toBe(`csv[line ${MAX_TAKEDOWN_ITEMS + 1}]`);
  });

  it('collapses duplicates into the first and says where each was', () => {
    const intake = intakeFromList([
      { kind: 'account', service: 'ChatWave', value: '@Recruiter' },
      { kind: 'account', service: 'chatwave', value: 'recruiter' },
      { kind: 'url', service: 'web', value: 'https://EXAMPLE.com/Jobs' },
      { kind: 'url', service: 'web', value: 'https://example.com/Jobs' },
      // The path of a URL keeps its case; a group is not an account.
      { kind: 'url', service: 'web', value: 'https://example.com/jobs' },
      { kind: 'group', service: 'chatwave', value: 'recruiter' },
    ]);
    expect(intake.items).toHaveLength(4);
    expect(intake).toMatchObject({
      received: 6,
      duplicates: 2,
      duplicateOf: [
        { at: 'items[1]', sameAs: 1 },
        { at: 'items[3]', sameAs: 2 },
      ],
    });
  });
});

describe('takedown rules', () => {
  it('reaches fulfilled, partially fulfilled or cannot comply from the counts', () => {
    const c = { pending: 0, removed: 0, restricted: 0, not_found: 0, refused: 0 };
    expect(takedownOutcome({ ...c, removed: 3, restricted: 1 })).toBe('fulfilled');
    expect(takedownOutcome({ ...c, removed: 3, refused: 1 })).toBe('partially_fulfilled');
    expect(takedownOutcome({ ...c, restricted: 1, not_found: 9 })).toBe('partially_fulfilled');
    expect(takedownOutcome({ ...c, not_found: 2, refused: 1 })).toBe('cannot_comply');
  });

  it('takes its clock from the one table: TCO 1 hour even when urgent, DSA 72 hours, national 24 hours or 8 if urgent', () => {
    const rule = (code: string, urgency = 'standard') =>
      clockRuleFor({ type: 'takedown', urgency, legalBasis: { code, text: 'x' } } as Parameters<typeof clockRuleFor>[0]);
    expect([rule('EU-TCO').period, rule('EU-TCO', 'emergency').period]).toEqual(['PT1H', 'PT1H']);
    expect(rule('EU-DSA').period).toBe('PT72H');
    expect(rule('NATIONAL').period).toBe('PT24H');
    expect(rule('NATIONAL', 'emergency').id).toBe('emergency');
  });

  it('keeps takedowns and their legal bases out of the generic request', () => {
    const base = {
      providerOrgId: 'chatwave',
      legalBasis: { code: 'BUDAPEST', text: 'x' },
      description: 'd',
      selectors: [{ type: 'email', value: 'a@b.example' }],
    };
    expect(CreateRequestInput.safeParse({ ...base, type: 'takedown' }).error?.issues[0]?.path).toEqual(['type']);
    expect(
      CreateRequestInput.safeParse({ ...base, type: 'production', legalBasis: { code: 'EU-TCO', text: 'x' } }).error?.issues[0]?.path,
    ).toEqual(['legalBasis', 'code']);
  });

  it('puts item n in chunk ⌊(n − 1) / CHUNK_SIZE⌋', () => {
    expect([chunkOf(1), chunkOf(CHUNK_SIZE), chunkOf(CHUNK_SIZE + 1), chunkOf(MAX_TAKEDOWN_ITEMS)]).toEqual([0, 0, 1, 62]);
  });
});

describe('takedowns on the in-memory store (one transaction of at most 100 items, as DynamoDB)', () => {
  const setUp = async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['chatwave', 'SGP', 'tech'],
    ]);
    const ws = await taskforce(deps, vnm);
    return { deps, ws };
  };
  const items = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ kind: 'url', service: 'web', value: `https://jobs.example/ad/${i + 1}` }));

  it('creates 5,000 items in one commit and answers 500 of them, spread over every chunk, in another', async () => {
    const { deps, ws } = await setUp();
    const created = await createTakedown(
      deps,
      { principal: vnm },
      ws.id,
      CreateTakedownInput.parse({
        providerOrgId: 'chatwave',
        legalBasis: { code: 'EU-DSA', text: 'Order under art. 9' },
        description: 'Job-ad pages of the compound',
        items: items(MAX_TAKEDOWN_ITEMS),
      }),
    );
    const id = created.result.request.id;
    expect(created.result.request.takedown).toMatchObject({ total: 5000, chunks: 63 });
    await acknowledgeRequest(deps, { principal: chatwave }, id);
    // Every tenth item: 500 answers touching all 63 chunks.
    const answers = Array.from({ length: 500 }, (_, i) => ({ n: i * 10 + 1, status: 'removed' }));
    const out = await answerTakedownItems(deps, { principal: chatwave }, id, AnswerTakedownInput.parse({ answers }));
    expect(out.result).toMatchObject({ changed: 500, progress: { answered: 500, counts: { pending: 4500, removed: 500 } } });
    expect(await getTakedownProgress(deps, vnm, ws.id, id)).toMatchObject({ answered: 500 });
    const removed = await listTakedownItems(deps, vnm, ws.id, id, { status: 'removed', limit: 100 });
    expect(removed.items.map((i) => i.n).slice(0, 3)).toEqual([1, 11, 21]);
    expect(removed.next).toBeDefined();
    // A cursor that is not a number the core can read is refused by the route; the partner pages the same way.
    const page = await listPartnerTakedownItems(deps, chatwave, id, { limit: 2, cursor: '4998' });
    expect(page.items.map((i) => i.n)).toEqual([4999, 5000]);
    expect(page.next).toBeUndefined();
  });

  /** Viet Nam raises a three-item takedown to chatwave. */
  const raiseToChatwave = async (deps: Awaited<ReturnType<typeof world>>) => {
    const ws = await taskforce(deps, vnm);
    const input = CreateTakedownInput.parse({
      providerOrgId: 'chatwave',
      legalBasis: { code: 'NATIONAL', text: 'x' },
      description: 'd',
      items: items(3),
    });
    return { ws, id: (await createTakedown(deps, { principal: vnm }, ws.id, input)).result.request.id };
  };

  it('refuses a provider outside tech and telecom, naming providerOrgId', async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['mekong-bank', 'THA', 'bank'],
    ]);
    const ws = await taskforce(deps, vnm);
    const input = CreateTakedownInput.parse({
      providerOrgId: 'mekong-bank',
      legalBasis: { code: 'NATIONAL', text: 'x' },
      description: 'd',
      items: items(1),
    });
    await expect(createTakedown(deps, { principal: vnm }, ws.id, input)).rejects.toMatchObject({ field: 'providerOrgId' });
  });

  it('hides a takedown from another partner', async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['chatwave', 'SGP', 'tech'],
      ['tiktalk', 'SGP', 'tech'],
    ]);
    const { id } = await raiseToChatwave(deps);
    const tiktalk = principal('tiktalk', 'SGP', ['responder'], 'provider');
    await expect(listPartnerTakedownItems(deps, tiktalk, id, { limit: 10 })).rejects.toSatisfy(isNotFound);
  });

  it('refuses a close through the per-target answer: a takedown ends only when its items are answered', async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['chatwave', 'SGP', 'tech'],
    ]);
    const { ws, id } = await raiseToChatwave(deps);
    await acknowledgeRequest(deps, { principal: chatwave }, id);
    const close = answerTargets(deps, { principal: chatwave }, id, AnswerTargetsInput.parse({ close: true }));
    await expect(close).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'conflict');
    expect((await getTakedownProgress(deps, vnm, ws.id, id)).status).toBe('acknowledged');
  });
});
