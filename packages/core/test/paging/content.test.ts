import { describe, expect, it } from 'vitest';
import { type Incident, pageContent, pageReferenceCode } from '../../src/index';
import { marked, pageOf, SUMMARY, thaiWorld } from './fixtures';

const LINK = 'https://console.example/ack/ws.inc.pg.secret';

const contentFor = async (mark: (inc: Incident) => Incident, lang?: string) => {
  const w = await thaiWorld();
  const incident = mark(w.inc);
  return pageContent({
    page: pageOf(incident),
    incident,
    org: w.org,
    ws: w.wsRecord,
    policies: w.policies,
    now: new Date(w.t0),
    ackUrl: LINK,
    ...(lang ? { lang } : {}),
  });
};

/** Nothing of the summary, in any part of any message. */
const expectNoSummary = (c: Awaited<ReturnType<typeof contentFor>>) => {
  for (const part of [c.subject, c.text, c.sms, c.push.title, c.push.body]) {
    expect(part).not.toContain('Bangkok');
    expect(part).not.toContain('10.2.3.4');
    expect(part).not.toContain('bc1qsecret');
    expect(part).not.toMatch(/ransomware/i);
  }
};

describe('what a page may carry', () => {
  it.each(['CLEAR', 'GREEN'] as const)('a %s incident without caveats names its type and title (the first line only)', async (tlp) => {
    const c = await contentFor((inc) => marked(inc, { tlp, releasableTo: 'members', caveats: [], recipients: undefined }));
    expect(c.named).toBe(true);
    expect(c.subject).toContain('Ransomware at the Bangkok port authority');
    expect(c.subject).toContain('critical ransomware incident');
    expect(c.text).toContain('"Ransomware at the Bangkok port authority"');
    expect(c.sms).toContain('Ransomware at the Bangkok');
    for (const part of [c.subject, c.text, c.sms, c.push.body]) {
      expect(part).not.toContain('10.2.3.4');
      expect(part).not.toContain('bc1qsecret');
    }
  });

  it.each(['AMBER', 'AMBER+STRICT'] as const)('a %s incident says only that a critical incident needs you', async (tlp) => {
    const c = await contentFor((inc) => marked(inc, { tlp }));
    expect(c.named).toBe(false);
    expect(c.subject).toContain('A critical incident needs you');
    expect(c.text).toContain('Level 1 of the THA 24/7 ladder');
    expect(c.text).toContain(LINK);
    expect(c.sms).toContain(LINK);
    expect(c.text).toContain(c.code);
    expectNoSummary(c);
  });

  it('a RED incident, even addressed to the paged organisation, carries no content', async () => {
    const c = await contentFor((inc) => marked(inc, { tlp: 'RED', recipients: ['tha-ccib'] }));
    expect(c.named).toBe(false);
    expectNoSummary(c);
  });

  it.each(['NO-PRIVATE-SECTOR', 'ORCON'] as const)('a GREEN incident with the caveat %s carries no content', async (caveat) => {
    const c = await contentFor((inc) => marked(inc, { tlp: 'GREEN', caveats: [caveat] }));
    expect(c.named).toBe(false);
    expectNoSummary(c);
  });

  it('a GREEN incident the evaluator refuses to the person (not releasable to their country) carries no content', async () => {
    const c = await contentFor((inc) => marked(inc, { tlp: 'GREEN', releasableTo: ['VNM'] }));
    expect(c.named).toBe(false);
    expectNoSummary(c);
  });

  it('a GREEN incident under embargo carries no content', async () => {
    const c = await contentFor((inc) => marked(inc, { tlp: 'GREEN', embargoUntil: '2099-01-01T00:00:00.000Z' }));
    expect(c.named).toBe(false);
    expectNoSummary(c);
  });

  it('is written in English and in the person’s language (Thai, Vietnamese); anything else is English only', async () => {
    const th = await contentFor((inc) => marked(inc, { tlp: 'AMBER' }), 'th');
    expect(th.text).toContain('A critical incident needs you');
    expect(th.text).toContain('มีเหตุการณ์ระดับวิกฤตที่ต้องการให้คุณตอบรับ');
    expect(th.push.title).toContain('วิกฤต');
    const vi = await contentFor((inc) => marked(inc, { tlp: 'AMBER' }), 'vi');
    expect(vi.text).toContain('Một sự cố mức nghiêm trọng');
    const other = await contentFor((inc) => marked(inc, { tlp: 'AMBER' }), 'fr');
    expect(other.text).not.toContain('— — —');
    expectNoSummary(th);
    expectNoSummary(vi);
  });

  it('the reference code names the incident in a few characters and says nothing of it', async () => {
    expect(pageReferenceCode('inc-1')).toMatch(/^TF-[0-9A-Z]{6}$/);
    expect(pageReferenceCode('inc-1')).toBe(pageReferenceCode('inc-1'));
    expect(pageReferenceCode('inc-1')).not.toBe(pageReferenceCode('inc-2'));
    expect(SUMMARY).not.toContain(pageReferenceCode('inc-1'));
  });
});
