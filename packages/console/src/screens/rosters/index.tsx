import { useId, useState } from 'preact/hooks';
import { api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { useSignal } from '../../signal';
import { Confirm, Loading, Page, Problem } from '../../ui';
import { CsvButton } from '../workspace/shared';
import { kindText, nameOf, RosterEditor, whyOf } from './editor';
import { CalendarFeed } from './feed';

type Roster = Schemas['Roster'];
type Person = Schemas['RosterPeople']['items'][number];

/** A `datetime-local` field's value (the reader's own time) as UTC ISO 8601. */
const fromLocal = (v: string) => (v ? new Date(v).toISOString() : '');
/** An instant as a `datetime-local` value in the reader's own time. */
const toLocal = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/** Who is on call now on one roster, and who is next: a few lines, so every roster fits at the top of a phone. */
function OnCallNow({ orgId, roster }: { orgId: string; roster: Roster }) {
  const path = { orgId, rosterId: roster.id };
  const r = usePoll(
    () => ok(api().GET('/v1/organisations/{orgId}/rosters/{rosterId}/oncall', { params: { path } })),
    [roster.id, roster.version],
  );
  const d = r.data;
  return (
    <section class="oncall" aria-label={t('rosters.boardOf', { name: roster.name })}>
      <h3>{roster.name}</h3>
      {!d && !r.error && <Loading />}
      <Problem error={r.error} />
      {d && (
        <>
          <p class="oncall-now">
            {d.now ? (
              <>
                <strong>{d.now.name ?? t('rosters.unknownPerson')}</strong>{' '}
                <span class="muted">
                  {d.now.until ? t('rosters.until', { t: fmtDateTime(d.now.until) }) : t('rosters.untilLater')} ·{' '}
                  {whyOf(d.now.source, roster.layers)}
                </span>
              </>
            ) : (
              <strong>{t('rosters.nobody')}</strong>
            )}
          </p>
          <p class="oncall-next">
            {t('rosters.next')}{' '}
            {d.next ? (
              <>
                <strong>{d.next.name ?? t('rosters.unknownPerson')}</strong>{' '}
                {t('rosters.fromTo', { from: fmtDateTime(d.next.from), to: fmtDateTime(d.next.to) })}
              </>
            ) : (
              t('rosters.nobodyNext')
            )}
          </p>
        </>
      )}
    </section>
  );
}

/** Every roster's "on call now" and "next", first on the screen. */
function OnCallBoard({ orgId, rosters }: { orgId: string; rosters: Roster[] }) {
  const id = useId();
  if (rosters.length === 0) return null;
  return (
    <section class="card oncall-board" aria-labelledby={id}>
      <h2 id={id}>{t('rosters.board')}</h2>
      {rosters.map((r) => (
        <OnCallNow key={r.id} orgId={orgId} roster={r} />
      ))}
    </section>
  );
}

/** The next seven days, shift by shift, overrides applied. */
function WeekView({ orgId, roster, people }: { orgId: string; roster: Roster; people: Person[] }) {
  const path = { orgId, rosterId: roster.id };
  const r = usePoll(
    () => ok(api().GET('/v1/organisations/{orgId}/rosters/{rosterId}/shifts', { params: { path, query: { days: 7 } } })),
    [roster.id, roster.version],
    false,
  );
  const id = `wk-${roster.id}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('rosters.week')}</h3>
      <Problem error={r.error} />
      {r.data && r.data.items.length === 0 && <p class="muted">{t('rosters.weekEmpty')}</p>}
      {r.data && r.data.items.length > 0 && (
        <CsvButton
          name="roster-week"
          label={t('rosters.csv')}
          header={[t('rosters.person'), t('rosters.from'), t('rosters.to'), t('rosters.why')]}
          rows={() => (r.data?.items ?? []).map((s) => [nameOf(people, s.sub), s.from, s.to, whyOf(s.source, roster.layers)])}
        />
      )}
      {r.data && r.data.items.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption class="sr-only">{t('rosters.week')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rosters.person')}</th>
                <th scope="col">{t('rosters.from')}</th>
                <th scope="col">{t('rosters.to')}</th>
                <th scope="col">{t('rosters.why')}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.items.map((s) => (
                <tr key={`${s.from}-${s.sub}`}>
                  <td>{nameOf(people, s.sub)}</td>
                  <td>{fmtDateTime(s.from)}</td>
                  <td>{fmtDateTime(s.to)}</td>
                  <td>{whyOf(s.source, roster.layers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "X covers from .. to ..", picked by name and in the reader's own time. */
function OverrideForm({ orgId, roster, people, onDone }: { orgId: string; roster: Roster; people: Person[]; onDone: () => void }) {
  const [err, setErr] = useState<unknown>();
  const id = `ov-${roster.id}`;
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
  return (
    <form
      class="card"
      aria-labelledby={id}
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setErr(undefined);
        try {
          await ok(
            api().POST('/v1/organisations/{orgId}/rosters/{rosterId}/overrides', {
              params: { path: { orgId, rosterId: roster.id } },
              body: { sub: String(f.get('who')), from: fromLocal(String(f.get('from'))), to: fromLocal(String(f.get('to'))) },
            }),
          );
          onDone();
        } catch (x) {
          setErr(x);
        }
      }}
    >
      <h3 id={id}>{t('rosters.override')}</h3>
      <label>
        {t('rosters.who')}
        <select name="who">
          {people.map((x) => (
            <option key={x.sub} value={x.sub}>
              {x.name ?? x.sub}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rosters.overrideFrom')}
        <input name="from" type="datetime-local" required defaultValue={toLocal(start)} />
      </label>
      <label>
        {t('rosters.overrideTo')}
        <input name="to" type="datetime-local" required defaultValue={toLocal(start + 12 * 3_600_000)} />
      </label>
      <Problem error={err} />
      <button type="submit">{t('rosters.addOverride')}</button>
    </form>
  );
}

/** The overrides in force or to come, each removable by the roster's managers. */
function Overrides({
  orgId,
  roster,
  people,
  manage,
  onChange,
}: {
  orgId: string;
  roster: Roster;
  people: Person[];
  manage: boolean;
  onChange: () => void;
}) {
  const [err, setErr] = useState<unknown>();
  const id = `ovs-${roster.id}`;
  const now = Date.now();
  const live = roster.overrides.filter((o) => Date.parse(o.to) > now);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('rosters.overrides')}</h3>
      {live.length === 0 && <p class="muted">{t('rosters.overridesNone')}</p>}
      <Problem error={err} />
      {live.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption class="sr-only">{t('rosters.overrides')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rosters.person')}</th>
                <th scope="col">{t('rosters.from')}</th>
                <th scope="col">{t('rosters.to')}</th>
                {manage && <th scope="col">{t('rosters.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {live.map((o) => {
                const vars = { name: nameOf(people, o.sub), from: fmtDateTime(o.from), to: fmtDateTime(o.to) };
                return (
                  <tr key={o.id}>
                    <td>{vars.name}</td>
                    <td>{vars.from}</td>
                    <td>{vars.to}</td>
                    {manage && (
                      <td>
                        <Confirm
                          label={t('rosters.removeOverride', vars)}
                          question={t('rosters.removeOverrideQuestion', vars)}
                          confirm={t('rosters.removeOverrideConfirm')}
                          secondary
                          danger
                          onConfirm={async () => {
                            setErr(undefined);
                            try {
                              await ok(
                                api().DELETE('/v1/organisations/{orgId}/rosters/{rosterId}/overrides/{overrideId}', {
                                  params: { path: { orgId, rosterId: roster.id, overrideId: o.id } },
                                }),
                              );
                              onChange();
                              return true;
                            } catch (x) {
                              setErr(x);
                              return false;
                            }
                          }}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RosterCard({
  orgId,
  roster,
  people,
  manage,
  onChange,
}: {
  orgId: string;
  roster: Roster;
  people: Person[];
  manage: boolean;
  onChange: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [err, setErr] = useState<unknown>();
  const id = `r-${roster.id}`;
  return (
    <section class="roster" aria-labelledby={id}>
      <h2 id={id}>{roster.name}</h2>
      <ul class="muted layers">
        {roster.layers.map((layer) => (
          <li key={layer.name}>
            {t('rosters.layerSummary', {
              layer: layer.name,
              kind: kindText(layer.rotation),
              time: `${layer.handover} (${roster.timeZone})`,
              people: layer.members.map((m) => nameOf(people, m)).join(', '),
            })}
            {layer.restrictions.length > 0 &&
              ` ${t('rosters.only', { windows: layer.restrictions.map((w) => `${w.from}–${w.to}`).join(', ') })}`}
          </li>
        ))}
      </ul>
      <WeekView orgId={orgId} roster={roster} people={people} />
      <Overrides orgId={orgId} roster={roster} people={people} manage={manage} onChange={onChange} />
      {manage && (
        <>
          <OverrideForm key={roster.version} orgId={orgId} roster={roster} people={people} onDone={onChange} />
          <div class="actions">
            <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {t('rosters.editButton', { name: roster.name })}
            </button>
            <Confirm
              label={t('rosters.delete', { name: roster.name })}
              question={t('rosters.deleteQuestion', { name: roster.name })}
              confirm={t('rosters.deleteConfirm')}
              secondary
              danger
              onConfirm={async () => {
                setErr(undefined);
                try {
                  await ok(
                    api().DELETE('/v1/organisations/{orgId}/rosters/{rosterId}', {
                      params: { path: { orgId, rosterId: roster.id }, header: { 'if-match': `"${roster.version}"` } },
                    }),
                  );
                  onChange();
                  return true;
                } catch (x) {
                  setErr(x);
                  return false;
                }
              }}
            />
          </div>
          <Problem error={err} />
          {editing && (
            <RosterEditor
              key={roster.version}
              orgId={orgId}
              people={people}
              roster={roster}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                onChange();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The caller's organisation's 24/7 rosters: who is on call now and next, the week ahead, and (for its managers) editing. */
export function Rosters() {
  const s = useSignal(session);
  const me = s?.me;
  const orgId = me?.orgId ?? '';
  const manage = me?.orgKind === 'agency' && !!me.roles.some((r) => r === 'policy_admin' || r === 'duty_contact');
  // A duty contact of an agency stands on rosters, so has shifts of their own to subscribe to.
  const shifts = me?.orgKind === 'agency' && !!me.roles.includes('duty_contact');
  const rosters = usePoll(() => ok(api().GET('/v1/organisations/{orgId}/rosters', { params: { path: { orgId } } })), [orgId], false);
  const people = usePoll(() => ok(api().GET('/v1/organisations/{orgId}/duty-contacts', { params: { path: { orgId } } })), [orgId], false);
  const [creating, setCreating] = useState(false);
  const list = rosters.data?.items ?? [];
  const folks = people.data?.items ?? [];
  return (
    <Page title={t('rosters.title')}>
      <Problem error={rosters.error ?? people.error} />
      {!rosters.data && !rosters.error && <Loading />}
      {rosters.data && list.length === 0 && <p class="muted">{t('rosters.none')}</p>}
      <OnCallBoard orgId={orgId} rosters={list} />
      {list.map((r) => (
        <RosterCard key={r.id} orgId={orgId} roster={r} people={folks} manage={manage} onChange={() => void rosters.reload()} />
      ))}
      {manage && (
        <>
          <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
            {t('rosters.new')}
          </button>
          {creating && (
            <RosterEditor
              orgId={orgId}
              people={folks}
              onCancel={() => setCreating(false)}
              onDone={() => {
                setCreating(false);
                void rosters.reload();
              }}
            />
          )}
        </>
      )}
      {shifts && <CalendarFeed />}
    </Page>
  );
}
