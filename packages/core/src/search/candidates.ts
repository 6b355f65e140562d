import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import { canonicalSelector } from '../matching/normalise';
import type { Selector } from '../matching/selectors';
import type { PolicySet } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../policies/workspace';
import { type Channel, type ThreadKind, threadKey } from '../threads/model';
import { generalChannel, type Parent, seesMessage } from '../threads/parents';
import { compact, excerpt, fold } from './fold';
import type { SearchKind, SearchMatch } from './model';
import type { SearchRecords } from './ports';

/** One record as search reads it: who may see it is decided on `marking` (and, for a message, its thread). */
export interface Candidate {
  kind: SearchKind;
  workspaceId: string;
  id: string;
  marking: Marking;
  at: string;
  title: string;
  /** The free texts searched, as written: title, description, summary, message text. */
  texts: string[];
  selectors: readonly Selector[];
  thread?: { kind: ThreadKind; id: string };
  redacted?: boolean;
  /** A task, incident or request as the parent of its thread, judged as the thread judges it. */
  parent?: Parent;
}

const TITLE_CHARS = 100;
const firstWords = (text: string) => excerpt(text, '', TITLE_CHARS);

/** The searchable parts of each kind of record. */
export const candidatesOf = {
  task: (t: SearchRecords['task']): Candidate => ({
    kind: 'task',
    workspaceId: t.workspaceId,
    id: t.id,
    marking: t.marking,
    at: t.createdAt,
    title: t.title,
    texts: [t.title, t.description],
    selectors: t.selectors ?? [],
    parent: { key: threadKey('task', t.id), marking: t.marking },
  }),
  request: (r: SearchRecords['request']): Candidate => ({
    kind: 'request',
    workspaceId: r.workspaceId,
    id: r.id,
    marking: r.marking,
    at: r.createdAt,
    title: firstWords(r.description),
    texts: [r.description],
    selectors: r.selectors,
    parent: { key: threadKey('request', r.id), marking: r.marking, request: r },
  }),
  incident: (i: SearchRecords['incident']): Candidate => ({
    kind: 'incident',
    workspaceId: i.workspaceId,
    id: i.id,
    marking: i.marking,
    at: i.raisedAt,
    title: firstWords(i.summary),
    texts: [i.summary],
    selectors: i.selectors ?? [],
    parent: { key: threadKey('incident', i.id), marking: i.marking },
  }),
  message: (m: SearchRecords['message']): Candidate => ({
    kind: 'message',
    workspaceId: m.workspaceId,
    id: m.id,
    marking: m.marking,
    at: m.createdAt,
    title: m.redacted ? '' : firstWords(m.text),
    texts: m.redacted ? [] : [m.text],
    selectors: [],
    thread: m.thread,
    ...(m.redacted ? { redacted: true } : {}),
  }),
} satisfies { [K in SearchKind]: (r: SearchRecords[K]) => Candidate };

/** The parents of a workspace's threads: its channels (`general` included) and the records read. */
export const threadParents = (ws: Workspace, channels: readonly Channel[], records: readonly Candidate[]): Map<string, Parent> => {
  const parents = new Map<string, Parent>();
  for (const c of [generalChannel(ws), ...channels])
    parents.set(threadKey('channel', c.id), { key: threadKey('channel', c.id), marking: c.marking });
  for (const r of records) if (r.parent) parents.set(r.parent.key, r.parent);
  return parents;
};

/**
 * The candidates of one workspace the caller may see, decided as the list routes decide each
 * kind: the evaluator (`canSee`, action `list`) on a record's marking; a message exactly as its
 * thread decides it (`seesMessage`: the thread's parent, a request's thread being the requesting
 * agency's and the partner's only, then the message's own marking). Every candidate is judged the
 * same way, whatever is searched for: nothing about the query is known here.
 */
export const visibleCandidates = (
  p: Pick<Principal, 'orgId' | 'orgKind' | 'country'>,
  ws: Workspace,
  candidates: Candidate[],
  parents: Map<string, Parent>,
  policies: PolicySet,
  now: Date,
): Candidate[] => {
  const records = candidates.filter((c) => c.kind !== 'message' && canSee(p, ws, c.marking, policies, now, { action: 'list' }));
  const messages = candidates.filter((c) => {
    if (c.kind !== 'message') return false;
    const parent = parents.get(threadKey(c.thread!.kind, c.thread!.id));
    return parent !== undefined && seesMessage(p, ws, parent, c, policies, now);
  });
  return [...records, ...messages];
};

/** A query as search compares it. */
export interface Needle {
  phrase: string;
  words: string[];
  /** The phrase without spaces or punctuation, for selectors (`+84 912 345 678`). */
  compact: string;
}

/** How a visible candidate matches a query, if it does, and the text to show around the match. */
export const matchOf = (c: Candidate, n: Needle): { match: SearchMatch; excerpt: () => string } | undefined => {
  if (c.redacted) return undefined;
  const texts = c.texts.map(fold);
  const selectorTexts = c.selectors.map((s) => fold(`${s.value} ${canonicalSelector(s)}`));
  const at = (needle: string) => texts.findIndex((t) => t.includes(needle));
  const phraseIn = at(n.phrase);
  if (phraseIn >= 0) return { match: 'phrase', excerpt: () => excerpt(c.texts[phraseIn]!, n.phrase) };
  const selectorIn = selectorTexts.findIndex((t) => t.includes(n.phrase) || (n.compact.length >= 2 && compact(t).includes(n.compact)));
  if (selectorIn >= 0) return { match: 'phrase', excerpt: () => c.selectors[selectorIn]!.value };
  if (n.words.length < 2) return undefined;
  const all = `${texts.join('\n')}\n${selectorTexts.join('\n')}`;
  if (!n.words.every((w) => all.includes(w))) return undefined;
  const first = at(n.words[0]!);
  return { match: 'words', excerpt: () => (first >= 0 ? excerpt(c.texts[first]!, n.words[0]!) : (c.texts[0] ?? '')) };
};
