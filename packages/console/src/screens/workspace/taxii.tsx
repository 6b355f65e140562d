import { useId, useState } from 'preact/hooks';
import { apiUrl, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';

/**
 * The workspace's TAXII 2.1 collection (packages/api/src/routes/taxii.ts): its address, for a
 * threat-intelligence tool (MISP, OpenCTI) to subscribe to with the person's own token. Shown only
 * when the TAXII server lists the collection for the caller.
 */

/** The platform's STIX namespace (packages/core/src/stix/ids.ts, TASKFORCE_STIX_NAMESPACE). */
const NAMESPACE = '3b9bc4d8-b01b-4bcd-9ba3-d603acfa1133';

/** RFC 9562 UUIDv5 with the browser's SHA-1, as collectionIdOf in packages/core/src/stix/taxii.ts computes it. */
const uuidV5 = async (namespace: string, name: string): Promise<string> => {
  const ns = Uint8Array.from(
    namespace
      .replace(/-/g, '')
      .match(/../g)!
      .map((h) => Number.parseInt(h, 16)),
  );
  const data = new Uint8Array([...ns, ...new TextEncoder().encode(name)]);
  const b = new Uint8Array(await crypto.subtle.digest('SHA-1', data)).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const collectionUrl = async (workspaceId: string): Promise<string | undefined> => {
  const id = await uuidV5(NAMESPACE, `taxii-collection:${workspaceId}`);
  const res = await fetch(apiUrl('/taxii2/api/collections/'), {
    headers: { Accept: 'application/taxii+json;version=2.1', Authorization: `Bearer ${session.value?.token ?? ''}` },
  });
  if (!res.ok) return undefined;
  const body = (await res.json()) as { collections?: { id: string }[] };
  return body.collections?.some((c) => c.id === id) ? apiUrl(`/taxii2/api/collections/${id}/`) : undefined;
};

export function TaxiiPanel({ workspaceId }: { workspaceId: string }) {
  const r = usePoll(() => collectionUrl(workspaceId), [workspaceId], false);
  const [copied, setCopied] = useState(false);
  const head = useId();
  const field = useId();
  const url = r.data;
  if (!url) return null;
  return (
    <section class="card" aria-labelledby={head}>
      <h3 id={head}>{t('taxii.title')}</h3>
      <p>{t('taxii.intro')}</p>
      <div class="inline">
        <label for={field}>{t('taxii.url')}</label>
        <input id={field} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? t('taxii.copied') : t('taxii.copy')}
        </button>
      </div>
      <p class="muted">{t('taxii.howTo')}</p>
    </section>
  );
}
