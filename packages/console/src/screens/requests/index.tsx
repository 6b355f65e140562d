import { answeredWhole, requestType } from '@taskforce/core/request-types';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, all, api, apiUrl, ok, type Schemas, session, sha256Hex } from '../../api/client';
import { downloadCsv } from '../../csv';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, fmtIsoDuration, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Countdown, Loading, MarkingBanner, Page, Problem, Status } from '../../ui';
import { DocumentButton } from '../documents';
import { EvidenceFiles } from '../evidence';
import { ThreadPanel } from '../threads/thread';
import { AskRelease } from '../transfers';
import { AgencyActions } from './agency-actions';
import { Confirmation, CosignPanel } from './cosign';
import { Flash } from './flash-status';
import { ListControls, matches, pageOf, useListFilter } from './list-controls';
import { AnnexView, ValidationPanel } from './order-lazy';
import { usePartners } from './partner-select';
import { SelectField } from './select-field';
import { EvidenceTargets, FreezePanel, REASONS, TargetAnswerForm, TargetResults, targetsOf } from './targets';

type Selector = Schemas['DataRequest']['selectors'][number];
const selectorText = (s: Selector) => ('chain' in s ? `${s.chain}:${s.value}` : s.value);

function Selectors({ selectors }: { selectors: Selector[] }) {
  const [copied, setCopied] = useState<number>();
  return (
    <ul class="selectors">
      {selectors.map((s, i) => (
        <li key={i}>
          <span class="sel-type">{t(`req.sel.${s.type}`)}</span> <code>{selectorText(s)}</code>
          {'observedAt' in s && (
            <span class="meta">
              {' '}
              {s.observedAt} ({s.timeZone})
            </span>
          )}
          <button
            type="button"
            class="small"
            aria-label={`${t('req.copy')} ${t(`req.sel.${s.type}`)}`}
            onClick={async () => {
              await navigator.clipboard?.writeText(selectorText(s)).catch(() => {});
              setCopied(i);
            }}
          >
            {copied === i ? t('req.copied') : t('req.copy')}
          </button>
        </li>
      ))}
    </ul>
  );
}

const BASIS_LABELS = ['BUDAPEST', 'UNCC', 'MLAT', 'NATIONAL', 'EU-EEVIDENCE', 'US-2703F', 'PROVISIONAL-MEASURE'] as const;
/** A legal basis code in the reader's language (a takedown's own bases under its screen's labels). */
const basisLabel = (code: string) =>
  (BASIS_LABELS as readonly string[]).includes(code)
    ? t(`req.basis.${code as (typeof BASIS_LABELS)[number]}`)
    : code === 'EU-DSA' || code === 'EU-TCO'
      ? t(`td.basis.${code}`)
      : code;
/** A clock rule by what it gives: the time to answer (or to hold) it allows. */
const clockLabel = (type: string, rule: string) => {
  const row = requestType(type).clocks.find((c) => c.id === rule);
  return row ? t(row.startsWhen ? 'req.clockHold' : 'req.clockRule', { d: fmtIsoDuration(row.period) }) : rule;
};

/** Where a request's legal clock no longer runs: answered or closed (a preservation or a freeze still runs its period). */
const CLOCK_STOPPED = new Set([
  'fulfilled',
  'partially_fulfilled',
  'cannot_comply',
  'withdrawn',
  'expired',
  'released',
  'lapsed',
  'cosign_refused',
]);
const clockRuns = (status: string) => !CLOCK_STOPPED.has(status);

/** The lead's view of a request: its clock, and its evidence, downloaded and checked against the registered digest. */
/** What the agency and the partner both see of a request (the agency also sees which partner it went to). */
function RequestFacts({
  q,
  provider,
  clock,
}: {
  q: { status: string; type: string; urgency: string; legalBasis: { code: string; text: string } };
  provider?: string;
  clock: { label: string; dueAt: string; paused: boolean } | undefined;
}) {
  return (
    <dl class="facts">
      <dt>{t('req.status')}</dt>
      <dd>
        <Status value={q.status} />
      </dd>
      {provider !== undefined && (
        <>
          <dt>{t('req.provider')}</dt>
          <dd>{provider}</dd>
        </>
      )}
      <dt>{t('req.type')}</dt>
      <dd>
        {enumLabel('requestType', q.type)} · {t(q.urgency === 'emergency' ? 'req.urgency.emergency' : 'req.urgency.standard')}
      </dd>
      <dt>{t('ws.legal')}</dt>
      <dd>
        {basisLabel(q.legalBasis.code)}: {q.legalBasis.text}
      </dd>
      <dt>{t('req.clock')}</dt>
      <dd>
        {clock ? (
          <>
            {clock.label} · {fmtDateTime(clock.dueAt)} ·{' '}
            {clockRuns(q.status) ? <Countdown iso={clock.dueAt} paused={clock.paused} /> : t('req.clockStopped')}
          </>
        ) : (
          '—'
        )}
      </dd>
    </dl>
  );
}

export function RequestDetail({ ws, id }: { ws: string; id: string }) {
  const r = usePoll(
    async () => {
      const p = { path: { workspaceId: ws, requestId: id } };
      const [request, evidence] = await Promise.all([
        ok(api().GET('/v1/workspaces/{workspaceId}/requests/{requestId}', { params: p })),
        ok(api().GET('/v1/workspaces/{workspaceId}/requests/{requestId}/evidence', { params: p })),
      ]);
      return { request, evidence: evidence.items };
      // Reads of AMBER and RED requests are audited: the detail re-reads on an action or `r`, not on a timer.
    },
    [ws, id],
    false,
  );
  const partners = usePartners();
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [err, setErr] = useState<unknown>();
  const q = r.data?.request;
  const me = useSignal(session)?.me;
  const download = async (e: Schemas['EvidenceItem']) => {
    setErr(undefined);
    try {
      const res = await fetch(
        apiUrl(`/v1/workspaces/${encodeURIComponent(ws)}/requests/${encodeURIComponent(id)}/evidence/${encodeURIComponent(e.id)}/content`),
        {
          headers: { Authorization: `Bearer ${session.value!.token}` },
        },
      );
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const bytes = await res.arrayBuffer();
      setChecks((c) => ({ ...c, [e.id]: '' }));
      const digest = await sha256Hex(bytes);
      setChecks((c) => ({ ...c, [e.id]: digest }));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes], { type: e.mediaType }));
      a.download = e.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    } catch (x) {
      setErr(x);
    }
  };
  return (
    <Page title={q?.description ?? t('common.loading')}>
      <p>
        <a href={href('w', ws, 'requests')}>← {t('common.back')}</a>
      </p>
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      <Flash />
      {q && (
        <article class="record">
          <MarkingBanner marking={q.marking} />
          <RequestFacts
            q={q}
            provider={partners.data?.find((o) => o.id === q.providerOrgId)?.name ?? q.providerOrgId}
            clock={q.clock && { label: clockLabel(q.type, q.clock.rule), dueAt: q.clock.dueAt, paused: Boolean(q.clock.pausedAt) }}
          />
          <CosignPanel q={q} onDone={r.reload} />
          {requestType(q.type).order && (
            <ValidationPanel
              q={q}
              provider={partners.data?.find((o) => o.id === q.providerOrgId)?.name ?? q.providerOrgId}
              onDone={r.reload}
            />
          )}
          {requestType(q.type).items && <a href={href('w', ws, 'takedowns', q.id)}>{t('td.open')}</a>}
          <h2>{t('req.selectors')}</h2>
          <Selectors selectors={q.selectors} />
          {q.clarifications.length > 0 && <Clarifications items={q.clarifications} />}
          <AgencyActions q={q} ws={ws} onDone={r.reload} />
          {q.requestedBy.orgId === me?.orgId && <DocumentButton workspaceId={ws} requestId={q.id} />}
          {q.outcome && (
            <p>
              {t('portal.outcome')}: <Status value={q.status} /> {q.outcome.reason ?? ''} {q.outcome.detail ?? ''}
            </p>
          )}
          <FreezePanel q={q} ws={ws} onDone={r.reload} />
          <TargetResults q={q} evidence={r.data!.evidence} />
          <EvidenceList
            items={r.data!.evidence}
            withMediaType
            detail={(e) => (
              <>
                <span class="meta">
                  {t('portal.serverDigest')}: <code data-testid="server-digest">{e.sha256}</code>
                </span>
                {checks[e.id] !== undefined && (
                  <span class="meta">
                    {t('portal.localDigest')}: <code data-testid="local-digest">{checks[e.id]}</code>{' '}
                    <strong role="status" class={checks[e.id] === e.sha256 ? 'ok' : 'bad'}>
                      {checks[e.id] === e.sha256 ? `✓ ${t('req.digestMatch')}` : checks[e.id] ? `✗ ${t('req.digestMismatch')}` : ''}
                    </strong>
                  </span>
                )}
              </>
            )}
            actions={(e) =>
              e.content === 'stored' && (
                <button type="button" onClick={() => download(e)}>
                  {t('req.download')}
                </button>
              )
            }
          />
          <Problem error={err} />
          <AskRelease ws={ws} type="request" id={id} />
          <EvidenceFiles where={{ as: 'agency', workspaceId: ws, parentKind: 'requests', parentId: id }} />
        </article>
      )}
      {/* The request's thread is its requesting agency's with the partner: nobody else of the workspace sees it. */}
      {q && q.requestedBy.orgId === session.value?.me.orgId && <ThreadPanel source={{ as: 'agency', ws, kind: 'request', id }} />}
    </Page>
  );
}

/** What a lead and a partner both see of an evidence file. */
type EvidenceRow = Pick<Schemas['EvidenceItem'], 'id' | 'fileName' | 'size' | 'mediaType' | 'content' | 'sha256'>;

/**
 * A request's evidence manifest: each file's name, size and whether its content is stored, then
 * what the screen adds about it (`detail`, beside the name; `actions`, after it).
 */
function EvidenceList<E extends EvidenceRow>({
  items,
  withMediaType = false,
  detail,
  actions,
}: {
  items: E[];
  withMediaType?: boolean;
  detail: (e: E) => ComponentChildren;
  actions?: (e: E) => ComponentChildren;
}) {
  return (
    <>
      <h2>{t('req.evidence')}</h2>
      <ul class="rows">
        {items.map((e) => (
          <li class="row evidence" key={e.id}>
            <div class="row-main">
              <span>
                {e.fileName} ({e.size} B{withMediaType && `, ${e.mediaType}`}) ·{' '}
                {e.content === 'stored' ? t('portal.stored') : t('portal.pending')}
              </span>
              {detail(e)}
            </div>
            {actions?.(e)}
          </li>
        ))}
      </ul>
    </>
  );
}

function Clarifications({ items }: { items: { question: string; askedAt: string; answer?: string }[] }) {
  return (
    <>
      <h2>{t('req.clarifications')}</h2>
      <ul>
        {items.map((c) => (
          <li key={c.askedAt}>
            {fmtDateTime(c.askedAt)}: {c.question} {c.answer && <>→ {c.answer}</>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The partner's inbox: what is addressed to my organisation, the nearest legal deadline first; filtered, searched, paged, downloadable. */
export function Inbox() {
  const s = useSignal(session)!;
  const r = usePoll(() => all((cursor) => ok(api().GET('/v1/portal/requests', { params: { query: { cursor } } }))), []);
  const [filter, setFilter] = useListFilter();
  // Running clocks first, the nearest deadline first; answered and closed requests after them.
  const dueKey = (q: { status: string; clock?: { dueAt: string } }) => `${clockRuns(q.status) ? 0 : 1}${q.clock?.dueAt ?? '9'}`;
  const items = [...(r.data ?? [])]
    .sort((a, b) => dueKey(a).localeCompare(dueKey(b)))
    .filter((q) => matches(q, filter, [q.description, q.requestingAgency.orgId]));
  return (
    <Page title={t('inbox.title', { org: s.me.orgId })}>
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      <ListControls
        list="partner-requests"
        filter={filter}
        setFilter={setFilter}
        total={items.length}
        onCsv={() =>
          downloadCsv(
            `requests-${s.me.orgId}`,
            ['reference', 'description', 'type', 'urgency', 'requesting agency', 'country', 'status', 'due'],
            items.map((q) => [
              q.id,
              q.description,
              q.type,
              q.urgency,
              q.requestingAgency.orgId,
              q.requestingAgency.country,
              q.status,
              q.clock?.dueAt,
            ]),
          )
        }
      />
      {r.data && items.length === 0 && <p class="muted">{t('inbox.none')}</p>}
      <ul class="rows">
        {pageOf(items, filter.page).map((q) => (
          <li class="row" key={q.id}>
            <MarkingBanner marking={q.handling} compact />
            <div class="row-main">
              <a href={href('inbox', q.id)}>{q.description}</a>
              <span class="meta">
                {enumLabel('requestType', q.type)} · {t(q.urgency === 'emergency' ? 'req.urgency.emergency' : 'req.urgency.standard')} ·{' '}
                {q.requestingAgency.orgId} ({q.requestingAgency.country}) · <Status value={q.status} /> · <code>{q.id}</code>
              </span>
            </div>
            {clockRuns(q.status) ? (
              <Countdown iso={q.clock?.dueAt} paused={q.clock?.paused} />
            ) : (
              <span class="meta">{t('req.clockStopped')}</span>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function PortalRequest({ id }: { id: string }) {
  const r = usePoll(
    async () => {
      const p = { path: { requestId: id } };
      const [request, evidence] = await Promise.all([
        ok(api().GET('/v1/portal/requests/{requestId}', { params: p })),
        ok(api().GET('/v1/portal/requests/{requestId}/evidence', { params: p })),
      ]);
      return { request, evidence: evidence.items };
    },
    [id],
    false,
  );
  const [err, setErr] = useState<unknown>();
  const [outcome, setOutcome] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState('');
  const q = r.data?.request;
  const act = async (what: string, fn: () => Promise<unknown>) => {
    setErr(undefined);
    setBusy(what);
    try {
      await fn();
      await r.reload();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy('');
    }
  };
  const p = { path: { requestId: id } };
  return (
    <Page title={q?.description ?? t('common.loading')}>
      <p>
        <a href={href('inbox')}>← {t('common.back')}</a>
      </p>
      <Problem error={r.error} />
      {q && (
        <article class="record">
          <MarkingBanner marking={q.handling} />
          <RequestFacts
            q={q}
            clock={
              q.clock && {
                label: q.clock.rule ? clockLabel(q.type, q.clock.rule) : q.clock.summary,
                dueAt: q.clock.dueAt,
                paused: q.clock.paused,
              }
            }
          />
          <Confirmation q={q} />
          {q.certificate && <AnnexView certificate={q.certificate} />}
          {requestType(q.type).items && <a href={href('inbox', q.id, 'takedown')}>{t('td.answerTitle')}</a>}
          <h2>{t('req.selectors')}</h2>
          <Selectors selectors={q.selectors} />
          {q.clarifications.length > 0 && <Clarifications items={q.clarifications} />}
          <div class="actions">
            {q.status === 'sent' && (
              <button
                type="button"
                disabled={!!busy}
                onClick={() => act('ack', () => ok(api().POST('/v1/portal/requests/{requestId}/acknowledge', { params: p })))}
              >
                {t('portal.acknowledge')}
              </button>
            )}
          </div>
          {['sent', 'acknowledged'].includes(q.status) && (
            <form
              class="card"
              aria-labelledby="h-clarify"
              onSubmit={(e) => {
                e.preventDefault();
                const question = String(new FormData(e.currentTarget).get('question'));
                void act('clarify', () =>
                  ok(api().POST('/v1/portal/requests/{requestId}/clarification', { params: p, body: { question } })),
                );
              }}
            >
              <h3 id="h-clarify">{t('portal.clarify')}</h3>
              <label>
                {t('portal.question')}
                <textarea name="question" required rows={2} />
              </label>
              <button type="submit" class="secondary">
                {t('portal.clarify')}
              </button>
            </form>
          )}
          {['sent', 'acknowledged', 'preserved'].includes(q.status) && (
            <>
              <form
                class="card"
                aria-labelledby="h-upload"
                onSubmit={(e) => {
                  e.preventDefault();
                  const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
                  if (!file) return;
                  const linked = targetsOf(new FormData(e.currentTarget));
                  void act('upload', async () => {
                    const bytes = await file.arrayBuffer();
                    const sha256 = await sha256Hex(bytes);
                    const item = await ok(
                      api().POST('/v1/portal/requests/{requestId}/evidence', {
                        params: p,
                        body: {
                          fileName: file.name,
                          size: bytes.byteLength,
                          mediaType: file.type || 'application/octet-stream',
                          sha256,
                          ...linked,
                        },
                      }),
                    );
                    setLocal((l) => ({ ...l, [item.id]: sha256 }));
                    const put = await fetch(
                      apiUrl(`/v1/portal/requests/${encodeURIComponent(id)}/evidence/${encodeURIComponent(item.id)}/content`),
                      {
                        method: 'PUT',
                        headers: { Authorization: `Bearer ${session.value!.token}`, 'Content-Type': 'application/octet-stream' },
                        body: bytes,
                      },
                    );
                    if (!put.ok) throw new ApiError(put.status, await put.json().catch(() => undefined));
                    (e.target as HTMLFormElement).reset();
                  });
                }}
              >
                <h3 id="h-upload">{t('portal.upload')}</h3>
                <label>
                  {t('portal.file')}
                  <input type="file" name="file" required />
                </label>
                <EvidenceTargets q={q} />
                <button type="submit" disabled={!!busy}>
                  {t('portal.upload')}
                </button>
              </form>
              <TargetAnswerForm q={q} onDone={r.reload} />
              {answeredWhole(q.type) && (
                <form
                  class="card"
                  aria-labelledby="h-answer"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const f = new FormData(e.currentTarget);
                    const detail = String(f.get('detail') ?? '');
                    const outcome = String(f.get('outcome'));
                    const body = (
                      outcome === 'cannot_comply'
                        ? { outcome, reason: String(f.get('reason')), ...(detail ? { detail } : {}) }
                        : { outcome, ...(detail ? { detail } : {}) }
                    ) as Schemas['Respond'];
                    void act('answer', () => ok(api().POST('/v1/portal/requests/{requestId}/response', { params: p, body })));
                  }}
                >
                  <h3 id="h-answer">{t('portal.answer')}</h3>
                  <SelectField label={t('portal.outcome')} name="outcome" onChange={(e) => setOutcome(e.currentTarget.value)}>
                    {((requestType(q.type).respond as { outcomes?: readonly string[] }).outcomes ?? []).map((o) => (
                      <option key={o} value={o}>
                        {enumLabel('status', o)}
                      </option>
                    ))}
                  </SelectField>
                  {outcome === 'cannot_comply' && (
                    <SelectField label={t('portal.reason')} name="reason">
                      {REASONS.map((o) => (
                        <option key={o} value={o}>
                          {t(`req.reason.${o}`)}
                        </option>
                      ))}
                    </SelectField>
                  )}
                  <label>
                    {t('portal.detail')}
                    <textarea name="detail" rows={2} required={outcome === 'partially_fulfilled'} />
                  </label>
                  <button type="submit" disabled={!!busy}>
                    {t('portal.send')}
                  </button>
                </form>
              )}
            </>
          )}
          <FreezePanel q={q} />
          <TargetResults q={q} evidence={r.data!.evidence} />
          <EvidenceList
            items={r.data!.evidence}
            detail={(e) => (
              <>
                {local[e.id] && (
                  <span class="meta">
                    {t('portal.localDigest')}: <code data-testid="local-digest">{local[e.id]}</code>
                  </span>
                )}
                <span class="meta">
                  {t('portal.serverDigest')}: <code data-testid="server-digest">{e.sha256}</code>
                  {local[e.id] && <strong class={local[e.id] === e.sha256 ? 'ok' : 'bad'}> {local[e.id] === e.sha256 ? '✓' : '✗'}</strong>}
                </span>
              </>
            )}
          />
          <p aria-live="polite" class="muted">
            {busy ? t('common.loading') : ''}
          </p>
          <Problem error={err} />
          {q.status === 'acknowledged' && <EvidenceFiles where={{ as: 'partner', requestId: id }} />}
        </article>
      )}
      <ThreadPanel source={{ as: 'partner', requestId: id }} />
    </Page>
  );
}
