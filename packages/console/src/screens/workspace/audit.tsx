import { useEffect, useRef, useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, labelUnder, locale, t } from '../../i18n';
import { Enum, Problem } from '../../ui';
import { CsvButton, orgLabel, useOrganisations } from './shared';

/** A sealed entry: its place in the chain, without what it says (for entries the reader may not see). */
interface Sealed {
  seq: number;
  at: string;
  prevHash: string;
  bodyDigest?: string;
  hash: string;
  sealed: true;
}
type Entry = Schemas['AuditEntry'] | Sealed;
const isSealed = (e: Entry): e is Sealed => (e as Sealed).sealed === true;

/** Targets whose id is an organisation's: shown by its name. */
const ORG_TARGETS = new Set(['organisation', 'member', 'invitation']);

type ExportJob = Schemas['AuditExport'];
const EXPORT_POLL_MS = 1000;

/**
 * An export of the chain: a job the server runs, polled here until it is ready (or failed), then
 * a link to the file that lasts a few minutes; "New link" asks the job for a fresh one.
 */
function AuditExport({ workspaceId, onError }: { workspaceId: string; onError(x: unknown): void }) {
  const [job, setJob] = useState<ExportJob>();
  const path = (exportId: string) => ({ params: { path: { workspaceId, exportId } } });
  const fetchJob = (exportId: string) => ok(api().GET('/v1/workspaces/{workspaceId}/audit/exports/{exportId}', path(exportId)));
  const start = async () => {
    onError(undefined);
    try {
      let current = await ok(api().POST('/v1/workspaces/{workspaceId}/audit/exports', { params: { path: { workspaceId } } }));
      setJob(current);
      while (current.status === 'queued') {
        await new Promise((r) => setTimeout(r, EXPORT_POLL_MS));
        current = await fetchJob(current.id);
        setJob(current);
      }
    } catch (x) {
      onError(x);
    }
  };
  const relink = async () => {
    try {
      if (job) setJob(await fetchJob(job.id));
    } catch (x) {
      onError(x);
    }
  };
  return (
    <>
      <button type="button" class="secondary" disabled={job?.status === 'queued'} onClick={start}>
        {t('audit.export')}
      </button>
      {job?.status === 'queued' && (
        <p role="status" data-testid="export-status">
          {t('audit.exportQueued')}
        </p>
      )}
      {job?.status === 'failed' && (
        <p role="alert" class="bad" data-testid="export-status">
          {t('audit.exportFailed', { code: job.error?.code ?? '' })}
        </p>
      )}
      {job?.status === 'ready' && job.download && (
        <p role="status" class="ok" data-testid="export-status">
          {t('audit.exportReady', { lines: job.lines ?? 0, size: `${((job.bytes ?? 0) / 1024).toFixed(1)} KB` })}{' '}
          <a href={job.download.url} data-testid="export-link" rel="noopener noreferrer">
            {t('audit.exportDownload')}
          </a>{' '}
          ({t('audit.exportExpires', { time: fmtDateTime(job.download.expiresAt) })}){' '}
          <button type="button" class="secondary" onClick={relink}>
            {t('audit.exportRelink')}
          </button>
          <br />
          SHA-256 <code data-testid="export-sha256">{job.sha256}</code>
        </p>
      )}
    </>
  );
}

function ProofButton({ seq, open }: { seq: number; open: (seq: number) => void }) {
  return (
    <button type="button" class="secondary small" onClick={() => open(seq)}>
      {t('audit.proofOf', { seq })}
    </button>
  );
}

/** What the trail is narrowed to on the server: kept in the URL hash (`#/…/audit?action=…`), so a view can be saved or shared. */
interface TrailFilter {
  action: string;
  actor: string;
  record: string;
  kind: 'all' | 'reads' | 'changes';
  from: string;
  to: string;
}
const FILTER_KEYS = ['action', 'actor', 'record', 'kind', 'from', 'to'] as const;
const NO_FILTER: TrailFilter = { action: '', actor: '', record: '', kind: 'all', from: '', to: '' };

const filterFromHash = (): TrailFilter => {
  const q = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const kind = q.get('kind');
  const time = (k: string) => {
    const v = q.get(k) ?? '';
    return Number.isNaN(Date.parse(v)) ? '' : new Date(v).toISOString();
  };
  return {
    action: q.get('action') ?? '',
    actor: q.get('actor') ?? '',
    record: q.get('record') ?? '',
    kind: kind === 'reads' || kind === 'changes' ? kind : 'all',
    from: time('from'),
    to: time('to'),
  };
};

const filterToHash = (f: TrailFilter) => {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k] && !(k === 'kind' && f[k] === 'all')) q.set(k, f[k]);
  const base = location.hash.split('?')[0] ?? '';
  const qs = q.toString();
  history.replaceState(null, '', `${location.pathname}${location.search}${qs ? `${base}?${qs}` : base}`);
};

/** The query the audit route narrows by: only what is set. */
const serverQuery = (f: TrailFilter) => ({
  ...(f.action ? { action: f.action } : {}),
  ...(f.actor ? { actor: f.actor } : {}),
  ...(f.record ? { record: f.record } : {}),
  ...(f.kind !== 'all' ? { kind: f.kind } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});

/** A UTC ISO time as a `datetime-local` input shows it (local time, to the minute), and back. */
const toLocalInput = (iso: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (v: string) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : '');

/**
 * Titles of the records the reader may see in this workspace, by id, read once when the trail
 * opens (not polled): a target the reader may not see keeps its id.
 */
function useRecordTitles(workspaceId: string, ws: Schemas['Workspace'] | undefined): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    const c = api();
    const path = { workspaceId };
    const quiet = <T,>(p: Promise<T[]>) => p.catch(() => [] as T[]);
    let live = true;
    Promise.all([
      quiet(all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/tasks', { params: { path, query: { cursor } } })))),
      quiet(all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/requests', { params: { path, query: { cursor } } })))),
      quiet(all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/incidents', { params: { path, query: { cursor } } })))),
      quiet(all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/transfers', { params: { path, query: { cursor } } })))),
    ]).then(([tasks, requests, incidents, transfers]) => {
      if (!live) return;
      setTitles({
        ...(ws ? { [ws.id]: ws.title } : {}),
        ...Object.fromEntries(tasks.map((x) => [x.id, x.title])),
        ...Object.fromEntries(requests.map((x) => [x.id, x.description])),
        ...Object.fromEntries(incidents.map((x) => [x.id, x.summary])),
        ...Object.fromEntries(transfers.map((x) => [x.id, x.purpose])),
      });
    });
    return () => {
      live = false;
    };
  }, [workspaceId, ws?.title]);
  return titles;
}

const hexBytes = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => Number.parseInt(x, 16));
const sha = async (...parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', all))].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/** RFC 9162 §2.1.3.2, in the browser (WebCrypto): the entry is leaf `index` of the tree of `size` whose root is `root`. */
async function verifyInclusion(entryHash: string, index: number, size: number, path: string[], root: string): Promise<boolean> {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = await sha(Uint8Array.of(0), hexBytes(entryHash));
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha(Uint8Array.of(1), hexBytes(p), hexBytes(r));
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await sha(Uint8Array.of(1), hexBytes(r), hexBytes(p));
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r === root;
}

/** One entry's inclusion proof, fetched when its row asks, checked here against the signed checkpoint's root. */
function Proof({ workspaceId, seq, onClose }: { workspaceId: string; seq: number; onClose: () => void }) {
  const [proof, setProof] = useState<Schemas['AuditInclusionProof']>();
  const [valid, setValid] = useState<boolean>();
  const [err, setErr] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [seq]);
  useEffect(() => {
    let live = true;
    ok(api().GET('/v1/workspaces/{workspaceId}/audit/entries/{seq}/proof', { params: { path: { workspaceId, seq: String(seq) } } }))
      .then(async (p) => {
        if (!live) return;
        setProof(p);
        const v = await verifyInclusion(p.entry.hash, p.leafIndex, p.treeSize, p.auditPath, p.checkpoint.rootHash);
        if (live) setValid(v);
      })
      .catch((x) => live && setErr(x));
    return () => {
      live = false;
    };
  }, [workspaceId, seq]);
  return (
    <section class="card proof" aria-labelledby="h-proof" data-testid="audit-proof">
      <h3 id="h-proof" tabIndex={-1} ref={heading}>
        {t('audit.proofTitle', { seq })}
      </h3>
      <Problem error={err} />
      {proof && (
        <>
          <p role="status" class={valid ? 'ok' : valid === false ? 'bad' : ''}>
            {valid === undefined
              ? t('common.loading')
              : valid
                ? `✓ ${t('audit.proofOk', { n: proof.treeSize })}`
                : `✗ ${t('audit.proofBad')}`}
          </p>
          <dl class="facts">
            <dt>{t('audit.hash')}</dt>
            <dd>
              <code class="hash">{proof.entry.hash}</code>
            </dd>
            <dt>{t('audit.proofLeaf')}</dt>
            <dd>
              {proof.leafIndex + 1} / {proof.treeSize}
            </dd>
            <dt>{t('audit.proofRoot')}</dt>
            <dd>
              <code class="hash">{proof.checkpoint.rootHash}</code>
            </dd>
            <dt>{t('audit.proofSigned')}</dt>
            <dd>
              {fmtDateTime(proof.checkpoint.at)} · {proof.checkpoint.keyId}
            </dd>
            <dt>{t('audit.proofPath', { n: proof.auditPath.length })}</dt>
            <dd>
              <ol class="hashes">
                {proof.auditPath.map((h) => (
                  <li key={h}>
                    <code class="hash">{h}</code>
                  </li>
                ))}
              </ol>
            </dd>
          </dl>
        </>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        {t('audit.proofClose')}
      </button>
    </section>
  );
}

export function AuditTrail({ workspaceId, ws }: { workspaceId: string; ws?: Schemas['Workspace'] }) {
  const [pages, setPages] = useState<string[]>([]);
  const [filter, setFilterState] = useState<TrailFilter>(filterFromHash);
  const setFilter = (f: TrailFilter) => {
    setPages([]);
    setFilterState(f);
    filterToHash(f);
  };
  // A saved or shared link opened while the trail is on screen.
  useEffect(() => {
    const follow = () => {
      setPages([]);
      setFilterState(filterFromHash());
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const query = serverQuery(filter);
  const queryKey = JSON.stringify(query);
  const r = usePoll(async () => {
    const items: Entry[] = [];
    let next: string | undefined;
    for (const cursor of [undefined, ...pages]) {
      const page = await ok(
        api().GET('/v1/workspaces/{workspaceId}/audit', { params: { path: { workspaceId }, query: { ...query, cursor, limit: 50 } } }),
      );
      items.push(...(page.items as Entry[]));
      next = page.next;
      if (!next) break;
    }
    return { items, next };
  }, [workspaceId, pages.length, queryKey]);
  const [verify, setVerify] = useState<Schemas['ChainVerification']>();
  const [err, setErr] = useState<unknown>();
  const [proofOf, setProofOf] = useState<number>();
  const [q, setQ] = useState('');
  const titles = useRecordTitles(workspaceId, ws);
  const orgs = useOrganisations();
  const shortHash = (h: string) => `${h.slice(0, 12)}…`;
  const items = r.data?.items ?? [];
  const whole = items.filter((e): e is Schemas['AuditEntry'] => !isSealed(e));
  const targetText = (e: Schemas['AuditEntry']) => {
    const { type, id } = e.target;
    const title = titles[id];
    const name = title ? `«${title}»` : ORG_TARGETS.has(type) ? orgLabel(orgs, id) : id;
    return `${labelUnder('audit.kind', type)} ${name}`;
  };
  const actorText = (e: Schemas['AuditEntry']) => `${orgLabel(orgs, e.actor.orgId)} (${e.actor.country})`;
  const actionText = (e: Schemas['AuditEntry']) => enumLabel('auditAction', e.action);
  const needle = q.trim().toLowerCase();
  // The server applies the filters; the search box narrows what is loaded.
  const shown = needle
    ? whole.filter((e) =>
        [e.action, actionText(e), e.actor.orgId, e.actor.sub, actorText(e), e.target.id, targetText(e), JSON.stringify(e.details ?? {})]
          .join(' ')
          .toLowerCase()
          .includes(needle),
      )
    : items;
  // The choices offered: every value seen in any page loaded since the trail opened, and the current one.
  const seen = useRef({ actions: new Set<string>(), actors: new Set<string>(), records: new Set<string>() });
  for (const e of whole) {
    seen.current.actions.add(e.action);
    seen.current.actors.add(e.actor.orgId);
    if (e.target.type !== 'workspace') seen.current.records.add(e.target.id);
  }
  const choices = (set: Set<string>, current: string) => [...new Set([...set, ...(current ? [current] : [])])].sort();
  // Actions in the reader's words, in the order of those words.
  const actions = choices(seen.current.actions, filter.action)
    .map((a) => ({ a, text: enumLabel('auditAction', a) }))
    .sort((x, y) => x.text.localeCompare(y.text, locale.value));
  const actors = choices(seen.current.actors, filter.actor);
  const records = choices(seen.current.records, filter.record);
  const filtered = queryKey !== '{}';
  return (
    <section aria-labelledby="h-audit">
      <div class="section-head">
        <h2 id="h-audit">{t('ws.audit')}</h2>
        <div class="actions">
          <button
            type="button"
            onClick={async () => {
              setErr(undefined);
              try {
                setVerify(await ok(api().GET('/v1/workspaces/{workspaceId}/audit/verify', { params: { path: { workspaceId } } })));
              } catch (x) {
                setErr(x);
              }
            }}
          >
            {t('audit.verify')}
          </button>
          <AuditExport workspaceId={workspaceId} onError={setErr} />
          <CsvButton
            name="audit-trail"
            header={[
              t('audit.seq'),
              t('audit.at'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.target'),
              t('audit.outcome'),
              t('audit.hash'),
            ]}
            rows={() =>
              shown.map((e) =>
                isSealed(e)
                  ? [e.seq, e.at, '', t('audit.sealed'), '', '', e.hash]
                  : [
                      e.seq,
                      e.at,
                      actorText(e),
                      actionText(e),
                      targetText(e),
                      t(e.outcome === 'denied' ? 'audit.denied' : 'audit.succeeded'),
                      e.hash,
                    ],
              )
            }
          />
        </div>
      </div>
      <form class="filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('audit.action')}
          <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.currentTarget.value })}>
            <option value="">{t('audit.any')}</option>
            {actions.map(({ a, text }) => (
              <option key={a} value={a}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.actor')}
          <select value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.currentTarget.value })}>
            <option value="">{t('audit.any')}</option>
            {actors.map((a) => (
              <option key={a} value={a}>
                {orgLabel(orgs, a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.record')}
          <select value={filter.record} onChange={(e) => setFilter({ ...filter, record: e.currentTarget.value })}>
            <option value="">{t('audit.any')}</option>
            {records.map((id) => (
              <option key={id} value={id}>
                {titles[id] ?? id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input
            type="datetime-local"
            value={toLocalInput(filter.from)}
            onChange={(e) => setFilter({ ...filter, from: fromLocalInput(e.currentTarget.value) })}
          />
        </label>
        <label>
          {t('audit.to')}
          <input
            type="datetime-local"
            value={toLocalInput(filter.to)}
            onChange={(e) => setFilter({ ...filter, to: fromLocalInput(e.currentTarget.value) })}
          />
        </label>
        <fieldset class="toggle">
          <legend>{t('audit.kindFilter')}</legend>
          {(['all', 'reads', 'changes'] as const).map((k) => (
            <label class="inline" key={k}>
              <input
                type="radio"
                name="audit-kind"
                value={k}
                checked={filter.kind === k}
                onChange={() => setFilter({ ...filter, kind: k })}
              />
              {t(`audit.only.${k}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('audit.search')}
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        {filtered && (
          <button type="button" class="secondary" onClick={() => setFilter(NO_FILTER)}>
            {t('audit.clear')}
          </button>
        )}
      </form>
      <p role="status" class="muted" data-testid="audit-count">
        {needle
          ? t('audit.matching', { n: shown.length, total: items.length })
          : filtered
            ? t('audit.filtered', { n: items.length })
            : t('audit.loaded', { n: items.length })}
      </p>
      {proofOf !== undefined && <Proof workspaceId={workspaceId} seq={proofOf} onClose={() => setProofOf(undefined)} />}
      {verify && (
        <p role="status" class={verify.ok ? 'ok' : 'bad'} data-testid="verify-result">
          {verify.ok
            ? `✓ ${t('audit.ok', { n: verify.entries })}`
            : `✗ ${t('audit.broken', { seq: verify.brokenAt ?? '?', reason: verify.reason ?? '' })}`}
        </p>
      )}
      <Problem error={err ?? r.error} />
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.hash')}</th>
            <th scope="col">{t('audit.proof')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) =>
            isSealed(e) ? (
              <tr key={e.seq} class="sealed">
                <td>{e.seq}</td>
                <td>{fmtDateTime(e.at)}</td>
                <td colSpan={3}>🔒 {t('audit.sealed')}</td>
                <td>
                  <code title={e.hash}>{shortHash(e.hash)}</code>
                </td>
                <td>
                  <ProofButton seq={e.seq} open={setProofOf} />
                </td>
              </tr>
            ) : (
              <tr key={e.seq} class={e.outcome === 'denied' ? 'denied' : ''}>
                <td>{e.seq}</td>
                <td>{fmtDateTime(e.at)}</td>
                <td>{actorText(e)}</td>
                <td>
                  <Enum field="auditAction" value={e.action} />
                  {e.outcome === 'denied' ? ` ✗ ${t('audit.denied')}` : ''}
                </td>
                <td class="target">{targetText(e)}</td>
                <td>
                  <code title={e.hash}>{shortHash(e.hash)}</code>
                </td>
                <td>
                  <ProofButton seq={e.seq} open={setProofOf} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {r.data?.next && (
        <button type="button" class="secondary" onClick={() => setPages((p) => [...p, r.data!.next!])}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
