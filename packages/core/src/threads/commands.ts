import type { AuditDraft } from '../kernel/audit';
import type { CommandContext } from '../kernel/context';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import { canonicalJson, sha256Hex } from '../kernel/hash';
import { monotonicId } from '../kernel/ids';
import { type MarkingInput, markingFrom } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import { runCommand } from '../kernel/runner';
import type { Write } from '../kernel/store';
import { requireOpen } from '../policies/access';
import { authorizeInView } from '../policies/permissions';
import type { Workspace } from '../workspaces/model';
import { messageRef, type Side, threadCommand } from './access';
import { messageMarking } from './marking';
import {
  type Channel,
  type CreateChannelInput,
  type EditMessageInput,
  MAX_MESSAGE_EDITS,
  type Message,
  type MessageRevision,
  type PostMessageInput,
  threadKey,
} from './model';
import { type Parent, policiesIn, seesMessage, type ThreadRef } from './parents';
import type { ThreadDeps } from './ports';

/** A channel is for the workspace's members unless its creator marks it otherwise: TLP:GREEN. */
const CHANNEL_DEFAULT_MARKING = { tlp: 'GREEN', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;

export async function createChannel(deps: ThreadDeps, ctx: CommandContext, workspaceId: string, input: CreateChannelInput) {
  const p = ctx.principal;
  const id = deps.ids.next();
  return runCommand(deps, {
    chainId: workspaceId,
    actor: { sub: p.sub, orgId: p.orgId, country: p.country },
    ...(ctx.idempotency ? { idempotency: ctx.idempotency } : {}),
    refs: [{ kind: 'workspace', id: workspaceId }],
    authorize: (view) => authorizeInView('channel.create', p, view, workspaceId),
    decide(_view, now, { ws }) {
      requireOpen(ws, 'open channels');
      const channel: Channel = {
        workspaceId,
        id,
        name: input.name,
        marking: markingFrom(input.marking ?? CHANNEL_DEFAULT_MARKING, p),
        createdBy: { sub: p.sub, orgId: p.orgId },
        createdAt: now.toISOString(),
        version: 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'threadChannel', value: channel }, expect: 'absent' }],
        audit: { action: 'channel.created', target: { type: 'channel', id }, details: {}, markings: [channel.marking] },
        events: [
          { type: 'channel.created', workspaceId, subject: { type: 'channel', id }, marking: channel.marking, audience: [], data: {} },
        ],
        result: channel,
        status: 201,
      };
    },
  });
}

/** The organisations that may be named in a thread: its request's two parties, or the workspace's members. */
const mentionable = (ws: Workspace, parent: Parent): Set<string> =>
  parent.request ? new Set(parties(parent.request)) : new Set(ws.members.map((m) => m.orgId));

/** A request's thread is between its requesting agency and, once it is sent, the partner it is addressed to (a draft: nobody outside). */
const parties = (r: NonNullable<Parent['request']>): string[] => [r.requestedBy.orgId, ...(r.sentAt ? [r.providerOrgId] : [])];

/** Who of the named organisations may see the message: the evaluator on the thread and the message (a partner: at fan-out). */
const mayHear = (orgId: string, ws: Workspace, parent: Parent, m: Message, view: Parameters<typeof policiesIn>[0], now: Date) => {
  if (parent.request?.providerOrgId === orgId) return Boolean(parent.request.sentAt);
  const member = ws.members.find((x) => x.orgId === orgId);
  return !!member && seesMessage({ orgId, orgKind: 'agency', country: member.country }, ws, parent, m, policiesIn(view), now);
};

/**
 * The event of a change to a message: about the request on a request's thread (so that its
 * partner hears of it in its own form, and nothing of the workspace), else about the message.
 */
const messageEvent = (
  t: ThreadRef,
  parent: Parent,
  m: Message,
  type: EventDraft['type'],
  audience: string[],
  data: Record<string, unknown>,
): EventDraft => {
  const r = parent.request;
  const base = { messageId: m.id, thread: { kind: t.kind, id: t.id }, ...data };
  return r
    ? {
        type,
        workspaceId: t.workspaceId,
        subject: { type: 'request', id: r.id },
        audience,
        addressees: audience.includes(r.providerOrgId) ? [r.providerOrgId] : [],
        marking: m.marking,
        data: { ...base, requestingAgency: { orgId: r.requestedBy.orgId, country: r.requestedBy.country } },
      }
    : { type, workspaceId: t.workspaceId, subject: { type: 'message', id: m.id }, audience, marking: m.marking, data: base };
};

/** On a request's thread, the other party hears of every message; elsewhere only those named. */
const counterparts = (parent: Parent, p: Principal): string[] =>
  parent.request ? parties(parent.request).filter((o) => o !== p.orgId) : [];

const messageAudit = (m: Message, parent: Parent, action: string, details: Record<string, unknown>): AuditDraft => ({
  action,
  target: { type: 'message', id: m.id },
  details: { thread: threadKey(m.thread.kind, m.thread.id), ...details },
  // The message's marking and its thread's: a reader of the trail sees the entry only if it may see both.
  markings: [m.marking, parent.marking],
});

/** A file attached to a message: an evidence item of the thread's own record (or channel), same key. */
const attachmentRef = (t: ThreadRef, id: string) => ({
  kind: 'evidenceObject' as const,
  workspaceId: t.workspaceId,
  parentKey: threadKey(t.kind, t.id),
  id,
});

export const postMessage = (
  deps: ThreadDeps,
  ctx: CommandContext,
  side: Side,
  named: ThreadRef | { requestId: string },
  input: PostMessageInput,
) => {
  const p = ctx.principal;
  // Time-ordered, and within a millisecond in the order this process made them: a thread lists as it was written.
  const id = monotonicId(deps.clock);
  return threadCommand(
    deps,
    ctx,
    side,
    named,
    (t) => [...(input.replyTo ? [messageRef(t, input.replyTo)] : []), ...input.attachments.map((a) => attachmentRef(t, a))],
    ({ view, now, ws, parent, t }) => {
      requireOpen(ws, 'post messages');
      const marking = messageMarking(parent.marking, input.marking, p);
      input.attachments.forEach((a, i) => {
        const e = view.get(attachmentRef(t, a));
        // A file of this thread's own record, whole and checked; a partner attaches only what it uploaded itself.
        const own = side.as === 'agency' || (e?.uploadedBy.kind === 'partner' && e.uploadedBy.orgId === p.orgId);
        if (e?.status !== 'stored' || !own) throw invalid(`body.attachments.${i}`, 'no stored evidence file of this record has this id');
      });
      if (input.replyTo) {
        const to = view.get(messageRef(t, input.replyTo));
        if (!to || !seesMessage(p, ws, parent, to, policiesIn(view), now)) throw invalid('body.replyTo', 'no such message in this thread');
      }
      const allowed = mentionable(ws, parent);
      input.mentions.orgs.forEach((o, i) => {
        if (!allowed.has(o)) throw invalid(`body.mentions.orgs.${i}`, `${o} takes no part in this thread`);
      });
      input.mentions.people.forEach((x, i) => {
        if (!allowed.has(x.orgId)) throw invalid(`body.mentions.people.${i}.orgId`, `${x.orgId} takes no part in this thread`);
      });
      const people = [...new Map(input.mentions.people.map((x) => [`${x.orgId}/${x.sub}`, x])).values()];
      const message: Message = {
        workspaceId: t.workspaceId,
        thread: { kind: t.kind, id: t.id },
        id,
        author: { sub: p.sub, orgId: p.orgId },
        text: input.text,
        marking,
        ...(input.replyTo ? { replyTo: input.replyTo } : {}),
        mentions: { orgs: [...new Set(input.mentions.orgs)], people },
        attachments: [...new Set(input.attachments)],
        createdAt: now.toISOString(),
        version: 1,
      };
      const named = [...new Set([...message.mentions.orgs, ...people.map((x) => x.orgId)])];
      const hear = named.filter((o) => mayHear(o, ws, parent, message, view, now));
      const events: EventDraft[] = [messageEvent(t, parent, message, 'message.posted', counterparts(parent, p), {})];
      if (hear.length)
        events.push(
          messageEvent(t, parent, message, 'message.mentioned', hear, {
            people: people.filter((x) => hear.includes(x.orgId)).map((x) => x.sub),
          }),
        );
      return {
        writes: [{ op: 'put', record: { kind: 'message', value: message }, expect: 'absent' }],
        audit: messageAudit(message, parent, 'message.posted', {
          mentions: message.mentions.orgs.length + people.length,
          attachments: message.attachments,
          ...(input.replyTo ? { replyTo: input.replyTo } : {}),
        }),
        events,
        result: message,
        status: 201,
      };
    },
  );
};

/** The message the caller may see, with its version as asked, or the 404 / 409. */
const current = (a: Parameters<Parameters<typeof threadCommand>[5]>[0], p: Principal, id: string, expectVersion?: number): Message => {
  const m = a.view.get(messageRef(a.t, id));
  if (!m || !seesMessage(p, a.ws, a.parent, m, policiesIn(a.view), a.now)) throw notFound('message');
  if (expectVersion !== undefined && m.version !== expectVersion) throw staleVersion();
  return m;
};

/** The hash of a revision: its own content and the hash of the one before, so the chain breaks if any is changed. */
export const revisionHash = (r: Omit<MessageRevision, 'hash'>): string =>
  sha256Hex(canonicalJson({ prev: r.prev, messageId: r.messageId, n: r.n, text: r.text, at: r.at }));

export const editMessage = (
  deps: ThreadDeps,
  ctx: CommandContext,
  side: Side,
  named: ThreadRef | { requestId: string },
  id: string,
  input: EditMessageInput,
  expectVersion: number,
) => {
  const p = ctx.principal;
  return threadCommand(
    deps,
    ctx,
    side,
    named,
    (t) => [messageRef(t, id)],
    (a) => {
      const m = current(a, p, id, expectVersion);
      if (m.author.sub !== p.sub || m.author.orgId !== p.orgId) throw forbidden('only its author may edit a message');
      if (m.redacted) throw conflict('a redacted message cannot be edited');
      const n = (m.revisions ?? 0) + 1;
      if (n > MAX_MESSAGE_EDITS) throw conflict(`a message may be edited at most ${MAX_MESSAGE_EDITS} times`);
      if (input.text === m.text) return { unchanged: true as const, result: m };
      const draft = {
        workspaceId: m.workspaceId,
        threadKey: threadKey(m.thread.kind, m.thread.id),
        messageId: m.id,
        n,
        text: m.text,
        marking: m.marking,
        at: m.editedAt ?? m.createdAt,
        prev: m.revisionHead ?? '',
      };
      const revision: MessageRevision = { ...draft, hash: revisionHash(draft) };
      const at = a.now.toISOString();
      const next: Message = { ...m, text: input.text, editedAt: at, revisions: n, revisionHead: revision.hash, version: m.version + 1 };
      return {
        writes: [
          { op: 'put', record: { kind: 'messageRevision', value: revision }, expect: 'absent' },
          { op: 'put', record: { kind: 'message', value: next }, expect: m.version },
        ],
        audit: messageAudit(next, a.parent, 'message.edited', { revision: n, hash: revision.hash }),
        events: [messageEvent(a.t, a.parent, next, 'message.edited', counterparts(a.parent, p), {})],
        result: next,
      };
    },
  );
};

/** Its author, or a policy administrator of the country that originated it (an agency's, inside the workspace). */
const mayRedact = (p: Principal, m: Message): boolean =>
  (m.author.sub === p.sub && m.author.orgId === p.orgId) ||
  (p.orgKind !== 'provider' && p.roles.includes('policy_admin') && p.country === m.marking.originator.country);

export const redactMessage = (
  deps: ThreadDeps,
  ctx: CommandContext,
  side: Side,
  named: ThreadRef | { requestId: string },
  id: string,
  expectVersion?: number,
) => {
  const p = ctx.principal;
  return threadCommand(
    deps,
    ctx,
    side,
    named,
    (t) => [messageRef(t, id)],
    (a) => {
      const m = current(a, p, id, expectVersion);
      if (!mayRedact(p, m)) throw forbidden("only its author or a policy administrator of its originator's country may redact a message");
      if (m.redacted) throw conflict('the message is already redacted');
      const revisions: Write[] = Array.from({ length: m.revisions ?? 0 }, (_, i) => ({
        op: 'delete',
        ref: {
          kind: 'messageRevision',
          workspaceId: m.workspaceId,
          threadKey: threadKey(m.thread.kind, m.thread.id),
          messageId: m.id,
          n: String(i + 1),
        },
        expect: 'any',
      }));
      const { revisions: _r, revisionHead: _h, ...rest } = m;
      const next: Message = {
        ...rest,
        text: '',
        mentions: { orgs: [], people: [] },
        redacted: { by: { sub: p.sub, orgId: p.orgId }, at: a.now.toISOString() },
        version: m.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'message', value: next }, expect: m.version }, ...revisions],
        audit: messageAudit(next, a.parent, 'message.redacted', {
          redactedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
          author: m.author,
          revisionsRemoved: m.revisions ?? 0,
        }),
        events: [messageEvent(a.t, a.parent, next, 'message.redacted', counterparts(a.parent, p), {})],
        result: next,
      };
    },
  );
};
