import { type CommandContext, commandOf } from '../kernel/context';
import { invalid, notFound } from '../kernel/errors';
import { canonicalJson, sha256Hex } from '../kernel/hash';
import type { Marking, MarkingInput } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { LoadedView, runCommand, unchanged } from '../kernel/runner';
import type { KernelDeps, PageQuery, Write } from '../kernel/store';
import { hasherOf, type MatchingDeps } from '../matching/hasher';
import { hashSelectors, indexWrites } from '../matching/index-writes';
import { markedItems, requireOpen, visibleList, visibleRecord } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { type BundleProblem, BundleRefused, readBundle, type StixBundle } from './bundle';
import { intelIdOf, type PlannedIntel, planImport } from './map';
import type { Intel } from './model';
import type { IntelStore } from './ports';

export type IntelDeps = KernelDeps<IntelStore> & MatchingDeps;

/** Checks one STIX object against the OASIS schemas: its problems, each a path inside it and a message. */
export type StixValidator = (obj: unknown) => { path: string; message: string }[];

/** Imported intelligence is shared with the members unless its object or the form says otherwise. */
const IMPORT_DEFAULT_MARKING = { tlp: 'AMBER', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;

/** At most this many writes (records and their index items) go in one transaction, beside its audit entry and event (DynamoDB takes 100). */
const IMPORT_WRITES_PER_TRANSACTION = 90;

/** The SHA-256 of a bundle's RFC 8785 canonical JSON: what the preview answers and the commit must carry. */
export const bundleDigest = (bundle: StixBundle): string => sha256Hex(canonicalJson(bundle));

interface ImportPreviewItem {
  index: number;
  stixId: string;
  stixType: string;
  kind: PlannedIntel['kind'];
  name: string;
  recordId: string;
  selectors: PlannedIntel['selectors'];
  skippedSelectors: PlannedIntel['skippedSelectors'];
  marking: Marking;
  markingFrom: PlannedIntel['markingFrom'];
  status: 'new' | 'duplicate';
}

export interface ImportPreview {
  digest: string;
  bundleId: string;
  objects: number;
  new: number;
  duplicates: number;
  selectors: number;
  notStored: Record<string, number>;
  records: ImportPreviewItem[];
}

export interface ImportResult {
  digest: string;
  created: number;
  duplicates: number;
  selectorsIndexed: number;
  transactions: number;
}

/** Problems of validation, each naming the object (index, id) and the field. */
const validationProblems = (bundle: StixBundle, validate: StixValidator): BundleProblem[] => {
  const problems: BundleProblem[] = [];
  bundle.objects.forEach((o, index) => {
    const id = typeof o.id === 'string' ? o.id.slice(0, 300) : undefined;
    for (const p of validate(o))
      problems.push({
        index,
        ...(id ? { id } : {}),
        field: `objects/${index}${p.path && p.path !== '(object)' ? `/${p.path}` : ''}`,
        message: p.message,
      });
  });
  return problems;
};

/** Only a participating officer of an open workspace imports: checked before the bundle is read. */
const authorizeImport = async (deps: IntelDeps, p: Principal, workspaceId: string) => {
  authorize('stix.import', p);
  const view = new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }] }));
  const { ws } = authorizeInView('stix.import', p, view, workspaceId);
  requireOpen(ws, 'import intelligence');
};

interface Prepared {
  bundle: StixBundle;
  digest: string;
  records: PlannedIntel[];
  notStored: Record<string, number>;
}

const prepare = (
  deps: IntelDeps,
  p: Principal,
  text: string,
  opts: { defaultMarking?: MarkingInput; validate: StixValidator },
): Prepared => {
  const bundle = readBundle(text);
  const problems = validationProblems(bundle, opts.validate);
  const plan = planImport(bundle, {
    importer: { orgId: p.orgId, country: p.country },
    defaultMarking: opts.defaultMarking ?? IMPORT_DEFAULT_MARKING,
    now: deps.clock.now(),
  });
  problems.push(...plan.problems);
  if (problems.length) throw new BundleRefused(problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1)));
  return { bundle, digest: bundleDigest(bundle), records: plan.records, notStored: plan.notStored };
};

const LOAD_CHUNK = 500;
/** The ids among `ids` already stored in the workspace. */
const existingIds = async (deps: IntelDeps, workspaceId: string, ids: string[]): Promise<Set<string>> => {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    const refs: RecordRef[] = ids.slice(i, i + LOAD_CHUNK).map((id) => ({ kind: 'intel', workspaceId, id }));
    const view = new LoadedView(await deps.store.load({ refs }));
    for (const ref of refs) if (ref.kind === 'intel' && view.get(ref)) found.add(ref.id);
  }
  return found;
};

/** What a bundle would create in a workspace, with which selectors and markings, and what is already there. */
export async function previewStixImport(
  deps: IntelDeps,
  p: Principal,
  workspaceId: string,
  text: string,
  opts: { defaultMarking?: MarkingInput; validate: StixValidator },
): Promise<ImportPreview> {
  await authorizeImport(deps, p, workspaceId);
  const prep = prepare(deps, p, text, opts);
  const ids = prep.records.map((r) => intelIdOf(workspaceId, r.stixId));
  const existing = await existingIds(deps, workspaceId, ids);
  const records = prep.records.map(
    (r, i): ImportPreviewItem => ({
      index: r.index,
      stixId: r.stixId,
      stixType: r.stixType,
      kind: r.kind,
      name: r.name,
      recordId: ids[i]!,
      selectors: r.selectors,
      skippedSelectors: r.skippedSelectors,
      marking: r.marking,
      markingFrom: r.markingFrom,
      status: existing.has(ids[i]!) ? 'duplicate' : 'new',
    }),
  );
  const fresh = records.filter((r) => r.status === 'new');
  return {
    digest: prep.digest,
    bundleId: prep.bundle.id,
    objects: prep.bundle.objects.length,
    new: fresh.length,
    duplicates: records.length - fresh.length,
    selectors: fresh.reduce((n, r) => n + r.selectors.length, 0),
    notStored: prep.notStored,
    records,
  };
}

/** Records of one marking cut into transactions of at most IMPORT_WRITES_PER_TRANSACTION writes. */
const chunksOf = (records: PlannedIntel[]): PlannedIntel[][] => {
  const byMarking = new Map<string, PlannedIntel[]>();
  for (const r of records) {
    const key = canonicalJson(r.marking);
    byMarking.set(key, [...(byMarking.get(key) ?? []), r]);
  }
  const chunks: PlannedIntel[][] = [];
  for (const group of byMarking.values()) {
    let chunk: PlannedIntel[] = [];
    let writes = 0;
    for (const r of group) {
      const cost = 1 + r.selectors.length;
      if (chunk.length && writes + cost > IMPORT_WRITES_PER_TRANSACTION) {
        chunks.push(chunk);
        chunk = [];
        writes = 0;
      }
      chunk.push(r);
      writes += cost;
    }
    if (chunk.length) chunks.push(chunk);
  }
  return chunks;
};

/**
 * Stores what was previewed: the bundle must hash to `digest`. Records go in transactions of one
 * marking each, every one with its audit entry and event; a record already stored (a retry, a
 * second import) is left as it is, so a crash part-way is finished by sending the same again.
 */
export async function commitStixImport(
  deps: IntelDeps,
  ctx: CommandContext,
  workspaceId: string,
  text: string,
  opts: { defaultMarking?: MarkingInput; digest?: string; validate: StixValidator },
): Promise<ImportResult> {
  const p = ctx.principal;
  await authorizeImport(deps, p, workspaceId);
  if (!opts.digest) throw invalid('digest', 'send the digest the preview answered, so that what is stored is what was previewed');
  const prep = prepare(deps, p, text, opts);
  if (prep.digest !== opts.digest) throw invalid('digest', 'the bundle is not the one previewed (its SHA-256 differs): preview it again');
  const hasher = hasherOf(deps);
  let created = 0;
  let selectorsIndexed = 0;
  let transactions = 0;
  for (const chunk of chunksOf(prep.records)) {
    const items = chunk.map((r) => ({ r, id: intelIdOf(workspaceId, r.stixId), hashed: hashSelectors(hasher, r.selectors) }));
    const marking = chunk[0]!.marking;
    const out = await runCommand(deps, {
      ...commandOf({ principal: p }, workspaceId),
      refs: [
        { kind: 'workspace', id: workspaceId },
        { kind: 'policies' },
        ...items.map(({ id }) => ({ kind: 'intel' as const, workspaceId, id })),
      ],
      retryOnRace: true,
      authorize(view) {
        const { ws } = authorizeInView('stix.import', p, view, workspaceId);
        requireOpen(ws, 'import intelligence');
        return { ws };
      },
      decide(view, now, { ws }) {
        const fresh = items.filter(({ id }) => !view.get({ kind: 'intel', workspaceId, id }));
        if (!fresh.length) return unchanged({ created: 0, selectors: 0 });
        if (!canSee(p, ws, marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now))
          throw invalid('defaultMarking', 'you could not see records marked this way yourself (marking or policy)');
        const at = now.toISOString();
        const writes: Write[] = [];
        for (const { r, id, hashed } of fresh) {
          const intel: Intel = {
            workspaceId,
            id,
            stixId: r.stixId,
            stixType: r.stixType,
            kind: r.kind,
            name: r.name,
            description: r.description,
            ...(r.createdByRef ? { createdByRef: r.createdByRef } : {}),
            ...(r.objectRefs ? { objectRefs: r.objectRefs.slice(0, 200) } : {}),
            marking: r.marking,
            ...(r.selectors.length ? { selectors: r.selectors } : {}),
            importDigest: prep.digest,
            importedBy: { sub: p.sub, orgId: p.orgId },
            createdAt: at,
            version: 1,
          };
          writes.push({ op: 'put', record: { kind: 'intel', value: intel }, expect: 'absent' });
          writes.push(...indexWrites(view, hashed, { workspaceId, record: { type: 'intel', id }, marking: r.marking }, at));
        }
        const selectors = fresh.reduce((n, f) => n + f.hashed.items.length, 0);
        const first = fresh[0]!;
        return {
          writes,
          // Counts and the digest only: names and selector values stay in the records, under their marking.
          audit: {
            action: 'intel.imported',
            target: { type: 'intel', id: first.id },
            details: {
              digest: prep.digest,
              records: fresh.length,
              selectors,
              stixTypes: [...new Set(fresh.map((f) => f.r.stixType))].sort(),
            },
            markings: [marking],
          },
          events: [
            {
              type: 'intel.imported',
              workspaceId,
              subject: { type: 'intel', id: first.id },
              marking,
              audience: [...new Set([ws.leadOrgId, p.orgId])],
              data: { records: fresh.length, digest: prep.digest },
            },
          ],
          result: { created: fresh.length, selectors },
          status: 201,
        };
      },
    });
    if (out.committed) transactions++;
    created += out.result.created;
    selectorsIndexed += out.result.selectors;
  }
  return { digest: prep.digest, created, duplicates: prep.records.length - created, selectorsIndexed, transactions };
}

export async function listIntel(deps: IntelDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<Intel>> {
  authorize('intel.read', p);
  const list = (pq: PageQuery) => deps.store.listIntel(workspaceId, { ...q, ...pq });
  return visibleList(deps, p, 'intel.read', workspaceId, list(q), markedItems('intel'), { limit: q.limit, list });
}

export async function getIntel(deps: IntelDeps, p: Principal, workspaceId: string, id: string): Promise<Intel> {
  authorize('intel.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, { kind: 'intel', workspaceId, id }, { kind: 'policies' }];
  return visibleRecord(deps, p, workspaceId, refs, 'intel', (view, now) => {
    const { ws } = authorizeInView('intel.read', p, view, workspaceId);
    const intel = view.get({ kind: 'intel', workspaceId, id });
    if (!intel || !canSee(p, ws, intel.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now)) throw notFound('intel');
    return intel;
  });
}
