import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { Problem } from '../../ui';

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

export function AuditTrail({ workspaceId }: { workspaceId: string }) {
  const [pages, setPages] = useState<string[]>([]);
  const r = usePoll(async () => {
    const items: Entry[] = [];
    let next: string | undefined;
    for (const cursor of [undefined, ...pages]) {
      const page = await ok(
        api().GET('/v1/workspaces/{workspaceId}/audit', { params: { path: { workspaceId }, query: { cursor, limit: 50 } } }),
      );
      items.push(...(page.items as Entry[]));
      next = page.next;
      if (!next) break;
    }
    return { items, next };
  }, [workspaceId, pages.length]);
  const [verify, setVerify] = useState<Schemas['ChainVerification']>();
  const [err, setErr] = useState<unknown>();
  const shortHash = (h: string) => `${h.slice(0, 12)}…`;
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
        </div>
      </div>
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
          </tr>
        </thead>
        <tbody>
          {r.data?.items.map((e) =>
            isSealed(e) ? (
              <tr key={e.seq} class="sealed">
                <td>{e.seq}</td>
                <td>{fmtDateTime(e.at)}</td>
                <td colSpan={3}>🔒 {t('audit.sealed')}</td>
                <td>
                  <code title={e.hash}>{shortHash(e.hash)}</code>
                </td>
              </tr>
            ) : (
              <tr key={e.seq} class={e.outcome === 'denied' ? 'denied' : ''}>
                <td>{e.seq}</td>
                <td>{fmtDateTime(e.at)}</td>
                <td>
                  {e.actor.orgId} ({e.actor.country})
                </td>
                <td>
                  {e.action}
                  {e.outcome === 'denied' ? ' ✗' : ''}
                </td>
                <td>
                  {e.target.type} {e.target.id.slice(0, 10)}
                </td>
                <td>
                  <code title={e.hash}>{shortHash(e.hash)}</code>
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
