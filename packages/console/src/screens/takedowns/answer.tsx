import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { href } from '../../router';
import { Page, Problem } from '../../ui';
import { SelectField } from '../requests/select-field';
import { parseAnswers, type AnswerRow as Row } from './answers-csv';
import { ANSWERS, Counts, downloadItems, Items, type ItemsQuery, useItemStatus } from './items';

// The partner answers a takedown of up to 5,000 items: it selects items (one by one, a shift-click
// run, "rows from … to", or all that match the filter), or uploads a CSV of answers that it sees
// previewed first; the answers go in batches of BATCH (the API's most per call). The action bar
// stays on screen above the list (sticky), so the answer form is reached without scrolling past it.

type Answer = (typeof ANSWERS)[number];
/** The most answers the API takes in one call. */
const BATCH = 500;
/** The largest page the API lists. */
const PAGE = 100;

export function TakedownAnswer({ id }: { id: string }) {
  const path = { requestId: id };
  const p = usePoll(() => ok(api().GET('/v1/portal/requests/{requestId}/takedown', { params: { path } })), [id], false);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [last, setLast] = useState<number>();
  const [status, setStatus] = useItemStatus('pending');
  const [answer, setAnswer] = useState<Answer>('removed');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const [upload, setUpload] = useState<{ name: string; rows: Row[]; errors: string[] }>();
  const total = p.data?.total ?? 0;
  const load = (q: ItemsQuery & { limit?: number }) =>
    ok(api().GET('/v1/portal/requests/{requestId}/takedown/items', { params: { path, query: { limit: 50, ...q } } }));

  /** Every item number that matches the filter, read page by page. */
  const selectAll = async () => {
    setErr(undefined);
    setBusy(t('td.selecting'));
    try {
      const all = new Set(chosen);
      let cursor: string | undefined;
      do {
        const page = await load({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}), limit: PAGE });
        for (const it of page.items) all.add(it.n);
        cursor = page.next;
      } while (cursor);
      setChosen(all);
    } catch (x) {
      setErr(x);
    } finally {
      setBusy('');
    }
  };
  const addRange = (a: number, b: number) =>
    setChosen((c) => {
      const next = new Set(c);
      for (let n = Math.max(1, Math.min(a, b)); n <= Math.min(total, Math.max(a, b)); n++) next.add(n);
      return next;
    });
  const toggle = (n: number, run: boolean) => {
    if (run && last !== undefined) addRange(last, n);
    else
      setChosen((c) => {
        const next = new Set(c);
        if (next.has(n)) next.delete(n);
        else next.add(n);
        return next;
      });
    setLast(n);
  };
  /** Sends the rows in batches; what was sent stays sent if a later batch is refused. */
  const send = async (rows: Row[]) => {
    setErr(undefined);
    setDone('');
    let changed = 0;
    try {
      for (let i = 0; i < rows.length; i += BATCH) {
        setBusy(t('td.sending', { n: i, total: rows.length }));
        const out = await ok(
          api().POST('/v1/portal/requests/{requestId}/takedown/answers', { params: { path }, body: { answers: rows.slice(i, i + BATCH) } }),
        );
        changed += out.changed;
      }
      setDone(t('td.batchDone', { n: changed }));
      return true;
    } catch (x) {
      setErr(x);
      if (changed) setDone(t('td.batchDone', { n: changed }));
      return false;
    } finally {
      setBusy('');
      await p.reload();
    }
  };
  const needsReason = answer === 'refused';
  return (
    <Page title={t('td.answerTitle')}>
      <p>
        <a href={href('inbox', id)}>← {t('common.back')}</a>
      </p>
      <Problem error={p.error} />
      {p.data && (
        <>
          <Counts p={p.data} />
          <form
            class="card sticky-bar"
            aria-labelledby="h-batch"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = reason.trim();
              const ok = await send([...chosen].sort((a, b) => a - b).map((n) => ({ n, status: answer, ...(r ? { reason: r } : {}) })));
              if (ok) setChosen(new Set());
            }}
          >
            <h2 id="h-batch">{t('td.batch', { n: chosen.size })}</h2>
            <div class="bar-row">
              <button type="button" class="secondary small" disabled={!!busy} onClick={() => void selectAll()}>
                {status ? t('td.selectAllOf', { status: t(`td.status.${status}`) }) : t('td.selectAllItems')}
              </button>
              <button type="button" class="secondary small" disabled={chosen.size === 0} onClick={() => setChosen(new Set())}>
                {t('td.clear')}
              </button>
              <label>
                {t('td.rangeFrom')}
                <input type="number" min={1} max={total} inputMode="numeric" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
              </label>
              <label>
                {t('td.rangeTo')}
                <input type="number" min={1} max={total} inputMode="numeric" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
              </label>
              <button
                type="button"
                class="secondary small"
                disabled={!from || !to}
                onClick={() => {
                  addRange(Number(from), Number(to));
                  setFrom('');
                  setTo('');
                }}
              >
                {t('td.selectRange')}
              </button>
            </div>
            <div class="bar-row">
              <SelectField
                label={t('td.setStatus')}
                name="status"
                value={answer}
                onChange={(e) => setAnswer(e.currentTarget.value as Answer)}
              >
                {ANSWERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`td.status.${s}`)}
                  </option>
                ))}
              </SelectField>
              <label>
                {t('td.reason')}
                <input
                  name="reason"
                  maxLength={300}
                  required={needsReason}
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              </label>
              <button type="submit" disabled={chosen.size === 0 || !!busy}>
                {t('td.answer')}
              </button>
            </div>
            <p role="status" aria-live="polite">
              {busy || done}
            </p>
            <Problem error={err} />
          </form>
          <section class="card" aria-labelledby="h-td-csv">
            <h2 id="h-td-csv">{t('td.csvTitle')}</h2>
            <p class="meta" id="td-csv-format">
              {t('td.csvFormat')}
            </p>
            <label>
              {t('td.csvFile')}
              <input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                aria-describedby="td-csv-format"
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  setDone('');
                  setUpload(file ? { name: file.name, ...parseAnswers(await file.text(), total) } : undefined);
                }}
              />
            </label>
            {upload && <AnswersPreview upload={upload} />}
            {upload && upload.rows.length > 0 && (
              <div class="actions">
                <button
                  type="button"
                  disabled={!!busy || upload.errors.length > 0}
                  onClick={async () => {
                    if (await send(upload.rows)) setUpload(undefined);
                  }}
                >
                  {t('td.csvSend', { n: upload.rows.length })}
                </button>
                <button type="button" class="secondary" onClick={() => setUpload(undefined)}>
                  {t('req.cancel')}
                </button>
              </div>
            )}
          </section>
          <p>
            <button type="button" class="secondary small" onClick={() => void downloadItems(load, status, `takedown-${id}`).catch(setErr)}>
              {t('req.csv')}
            </button>
          </p>
          <Items
            list="takedown-answers"
            status={status}
            setStatus={setStatus}
            reloadKey={p.at ?? 0}
            select={{ chosen, toggle }}
            load={load}
          />
        </>
      )}
    </Page>
  );
}

/** What an uploaded answers file holds: items per outcome and the lines it cannot take. */
function AnswersPreview({ upload }: { upload: { name: string; rows: Row[]; errors: string[] } }) {
  const by = ANSWERS.map((s) => [s, upload.rows.filter((r) => r.status === s).length] as const);
  return (
    <div aria-live="polite" data-testid="td-csv-preview">
      <p>{t('td.csvPreview', { file: upload.name, n: upload.rows.length })}</p>
      <table>
        <caption class="meta">{t('td.csvByOutcome')}</caption>
        <tbody>
          {by.map(([s, n]) => (
            <tr key={s}>
              <th scope="row">{t(`td.status.${s}`)}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {upload.errors.length > 0 && (
        <div role="alert">
          <p>{t('td.csvErrors', { n: upload.errors.length })}</p>
          <ul>
            {upload.errors.slice(0, 10).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
