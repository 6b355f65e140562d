import {
  addContactMethod,
  createRoster,
  createTask,
  createWorkspace,
  type Deps,
  invite,
  listContactMethods,
  needsSecondFactor,
  type Principal,
  type RegisterOrganisationInput,
  registerOrganisation,
  respondToInvitation,
  setCountryContacts,
  verifyContactMethod,
} from '@taskforce/core';
import type { DynamoUsers } from '@taskforce/dynamo';
import { Secret, TOTP } from 'otpauth';
import { PERSONAS } from '../../console/src/personas';

const DEMO_ORGS: RegisterOrganisationInput[] = [
  { id: 'vnm-a05', name: 'Department of Cyber Security and High-Tech Crime Prevention (A05)', kind: 'agency', country: 'VNM' },
  { id: 'usa-fbi', name: 'Federal Bureau of Investigation, Cyber Division', kind: 'agency', country: 'USA' },
  { id: 'tha-ccib', name: 'Cyber Crime Investigation Bureau', kind: 'agency', country: 'THA' },
  { id: 'tha-dsi', name: 'Department of Special Investigation', kind: 'agency', country: 'THA' },
  { id: 'tha-rtp', name: 'Royal Thai Police, Office of the Commissioner-General', kind: 'agency', country: 'THA' },
  { id: 'gbr-nca', name: 'National Crime Agency, National Cyber Crime Unit', kind: 'agency', country: 'GBR' },
  { id: 'mekong-bank', name: 'Mekong Commercial Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  { id: 'chatwave', name: 'ChatWave Messaging Inc.', kind: 'provider', country: 'USA', sector: 'tech' },
  { id: 'coinharbor', name: 'CoinHarbor Exchange', kind: 'provider', country: 'GBR', sector: 'crypto' },
];

const officer = (orgId: string, country: string): Principal => ({
  sub: `${orgId}-officer`,
  orgId,
  orgKind: 'agency',
  country,
  roles: ['officer'],
});
const ADMIN: Principal = { sub: 'platform-admin', orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] };

/**
 * Seeds a realistic joint investigation through the same commands the API runs, so the
 * seed is audited like anything else. Running it twice does not duplicate organisations.
 */
export async function seedDemo(deps: Deps): Promise<{ workspaceId: string }> {
  for (const org of DEMO_ORGS) {
    if (!(await deps.store.get({ kind: 'organisation', id: org.id }))) await registerOrganisation(deps, { principal: ADMIN }, org);
  }
  const lead = officer('vnm-a05', 'VNM');
  const ws = (
    await createWorkspace(
      deps,
      { principal: lead },
      {
        title: 'Operation Lotus Ledger: romance-baiting scam compounds and their money trail',
        legalBasis: {
          code: 'UNCC',
          text: 'UN Convention against Cybercrime (Hanoi, 2025), arts. 40-47; joint investigation under art. 45',
        },
      },
    )
  ).result;
  for (const [orgId, country, role] of [
    ['usa-fbi', 'USA', 'member'],
    ['tha-ccib', 'THA', 'member'],
    ['tha-dsi', 'THA', 'member'],
    ['tha-rtp', 'THA', 'member'],
    ['gbr-nca', 'GBR', 'observer'],
  ] as const) {
    await invite(deps, { principal: lead }, ws.id, { orgId, role, message: 'Invitation to join Operation Lotus Ledger' });
    if (orgId !== 'gbr-nca') await respondToInvitation(deps, { principal: officer(orgId, country) }, ws.id, orgId, 'accepted');
  }
  // Thailand's 24/7 ladder: CCIB on duty, DSI as backup, the national police lead.
  if (!(await deps.store.get({ kind: 'contacts', country: 'THA' }))) {
    await setCountryContacts(
      deps,
      { principal: { ...officer('tha-ccib', 'THA'), roles: ['officer', 'duty_contact'] } },
      'THA',
      {
        duty: {
          orgId: 'tha-ccib',
          people: [{ name: 'CCIB duty officer', phone: '+66 2 142 3555' }],
          channels: [{ kind: 'phone', address: '+66 2 142 3555' }],
        },
        backup: { orgId: 'tha-dsi', people: [], channels: [{ kind: 'email', address: 'cyber247@dsi.example' }] },
        nationalLead: { orgId: 'tha-rtp', people: [], channels: [] },
      },
      undefined,
    );
  }
  // Viet Nam's 24/7 line: A05's duty desk, which a partner calls back to check an emergency request.
  if (!(await deps.store.get({ kind: 'contacts', country: 'VNM' }))) {
    const a05 = { orgId: 'vnm-a05', people: [], channels: [{ kind: 'phone' as const, address: '+84 69 234 8000' }] };
    await setCountryContacts(
      deps,
      { principal: { ...lead, roles: ['officer', 'duty_contact'] } },
      'VNM',
      { duty: a05, backup: a05, nationalLead: a05 },
      undefined,
    );
  }
  const hours = (h: number) => new Date(deps.clock.now().getTime() + h * 3600_000).toISOString();
  await createTask(deps, { principal: lead }, ws.id, {
    title: 'Map the USDT wallets that received victim transfers',
    description: 'Cluster the 41 deposit addresses from the victim reports; flag exchange hot wallets.',
    assigneeOrgId: 'usa-fbi',
    dueAt: hours(48),
    priority: 'high',
    // Indexed for hit/no-hit matching: another agency's check of this wallet is a hit naming A05.
    selectors: [{ type: 'wallet_address', chain: 'ethereum', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }],
  });
  await createTask(deps, { principal: lead }, ws.id, {
    title: 'Identify the mule accounts at Thai banks',
    description: 'Cross-check the IBAN list against STR filings.',
    assigneeOrgId: 'tha-ccib',
    dueAt: hours(2),
    priority: 'critical',
    reminders: ['PT1H', 'PT15M'],
  });
  await createTask(deps, { principal: lead }, ws.id, {
    title: 'Brief partners on the compound locations',
    description: '',
    assigneeOrgId: 'vnm-a05',
    dueAt: hours(24 * 7),
    priority: 'normal',
  });
  await seedDemoRosters(deps);
  await nameDemoLadderPeople(deps);
  await seedDemoContactMethods(deps);
  return { workspaceId: ws.id };
}

/** One user of the local provider per demo persona, with a known password (printed by `pnpm start --demo`). */
export const DEMO_PEOPLE = PERSONAS.map((p) => ({
  persona: p,
  sub: `${p.principal.orgId}-${p.id}`,
  email: `${p.id}@${p.principal.orgId}.demo`,
  password: `demo-${p.id}-pass`,
}));

/**
 * The demo's second factor: every demo person whose role needs one (`needsSecondFactor`: the
 * co-signing officer `lead2`, the duty contacts, the policy and platform administrators) has TOTP
 * enrolled with this secret (base32), printed by `pnpm start --demo` as an otpauth:// URI to add to
 * an authenticator app. Co-signing an emergency request needs a sign-in with MFA.
 */
export const DEMO_TOTP = { persona: 'lead2', secret: 'KRQXG23GN5ZGGZJAMRSW233MMVQWI2ZS' } as const;

/** The demo persons who sign in with the demo secret's one-time code. */
export const DEMO_MFA_PERSONAS = DEMO_PEOPLE.filter((d) => needsSecondFactor(d.persona.principal.roles)).map((d) => d.persona.id);

/** The code an authenticator app enrolled with `secret` (base32) shows at `now` (for scripts and tests). */
export const totpCode = (secret: string, now: Date): string =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: now.getTime(),
  });

/** The code an authenticator app enrolled with the demo secret shows at `now` (for scripts and tests). */
export const demoTotpCode = (now: Date): string => totpCode(DEMO_TOTP.secret, now);

/** The otpauth:// URI of the demo secret, as an enrolment QR code carries it. */
export const demoTotpUri = (email: string): string =>
  new TOTP({ issuer: 'Taskforce (demo)', label: email, secret: Secret.fromBase32(DEMO_TOTP.secret) }).toString();

/**
 * Seeds the demo people in the provider's directory (their password set again on every start). Those
 * whose role needs a second factor are enrolled with the demo secret unless they have one already
 * (so a person who enrolled again after a reset keeps their own); a demo person has no recovery codes.
 */
export async function seedDemoUsers(users: DynamoUsers): Promise<typeof DEMO_PEOPLE> {
  for (const d of DEMO_PEOPLE) {
    if (!(await users.get(d.sub)))
      await users.create({
        sub: d.sub,
        email: d.email,
        name: `${d.persona.label} (${d.persona.id})`,
        orgId: d.persona.principal.orgId,
        roles: d.persona.principal.roles,
      });
    await users.setPassword(d.sub, d.password);
    if (DEMO_MFA_PERSONAS.includes(d.persona.id) && !(await users.get(d.sub))?.mfa) await users.setTotp(d.sub, DEMO_TOTP.secret);
  }
  return DEMO_PEOPLE;
}

/**
 * The demo's 24/7 rosters: one per demo country's agency, a weekly rotation of two duty contacts
 * handing over on Monday at 09:00 in the team's time zone (the demo persona, where there is one,
 * and a colleague seeded in the directory). Skipped without a directory; never duplicated.
 */
const DEMO_ROSTERS = [
  { orgId: 'tha-ccib', country: 'THA', zone: 'Asia/Bangkok', name: 'CCIB 24/7 desk', people: ['tha-ccib-ccib-duty', 'Anong Srisuk'] },
  { orgId: 'vnm-a05', country: 'VNM', zone: 'Asia/Ho_Chi_Minh', name: 'A05 24/7 desk', people: ['Phạm Minh Tuấn', 'Lê Thị Hoa'] },
  { orgId: 'usa-fbi', country: 'USA', zone: 'America/New_York', name: 'FBI Cyber 24/7 watch', people: ['Dana Whitfield', 'Marcus Lee'] },
  { orgId: 'gbr-nca', country: 'GBR', zone: 'Europe/London', name: 'NCCU 24/7 duty', people: ['Priya Shah', 'Tom Hughes'] },
] as const;

async function seedDemoRosters(deps: Deps): Promise<void> {
  const users = deps.users;
  if (!users) return;
  for (const r of DEMO_ROSTERS) {
    if ((await deps.store.listRosters(r.orgId, { limit: 1 })).items.length > 0) continue;
    const members: string[] = [];
    for (const who of r.people) {
      // A demo persona's subject (no space): on the roster if the directory holds it.
      if (!who.includes(' ')) {
        if (await users.get(who)) members.push(who);
        continue;
      }
      const email = `${who
        .normalize('NFD')
        .replace(/[^A-Za-z ]/g, '')
        .trim()
        .toLowerCase()
        .replace(/ +/g, '.')}@${r.orgId}.demo`;
      const known = (await users.list({ orgId: r.orgId, limit: 100 })).items.find((u) => u.email === email);
      members.push((known ?? (await users.create({ email, name: who, orgId: r.orgId, roles: ['officer', 'duty_contact'] }))).sub);
    }
    if (members.length === 0) continue;
    const manager: Principal = {
      sub: `${r.orgId}-roster-seed`,
      orgId: r.orgId,
      orgKind: 'agency',
      country: r.country,
      roles: ['duty_contact'],
    };
    const monday = new Date(deps.clock.now().getTime() - ((deps.clock.now().getUTCDay() + 6) % 7) * 86_400_000 - 7 * 86_400_000);
    await createRoster(deps, { principal: manager }, r.orgId, {
      name: r.name,
      timeZone: r.zone,
      layers: [
        {
          name: 'Weekly',
          rotation: { kind: 'weekly' },
          start: monday.toISOString().slice(0, 10),
          handover: '09:00',
          members,
          restrictions: [],
        },
      ],
    });
  }
}

/**
 * Whom the demo ladders page on their phone: the duty rung, its agency's demo roster's on-call
 * person; the backup and the national lead, a named demo person where the directory has one (the
 * rest stay the organisation only). Done once, on a ladder whose rungs name nobody yet; the
 * organisations and duty-contact names stay as they are.
 */
const DEMO_LADDER_PEOPLE = [
  { country: 'THA', dutyRoster: 'tha-ccib', backup: 'tha-dsi-dsi-duty', nationalLead: undefined },
  { country: 'VNM', dutyRoster: 'vnm-a05', backup: undefined, nationalLead: 'vnm-a05-lead' },
] as const;

async function nameDemoLadderPeople(deps: Deps): Promise<void> {
  const users = deps.users;
  if (!users) return;
  for (const l of DEMO_LADDER_PEOPLE) {
    const current = await deps.store.get({ kind: 'contacts', country: l.country });
    if (!current || current.duty.orgId !== l.dutyRoster) continue;
    if ([current.duty, current.backup, current.nationalLead].some((r) => r.rosterId || r.personSub)) continue;
    const roster = (await deps.store.listRosters(l.dutyRoster, { limit: 1 })).items[0];
    const person = async (sub: string | undefined, orgId: string) => {
      const u = sub ? await users.get(sub) : undefined;
      return u && u.orgId === orgId && u.status === 'active' ? { personSub: u.sub } : {};
    };
    const { country: _c, updatedAt: _u, updatedBy: _b, version, ...ladder } = current;
    await setCountryContacts(
      deps,
      {
        principal: {
          sub: `${l.dutyRoster}-ladder-seed`,
          orgId: l.dutyRoster,
          orgKind: 'agency',
          country: l.country,
          roles: ['duty_contact'],
        },
      },
      l.country,
      {
        duty: { ...ladder.duty, ...(roster ? { rosterId: roster.id } : {}) },
        backup: { ...ladder.backup, ...(await person(l.backup, ladder.backup.orgId)) },
        nationalLead: { ...ladder.nationalLead, ...(await person(l.nationalLead, ladder.nationalLead.orgId)) },
      },
      version,
    );
  }
}

/**
 * The demo's duty people can be paged at once: each roster member and each person a ladder names
 * gets a verified e-mail (their demo address) and, in Thailand and Viet Nam, a verified mobile
 * number (fictional). They go through the same commands a person uses on "My contact methods":
 * the code is sent and typed back, only to a channel that keeps it here instead of mailing it.
 * Done once per person (skipped when they already have methods).
 */
const DEMO_MOBILES: Record<string, string> = { THA: '+66 81 555 01', VNM: '+84 912 555 0' };

async function seedDemoContactMethods(deps: Deps): Promise<void> {
  const users = deps.users;
  if (!users) return;
  const subs = new Set<string>();
  for (const r of DEMO_ROSTERS)
    for (const roster of (await deps.store.listRosters(r.orgId, { limit: 20 })).items)
      for (const layer of roster.layers) for (const m of layer.members) subs.add(m);
  for (const l of DEMO_LADDER_PEOPLE) for (const sub of [l.backup, l.nationalLead]) if (sub) subs.add(sub);
  let n = 10;
  for (const sub of subs) {
    const u = await users.get(sub);
    const org = u && (await deps.store.get({ kind: 'organisation', id: u.orgId }));
    if (!u || !org || u.status !== 'active') continue;
    const p: Principal = { sub: u.sub, orgId: u.orgId, orgKind: org.kind, country: org.country, roles: u.roles };
    if ((await listContactMethods(deps, p)).items.length > 0) continue;
    let code = '';
    const keep = {
      send: async (m: { text: string }) => {
        code = /\b(\d{6})\b/.exec(m.text)?.[1] ?? '';
        return { messageId: 'demo' };
      },
    };
    const quiet = { ...deps, mail: keep, sms: keep };
    const mobile = DEMO_MOBILES[org.country];
    const wanted = [
      { kind: 'email' as const, address: u.email },
      ...(mobile ? [{ kind: 'phone' as const, number: `${mobile}${String(n++).padStart(2, '0')}` }] : []),
    ];
    for (const input of wanted) {
      const { method } = await addContactMethod(quiet, p, input);
      await verifyContactMethod(quiet, p, method.id, code);
    }
  }
}
