import { beforeEach, describe, expect, it } from 'vitest';
import { isPhoneRegion, toE164 } from '../../src/contact-methods/phone';
import {
  addContactMethod,
  ChannelError,
  CODE_REFUSED,
  type ContactDeps,
  DomainError,
  listContactMethods,
  MAX_ATTEMPTS,
  type MailMessage,
  type PushMessage,
  pushPublicKey,
  RateLimited,
  removeContactMethod,
  reorderContactMethods,
  resendCode,
  type SmsMessage,
  VERIFY_PUSH_URL,
  verifyContactMethod,
} from '../../src/index';
import { type MemoryDeps, memoryDeps, principal } from '../../testing';

const duty = principal('tha-ccib', 'THA', ['duty_contact']);
const other = principal('vnm-a05', 'VNM', ['officer']);

let deps: MemoryDeps & ContactDeps;
let mails: MailMessage[];
let texts: SmsMessage[];
let pushes: PushMessage[];
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';
const lastMailCode = () => codeIn(mails.at(-1)!.text);
const lastSmsCode = () => codeIn(texts.at(-1)!.text);
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return { code: (err as DomainError).code, field: (err as DomainError).field, message: (err as DomainError).message };
};

beforeEach(() => {
  mails = [];
  texts = [];
  pushes = [];
  deps = {
    ...memoryDeps(),
    mail: {
      send: async (m) => {
        mails.push(m);
        return { messageId: `m${mails.length}` };
      },
    },
    sms: {
      send: async (m) => {
        texts.push(m);
        return { messageId: `s${texts.length}` };
      },
    },
    push: {
      publicKey: async () => 'BPublicKey',
      send: async (m) => {
        pushes.push(m);
        return { messageId: `p${pushes.length}` };
      },
    },
  };
});

describe('phone numbers', () => {
  it('are kept in E.164, typed in full or in national form with a region', async () => {
    expect(await toE164('+66 81 234 5678')).toBe('+66812345678');
    expect(await toE164('081 234 5678', 'TH')).toBe('+66812345678');
    expect(await toE164('0912 345 678', 'VN')).toBe('+84912345678');
    expect(await toE164('12345')).toBeUndefined();
    expect(await toE164('081 234 5678')).toBeUndefined();
    expect(await isPhoneRegion('TH')).toBe(true);
    expect(await isPhoneRegion('XX')).toBe(false);
  });
});

describe('contact methods', () => {
  it('an e-mail and a phone are added unverified, get a code each, and are verified by it', async () => {
    const mail = await addContactMethod(deps, duty, { kind: 'email', address: 'Duty@CCIB.example' });
    const phone = await addContactMethod(deps, duty, { kind: 'phone', number: '081 234 5678', region: 'TH' });
    expect(mail).toMatchObject({
      codeSent: true,
      method: { kind: 'email', address: 'duty@ccib.example', status: 'unverified', position: 1 },
    });
    expect(phone).toMatchObject({ codeSent: true, method: { kind: 'phone', address: '+66812345678', status: 'unverified', position: 2 } });
    expect(mails[0]!.to).toBe('duty@ccib.example');
    expect(texts[0]!.to).toBe('+66812345678');
    expect(await verifyContactMethod(deps, duty, mail.method.id, lastMailCode())).toMatchObject({ status: 'verified' });
    expect(await verifyContactMethod(deps, duty, phone.method.id, lastSmsCode())).toMatchObject({ status: 'verified' });
    const list = await listContactMethods(deps, duty);
    expect(list.items.map((m) => [m.kind, m.status])).toEqual([
      ['email', 'verified'],
      ['phone', 'verified'],
    ]);
    // Nobody else sees them, nor can act on them.
    expect((await listContactMethods(deps, other)).items).toEqual([]);
    expect((await refusal(removeContactMethod(deps, other, mail.method.id))).code).toBe('not_found');
  });

  it('stores only a hash of the code, never the code or anything readable', async () => {
    const { method } = await addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' });
    const stored = JSON.stringify(await deps.store.get({ kind: 'contactMethods', sub: duty.sub }));
    expect(stored).not.toContain(lastMailCode());
    expect(stored).toContain(method.id);
  });

  it('refuses wrong, expired, exhausted codes and unknown methods with one identical answer', async () => {
    const { method } = await addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' });
    const code = lastMailCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [
      await refusal(verifyContactMethod(deps, duty, method.id, wrong)),
      await refusal(verifyContactMethod(deps, duty, 'no-such-method', code)),
      await refusal(verifyContactMethod(deps, other, method.id, code)),
    ];
    for (const a of answers) expect(a).toEqual({ code: 'validation', field: 'code', message: CODE_REFUSED });
    // The fifth wrong try voids the code: even the right one is refused afterwards.
    for (let i = 1; i < MAX_ATTEMPTS; i++) await refusal(verifyContactMethod(deps, duty, method.id, wrong));
    expect(await refusal(verifyContactMethod(deps, duty, method.id, code))).toEqual(answers[0]);
  });

  it('a code expires after 10 minutes', async () => {
    const { method } = await addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' });
    deps.clock.advance(10 * 60_000);
    expect((await refusal(verifyContactMethod(deps, duty, method.id, lastMailCode()))).message).toBe(CODE_REFUSED);
  });

  it('resending is limited per method and per person; a method that is not yours is not found', async () => {
    const { method } = await addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' });
    await expect(resendCode(deps, duty, method.id)).rejects.toBeInstanceOf(RateLimited);
    expect((await refusal(resendCode(deps, duty, 'no-such-method'))).code).toBe('not_found');
    expect((await refusal(resendCode(deps, other, method.id))).code).toBe('not_found');
    deps.clock.advance(61_000);
    await resendCode(deps, duty, method.id);
    expect(mails).toHaveLength(2);
    // The new code replaces the old one.
    expect(await verifyContactMethod(deps, duty, method.id, lastMailCode())).toMatchObject({ status: 'verified' });
    // Per method: at most 5 codes an hour.
    const phone = await addContactMethod(deps, duty, { kind: 'phone', number: '+66812345678' });
    for (let i = 0; i < 4; i++) {
      deps.clock.advance(61_000);
      await resendCode(deps, duty, phone.method.id);
    }
    deps.clock.advance(61_000);
    const limited = await resendCode(deps, duty, phone.method.id).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterSeconds).toBeGreaterThan(60);
    expect(texts).toHaveLength(5);
  });

  it('refuses an invalid phone number, a duplicate, and a bad order, naming the field', async () => {
    expect(await refusal(addContactMethod(deps, duty, { kind: 'phone', number: '12345' }))).toMatchObject({ field: 'body.number' });
    await addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' });
    expect((await refusal(addContactMethod(deps, duty, { kind: 'email', address: 'A@B.example' }))).code).toBe('conflict');
    expect(await refusal(reorderContactMethods(deps, duty, ['x']))).toMatchObject({ field: 'order' });
  });

  it('reorders and removes', async () => {
    const a = await addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' });
    const b = await addContactMethod(deps, duty, { kind: 'phone', number: '+66812345678' });
    const order = await reorderContactMethods(deps, duty, [b.method.id, a.method.id]);
    expect(order.map((m) => [m.id, m.position])).toEqual([
      [b.method.id, 1],
      [a.method.id, 2],
    ]);
    await removeContactMethod(deps, duty, b.method.id);
    expect((await listContactMethods(deps, duty)).items.map((m) => [m.id, m.position])).toEqual([[a.method.id, 1]]);
  });

  it('a channel that is missing or down is a 503, one that refuses the address a 400; never a 500', async () => {
    const { sms: _sms, ...noSms } = deps;
    expect((await refusal(addContactMethod(noSms, duty, { kind: 'phone', number: '+66812345678' }))).code).toBe('unavailable');
    deps.mail = {
      send: async () => {
        throw new ChannelError('rejected', 'address is on the suppression list');
      },
    };
    expect((await refusal(addContactMethod(deps, duty, { kind: 'email', address: 'a@b.example' }))).code).toBe('validation');
  });

  it('a web-push subscription gets its code as a notification and is verified by it', async () => {
    const subscription = { endpoint: 'https://push.example/send/abc', keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } };
    const r = await addContactMethod(deps, duty, { kind: 'push', subscription });
    expect(r).toMatchObject({ codeSent: true, method: { kind: 'push', address: 'https://push.example', status: 'unverified' } });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ subscription, url: VERIFY_PUSH_URL, tag: `verify-${r.method.id}`, ttlSeconds: 600 });
    const code = codeIn(pushes[0]!.title);
    expect(code).toMatch(/^\d{6}$/);
    expect(pushes[0]!.body).toContain(`code is ${code}`);
    expect(await verifyContactMethod(deps, duty, r.method.id, code)).toMatchObject({ status: 'verified' });
    expect(await pushPublicKey(deps, duty)).toBe('BPublicKey');
  });

  it('a push subscription must point at a public push service; a gone one is refused; no channel is a 503', async () => {
    const keys = { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) };
    for (const endpoint of ['https://127.0.0.1/push', 'https://169.254.169.254/latest', 'https://push.internal/x'])
      expect(await refusal(addContactMethod(deps, duty, { kind: 'push', subscription: { endpoint, keys } }))).toMatchObject({
        code: 'validation',
        field: 'body.subscription.endpoint',
      });
    deps.push = {
      publicKey: async () => 'BPublicKey',
      send: async () => {
        throw new ChannelError('rejected', 'the subscription is gone (410)');
      },
    };
    expect(
      await refusal(addContactMethod(deps, duty, { kind: 'push', subscription: { endpoint: 'https://push.example/gone', keys } })),
    ).toMatchObject({ code: 'validation', field: 'body' });
    const { push: _p, ...without } = deps;
    expect(
      await refusal(addContactMethod(without, duty, { kind: 'push', subscription: { endpoint: 'https://push.example/none', keys } })),
    ).toMatchObject({ code: 'unavailable' });
    expect((await refusal(pushPublicKey(without, duty))).code).toBe('unavailable');
  });
});
