import { useState } from 'preact/hooks';
import { ApiError, api, apiUrl, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { go, href } from '../../router';
import { Loading, Page, Problem, Status } from '../../ui';

// Takedowns: the agencies' form (paste or CSV, checked by the API before it is sent) and progress
// view, and the partner's batch-answer screen. Items are paged from the API, never all at once.

type Item = Schemas['TakedownItem'];
type Progress = Schemas['TakedownProgress'];
const ANSWERS = ['removed', 'restricted', 'not_found', 'refused'] as const;
const STATUSES = ['pending', ...ANSWERS] as const;

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

const ItemStatus = ({ value }: { value: (typeof STATUSES)[number] }) => <span class={`status st-${value}`}>{t(`td.status.${value}`)}</span>;

function Counts({ p }: { p: Progress }) {
  return (
    <>
      <label class="progress-label">
        {t('td.answered', { n: p.answered, total: p.total })}
        <progress max={p.total} value={p.answered} />
      </label>
      <dl class="facts">
        {STATUSES.map((s) => (
          <div key={s}>
            <dt>
              <ItemStatus value={s} />
            </dt>
            <dd data-count={s}>{p.counts[s]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** One page of items at a time, filtered by status; `select` adds a checkbox per item. */
function Items({
  load,
  select,
  reloadKey,
}: {
  load: (q: { status?: (typeof STATUSES)[number]; cursor?: string }) => Promise<{ items: Item[]; next?: string }>;
  select?: { chosen: Set<number>; toggle: (n: number) => void };
  reloadKey: number;
}) {
  const [status, setStatus] = useState<(typeof STATUSES)[number] | ''>(select ? 'pending' : '');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const r = usePoll(() => load({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }), [status, cursor, reloadKey], false);
  return (
    <section aria-labelledby="h-items">
      <h2 id="h-items">{t('td.items')}</h2>
      <label>
        {t('td.filter')}
        <select
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value as typeof status);
            setCursors([]);
          }}
        >
          <option value="">{t('td.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`td.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      {r.data && r.data.items.length === 0 && <p class="muted">{t('today.nothing')}</p>}
      <ul class="rows">
        {r.data?.items.map((it) => (
          <li class="row" key={it.n}>
            {select && (
              <input
                type="checkbox"
                aria-label={`${t('td.select')} ${it.n}`}
                checked={select.chosen.has(it.n)}
                onChange={() => select.toggle(it.n)}
              />
            )}
            <div class="row-main">
              <span>
                {it.n}. <span class="sel-type">{it.kind}</span> {it.service} · <code>{it.value}</code>
              </span>
              <span class="meta">
                <ItemStatus value={it.status} />
                {it.reason ? ` · ${it.reason}` : ''}
                {it.note ? ` · ${it.note}` : ''}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <p>
        {cursors.length > 0 && (
          <button type="button" class="secondary small" onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('td.prev')}
          </button>
        )}{' '}
        {r.data?.next && (
          <button type="button" class="secondary small" onClick={() => setCursors((c) => [...c, r.data!.next!])}>
            {t('td.next')}
          </button>
        )}
      </p>
    </section>
  );
}

/** An agency raises a takedown: paste the list or upload a CSV, see what the API makes of it, send. */
export function TakedownNew({ ws }: { ws: string }) {
  const w = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId: ws } } })), [ws], false);
  const [text, setText] = useState('');
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
                    providerOrgId: String(f.get('provider')),
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
          <label>
            {t('req.provider')}
            <input name="provider" required defaultValue="chatwave" />
          </label>
          <label>
            {t('td.basis')}
            <select name="basis">
              <option value="NATIONAL">{t('td.basis.NATIONAL')}</option>
              <option value="EU-DSA">{t('td.basis.EU-DSA')}</option>
              <option value="EU-TCO">{t('td.basis.EU-TCO')}</option>
            </select>
          </label>
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
          <Items
            reloadKey={p.at ?? 0}
            load={(q) =>
              ok(
                api().GET('/v1/workspaces/{workspaceId}/requests/{requestId}/takedown/items', {
                  params: { path, query: { ...q, limit: 50 } },
                }),
              )
            }
          />
        </article>
      )}
    </Page>
  );
}

/** The partner answers a batch: select items, set a status (and a reason where needed). */
export function TakedownAnswer({ id }: { id: string }) {
  const path = { requestId: id };
  const p = usePoll(() => ok(api().GET('/v1/portal/requests/{requestId}/takedown', { params: { path } })), [id], false);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [err, setErr] = useState<unknown>();
  const [done, setDone] = useState<string>();
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
            class="card"
            aria-labelledby="h-batch"
            onSubmit={async (e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              const reason = String(f.get('reason') ?? '').trim();
              setErr(undefined);
              setDone(undefined);
              try {
                const out = await ok(
                  api().POST('/v1/portal/requests/{requestId}/takedown/answers', {
                    params: { path },
                    body: {
                      answers: [...chosen].map((n) => ({
                        n,
                        status: f.get('status') as (typeof ANSWERS)[number],
                        ...(reason ? { reason } : {}),
                      })),
                    },
                  }),
                );
                setChosen(new Set());
                setDone(t('td.batchDone', { n: out.changed }));
                await p.reload();
              } catch (x) {
                setErr(x);
              }
            }}
          >
            <h2 id="h-batch">{t('td.batch', { n: chosen.size })}</h2>
            <label>
              {t('td.setStatus')}
              <select name="status">
                {ANSWERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`td.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('td.reason')}
              <input name="reason" maxLength={300} />
            </label>
            <Problem error={err} />
            {done && <p role="status">{done}</p>}
            <button type="submit" disabled={chosen.size === 0 || chosen.size > 500}>
              {t('td.answer')}
            </button>
          </form>
          <Items
            reloadKey={p.at ?? 0}
            select={{
              chosen,
              toggle: (n) =>
                setChosen((c) => {
                  const next = new Set(c);
                  if (next.has(n)) next.delete(n);
                  else next.add(n);
                  return next;
                }),
            }}
            load={(q) => ok(api().GET('/v1/portal/requests/{requestId}/takedown/items', { params: { path, query: { ...q, limit: 50 } } }))}
          />
        </>
      )}
    </Page>
  );
}
