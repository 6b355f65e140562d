import { useState } from 'preact/hooks';
import { api, apiUrl, ok, type Schemas, session } from '../api/client';
import { usePoll } from '../hooks';
import { fmtDateTime, t } from '../i18n';
import { Problem } from '../ui';

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
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              setErr(undefined);
              try {
                const res = await fetch(apiUrl(`/v1/workspaces/${encodeURIComponent(workspaceId)}/audit/export`), {
                  headers: { Authorization: `Bearer ${session.value!.token}` },
                });
                if (!res.ok) throw new Error(`HTTP ${res.status}`);
                const a = document.createElement('a');
                a.href = URL.createObjectURL(await res.blob());
                a.download = `audit-${workspaceId}.jsonl`;
                a.click();
                setTimeout(() => URL.revokeObjectURL(a.href), 1000);
              } catch (x) {
                setErr(x);
              }
            }}
          >
            {t('audit.export')}
          </button>
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
