import { useState } from 'preact/hooks';
import { api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { useSignal } from '../../signal';
import { Loading, Page, Problem } from '../../ui';

type Roster = Schemas['Roster'];
type Person = Schemas['RosterPeople']['items'][number];
type Source = Schemas['Shift']['source'];

/** The time zones a team picks from (IANA names, as calendars and phones show them). */
const ZONES = [
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Jakarta',
  'Asia/Kuala_Lumpur',
  'Asia/Manila',
  'Asia/Phnom_Penh',
  'Asia/Singapore',
  'Asia/Vientiane',
  'Asia/Yangon',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Amsterdam',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'UTC',
];
const KINDS = ['weekly', 'daily'] as const;

/** Today's date in `zone`, as a date field takes it (YYYY-MM-DD). */
const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
/** A `datetime-local` field's value (the reader's own time) as UTC ISO 8601. */
const fromLocal = (v: string) => (v ? new Date(v).toISOString() : '');
/** An instant as a `datetime-local` value in the reader's own time. */
const toLocal = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

const nameOf = (people: Person[], sub: string) => people.find((p) => p.sub === sub)?.name ?? t('rosters.unknownPerson');
const whyOf = (source: Source) => ('override' in source ? t('rosters.why.override') : t('rosters.why.layer'));

/** Who is on call now, big, and who is next: the first thing a duty officer sees, on a phone too. */
function OnCallNow({ orgId, roster }: { orgId: string; roster: Roster }) {
  const path = { orgId, rosterId: roster.id };
  const r = usePoll(
    () => ok(api().GET('/v1/organisations/{orgId}/rosters/{rosterId}/oncall', { params: { path } })),
    [roster.id, roster.version],
  );
  const d = r.data;
  const id = `oc-${roster.id}`;
  return (
    <section class="card oncall" aria-labelledby={id}>
      <h3 id={id}>{t('rosters.now')}</h3>
      {!d && !r.error && <Loading />}
      <Problem error={r.error} />
      {d && (
        <>
          <p class="oncall-now">
            {d.now ? (
              <>
                <strong>{d.now.name ?? t('rosters.unknownPerson')}</strong>{' '}
                <span class="muted">
                  {d.now.until ? t('rosters.until', { t: fmtDateTime(d.now.until) }) : t('rosters.untilLater')} · {whyOf(d.now.source)}
                </span>
              </>
            ) : (
              <strong>{t('rosters.nobody')}</strong>
            )}
          </p>
          <p>
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
                  <td>{whyOf(s.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * A rotation as a form: name, time zone, daily or weekly, the hand-over time on the team's clock,
 * the first day, and who takes turns (ticked, in the order listed). Further layers are kept as they are.
 */
function RotationForm({ orgId, people, roster, onDone }: { orgId: string; people: Person[]; roster?: Roster; onDone: () => void }) {
  const [err, setErr] = useState<unknown>();
  const layer = roster?.layers[0];
  const zone = roster?.timeZone ?? 'Asia/Bangkok';
  const p = roster ? `ed-${roster.id}` : 'new';
  const kind = layer?.rotation.kind === 'daily' ? 'daily' : 'weekly';
  return (
    <form
      class="card wide"
      aria-labelledby={`h-${p}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const s = (k: string) => String(f.get(k) ?? '').trim();
        const members = people.filter((x) => f.get(`m-${x.sub}`) === 'on').map((x) => x.sub);
        const first = {
          name: s('layer') || t('rosters.layerDefault'),
          rotation: { kind: s('kind') as (typeof KINDS)[number] },
          start: s('start'),
          handover: s('handover'),
          members,
          restrictions: layer?.restrictions ?? [],
        };
        const body = { name: s('name'), timeZone: s('zone'), layers: [first, ...(roster?.layers.slice(1) ?? [])] };
        setErr(undefined);
        try {
          if (roster)
            await ok(
              api().PUT('/v1/organisations/{orgId}/rosters/{rosterId}', {
                params: { path: { orgId, rosterId: roster.id }, header: { 'if-match': `"${roster.version}"` } },
                body,
              }),
            );
          else await ok(api().POST('/v1/organisations/{orgId}/rosters', { params: { path: { orgId } }, body }));
          onDone();
        } catch (x) {
          setErr(x);
        }
      }}
    >
      <h3 id={`h-${p}`}>{roster ? t('rosters.edit', { name: roster.name }) : t('rosters.new')}</h3>
      <label>
        {t('rosters.name')}
        <input name="name" required maxLength={120} defaultValue={roster?.name ?? ''} />
      </label>
      <label>
        {t('rosters.zone')}
        <select name="zone" defaultValue={zone}>
          {ZONES.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rosters.kind')}
        <select name="kind" defaultValue={kind}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`rosters.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rosters.handover')}
        <input name="handover" type="time" required defaultValue={layer?.handover ?? '09:00'} />
      </label>
      <label>
        {t('rosters.start')}
        <input name="start" type="date" required defaultValue={layer?.start ?? todayIn(zone)} />
      </label>
      <input type="hidden" name="layer" value={layer?.name ?? ''} />
      <fieldset>
        <legend>{t('rosters.members')}</legend>
        {people.length === 0 && <p class="muted">{t('rosters.noPeople')}</p>}
        {people.map((x) => (
          <label key={x.sub} class="check">
            <input type="checkbox" name={`m-${x.sub}`} defaultChecked={layer?.members.includes(x.sub) ?? false} /> {x.name ?? x.sub}
          </label>
        ))}
      </fieldset>
      <Problem error={err} />
      <button type="submit">{roster ? t('rosters.save') : t('rosters.create')}</button>
    </form>
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
  const id = `r-${roster.id}`;
  const layer = roster.layers[0];
  return (
    <section class="roster" aria-labelledby={id}>
      <h2 id={id}>{roster.name}</h2>
      <OnCallNow orgId={orgId} roster={roster} />
      <p class="muted">
        {layer &&
          t('rosters.summary', {
            kind: t(`rosters.kind.${layer.rotation.kind === 'daily' ? 'daily' : layer.rotation.kind === 'weekly' ? 'weekly' : 'custom'}`),
            time: layer.handover,
            zone: roster.timeZone,
            people: layer.members.map((m) => nameOf(people, m)).join(', '),
          })}
      </p>
      <WeekView orgId={orgId} roster={roster} people={people} />
      {manage && (
        <>
          <OverrideForm key={roster.version} orgId={orgId} roster={roster} people={people} onDone={onChange} />
          <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('rosters.editButton', { name: roster.name })}
          </button>
          {editing && (
            <RotationForm
              orgId={orgId}
              people={people}
              roster={roster}
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
      {list.map((r) => (
        <RosterCard key={r.id} orgId={orgId} roster={r} people={folks} manage={manage} onChange={() => void rosters.reload()} />
      ))}
      {manage && (
        <>
          <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
            {t('rosters.new')}
          </button>
          {creating && (
            <RotationForm
              orgId={orgId}
              people={folks}
              onDone={() => {
                setCreating(false);
                void rosters.reload();
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}
