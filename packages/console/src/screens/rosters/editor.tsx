import { useEffect, useId, useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { fmtDateTime, t } from '../../i18n';
import { Problem } from '../../ui';

type Roster = Schemas['Roster'];
type Layer = Roster['layers'][number];
type Person = Schemas['RosterPeople']['items'][number];
type Shift = Schemas['Shift'];
type Kind = Layer['rotation']['kind'];

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
const KINDS: readonly Kind[] = ['weekly', 'daily', 'custom'];
/** How far the preview looks, and how many shifts it lists at most. */
const PREVIEW_DAYS = 14;
const PREVIEW_ROWS = 20;

/** Today's date in `zone`, as a date field takes it (YYYY-MM-DD). */
const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

export const nameOf = (people: Person[], sub: string) => people.find((p) => p.sub === sub)?.name ?? t('rosters.unknownPerson');

/** Why someone is on call: the override, or the rotation (named by its layer when there are several). */
export const whyOf = (source: Shift['source'], layers: readonly { name: string }[]) => {
  if ('override' in source) return t('rosters.why.override');
  const layer = layers[source.layer];
  return layers.length > 1 && layer ? `${t('rosters.why.layer')} · ${layer.name}` : t('rosters.why.layer');
};

/** How often a layer's shifts change, in words. */
export const kindText = (rotation: Layer['rotation']) =>
  rotation.kind === 'custom' ? t('rosters.kind.every', { h: rotation.hours }) : t(`rosters.kind.${rotation.kind}`);

/** A layer as the form edits it; `key` keeps each layer's fields in place while layers move. */
interface Draft {
  key: number;
  name: string;
  kind: Kind;
  hours: number;
  start: string;
  handover: string;
  members: string[];
  restrictions: { from: string; to: string }[];
}

let keys = 0;
const draftOf = (zone: string, n: number, l?: Layer): Draft => ({
  key: ++keys,
  name: l?.name ?? t('rosters.layer', { n }),
  kind: l?.rotation.kind ?? 'weekly',
  hours: l?.rotation.kind === 'custom' ? l.rotation.hours : 12,
  start: l?.start ?? todayIn(zone),
  handover: l?.handover ?? '09:00',
  members: l?.members ?? [],
  restrictions: l?.restrictions ?? [],
});

const layerOf = (d: Draft): Layer => ({
  name: d.name.trim() || t('rosters.layerDefault'),
  rotation: d.kind === 'custom' ? { kind: 'custom', hours: d.hours } : { kind: d.kind },
  start: d.start,
  handover: d.handover,
  members: d.members,
  restrictions: d.restrictions,
});

/** `xs` with item `i` swapped with its neighbour `by` places away (unchanged at either end). */
const moved = <T,>(xs: readonly T[], i: number, by: -1 | 1): T[] => {
  const j = i + by;
  const out = [...xs];
  if (j < 0 || j >= xs.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
};

const complete = (ds: readonly Draft[]) =>
  ds.length > 0 &&
  ds.every(
    (d) =>
      d.members.length > 0 &&
      /^\d{4}-\d{2}-\d{2}$/.test(d.start) &&
      /^\d{2}:\d{2}$/.test(d.handover) &&
      (d.kind !== 'custom' || (d.hours >= 1 && d.hours <= 672)),
  );

/**
 * Who would be on call over the next two weeks if the form were saved: the platform's own schedule
 * (the function the API runs, loaded only when a roster is edited), the roster's overrides applied.
 */
function Preview({ zone, layers, roster, people }: { zone: string; layers: Draft[]; roster?: Roster; people: Person[] }) {
  const [shifts, setShifts] = useState<Shift[] | undefined>();
  const id = useId();
  const ready = complete(layers);
  const shaped = layers.map(layerOf);
  const fingerprint = JSON.stringify([zone, shaped]);
  useEffect(() => {
    if (!ready) {
      setShifts(undefined);
      return;
    }
    let live = true;
    void import('@taskforce/core/rosters').then(({ timeline }) => {
      if (!live) return;
      const now = Date.now();
      const draft = {
        ...(roster ?? { orgId: '', id: '', createdAt: '', updatedAt: '', updatedBy: { sub: '', orgId: '' }, version: 0 }),
        name: '',
        timeZone: zone,
        layers: shaped,
        overrides: roster?.overrides ?? [],
      };
      try {
        setShifts(timeline(draft, new Date(now), new Date(now + PREVIEW_DAYS * 86_400_000)));
      } catch {
        setShifts(undefined);
      }
    });
    return () => {
      live = false;
    };
  }, [fingerprint, ready, roster]);
  return (
    <section aria-labelledby={id} aria-live="polite">
      <h4 id={id}>{t('rosters.preview')}</h4>
      {!ready && <p class="muted">{t('rosters.previewWaiting')}</p>}
      {ready && shifts && shifts.length === 0 && <p class="muted">{t('rosters.previewEmpty')}</p>}
      {ready && shifts && shifts.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption class="sr-only">{t('rosters.preview')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rosters.person')}</th>
                <th scope="col">{t('rosters.from')}</th>
                <th scope="col">{t('rosters.to')}</th>
                <th scope="col">{t('rosters.why')}</th>
              </tr>
            </thead>
            <tbody>
              {shifts.slice(0, PREVIEW_ROWS).map((s) => (
                <tr key={`${s.from}-${s.sub}`}>
                  <td>{nameOf(people, s.sub)}</td>
                  <td>{fmtDateTime(s.from)}</td>
                  <td>{fmtDateTime(s.to)}</td>
                  <td>{whyOf(s.source, shaped)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One layer: its rotation, hand-over, first day, who takes turns (in order) and the hours it covers. */
function LayerFields({
  d,
  n,
  count,
  people,
  set,
  move,
  remove,
}: {
  d: Draft;
  n: number;
  count: number;
  people: Person[];
  set: (d: Draft) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
}) {
  const [pick, setPick] = useState('');
  const free = people.filter((p) => !d.members.includes(p.sub));
  const chosen = free.some((p) => p.sub === pick) ? pick : (free[0]?.sub ?? '');
  const person = (sub: string) => people.find((p) => p.sub === sub)?.name ?? sub;
  return (
    <fieldset class="layer">
      <legend>{t('rosters.layer', { n })}</legend>
      <label>
        {t('rosters.layerName')}
        <input required maxLength={80} value={d.name} onInput={(e) => set({ ...d, name: e.currentTarget.value })} />
      </label>
      <label>
        {t('rosters.kind')}
        <select value={d.kind} onChange={(e) => set({ ...d, kind: e.currentTarget.value as Kind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`rosters.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {d.kind === 'custom' && (
        <label>
          {t('rosters.hours')}
          <input
            type="number"
            min={1}
            max={672}
            required
            value={d.hours}
            onInput={(e) => set({ ...d, hours: Number(e.currentTarget.value) })}
          />
        </label>
      )}
      <label>
        {t('rosters.handover')}
        <input type="time" required value={d.handover} onInput={(e) => set({ ...d, handover: e.currentTarget.value })} />
      </label>
      <label>
        {t('rosters.start')}
        <input type="date" required value={d.start} onInput={(e) => set({ ...d, start: e.currentTarget.value })} />
      </label>
      <fieldset>
        <legend>{t('rosters.members')}</legend>
        {d.members.length === 0 && <p class="muted">{t('rosters.noMembers')}</p>}
        <ol class="turns">
          {d.members.map((sub, i) => (
            <li key={sub}>
              <span>
                {i + 1}. {person(sub)}
              </span>
              <span class="actions">
                <button
                  type="button"
                  class="secondary"
                  disabled={i === 0}
                  aria-label={t('rosters.memberUp', { name: person(sub) })}
                  onClick={() => set({ ...d, members: moved(d.members, i, -1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  disabled={i === d.members.length - 1}
                  aria-label={t('rosters.memberDown', { name: person(sub) })}
                  onClick={() => set({ ...d, members: moved(d.members, i, 1) })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('rosters.memberRemove', { name: person(sub) })}
                  onClick={() => set({ ...d, members: d.members.filter((m) => m !== sub) })}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
        {people.length === 0 && <p class="muted">{t('rosters.noPeople')}</p>}
        {free.length > 0 && (
          <div class="inline">
            <label>
              {t('rosters.addPerson', { n })}
              <select value={chosen} onChange={(e) => setPick(e.currentTarget.value)}>
                {free.map((p) => (
                  <option key={p.sub} value={p.sub}>
                    {p.name ?? p.sub}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="secondary" onClick={() => chosen && set({ ...d, members: [...d.members, chosen] })}>
              {t('rosters.add')}
            </button>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('rosters.windows')}</legend>
        {d.restrictions.length === 0 && <p class="muted">{t('rosters.windowsNone')}</p>}
        {d.restrictions.map((w, i) => {
          const put = (v: { from: string; to: string }) => set({ ...d, restrictions: d.restrictions.map((x, j) => (j === i ? v : x)) });
          return (
            <div class="inline" key={i}>
              <label>
                {t('rosters.windowFrom', { n: i + 1 })}
                <input type="time" required value={w.from} onInput={(e) => put({ ...w, from: e.currentTarget.value })} />
              </label>
              <label>
                {t('rosters.windowTo', { n: i + 1 })}
                <input type="time" required value={w.to} onInput={(e) => put({ ...w, to: e.currentTarget.value })} />
              </label>
              <button type="button" class="secondary" onClick={() => set({ ...d, restrictions: d.restrictions.filter((_, j) => j !== i) })}>
                {t('rosters.removeWindow', { n: i + 1 })}
              </button>
            </div>
          );
        })}
        {d.restrictions.length < 7 && (
          <button
            type="button"
            class="secondary"
            onClick={() => set({ ...d, restrictions: [...d.restrictions, { from: '20:00', to: '08:00' }] })}
          >
            {t('rosters.addWindow')}
          </button>
        )}
      </fieldset>
      <div class="actions">
        <button type="button" class="secondary" disabled={n === 1} onClick={() => move(-1)}>
          {t('rosters.layerUp', { n })}
        </button>
        <button type="button" class="secondary" disabled={n === count} onClick={() => move(1)}>
          {t('rosters.layerDown', { n })}
        </button>
        <button type="button" class="secondary danger" disabled={count === 1} onClick={remove}>
          {t('rosters.removeLayer', { n })}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * A roster as a form: its name and time zone, then every layer (add, remove, reorder), each with
 * its rotation, hand-over, first day, members in turn order (picked by name, reordered by buttons)
 * and daily windows; below, who would be on call over the next two weeks if it were saved.
 */
export function RosterEditor({
  orgId,
  people,
  roster,
  onDone,
  onCancel,
}: {
  orgId: string;
  people: Person[];
  roster?: Roster;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(roster?.name ?? '');
  const [zone, setZone] = useState(roster?.timeZone ?? 'Asia/Bangkok');
  const [layers, setLayers] = useState<Draft[]>(() =>
    roster ? roster.layers.map((l, i) => draftOf(roster.timeZone, i + 1, l)) : [draftOf(zone, 1)],
  );
  const h = useId();
  const layersId = useId();
  return (
    <form
      class="card wide roster-editor"
      aria-labelledby={h}
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { name: name.trim(), timeZone: zone, layers: layers.map(layerOf) };
        setErr(undefined);
        setBusy(true);
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
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id={h}>{roster ? t('rosters.edit', { name: roster.name }) : t('rosters.new')}</h3>
      <label>
        {t('rosters.name')}
        <input required maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('rosters.zone')}
        <select value={zone} onChange={(e) => setZone(e.currentTarget.value)}>
          {(ZONES.includes(zone) ? ZONES : [zone, ...ZONES]).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <section aria-labelledby={layersId}>
        <h4 id={layersId}>{t('rosters.layers')}</h4>
        <p class="muted">{t('rosters.layersHint')}</p>
        {layers.map((d, i) => (
          <LayerFields
            key={d.key}
            d={d}
            n={i + 1}
            count={layers.length}
            people={people}
            set={(v) => setLayers(layers.map((x, j) => (j === i ? v : x)))}
            move={(by) => setLayers(moved(layers, i, by))}
            remove={() => setLayers(layers.filter((_, j) => j !== i))}
          />
        ))}
        {layers.length < 5 && (
          <button type="button" class="secondary" onClick={() => setLayers([...layers, draftOf(zone, layers.length + 1)])}>
            {t('rosters.addLayer')}
          </button>
        )}
      </section>
      <Preview zone={zone} layers={layers} roster={roster} people={people} />
      <Problem error={err} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {roster ? t('rosters.save') : t('rosters.create')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('rosters.cancel')}
        </button>
      </div>
    </form>
  );
}
