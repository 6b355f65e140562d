import { sha256Hex } from '../kernel/hash';
import type { Organisation } from '../organisations/model';
import type { PolicySet } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../policies/workspace';
import type { PagedIncident, PersonPage } from './model';

/**
 * What a page may say. A page leaves the platform (a mail server, a carrier, a push service), so
 * the one evaluator decides it as an export to the person paged: only a CLEAR or GREEN incident
 * without caveats, which the person's organisation may see, may name its type and its title (the
 * summary's first line). Anything else (AMBER, AMBER+STRICT, RED, any caveat, anything the
 * evaluator refuses) says only "a <severity> incident needs you", the ladder level, the
 * acknowledge link and a short reference code: never marked content.
 *
 * Texts are in English and, when the person's language is Vietnamese or Thai, in that language too.
 */

const PAGE_LANGS = ['en', 'vi', 'th'] as const;
type PageLang = (typeof PAGE_LANGS)[number];

/** The longest title a page carries (the summary's first line, cut with an ellipsis). */
const TITLE_MAX = 120;

export interface PageContent {
  /** Whether the incident's type and title may be named (the evaluator's answer). */
  named: boolean;
  /** The short reference code a person can quote on the phone (names no content). */
  code: string;
  subject: string;
  /** The e-mail body. */
  text: string;
  /** The SMS text: short, the link on its own line. */
  sms: string;
  /** The push notification's title and body. */
  push: { title: string; body: string };
}

type Labels = {
  needsYou(severity: string): string;
  named(severity: string, type: string): string;
  level(level: number, country: string): string;
  acknowledge: string;
  until(at: string): string;
  reference: string;
  severity: Record<PagedIncident['severity'], string>;
  /** Every incident type (incidents/model.ts); one it does not know is named as it is. */
  type: Record<string, string>;
  footer: string;
};

const TEXTS: Record<PageLang, Labels> = {
  en: {
    needsYou: (s) => `A ${s} incident needs you`,
    named: (s, t) => `A ${s} ${t} incident needs you`,
    level: (l, c) => `Level ${l} of the ${c} 24/7 ladder`,
    acknowledge: 'Acknowledge (one click)',
    until: (at) => `The link works until ${at} UTC; after that the incident escalates.`,
    reference: 'Reference',
    severity: { critical: 'critical', high: 'high-severity', medium: 'medium-severity' },
    type: {
      ransomware: 'ransomware',
      intrusion: 'intrusion',
      ddos: 'DDoS',
      data_breach: 'data breach',
      fraud: 'fraud',
      child_sexual_abuse: 'child sexual abuse',
      threat_to_life: 'threat-to-life',
      other: 'urgent',
    },
    footer: 'Sign in to Taskforce to read the incident. Do not forward this message.',
  },
  vi: {
    needsYou: (s) => `Một sự cố mức ${s} cần anh/chị xử lý`,
    named: (s, t) => `Một sự cố ${t} mức ${s} cần anh/chị xử lý`,
    level: (l, c) => `Cấp ${l} của thang báo động 24/7 của ${c}`,
    acknowledge: 'Xác nhận (một lần nhấn)',
    until: (at) => `Liên kết có hiệu lực đến ${at} UTC; sau đó sự cố được chuyển lên cấp cao hơn.`,
    reference: 'Mã tham chiếu',
    severity: { critical: 'nghiêm trọng', high: 'cao', medium: 'trung bình' },
    type: {
      ransomware: 'mã độc tống tiền',
      intrusion: 'xâm nhập',
      ddos: 'DDoS',
      data_breach: 'rò rỉ dữ liệu',
      fraud: 'lừa đảo',
      child_sexual_abuse: 'xâm hại tình dục trẻ em',
      threat_to_life: 'đe dọa tính mạng',
      other: 'khẩn cấp',
    },
    footer: 'Đăng nhập Taskforce để xem sự cố. Không chuyển tiếp tin nhắn này.',
  },
  th: {
    needsYou: (s) => `มีเหตุการณ์ระดับ${s}ที่ต้องการให้คุณตอบรับ`,
    named: (s, t) => `มีเหตุการณ์${t}ระดับ${s}ที่ต้องการให้คุณตอบรับ`,
    level: (l, c) => `ขั้นที่ ${l} ของลำดับการแจ้งเตือน 24/7 ของ ${c}`,
    acknowledge: 'ตอบรับ (คลิกครั้งเดียว)',
    until: (at) => `ลิงก์ใช้ได้ถึง ${at} UTC หลังจากนั้นเหตุการณ์จะถูกส่งต่อขั้นถัดไป`,
    reference: 'รหัสอ้างอิง',
    severity: { critical: 'วิกฤต', high: 'สูง', medium: 'ปานกลาง' },
    type: {
      ransomware: 'แรนซัมแวร์',
      intrusion: 'การบุกรุกระบบ',
      ddos: 'DDoS',
      data_breach: 'ข้อมูลรั่วไหล',
      fraud: 'การฉ้อโกง',
      child_sexual_abuse: 'การล่วงละเมิดทางเพศเด็ก',
      threat_to_life: 'ภัยคุกคามต่อชีวิต',
      other: 'เร่งด่วน',
    },
    footer: 'เข้าสู่ระบบ Taskforce เพื่ออ่านรายละเอียดเหตุการณ์ ห้ามส่งต่อข้อความนี้',
  },
};

/** The language a page is written in besides English, from the person's user record (anything else: English only). */
const pageLangOf = (lang: unknown): PageLang => (lang === 'vi' || lang === 'th' ? lang : 'en');

/** A short code naming the incident (not the page): `TF-` and six characters of a hash of its id; it says nothing of the content. */
export const pageReferenceCode = (incidentId: string): string =>
  `TF-${BigInt(`0x${sha256Hex(incidentId).slice(0, 10)}`)
    .toString(36)
    .toUpperCase()
    .padStart(6, '0')
    .slice(-6)}`;

/** The summary's first line, trimmed and bounded. */
const titleOf = (summary: string): string => {
  const line = (summary.split(/\r?\n/).find((l) => l.trim()) ?? '').trim().replace(/\s+/g, ' ');
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
};

/**
 * Whether a page to this person may name the incident: the marking lets it (CLEAR or GREEN, no
 * caveat) AND the evaluator lets the incident be exported to the person's organisation. An
 * unknown organisation is refused.
 */
const pageMayName = (
  incident: PagedIncident,
  org: Organisation | undefined,
  ws: Workspace | undefined,
  policies: PolicySet,
  now: Date,
): boolean =>
  !!org &&
  (incident.marking.tlp === 'CLEAR' || incident.marking.tlp === 'GREEN') &&
  incident.marking.caveats.length === 0 &&
  canSee({ orgId: org.id, orgKind: org.kind, country: org.country }, ws, incident.marking, policies, now, { action: 'export' });

export interface PageContentInput {
  page: PersonPage;
  incident: PagedIncident;
  /** The paged person's organisation, from the registry. */
  org: Organisation | undefined;
  ws: Workspace | undefined;
  policies: PolicySet;
  now: Date;
  /** The acknowledge link of this attempt (`ackUrl`). */
  ackUrl: string;
  /** The person's language, if their user record names one. */
  lang?: unknown;
}

/** The message of one attempt, in English and the person's language. */
export const pageContent = (input: PageContentInput): PageContent => {
  const { page, incident } = input;
  const named = pageMayName(incident, input.org, input.ws, input.policies, input.now);
  const code = pageReferenceCode(incident.id);
  const title = named ? titleOf(incident.summary) : '';
  const until = page.expiresAt.slice(0, 16).replace('T', ' ');
  const langs: PageLang[] = pageLangOf(input.lang) === 'en' ? ['en'] : ['en', pageLangOf(input.lang)];
  const headline = (l: PageLang) => {
    const t = TEXTS[l];
    return named
      ? t.named(t.severity[incident.severity], t.type[incident.type] ?? incident.type)
      : t.needsYou(t.severity[incident.severity]);
  };
  const block = (l: PageLang) => {
    const t = TEXTS[l];
    return [
      headline(l),
      ...(title ? [`"${title}"`] : []),
      t.level(page.level, page.country),
      '',
      `${t.acknowledge}:`,
      input.ackUrl,
      t.until(until),
      `${t.reference}: ${code}`,
      '',
      t.footer,
    ].join('\n');
  };
  const local = langs.at(-1)!;
  const subject = `[Taskforce ${code}] ${headline('en')}${title ? `: ${title}` : ''} (L${page.level})`;
  const smsHead = langs.map((l) => `${headline(l)} (L${page.level}, ${code})`).join(' / ');
  return {
    named,
    code,
    subject: local === 'en' ? subject : `${subject} / ${headline(local)}`,
    text: langs.map(block).join('\n\n— — —\n\n'),
    sms: `Taskforce: ${smsHead}${title ? `\n"${title.slice(0, 60)}"` : ''}\n${input.ackUrl}`,
    push: {
      title: `${headline(local)} (L${page.level})`,
      body: `${title ? `"${title}" · ` : ''}${TEXTS[local].level(page.level, page.country)} · ${code}`,
    },
  };
};
