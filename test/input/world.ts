/**
 * The world the malformed-input suite runs in: the embedded runtime on the shared local engines,
 * the demo investigation seeded as `pnpm start --demo` seeds it, one record of each kind a path
 * can name, and a persona with the right roles for each operation. Who calls what is decided in
 * `personaFor` alone, so a change to how principals are built is made here.
 */
import { createHash } from 'node:crypto';
import { MemoryUserAdmin, type UserProfile } from '@taskforce/core';
import { seedDemo } from '@taskforce/local';
import { testRuntime } from '../support/runtime';
import { realLookingBundle } from '../support/stix-bundle';

export type Persona = 'lead' | 'responder' | 'techResponder' | 'policyAdmin' | 'admin' | 'duty' | 'invitee' | 'validator';

/** Which persona calls an operation, so that a well-formed request would reach its handler. */
export const personaFor = (method: string, path: string): Persona => {
  // Takedowns go to a tech company; other requests of the world to the bank.
  if (path.startsWith('/v1/portal/requests/{requestId}/takedown')) return 'techResponder';
  if (path.startsWith('/v1/portal')) return 'responder';
  if (path.startsWith('/v1/policies')) return 'policyAdmin';
  // Who co-signs an agency's emergency requests: set by its own policy_admin.
  if (path.endsWith('/request-cosigners')) return 'policyAdmin';
  if (/\/invitations\/\{orgId\}\/(accept|decline)$/.test(path)) return 'invitee';
  // An e-Evidence order is validated by a validating authority of the issuing agency.
  if (path.endsWith('/validate')) return 'validator';
  // A country team's rosters and the calendar of one's own shifts: Thailand's duty contact.
  if (path.includes('/rosters') || path.endsWith('/duty-contacts') || path.startsWith('/v1/me/shifts')) return 'duty';
  // Their secret calendar address (which itself reads no token).
  if (path.startsWith('/v1/me/calendar-feed') || path.startsWith('/v1/calendar/')) return 'duty';
  if (path.startsWith('/v1/organisations') && method === 'POST') return 'admin';
  if (path.startsWith('/v1/admin/')) return 'admin';
  if (path.startsWith('/v1/contacts/') && method === 'PUT') return 'duty';
  // A duty contact registers the e-mail and phone they are paged on.
  if (path.startsWith('/v1/me/contact-methods')) return 'duty';
  return 'lead';
};

/** The content of the world's evidence item (registered, not yet uploaded). */
const evidenceContent = new TextEncoder().encode('date,amount\n');

const DIRECTORY_USER: UserProfile = {
  sub: 'user-vnm-officer',
  email: 'officer@police.vn',
  name: 'Officer',
  orgId: 'vnm-a05',
  roles: ['officer'],
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-03-01T08:00:00.000Z',
};

/** Thailand's duty contact in the directory, so that a roster may name them. */
export const DUTY_USER: UserProfile = {
  ...DIRECTORY_USER,
  sub: 'tha-ccib-duty-officer',
  email: 'duty@ccib.th',
  orgId: 'tha-ccib',
  roles: ['officer', 'duty_contact'],
};

export const startWorld = async () => {
  const t = await testRuntime();
  const { workspaceId } = await seedDemo(t.rt.deps);
  // The in-memory directory (the runtime has none of its own yet), with one user a path can name.
  t.rt.deps.users = new MemoryUserAdmin({ seed: [DIRECTORY_USER, DUTY_USER] });
  const tokens: Record<Persona, string> = {
    lead: await t.tokenFor('vnm-a05', 'VNM', ['officer']),
    responder: await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider'),
    techResponder: await t.tokenFor('chatwave', 'USA', ['responder'], 'provider'),
    policyAdmin: await t.tokenFor('vnm-a05', 'VNM', ['officer', 'policy_admin']),
    admin: await t.tokenFor('platform', 'ZZZ', ['admin'], 'international'),
    duty: await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']),
    // The demo's pending invitation is the National Crime Agency's.
    invitee: await t.tokenFor('gbr-nca', 'GBR', ['officer']),
    validator: await t.rt.token({ orgId: 'vnm-a05', roles: ['officer', 'validating_authority'], sub: 'vnm-a05-prosecutor' }),
  };
  const must = async <T>(what: string, reply: Promise<{ status: number; body: T }>): Promise<T> => {
    const r = await reply;
    if (r.status >= 300) throw new Error(`setting up ${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const ws = `/v1/workspaces/${workspaceId}`;
  // Two of the duty contact's own contact methods: one the suite removes, one it verifies and resends codes to.
  const method = async (address: string) =>
    (
      await must<{ method: { id: string } }>(
        'contact method',
        t.call('POST', '/v1/me/contact-methods', tokens.duty, { kind: 'email', address }),
      )
    ).method.id;
  const methods = { removed: await method('removed@ccib.example'), kept: await method('duty.desk@ccib.example') };

  // One record of each kind a path names, made through the API as anyone would.
  const tasks = await must<{ items: { id: string }[] }>('tasks', t.call('GET', `${ws}/tasks`, tokens.lead));
  const incident = await must<{ id: string }>(
    'an incident',
    t.call('POST', `${ws}/incidents`, tokens.lead, {
      severity: 'high',
      type: 'fraud',
      summary: 'Mule accounts moving funds',
      countries: ['THA'],
    }),
  );
  const request = await must<{ id: string }>(
    'a data request',
    t.call('POST', `${ws}/requests`, tokens.lead, {
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
      description: 'Statements of the mule account',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    }),
  );
  await must('an acknowledgement', t.call('POST', `/v1/portal/requests/${request.id}/acknowledge`, tokens.responder));
  const evidence = await must<{ id: string }>(
    'an evidence item',
    t.call('POST', `/v1/portal/requests/${request.id}/evidence`, tokens.responder, {
      fileName: 'statement.csv',
      size: evidenceContent.byteLength,
      mediaType: 'text/csv',
      sha256: createHash('sha256').update(evidenceContent).digest('hex'),
    }),
  );
  const uploaded = await fetch(`${t.rt.url}/v1/portal/requests/${request.id}/evidence/${evidence.id}/content`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokens.responder}`, 'content-type': 'application/octet-stream' },
    body: evidenceContent,
  });
  if (uploaded.status >= 300) throw new Error(`setting up the evidence content: ${uploaded.status} ${await uploaded.text()}`);
  await must("Viet Nam's policy", t.call('PUT', '/v1/policies/VNM', tokens.policyAdmin, { rules: [] }));
  // A takedown to the tech company, acknowledged; a release request (transfer) of a task the lead
  // holds for Viet Nam alone, to Thailand; an audit export job.
  const takedown = await must<{ request: { id: string } }>(
    'a takedown',
    t.call('POST', `${ws}/takedowns`, tokens.lead, {
      providerOrgId: 'chatwave',
      legalBasis: { code: 'NATIONAL', text: 'Order of the court' },
      description: 'Job-ad pages of the compound',
      items: [
        { kind: 'url', service: 'web', value: 'https://jobs.example/ad/1' },
        { kind: 'account', service: 'chatwave', value: '@recruiter_1' },
        { kind: 'group', service: 'chatwave', value: '-100188' },
      ],
    }),
  );
  await must('a takedown acknowledged', t.call('POST', `/v1/portal/requests/${takedown.request.id}/acknowledge`, tokens.techResponder));
  const held = await must<{ id: string }>(
    'a task held for Viet Nam',
    t.call('POST', `${ws}/tasks`, tokens.lead, {
      title: 'Trace the mule wallet',
      assigneeOrgId: 'vnm-a05',
      dueAt: '2027-01-01T00:00:00Z',
      marking: { tlp: 'AMBER', releasableTo: ['VNM'] },
    }),
  );
  const transfer = await must<{ id: string }>(
    'a release request',
    t.call('POST', `${ws}/transfers`, tokens.lead, {
      record: { type: 'task', id: held.id },
      destination: { country: 'THA' },
      purpose: 'Thailand holds the account',
    }),
  );
  const job = await must<{ id: string }>('an audit export', t.call('POST', `${ws}/audit/exports`, tokens.lead));
  // A court package of the bank's request and a workspace report, both the lead's (documents).
  const pkg = await must<{ id: string }>('a request package', t.call('POST', `${ws}/requests/${request.id}/packages?lang=vi`, tokens.lead));
  const report = await must<{ id: string }>('a workspace report', t.call('POST', `${ws}/reports?lang=th`, tokens.lead));
  // A roster of Thailand's CCIB with one override.
  const roster = await must<{ id: string }>(
    'a roster',
    t.call('POST', '/v1/organisations/tha-ccib/rosters', tokens.duty, {
      name: 'CCIB 24/7',
      timeZone: 'Asia/Bangkok',
      layers: [{ name: 'Weeks', rotation: { kind: 'weekly' }, start: '2026-02-23', handover: '09:00', members: [DUTY_USER.sub] }],
    }),
  );
  // Another, which the well-formed delete removes (the first keeps its override for the override's delete).
  const doomed = await must<{ id: string }>(
    'a roster to delete',
    t.call('POST', '/v1/organisations/tha-ccib/rosters', tokens.duty, {
      name: 'CCIB old',
      timeZone: 'Asia/Bangkok',
      layers: [{ name: 'Days', rotation: { kind: 'daily' }, start: '2026-02-23', handover: '09:00', members: [DUTY_USER.sub] }],
    }),
  );
  const covered = await must<{ overrides: { id: string }[] }>(
    'an override',
    t.call('POST', `/v1/organisations/tha-ccib/rosters/${roster.id}/overrides`, tokens.duty, {
      sub: DUTY_USER.sub,
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
    }),
  );
  // The secret calendar address of the duty contact in the directory (an address serves only an active duty contact).
  const listed = await t.rt.token({ orgId: 'tha-ccib', country: 'THA', roles: DUTY_USER.roles, sub: DUTY_USER.sub });
  const calendar = await must<{ path: string }>('a calendar address', t.call('POST', '/v1/me/calendar-feed', listed));
  // A message on the first task's thread (the lead's), and one of the bank's on its request's thread.
  const message = await must<{ id: string }>(
    'a message',
    t.call('POST', `${ws}/threads/task/${tasks.items[0]?.id}/messages`, tokens.lead, { text: 'Morning brief at 09:00' }),
  );
  const partnerMessage = await must<{ id: string }>(
    "the bank's message",
    t.call('POST', `/v1/portal/requests/${request.id}/messages`, tokens.responder, { text: 'Which period?' }),
  );
  // Evidence of any size: a file the lead uploaded to the first task (one part, completed, verified
  // by the worker in the pump below), and one the bank has started on its request (no part yet).
  const fileBody = new TextEncoder().encode('disk image, first bytes\n');
  const fileDigest = createHash('sha256').update(fileBody).digest('hex');
  const taskFiles = `${ws}/tasks/${tasks.items[0]!.id}/files`;
  const taskFile = await must<{ item: { id: string } }>(
    'a file on a task',
    t.call('POST', taskFiles, tokens.lead, {
      fileName: 'disk.img',
      size: fileBody.length,
      mediaType: 'application/octet-stream',
      partSize: 8388608,
    }),
  );
  const links = await must<{ links: { url: string; headers: Record<string, string> }[] }>(
    'a part link',
    t.call('POST', `${taskFiles}/${taskFile.item.id}/part-links`, tokens.lead, {
      parts: [{ partNumber: 1, size: fileBody.length, sha256: fileDigest }],
    }),
  );
  const part = await fetch(links.links[0]!.url, { method: 'PUT', headers: links.links[0]!.headers, body: fileBody });
  if (!part.ok) throw new Error(`setting up the file's part: ${part.status} ${await part.text()}`);
  await must('completing the file', t.call('POST', `${taskFiles}/${taskFile.item.id}/complete`, tokens.lead, { sha256: fileDigest }));
  const bankFile = await must<{ item: { id: string } }>(
    "a file on the bank's request",
    t.call('POST', `/v1/portal/requests/${request.id}/files`, tokens.responder, {
      fileName: 'statement.pdf',
      size: 20_000_000,
      mediaType: 'application/pdf',
      partSize: 8388608,
    }),
  );
  await t.rt.pump();
  const inbox = await must<{ items: { id: string }[] }>('the inbox', t.call('GET', '/v1/notifications', tokens.lead));
  if (!tasks.items[0] || !inbox.items[0]) throw new Error('setting up: the demo has no task, or the lead no notification');

  // Intelligence the lead imported from a STIX bundle: the record a path's `recordId` names.
  const stix = realLookingBundle();
  const { digest } = await must<{ digest: string }>('a STIX preview', t.call('POST', `${ws}/stix-imports/preview`, tokens.lead, stix));
  await must('a STIX import', t.call('POST', `${ws}/stix-imports?digest=${digest}`, tokens.lead, stix));
  const intel = await must<{ items: { id: string }[] }>('the imported records', t.call('GET', `${ws}/stix-imports/records`, tokens.lead));

  /** A well-formed value, naming a record that exists, for each path parameter. */
  const pathValues = (path: string): Record<string, string> => ({
    workspaceId,
    taskId: tasks.items[0]!.id,
    incidentId: incident.id,
    requestId: path.includes('/takedown') ? takedown.request.id : request.id,
    transferId: transfer.id,
    exportId: job.id,
    documentId: path.includes('/reports') ? report.id : pkg.id,
    evidenceId: evidence.id,
    // Evidence files hang off the first task (agencies) or the bank's request (the portal).
    parentKind: 'tasks',
    parentId: tasks.items[0]!.id,
    fileId: path.startsWith('/v1/portal') ? bankFile.item.id : taskFile.item.id,
    notificationId: inbox.items[0]!.id,
    // The demo's pending invitation; an organisation anyone may look up.
    rosterId: path.endsWith('/rosters/{rosterId}') ? doomed.id : roster.id,
    overrideId: covered.overrides[0]!.id,
    orgId:
      path.includes('/rosters') || path.endsWith('/duty-contacts')
        ? 'tha-ccib'
        : path.endsWith('/request-cosigners')
          ? 'vnm-a05'
          : path.startsWith('/v1/organisations')
            ? 'usa-fbi'
            : path.startsWith('/v1/partners')
              ? 'mekong-bank'
              : path.includes('/members/')
                ? 'tha-rtp'
                : 'gbr-nca',
    country: path.startsWith('/v1/policies') ? 'VNM' : 'THA',
    // The workspace's first audit entry.
    seq: '1',
    sub: DIRECTORY_USER.sub,
    methodId: path === '/v1/me/contact-methods/{methodId}' ? methods.removed : methods.kept,
    feed: calendar.path.slice('/v1/calendar/'.length),
    kind: 'task',
    threadId: tasks.items[0]!.id,
    messageId: path.startsWith('/v1/portal') ? partnerMessage.id : message.id,
    recordId: intel.items[0]!.id,
  });
  return { t, tokens, pathValues, takedownItems: 3, requestTargets: 1, evidenceContent };
};

export type World = Awaited<ReturnType<typeof startWorld>>;
