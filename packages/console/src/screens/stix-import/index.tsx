import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, labelUnder, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { Loading, MarkingBanner, Problem, Status } from '../../ui';

type Preview = Schemas['StixImportPreview'];
type Intel = Schemas['Intel'];
type Selector = Preview['records'][number]['selectors'][number];

const STIX = 'application/stix+json;version=2.1';

/** The default marking the editor describes, as the import's query takes it. */
const queryOf = (f: FormData) => {
  const m = markingOf(f);
  return {
    tlp: m.tlp,
    releasableTo: m.releasableTo === 'members' ? 'members' : m.releasableTo.join(','),
    ...(m.recipients?.length ? { recipients: m.recipients.join(',') } : {}),
    ...(m.caveats.length ? { caveats: m.caveats.join(',') } : {}),
    ...(m.embargoUntil ? { embargoUntil: m.embargoUntil } : {}),
  };
};
type Query = ReturnType<typeof queryOf>;

const send =
  (path: '/v1/workspaces/{workspaceId}/stix-imports/preview' | '/v1/workspaces/{workspaceId}/stix-imports') =>
  (ws: string, text: string, query: Query & { digest?: string }) =>
    api().POST(path, {
      params: { path: { workspaceId: ws }, query },
      body: text as never,
      bodySerializer: (b: unknown) => b as string,
      headers: { 'content-type': STIX },
    });

const Selectors = ({ items }: { items: Selector[] | undefined }) =>
  items?.length ? (
    <ul class="plain">
      {items.map((s) => (
        <li key={`${s.type}:${s.value}`}>
          {enumLabel('selector', s.type)}: <code>{s.value}</code>
        </li>
      ))}
    </ul>
  ) : (
    <span class="muted">—</span>
  );

/** A workspace's imported intelligence: import a STIX 2.1 bundle (preview first), and the records it made. */
export function StixImport({ ws }: { ws: Schemas['Workspace'] }) {
  const [preview, setPreview] = useState<{ text: string; query: Query; result: Preview }>();
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const records = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/stix-imports/records', { params: { path: { workspaceId: ws.id }, query: { cursor } } })),
      ),
    [ws.id],
  );
  const run = async (work: () => Promise<void>) => {
    setErr(undefined);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };
  const onPreview = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const file = f.get('bundle');
    setDone('');
    return run(async () => {
      if (!(file instanceof File) || file.size === 0) throw new Error(t('stix.file'));
      const text = await file.text();
      const query = queryOf(f);
      setPreview({ text, query, result: await ok(send('/v1/workspaces/{workspaceId}/stix-imports/preview')(ws.id, text, query)) });
    });
  };
  const onImport = () =>
    run(async () => {
      if (!preview) return;
      const r = (await ok(
        send('/v1/workspaces/{workspaceId}/stix-imports')(ws.id, preview.text, { ...preview.query, digest: preview.result.digest }),
      )) as unknown as Schemas['StixImportResult'];
      setPreview(undefined);
      setDone(t('stix.imported', { created: r.created, duplicates: r.duplicates }));
      await records.reload();
    });
  const p = preview?.result;
  return (
    <section aria-labelledby="h-stix">
      <h2 id="h-stix">{t('stix.tab')}</h2>
      <details class="stix-import" open={Boolean(p)}>
        <summary>{t('stix.action')}</summary>
        <p class="muted">{t('stix.intro')}</p>
        <form aria-label={t('stix.action')} onSubmit={onPreview}>
          <label>
            {t('stix.file')}
            <input type="file" name="bundle" accept=".json,application/json,application/stix+json" required />
          </label>
          <p id="stix-default-marking">{t('stix.defaultMarking')}</p>
          <MarkingEditor id="stix-marking" ws={ws} defaultTlp="AMBER" error={err} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('stix.preview')}
            </button>
          </div>
        </form>
        <Problem error={err} />
        {p && (
          <div class="stix-preview">
            <h3>{t('stix.previewTitle')}</h3>
            <p>{t('stix.summary', { objects: p.objects, new: p.new, duplicates: p.duplicates, selectors: p.selectors })}</p>
            <div class="table-wrap">
              <table>
                <caption class="sr-only">{t('stix.previewTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stix.col.kind')}</th>
                    <th scope="col">{t('stix.col.name')}</th>
                    <th scope="col">{t('stix.col.selectors')}</th>
                    <th scope="col">{t('stix.col.marking')}</th>
                    <th scope="col">{t('stix.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.records.map((r) => (
                    <tr key={r.stixId}>
                      <td>{labelUnder('stix.kind', r.kind)}</td>
                      <td>{r.name}</td>
                      <td>
                        <Selectors items={r.selectors} />
                      </td>
                      <td>
                        <MarkingBanner marking={r.marking} compact />
                        {r.markingFrom === 'default' && <span class="muted"> {t('stix.fromDefault')}</span>}
                      </td>
                      <td>
                        <Status value={r.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="actions">
              <button type="button" disabled={busy || p.new === 0} onClick={onImport}>
                {t('stix.import')}
              </button>
            </div>
          </div>
        )}
      </details>
      <p aria-live="polite">{done}</p>
      <h3>{t('stix.records')}</h3>
      <Problem error={records.error} />
      {records.loading && !records.data && <Loading />}
      {records.data && records.data.length === 0 && <p class="muted">{t('stix.none')}</p>}
      {records.data && records.data.length > 0 && (
        <ul class="rows">
          {records.data.map((r: Intel) => (
            <li class="row" key={r.id}>
              <MarkingBanner marking={r.marking} compact />
              <div class="row-main">
                <strong>{r.name}</strong>
                <span class="meta">{labelUnder('stix.kind', r.kind)}</span>
                <Selectors items={r.selectors} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
