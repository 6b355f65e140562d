import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { useCreateForm, usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Loading, MarkingBanner, Problem, Status } from '../../ui';

type RecordType = Schemas['RequestTransfer']['record']['type'];
type Transfer = Schemas['Transfer'];

const recordHref = (ws: string, x: Transfer['record']) =>
  href('w', ws, x.type === 'task' ? 'tasks' : x.type === 'request' ? 'requests' : 'incidents', x.id);

/** On a record's page: ask its originator to release it to a further country (onward transfer). */
export function AskRelease({ ws, type, id }: { ws: string; type: RecordType; id: string }) {
  const [note, setNote] = useState('');
  const { err, onSubmit } = useCreateForm(
    async (f) => {
      await ok(
        api().POST('/v1/workspaces/{workspaceId}/transfers', {
          params: { path: { workspaceId: ws } },
          body: {
            record: { type, id },
            destination: {
              country: String(f.get('country') ?? '')
                .trim()
                .toUpperCase(),
            },
            purpose: String(f.get('purpose') ?? ''),
          },
        }),
      );
    },
    () => setNote(t('xfer.sent')),
  );
  return (
    <details class="transfer-ask">
      <summary>{t('xfer.ask')}</summary>
      <form onSubmit={onSubmit}>
        <label>
          {t('xfer.country')}
          <input name="country" required minLength={3} maxLength={3} pattern="[A-Za-z]{3}" autocomplete="off" />
        </label>
        <label>
          {t('xfer.purpose')}
          <textarea name="purpose" required maxLength={2000} rows={3} />
        </label>
        <p class="muted">{t('xfer.policyNote')}</p>
        <button type="submit">{t('xfer.send')}</button>
      </form>
      <p aria-live="polite">{note}</p>
      <Problem error={err} />
      <p>
        <a href={href('w', ws, 'transfers')}>{t('xfer.title')}</a>
      </p>
    </details>
  );
}

function TransferRow({ ws, x, me, reload }: { ws: string; x: Transfer; me: string; reload: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<unknown>();
  const path = { workspaceId: ws, transferId: x.id };
  const header = { 'if-match': `"${x.version}"` };
  const act = async (send: () => Promise<unknown>) => {
    setErr(undefined);
    try {
      await send();
      await reload();
    } catch (e) {
      setErr(e);
    }
  };
  const pending = x.status === 'pending';
  return (
    <li class="row">
      <MarkingBanner marking={x.marking} compact />
      <div class="row-main">
        <a href={recordHref(ws, x.record)}>
          {t(`invite.kind.${x.record.type}`)} {x.record.id}
        </a>
        <span class="meta">
          {t('xfer.to', { d: x.destination.orgId ?? x.destination.country })} · {t('xfer.askedBy', { o: x.requestedBy.orgId })} ·{' '}
          {fmtDateTime(x.createdAt)} · <Status value={x.status} />
        </span>
        <p>{x.purpose}</p>
        {x.refusalReason && <p>{t('xfer.refusedBecause', { r: x.refusalReason })}</p>}
      </div>
      {pending && x.originator.orgId === me && (
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              act(() => ok(api().POST('/v1/workspaces/{workspaceId}/transfers/{transferId}/approve', { params: { path, header } })))
            }
          >
            {t('xfer.approve')}
          </button>
          <label>
            {t('xfer.reason')}
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button
            type="button"
            class="secondary"
            onClick={() =>
              act(() =>
                ok(
                  api().POST('/v1/workspaces/{workspaceId}/transfers/{transferId}/refuse', { params: { path, header }, body: { reason } }),
                ),
              )
            }
          >
            {t('xfer.refuse')}
          </button>
        </div>
      )}
      {pending && x.requestedBy.orgId === me && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() =>
              act(() => ok(api().POST('/v1/workspaces/{workspaceId}/transfers/{transferId}/withdraw', { params: { path, header } })))
            }
          >
            {t('xfer.withdraw')}
          </button>
        </div>
      )}
      <Problem error={err} />
    </li>
  );
}

/** The release requests the caller's organisation asked, and those it decides as the originator. */
export function Transfers({ ws }: { ws: string }) {
  const s = useSignal(session)!;
  const r = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/transfers', { params: { path: { workspaceId: ws }, query: { cursor } } })),
      ),
    [ws],
  );
  const items = r.data ?? [];
  const toDecide = items.filter((x) => x.originator.orgId === s.me.orgId);
  const asked = items.filter((x) => x.originator.orgId !== s.me.orgId);
  return (
    <section aria-labelledby="h-xfer">
      <h2 id="h-xfer">{t('xfer.title')}</h2>
      <p class="muted">{t('xfer.policyNote')}</p>
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      {r.data && items.length === 0 && <p class="muted">{t('xfer.none')}</p>}
      {toDecide.length > 0 && (
        <>
          <h3>{t('xfer.toDecide')}</h3>
          <ul class="rows">
            {toDecide.map((x) => (
              <TransferRow key={x.id} ws={ws} x={x} me={s.me.orgId} reload={r.reload} />
            ))}
          </ul>
        </>
      )}
      {asked.length > 0 && (
        <>
          <h3>{t('xfer.asked')}</h3>
          <ul class="rows">
            {asked.map((x) => (
              <TransferRow key={x.id} ws={ws} x={x} me={s.me.orgId} reload={r.reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
