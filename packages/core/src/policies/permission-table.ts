import type { OrgKind, PlatformRole, WorkspaceRole } from '../kernel/principal';

/**
 * THE table of who may do what: for every action of the API, which kinds of organisation, which
 * platform roles (held by the caller's token; any one suffices) and, for actions inside a
 * workspace, which workspace roles of the caller's organisation. Every command and read asks
 * `authorize` or `authorizeIn` with its action before it decides anything; what a caller may SEE
 * of a record is then the evaluator's business (visibility.ts), and relations that depend on the
 * record (the assignee of a task, the requesting agency of a request, a country's 24/7 contacts,
 * your own country's policy) are checked by the feature beside its state machine.
 *
 * Denials: an organisation of a kind that never uses a part of the API finds nothing there (404:
 * a private partner learns nothing of workspaces, contacts or policies, an agency nothing of the
 * partner portal); inside a workspace, an organisation that is not a member gets a 404 too, so
 * nobody learns that a workspace exists. A caller of the right kind whose token lacks the platform
 * role, or whose organisation lacks the workspace role, gets a 403, which says nothing of any record.
 */

const AGENCIES: readonly OrgKind[] = ['agency', 'international'];
/** Roles whose holders may read what their organisation may see. */
const READERS: readonly PlatformRole[] = ['officer', 'auditor', 'duty_contact', 'policy_admin'];
const ANY_MEMBER: readonly WorkspaceRole[] = ['lead', 'member', 'observer'];
const PARTICIPANT: readonly WorkspaceRole[] = ['lead', 'member'];
const LEAD: readonly WorkspaceRole[] = ['lead'];
const POSTERS: readonly PlatformRole[] = ['officer', 'duty_contact'];
const REDACTORS: Grant = { kinds: AGENCIES, roles: [...POSTERS, 'policy_admin'], workspace: ANY_MEMBER };
/**
 * The platform operator's administrators: the `admin` role held in the platform organisation.
 * Another organisation's `admin` (its own administrator) is refused here (403), whatever its kind.
 */
const PLATFORM: Grant = { kinds: ['agency', 'international', 'provider'], roles: ['admin'], platform: true };
/** Who adds evidence to a workspace's records, and (as its evidence officer) releases it. */
const EVIDENCE_UPLOADER: Grant = { kinds: AGENCIES, roles: ['officer'], workspace: PARTICIPANT };
/** An organisation's administrator (the platform's too): users/admin.ts holds it to its own organisation. */
const ORG_ADMIN: Grant = { kinds: ['agency', 'international', 'provider'], roles: ['admin'] };

/** One way of being allowed. `workspace` absent: the action is not inside a workspace. */
export interface Grant {
  kinds: readonly OrgKind[];
  /** Any one of these platform roles; an empty list needs no role. */
  roles: readonly PlatformRole[];
  workspace?: readonly WorkspaceRole[];
  /** Only the platform organisation's callers hold the roles of this grant; anyone else lacks them (403). */
  platform?: true;
}

export interface Permission {
  summary: string;
  /** Any one grant allows; all grants of an action are inside a workspace, or none is. */
  grants: readonly Grant[];
}

const rule = (summary: string, ...grants: Grant[]): Permission => ({ summary, grants });

export const PERMISSIONS = {
  'me.read': rule('see who the token names', { kinds: ['agency', 'international', 'provider'], roles: [] }),
  'me.contact_methods': rule(
    'list, add, verify, reorder and remove your own contact methods (e-mail, phone, web push), and read the web-push key to subscribe with; only your own',
    {
      kinds: ['agency', 'international', 'provider'],
      roles: [],
    },
  ),
  'organisation.register': rule('register an organisation', PLATFORM),
  'organisation.suspend': rule('suspend or reinstate an organisation', PLATFORM),
  'organisation.list': rule(
    'read the directory of organisations (a private partner: only itself)',
    { kinds: ['agency', 'international', 'provider'], roles: [...READERS, 'responder'] },
    PLATFORM,
  ),
  'organisation.read': rule(
    'read one organisation (a private partner: only itself)',
    { kinds: ['agency', 'international', 'provider'], roles: [...READERS, 'responder'] },
    PLATFORM,
  ),
  'workspace.open': rule('open a workspace', { kinds: ['agency'], roles: ['officer'] }),
  'workspace.list': rule('list your workspaces', { kinds: AGENCIES, roles: READERS }),
  'workspace.read': rule('read a workspace and its members', { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'workspace.update': rule('rename, suspend, reopen or close a workspace', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'member.remove': rule('remove a member', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'member.leave': rule('leave a workspace', { kinds: AGENCIES, roles: ['officer'], workspace: ANY_MEMBER }),
  'invitation.create': rule('invite an agency', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'invitation.revoke': rule('revoke an invitation', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'invitation.list': rule("read a workspace's invitations", { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'invitation.mine': rule('list the invitations addressed to your organisation', { kinds: AGENCIES, roles: ['officer'] }),
  'invitation.respond': rule('accept or decline an invitation to your organisation', { kinds: AGENCIES, roles: ['officer'] }),
  'task.create': rule('set a task', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'task.edit': rule('edit or cancel a task', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'task.progress': rule('accept, progress, finish or decline a task assigned to you', {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: PARTICIPANT,
  }),
  'task.read': rule("read a workspace's tasks", { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'task.mine': rule('list the tasks assigned to your organisation', { kinds: AGENCIES, roles: READERS }),
  // Threads (threads/); who sees a request's thread is decided beside it, as for every record.
  'thread.read': rule("read a workspace's channels and threads you may see", { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'thread.post': rule('post in a thread you may see, edit your own messages', { kinds: AGENCIES, roles: POSTERS, workspace: PARTICIPANT }),
  'channel.create': rule('open a named channel in a workspace', { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'message.redact': rule('redact your own message, or (policy admin) one your country originated', REDACTORS),
  'audit.read': rule(
    'read, verify and export the audit trail (entries about records you may not see are sealed)',
    { kinds: AGENCIES, roles: ['officer', 'auditor'], workspace: LEAD },
    { kinds: AGENCIES, roles: ['auditor'], workspace: ANY_MEMBER },
  ),
  'policy.read': rule("read countries' policies", { kinds: AGENCIES, roles: READERS }),
  'policy.set': rule("set your country's policy, and who co-signs your agency's emergency requests", {
    kinds: ['agency'],
    roles: ['policy_admin'],
  }),
  'request.create': rule('raise a data request', { kinds: AGENCIES, roles: ['officer'], workspace: PARTICIPANT }),
  'request.act': rule('send, withdraw, extend or answer a request you raised (or as lead)', {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: PARTICIPANT,
  }),
  'request.cosign': rule(
    "approve (send) or refuse, as a second officer signed in with MFA, an emergency request another officer of your agency sent (the agency's rule may ask for a supervisor)",
    { kinds: AGENCIES, roles: ['officer', 'supervisor'], workspace: PARTICIPANT },
  ),
  // e-Evidence orders (requests/orders.ts): the validating authority's step, and the certificate file.
  'request.validate': rule(
    'validate or refuse, as a validating authority (judge, court, investigating judge, prosecutor), an e-Evidence order another officer of your agency issued',
    { kinds: AGENCIES, roles: ['validating_authority'], workspace: PARTICIPANT },
  ),
  'request.certificate': rule("download an e-Evidence order's certificate (XML)", {
    kinds: AGENCIES,
    roles: ['officer', 'validating_authority'],
    workspace: ANY_MEMBER,
  }),
  'request.read': rule('read data requests and their evidence manifest', { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'evidence.download': rule('download evidence or export a request (a custody event)', {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: ANY_MEMBER,
  }),
  // Evidence of any size (evidence/): uploads on a task, incident, request or channel, and the release gate.
  'evidence.read': rule('list and read the evidence of a record you may see', { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'evidence.upload': rule('upload evidence of any size, in parts, to a record you may see', EVIDENCE_UPLOADER),
  'evidence.release': rule(
    "release quarantined evidence as the workspace's evidence officer (never with threats found)",
    EVIDENCE_UPLOADER,
  ),
  'evidence.officer.set': rule("name the workspace's evidence officer", { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  // Documents (reports/): PDFs made by the export worker as the requester may see the records; the job is the requester's alone.
  'request.package': rule("ask for a request's court package (PDF) as its requesting agency (or the lead), and fetch it", {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: ANY_MEMBER,
  }),
  'workspace.report': rule('ask for a workspace report (PDF) of what you may see, and fetch your documents', {
    kinds: AGENCIES,
    roles: READERS,
    workspace: ANY_MEMBER,
  }),
  // Intelligence imported from STIX 2.1 bundles (stix-import/): who previews and stores a bundle, who reads what it made.
  'stix.import': rule('preview and import a STIX 2.1 bundle into a workspace', {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: PARTICIPANT,
  }),
  'intel.read': rule('list and read the intelligence imported into a workspace', {
    kinds: AGENCIES,
    roles: READERS,
    workspace: ANY_MEMBER,
  }),
  'portal.read': rule('read the requests addressed to your organisation', { kinds: ['provider'], roles: ['responder'] }),
  'portal.act': rule('acknowledge, ask, answer and upload evidence to a request addressed to you', {
    kinds: ['provider'],
    roles: ['responder'],
  }),
  'portal.thread': rule('read and post on the thread of a request addressed to you', { kinds: ['provider'], roles: ['responder'] }),
  'contacts.read': rule("read countries' 24/7 ladders", { kinds: AGENCIES, roles: READERS }),
  'contacts.set': rule(
    "register your country's 24/7 ladder (an officer: only while the ladder names their agency, or before there is one)",
    { kinds: ['agency'], roles: ['policy_admin', 'duty_contact', 'officer'] },
  ),
  // 24/7 rosters (rosters/): a country team's own, read by its organisation (and the platform's administrators).
  'roster.read': rule(
    "read your organisation's 24/7 rosters, who is on call, and who may stand on them",
    { kinds: ['agency'], roles: READERS },
    PLATFORM,
  ),
  'roster.manage': rule("create, edit and delete your organisation's 24/7 rosters and their overrides", {
    kinds: ['agency'],
    roles: ['policy_admin', 'duty_contact'],
  }),
  'roster.shifts': rule('read your own on-call shifts (the calendar feed)', { kinds: ['agency'], roles: ['duty_contact'] }),
  'roster.feed': rule('make, rotate and revoke the secret address of your own shifts calendar; only your own', {
    kinds: ['agency'],
    roles: ['duty_contact'],
  }),
  'incident.settings.read': rule("read a workspace's incident deadlines", { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'incident.settings.set': rule("set a workspace's incident deadlines", { kinds: AGENCIES, roles: ['officer'], workspace: LEAD }),
  'incident.raise': rule('raise an urgent incident', { kinds: AGENCIES, roles: ['officer', 'duty_contact'], workspace: PARTICIPANT }),
  'incident.read': rule('read incidents', { kinds: AGENCIES, roles: READERS, workspace: ANY_MEMBER }),
  'incident.acknowledge': rule("acknowledge for your country (its ladder's organisations)", {
    kinds: ['agency'],
    roles: ['duty_contact'],
    workspace: PARTICIPANT,
  }),
  'incident.acknowledge.undo': rule('take back your own acknowledgement within seconds, if nothing happened since', {
    kinds: ['agency'],
    roles: ['duty_contact'],
    workspace: PARTICIPANT,
  }),
  'incident.resolve': rule('resolve for your country (its contacts), or everywhere (the raiser or the lead)', {
    kinds: AGENCIES,
    roles: ['officer', 'duty_contact'],
    workspace: PARTICIPANT,
  }),
  'incident.page': rule("re-page a country's current level or its whole team (its ladder's contacts, the raiser or the lead)", {
    kinds: AGENCIES,
    roles: ['officer', 'duty_contact'],
    workspace: PARTICIPANT,
  }),
  'incident.escalate': rule("escalate a country's ladder now (its ladder's contacts, the raiser or the lead)", {
    kinds: AGENCIES,
    roles: ['officer', 'duty_contact'],
    workspace: PARTICIPANT,
  }),
  'incident.pages.read': rule('read who an incident paged and how each attempt went', {
    kinds: AGENCIES,
    roles: READERS,
    workspace: ANY_MEMBER,
  }),
  'notification.read': rule("read and acknowledge your organisation's notifications", {
    kinds: ['agency', 'international', 'provider'],
    roles: [...READERS, 'responder'],
  }),
  'notification.acknowledge_all': rule("mark all your organisation's notifications read (a bounded batch)", {
    kinds: ['agency', 'international', 'provider'],
    roles: [...READERS, 'responder'],
  }),
  'webhook.manage': rule("set, read, rotate or remove your organisation's webhook", {
    kinds: ['agency', 'international', 'provider'],
    roles: ['officer', 'responder'],
  }),
  'notification.redrive': rule('put given-up webhook posts back in the delivery schedule', PLATFORM),
  'request.freeze': rule('raise, renew or release an asset freeze (renew and release: the requesting agency or the lead)', {
    kinds: ['agency'],
    roles: ['officer'],
    workspace: PARTICIPANT,
  }),
  'transfer.request': rule('ask the originator to release a record you may see further, or withdraw your request', {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: PARTICIPANT,
  }),
  'transfer.decide': rule('approve or refuse the release of a record your organisation originated', {
    kinds: AGENCIES,
    roles: ['officer'],
    workspace: ANY_MEMBER,
  }),
  'transfer.read': rule('read the release requests your organisation asked, or about records it originated', {
    kinds: AGENCIES,
    roles: READERS,
    workspace: ANY_MEMBER,
  }),
  'takedown.create': rule('raise a takedown request with its items', { kinds: AGENCIES, roles: ['officer'], workspace: PARTICIPANT }),
  'takedown.read': rule("read a takedown's progress and page through its items", {
    kinds: AGENCIES,
    roles: READERS,
    workspace: ANY_MEMBER,
  }),
  // Search (search/): across the workspaces your organisation is a member of now (search/search.ts checks each); a private partner finds nothing there (its portal lists what is addressed to it).
  'search.read': rule(
    'search the messages, tasks, data requests and incidents you may see in your workspaces (the evaluator filters before anything is matched or counted)',
    { kinds: AGENCIES, roles: READERS },
  ),
  // STIX/TAXII exchange (stix/): a workspace's records as a TAXII 2.1 collection, through the same list reads as the REST API; a private partner finds nothing there.
  'taxii.discover': rule('discover the TAXII server, its API root and the collections of your workspaces', {
    kinds: AGENCIES,
    roles: READERS,
  }),
  'taxii.read': rule("read a workspace's TAXII collection: the STIX objects of the tasks, incidents and data requests you may see there", {
    kinds: AGENCIES,
    roles: READERS,
    workspace: ANY_MEMBER,
  }),
  // Hit/no-hit matching (matching/): outside any workspace; agencies only, a private partner finds nothing there.
  'matching.check': rule('check selectors against every workspace (hit / no hit)', { kinds: AGENCIES, roles: ['officer'] }),
  'takedown.progress': rule('read the progress and items of a takedown addressed to you', { kinds: ['provider'], roles: ['responder'] }),
  'takedown.answer': rule('answer the items of a takedown addressed to you, in batches', { kinds: ['provider'], roles: ['responder'] }),
  'partner.turnaround': rule("read a private partner's turnaround figures (what to expect of it)", { kinds: AGENCIES, roles: READERS }),
  'portal.turnaround': rule("read your organisation's own turnaround figures", { kinds: ['provider'], roles: ['responder'] }),
  // The matching key rotation's re-index (matching/reindex.ts): the platform's administrators.
  'matching.reindex': rule("re-index every record's selectors under the current matching key, a page at a time", PLATFORM),
  // User administration (users/admin.ts): the platform's administrators any organisation's users,
  // an organisation's administrator its own organisation's only, never granting `admin`.
  'user.admin': rule(
    "list, invite, change the roles of, disable, enable and reset the MFA of users (an organisation's admin: its own, never admin)",
    ORG_ADMIN,
  ),
} as const satisfies Record<string, Permission>;
