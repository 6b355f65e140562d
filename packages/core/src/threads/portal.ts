import * as z from 'zod/mini';
import type { CommandContext } from '../kernel/context';
import { Marking, Tlp } from '../kernel/marking';
import { Id, IsoDateTime, positiveInt } from '../kernel/primitives';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import type { PageQuery } from '../kernel/store';
import { editMessage, postMessage, redactMessage } from './commands';
import type { EditMessageInput, Message, PostMessageInput } from './model';
import type { ThreadDeps } from './ports';
import { pollMessages } from './queries';

// The partner's side of a request's thread: it reaches the thread through its inbox, and sees
// its messages in a form of its own. It learns the requesting agency (its name and country, as
// its portal shows) and nothing of the workspace: no workspace id, no person of the agency, no
// other organisation named in a message.

const PARTNER = { as: 'partner' } as const;

/** A message as the partner on the request's thread sees it. */
export const PortalMessage = z.object({
  id: Id,
  author: z.union([z.object({ side: z.literal('you') }), z.object({ side: z.literal('agency'), name: z.string(), country: z.string() })]),
  text: z.string(),
  handling: z.object({ tlp: Tlp, caveats: Marking.shape.caveats }),
  replyTo: z.optional(Id),
  /** Whether it names the partner (the organisation or one of its people). */
  mentionsYou: z.boolean(),
  attachments: z.array(Id),
  createdAt: IsoDateTime,
  editedAt: z.optional(IsoDateTime),
  redacted: z.boolean(),
  version: positiveInt(),
});
export type PortalMessage = z.infer<typeof PortalMessage>;

/** The agency the partner deals with, as its portal names it. */
export interface Counterpart {
  name: string;
  country: string;
}

const portalMessageView = (m: Message, p: Pick<Principal, 'orgId'>, agency: Counterpart): PortalMessage => ({
  id: m.id,
  author: m.author.orgId === p.orgId ? { side: 'you' } : { side: 'agency', name: agency.name, country: agency.country },
  text: m.text,
  handling: { tlp: m.marking.tlp, caveats: m.marking.caveats },
  ...(m.replyTo ? { replyTo: m.replyTo } : {}),
  mentionsYou: m.mentions.orgs.includes(p.orgId) || m.mentions.people.some((x) => x.orgId === p.orgId),
  attachments: m.attachments,
  createdAt: m.createdAt,
  ...(m.editedAt ? { editedAt: m.editedAt } : {}),
  redacted: Boolean(m.redacted),
  version: m.version,
});

/** The requesting agency of a request in the partner's inbox: its registered name and country. */
const counterpartOf = async (deps: ThreadDeps, p: Principal, requestId: string): Promise<Counterpart> => {
  const r = await deps.store.findInboxRequest(p.orgId, requestId);
  const org = r ? await deps.store.get({ kind: 'organisation', id: r.requestedBy.orgId }) : null;
  return { name: org?.name ?? r?.requestedBy.orgId ?? '', country: r?.requestedBy.country ?? '' };
};

export async function listPortalMessages(deps: ThreadDeps, p: Principal, requestId: string, q: PageQuery): Promise<Page<PortalMessage>> {
  return (await pollPortalMessages(deps, p, requestId, q)).page;
}

/** The partner's thread as its panel polls it (see `pollMessages`). */
export async function pollPortalMessages(deps: ThreadDeps, p: Principal, requestId: string, q: PageQuery, ifNoneMatch?: string) {
  const { page, tag, unchanged } = await pollMessages(deps, p, PARTNER, { requestId }, q, ifNoneMatch);
  if (unchanged) return { page: { items: [] as PortalMessage[] }, tag, unchanged };
  const agency = await counterpartOf(deps, p, requestId);
  return {
    page: { items: page.items.map((m) => portalMessageView(m, p, agency)), ...(page.next ? { next: page.next } : {}) },
    tag,
    unchanged,
  };
}

const viewOf = async <T extends { result: Message }>(deps: ThreadDeps, p: Principal, requestId: string, out: T) => ({
  ...out,
  result: portalMessageView(out.result, p, await counterpartOf(deps, p, requestId)),
});

export const postPortalMessage = async (deps: ThreadDeps, ctx: CommandContext, requestId: string, input: PostMessageInput) =>
  viewOf(deps, ctx.principal, requestId, await postMessage(deps, ctx, PARTNER, { requestId }, input));

export const editPortalMessage = async (
  deps: ThreadDeps,
  ctx: CommandContext,
  requestId: string,
  id: string,
  input: EditMessageInput,
  expectVersion: number,
) => viewOf(deps, ctx.principal, requestId, await editMessage(deps, ctx, PARTNER, { requestId }, id, input, expectVersion));

export const redactPortalMessage = async (deps: ThreadDeps, ctx: CommandContext, requestId: string, id: string, expectVersion?: number) =>
  viewOf(deps, ctx.principal, requestId, await redactMessage(deps, ctx, PARTNER, { requestId }, id, expectVersion));
