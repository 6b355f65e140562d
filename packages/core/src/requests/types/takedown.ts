import { EMERGENCY_CLOCK } from './common';
import type { RequestTypeDescriptor } from './descriptor';

/** Takedowns go to those who host accounts, groups, pages and URLs. */
const TAKEDOWN_SECTORS: readonly string[] = ['tech', 'telecom'];
/** The legal bases only a takedown rests on. */
const TAKEDOWN_ONLY_BASES: readonly string[] = ['EU-TCO', 'EU-DSA'];

/**
 * Takedown: removal of accounts, groups, pages or URLs, raised with its items (POST …/takedowns;
 * the items are stored apart, takedowns/) and answered item by item. Its clocks:
 * - a removal order of Regulation (EU) 2021/784 (terrorist content online): 1 hour (Art. 3(3)),
 *   tried before the emergency clock, as it is shorter;
 * - an order of Regulation (EU) 2022/2065 (DSA) Art. 9: the Act says "without undue delay" and
 *   sets no figure; this platform asks for an answer within 72 hours;
 * - a national order: 24 hours (as e.g. Viet Nam's Decree 147/2024/ND-CP and Thailand's Computer
 *   Crime Act orders are worked), unless urgent (the emergency clock).
 */
export const takedown: RequestTypeDescriptor<'takedown'> = {
  id: 'takedown',
  selectors: [],
  partners: {
    sectors: TAKEDOWN_SECTORS,
    outsideSectors: (partner) => `${partner} is not a tech or telecom company; takedowns go to those who host the content`,
  },
  create: {
    issues: () => [{ path: ['type'], message: 'a takedown is raised with its items: POST …/takedowns' }],
    reserved: (v) =>
      TAKEDOWN_ONLY_BASES.includes(v.legalBasis.code)
        ? [{ path: ['legalBasis', 'code'], message: `${v.legalBasis.code} is a legal basis for takedowns only` }]
        : [],
  },
  respond: {
    refused: 'a takedown is answered item by item (…/takedown/answers); it reaches its outcome when every item is',
    error: 'conflict',
  },
  // It has no targets: a `close` there would end it as cannot_comply behind its items' backs.
  targets: {
    refused: 'a takedown is answered item by item (…/takedown/answers); it has no per-target answer',
    error: 'conflict',
  },
  items: true,
  evidence: true,
  partnerView: (r) => (r.takedown ? { takedown: { total: r.takedown.total, counts: { ...r.takedown.counts } } } : {}),
  clocks: [
    {
      id: 'takedown-eu-tco',
      summary: 'EU TCO Regulation 2021/784 removal order: remove or disable within 1 hour (Art. 3(3))',
      when: (r) => r.legalBasis.code === 'EU-TCO',
      period: 'PT1H',
      reminders: ['PT30M', 'PT10M'],
      remind: 'provider',
    },
    EMERGENCY_CLOCK,
    {
      id: 'takedown-eu-dsa',
      summary: 'EU DSA Art. 9 order: act without undue delay; answer within 72 hours',
      when: (r) => r.legalBasis.code === 'EU-DSA',
      period: 'PT72H',
      reminders: ['PT24H', 'PT4H'],
      remind: 'provider',
    },
    {
      id: 'takedown',
      summary: 'National takedown order: answer within 24 hours',
      period: 'PT24H',
      reminders: ['PT6H', 'PT1H'],
      remind: 'provider',
    },
  ],
  form: { newRequest: false, items: true },
};
