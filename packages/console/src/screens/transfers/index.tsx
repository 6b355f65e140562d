import { useEffect, useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { useCreateForm, usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Confirm, Loading, MarkingBanner, Problem, Status } from '../../ui';
import { CsvButton, orgLabel, useOrganisations } from '../workspace/shared';

type RecordType = Schemas['RequestTransfer']['record']['type'];
type Transfer = Schemas['Transfer'];

const recordHref = (ws: string, x: Transfer['record']) =>
  href('w', ws, x.type === 'task' ? 'tasks' : x.type === 'request' ? 'requests' : 'incidents', x.id);

/** Titles of the records asked about, by id, read once each: a record the caller may not see keeps its id. */
const titles = new Map<string, Promise<string | undefined>>();
const titleOf = (ws: string, r: Transfer['record']): Promise<string | undefined> => {
  const key = `${ws}/${r.type}/${r.id}`;
  let p = titles.get(key);
  if (!p) {
    const c = api();
    p = (
      r.type === 'task'
        ? ok(c.GET('/v1/workspaces/{workspaceId}/tasks/{taskId}', { params: { path: { workspaceId: ws, taskId: r.id } } })).then(
            (x) => x.title,
          )
        : r.type === 'request'
          ? ok(c.GET('/v1/workspaces/{workspaceId}/requests/{requestId}', { params: { path: { workspaceId: ws, requestId: r.id } } })).then(
              (x) => x.description,
            )
          : ok(
              c.GET('/v1/workspaces/{workspaceId}/incidents/{incidentId}', { params: { path: { workspaceId: ws, incidentId: r.id } } }),
            ).then((x) => x.summary)
    ).catch(() => undefined);
    titles.set(key, p);
  }
  return p;
};

function useTitles(ws: string, items: Transfer[]): Record<string, string> {
  const [out, setOut] = useState<Record<string, string>>({});
  const ids = items.map((x) => `${x.record.type}/${x.record.id}`).join(',');
  useEffect(() => {
    let live = true;
    Promise.all(items.map(async (x) => [x.record.id, await titleOf(ws, x.record)] as const)).then((pairs) => {
      if (live) setOut(Object.fromEntries(pairs.filter((p): p is readonly [string, string] => Boolean(p[1]))));
    });
    return () => {
      live = false;
    };
  }, [ws, ids]);
  return out;
}

/** The countries a record may be released to, as the registry names them: each country with its agencies. */
function DestinationCountry() {
  const orgs = useOrganisations();
  const countries = [...new Set(orgs.filter((o) => o.kind !== 'provider').map((o) => o.country))].sort();
  return (
    <label>
      {t('xfer.country')}
      <select name="country" required>
        <option value="">{t('xfer.chooseCountry')}</option>
        {countries.map((c) => (
          <option key={c} value={c}>
            {c} ·{' '}
            {orgs
              .filter((o) => o.country === c && o.kind !== 'provider')
              .map((o) => o.name)
              .join('; ')}
          </option>
        ))}
      </select>
    </label>
  );
}

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
        <DestinationCountry />
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

function TransferRow({
  ws,
  x,
  me,
  title,
  orgs,
  reload,
}: {
  ws: string;
  x: Transfer;
  me: string;
  title: string | undefined;
  orgs: Schemas['Organisation'][];
  reload: () => Promise<void>;
}) {
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
  const what = `${t(`invite.kind.${x.record.type}`)} «${title ?? x.record.id}»`;
  const to = x.destination.orgId ? orgLabel(orgs, x.destination.orgId) : x.destination.country;
  return (
    <li class="row">
      <MarkingBanner marking={x.marking} compact />
      <div class="row-main">
        <a href={recordHref(ws, x.record)}>{title ?? x.record.id}</a>
        <span class="meta">
          {t(`invite.kind.${x.record.type}`)} · {t('xfer.to', { d: to })} · {t('xfer.askedBy', { o: orgLabel(orgs, x.requestedBy.orgId) })}{' '}
          · {fmtDateTime(x.createdAt)} · <Status value={x.status} />
        </span>
        <p>{x.purpose}</p>
        {x.refusalReason && <p>{t('xfer.refusedBecause', { r: x.refusalReason })}</p>}
      </div>
      {pending && x.originator.orgId === me && (
        <div class="actions">
          <Confirm
            label={t('xfer.approve')}
            question={t('xfer.approveQuestion', { what, to })}
            confirm={t('xfer.approveConfirm')}
            onConfirm={() =>
              act(() => ok(api().POST('/v1/workspaces/{workspaceId}/transfers/{transferId}/approve', { params: { path, header } })))
            }
          />
          <Confirm
            label={t('xfer.refuse')}
            secondary
            question={t('xfer.refuseQuestion', { what, to })}
            confirm={t('xfer.refuseConfirm')}
            onConfirm={() =>
              act(() =>
                ok(
                  api().POST('/v1/workspaces/{workspaceId}/transfers/{transferId}/refuse', { params: { path, header }, body: { reason } }),
                ),
              )
            }
          >
            <label>
              {t('xfer.reason')}
              <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          </Confirm>
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
  const names = useTitles(ws, items);
  const orgs = useOrganisations();
  return (
    <section aria-labelledby="h-xfer">
      <div class="section-head">
        <h2 id="h-xfer">{t('xfer.title')}</h2>
        <CsvButton
          name="release-requests"
          header={[t('xfer.record'), t('xfer.country'), t('xfer.purpose'), t('tasks.status'), t('audit.at')]}
          rows={() =>
            items.map((x) => [
              names[x.record.id] ?? x.record.id,
              x.destination.orgId ? orgLabel(orgs, x.destination.orgId) : x.destination.country,
              x.purpose,
              enumLabel('status', x.status),
              x.createdAt,
            ])
          }
        />
      </div>
      <p class="muted">{t('xfer.policyNote')}</p>
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      {r.data && items.length === 0 && <p class="muted">{t('xfer.none')}</p>}
      {toDecide.length > 0 && (
        <>
          <h3>{t('xfer.toDecide')}</h3>
          <ul class="rows">
            {toDecide.map((x) => (
              <TransferRow key={x.id} ws={ws} x={x} me={s.me.orgId} title={names[x.record.id]} orgs={orgs} reload={r.reload} />
            ))}
          </ul>
        </>
      )}
      {asked.length > 0 && (
        <>
          <h3>{t('xfer.asked')}</h3>
          <ul class="rows">
            {asked.map((x) => (
              <TransferRow key={x.id} ws={ws} x={x} me={s.me.orgId} title={names[x.record.id]} orgs={orgs} reload={r.reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
