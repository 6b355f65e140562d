/**
 * The world the malformed-input suite runs in: the embedded runtime on the shared local engines,
 * the demo investigation seeded as `pnpm start --demo` seeds it, one record of each kind a path
 * can name, and a persona with the right roles for each operation. Who calls what is decided in
 * `personaFor` alone, so a change to how principals are built is made here.
 */
import { seedDemo } from '@taskforce/local';
import { testRuntime } from '../support/runtime';

export type Persona = 'lead' | 'responder' | 'policyAdmin' | 'admin' | 'duty';

/** Which persona calls an operation, so that a well-formed request would reach its handler. */
export const personaFor = (method: string, path: string): Persona => {
  if (path.startsWith('/v1/portal')) return 'responder';
  if (path.startsWith('/v1/policies')) return 'policyAdmin';
  if (path.startsWith('/v1/organisations') && method === 'POST') return 'admin';
  if (path.startsWith('/v1/admin/matching')) return 'admin';
  if (path.startsWith('/v1/contacts/') && method === 'PUT') return 'duty';
  return 'lead';
};

export const startWorld = async () => {
  const t = await testRuntime();
  const { workspaceId } = await seedDemo(t.rt.deps);
  const tokens: Record<Persona, string> = {
    lead: await t.tokenFor('vnm-a05', 'VNM', ['officer']),
    responder: await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider'),
    policyAdmin: await t.tokenFor('vnm-a05', 'VNM', ['officer', 'policy_admin']),
    admin: await t.tokenFor('platform', 'ZZZ', ['admin'], 'international'),
    duty: await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']),
  };
  const must = async <T>(what: string, reply: Promise<{ status: number; body: T }>): Promise<T> => {
    const r = await reply;
    if (r.status >= 300) throw new Error(`setting up ${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const ws = `/v1/workspaces/${workspaceId}`;

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
      size: 12,
      mediaType: 'text/csv',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    }),
  );
  await t.rt.pump();
  const inbox = await must<{ items: { id: string }[] }>('the inbox', t.call('GET', '/v1/notifications', tokens.lead));
  if (!tasks.items[0] || !inbox.items[0]) throw new Error('setting up: the demo has no task, or the lead no notification');

  /** A well-formed value, naming a record that exists, for each path parameter. */
  const pathValues = (path: string): Record<string, string> => ({
    workspaceId,
    taskId: tasks.items[0]!.id,
    incidentId: incident.id,
    requestId: request.id,
    evidenceId: evidence.id,
    notificationId: inbox.items[0]!.id,
    // The demo's pending invitation; an organisation anyone may look up.
    orgId: path.startsWith('/v1/organisations') ? 'usa-fbi' : 'gbr-nca',
    country: path.startsWith('/v1/policies') ? 'VNM' : 'THA',
    // The workspace's first audit entry.
    seq: '1',
  });
  return { t, tokens, pathValues };
};

export type World = Awaited<ReturnType<typeof startWorld>>;
