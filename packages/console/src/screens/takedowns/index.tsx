import { useState } from 'preact/hooks';
import { ApiError, api, apiUrl, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go, href } from '../../router';
import { Loading, Page, Problem, Status } from '../../ui';
import { PartnerSelect } from '../requests/partner-select';
import { SelectField } from '../requests/select-field';
import { Counts, downloadItems, Items, type ItemsQuery, useItemStatus } from './items';

// Takedowns: the agencies' form (paste or CSV, checked by the API before it is sent) and progress
// view, and the partner's batch-answer screen. Items are paged from the API, never all at once.

/** What the API makes of a pasted or uploaded list: counts and duplicates, or the first malformed line. */
async function preview(ws: string, text: string): Promise<Schemas['TakedownIntake']> {
  const res = await fetch(apiUrl(`/v1/workspaces/${encodeURIComponent(ws)}/takedowns/preview`), {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.value!.token}`, 'Content-Type': 'text/csv' },
    body: text,
  });
  const body = await res.json();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** An agency raises a takedown: paste the list or upload a CSV, see what the API makes of it, send. */
export function TakedownNew({ ws }: { ws: string }) {
  const w = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId: ws } } })), [ws], false);
  const [text, setText] = useState('');
  const [provider, setProvider] = useState('');
  const [checked, setChecked] = useState<Schemas['TakedownIntake']>();
  const [checkErr, setCheckErr] = useState<unknown>();
  const [err, setErr] = useState<unknown>();
  const check = async (value: string) => {
    setText(value);
    setChecked(undefined);
    setCheckErr(undefined);
    if (!value.trim()) return;
    try {
      setChecked(await preview(ws, value));
    } catch (x) {
      setCheckErr(x);
    }
  };
  return (
    <Page title={t('td.new')}>
      <p>
        <a href={href('w', ws, 'requests')}>← {t('common.back')}</a>
      </p>
      <Problem error={w.error} />
      {w.data && (
        <form
          class="card"
          aria-labelledby="page-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            setErr(undefined);
            try {
              const out = await ok(
                api().POST('/v1/workspaces/{workspaceId}/takedowns', {
                  params: { path: { workspaceId: ws } },
                  body: {
                    providerOrgId: provider,
                    legalBasis: { code: f.get('basis') as Schemas['CreateTakedown']['legalBasis']['code'], text: String(f.get('legal')) },
                    description: String(f.get('description')),
                    csv: text,
                    urgency: 'standard',
                    send: true,
                    marking: markingOf(f),
                  },
                }),
              );
              go('w', ws, 'takedowns', out.request.id);
            } catch (x) {
              setErr(x);
            }
          }}
        >
          <PartnerSelect type="takedown" value={provider} onChange={setProvider} />
          <SelectField label={t('td.basis')} name="basis">
            <option value="NATIONAL">{t('td.basis.NATIONAL')}</option>
            <option value="EU-DSA">{t('td.basis.EU-DSA')}</option>
            <option value="EU-TCO">{t('td.basis.EU-TCO')}</option>
          </SelectField>
          <label>
            {t('ws.legal')}
            <input name="legal" required defaultValue="Decree 147/2024/ND-CP, art. 23" />
          </label>
          <label>
            {t('req.description')}
            <textarea name="description" required rows={2} />
          </label>
          <label>
            {t('td.paste')}
            <textarea
              name="items"
              rows={8}
              required
              aria-describedby="td-format td-check"
              value={text}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setChecked(undefined);
              }}
            />
          </label>
          <button type="button" class="secondary" onClick={() => void check(text)}>
            {t('td.check')}
          </button>
          <p id="td-format" class="meta">
            {t('td.format')}
          </p>
          <label>
            {t('td.upload')}
            <input
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (file) await check(await file.text());
              }}
            />
          </label>
          <div id="td-check" aria-live="polite">
            {checked && (
              <p data-testid="td-preview">
                {t('td.preview', { total: checked.total, duplicates: checked.duplicates, received: checked.received })}
              </p>
            )}
            <Problem error={checkErr} />
          </div>
          <MarkingEditor id="newtd" ws={w.data} defaultTlp="AMBER" error={err} />
          <Problem error={err} />
          <button type="submit" disabled={!checked}>
            {t('td.send')}
          </button>
        </form>
      )}
    </Page>
  );
}

/** An agency follows a takedown: the counts, a bar, and the items by status. */
export function TakedownView({ ws, id }: { ws: string; id: string }) {
  const path = { workspaceId: ws, requestId: id };
  const p = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}/requests/{requestId}/takedown', { params: { path } })), [ws, id]);
  const [status, setStatus] = useItemStatus('');
  const load = (q: ItemsQuery & { limit?: number }) =>
    ok(api().GET('/v1/workspaces/{workspaceId}/requests/{requestId}/takedown/items', { params: { path, query: { limit: 50, ...q } } }));
  return (
    <Page title={t('td.progress')}>
      <p>
        <a href={href('w', ws, 'requests', id)}>← {t('common.back')}</a>
      </p>
      <Problem error={p.error} />
      {p.loading && !p.data && <Loading />}
      {p.data && (
        <article class="record">
          <p>
            <Status value={p.data.status} /> · {t('td.duplicates', { n: p.data.duplicates })}
          </p>
          <Counts p={p.data} />
          <p>
            <button type="button" class="secondary small" onClick={() => void downloadItems(load, status, `takedown-${id}`)}>
              {t('req.csv')}
            </button>
          </p>
          <Items list="takedown-items" status={status} setStatus={setStatus} reloadKey={p.at ?? 0} load={load} />
        </article>
      )}
    </Page>
  );
}

export { TakedownAnswer } from './answer';
