import { useState } from 'preact/hooks';
import { ApiError, all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, labelUnder, t } from '../../i18n';
import { useSignal } from '../../signal';
import { Loading, Page, Problem } from '../../ui';
import { CsvButton, orgLabel, useOrganisations } from '../workspace/shared';

type Contacts = Schemas['CountryContacts'];
type Rung = Contacts['duty'];
type RungName = 'duty' | 'backup' | 'nationalLead';
const RUNGS: RungName[] = ['duty', 'backup', 'nationalLead'];
const CHANNEL_KINDS = ['phone', 'email', 'secure_messaging', 'radio', 'other'] as const;
const SEVERITIES = ['critical', 'high', 'medium'] as const;

/** The server's message for one field (`body.duty.people.0.email`), if it named it. */
const fieldError = (error: unknown, field: string): string | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  const hits = (error.problem?.errors ?? []).filter((e) => e.field.replace(/^body\./, '') === field).map((e) => e.message);
  return hits.length ? hits.join('; ') : undefined;
};

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="error field-error" id={id} data-field-error={id}>
      {message}
    </p>
  ) : null;
}

const invalidProps = (id: string, message: string | undefined) => (message ? { 'aria-invalid': true, 'aria-describedby': id } : {});

/** Minutes from an ISO 8601 duration such as PT15M or PT1H30M (what the API keeps). */
const minutesOf = (iso: string): number => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return 0;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return (d * 24 + h) * 60 + min + Math.round(s / 60);
};

/** What a rung's "who is paged on their phone" choice holds: nobody, `roster:<id>` or `person:<sub>`. */
const pagedChoice = (r: Rung | undefined): string => (r?.rosterId ? `roster:${r.rosterId}` : r?.personSub ? `person:${r.personSub}` : '');

/**
 * The rosters and people of an organisation, for a rung's choice of whom it pages: only one's own
 * organisation's are readable (another's answer 404), so other organisations offer none to pick.
 */
function useRungTargets(orgId: string | undefined) {
  return usePoll(
    async () => {
      if (!orgId) return { rosters: [], people: [] };
      const path = { orgId };
      const [rosters, people] = await Promise.all([
        ok(api().GET('/v1/organisations/{orgId}/rosters', { params: { path } })).then(
          (x) => x.items,
          () => [],
        ),
        ok(api().GET('/v1/organisations/{orgId}/duty-contacts', { params: { path } })).then(
          (x) => x.items,
          () => [],
        ),
      ]);
      return { rosters, people };
    },
    [orgId],
    false,
  );
}

/** The rung's choice of whom it pages on their phone: nobody (the organisation only), a roster's on-call person, or a named person. */
function PagedChoice({
  rung,
  value,
  orgId,
  error,
}: {
  rung: RungName;
  value: Rung | undefined;
  orgId: string | undefined;
  error: unknown;
}) {
  const targets = useRungTargets(orgId);
  const current = pagedChoice(value);
  const sameOrg = value?.orgId === orgId;
  const rosters = targets.data?.rosters ?? [];
  const people = targets.data?.people ?? [];
  const known = current === '' || rosters.some((r) => `roster:${r.id}` === current) || people.some((p) => `person:${p.sub}` === current);
  const message = fieldError(error, `${rung}.rosterId`) ?? fieldError(error, `${rung}.personSub`);
  const id = `ct-${rung}-paged`;
  const chosen = sameOrg ? current : '';
  return (
    <>
      <label>
        {t('contacts.paged')}
        <select name={`${rung}.paged`} key={`${orgId}-${targets.data ? 1 : 0}`} {...invalidProps(id, message)}>
          <option value="">{t('contacts.paged.nobody')}</option>
          {rosters.length > 0 && (
            <optgroup label={t('contacts.paged.rosters')}>
              {rosters.map((r) => (
                <option key={r.id} value={`roster:${r.id}`} selected={chosen === `roster:${r.id}`}>
                  {t('contacts.paged.roster', { name: r.name })}
                </option>
              ))}
            </optgroup>
          )}
          {people.length > 0 && (
            <optgroup label={t('contacts.paged.people')}>
              {people.map((p) => (
                <option key={p.sub} value={`person:${p.sub}`} selected={chosen === `person:${p.sub}`}>
                  {p.name ?? p.sub}
                </option>
              ))}
            </optgroup>
          )}
          {sameOrg && !known && (
            <option value={current} selected>
              {t('contacts.paged.asSet')}
            </option>
          )}
        </select>
      </label>
      <FieldError id={id} message={message} />
    </>
  );
}

function RungFields({
  rung,
  value,
  agencies,
  error,
}: {
  rung: RungName;
  value: Rung | undefined;
  agencies: Schemas['Organisation'][];
  error: unknown;
}) {
  const [orgId, setOrgId] = useState(value?.orgId ?? agencies[0]?.id);
  const person = value?.people[0];
  const channel = value?.channels[0];
  const e = (f: string) => fieldError(error, `${rung}.${f}`);
  const id = (f: string) => `ct-${rung}-${f.replace(/\./g, '-')}`;
  return (
    <fieldset class="rung">
      <legend>{t(`contacts.rung.${rung}`)}</legend>
      <label>
        {t('contacts.agency')}
        <select
          name={`${rung}.orgId`}
          defaultValue={value?.orgId}
          onChange={(ev) => setOrgId(ev.currentTarget.value)}
          {...invalidProps(id('orgId'), e('orgId'))}
        >
          {agencies.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={id('orgId')} message={e('orgId')} />
      <PagedChoice rung={rung} value={value} orgId={orgId} error={error} />
      <label>
        {t('contacts.person')}
        <input
          name={`${rung}.name`}
          defaultValue={person?.name ?? ''}
          maxLength={200}
          {...invalidProps(id('people.0.name'), e('people.0.name'))}
        />
      </label>
      <FieldError id={id('people.0.name')} message={e('people.0.name')} />
      <label>
        {t('contacts.phone')}
        <input
          name={`${rung}.phone`}
          type="tel"
          defaultValue={person?.phone ?? ''}
          placeholder="+84 24 1234 5678"
          {...invalidProps(id('people.0.phone'), e('people.0.phone'))}
        />
      </label>
      <FieldError id={id('people.0.phone')} message={e('people.0.phone')} />
      <label>
        {t('contacts.email')}
        <input
          name={`${rung}.email`}
          type="email"
          defaultValue={person?.email ?? ''}
          {...invalidProps(id('people.0.email'), e('people.0.email'))}
        />
      </label>
      <FieldError id={id('people.0.email')} message={e('people.0.email')} />
      <label>
        {t('contacts.channelKind')}
        <select name={`${rung}.channelKind`} defaultValue={channel?.kind ?? 'phone'}>
          {CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {labelUnder('contacts.channel', k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('contacts.channelAddress')}
        <input
          name={`${rung}.channelAddress`}
          defaultValue={channel?.address ?? ''}
          {...invalidProps(id('channels.0.address'), e('channels.0.address'))}
        />
      </label>
      <FieldError id={id('channels.0.address')} message={e('channels.0.address')} />
    </fieldset>
  );
}

/** A rung from the form: the first person and channel edited, any further ones kept as they were. */
const rungOf = (f: FormData, rung: RungName, before: Rung | undefined): Rung => {
  const s = (k: string) => String(f.get(`${rung}.${k}`) ?? '').trim();
  const person = { name: s('name'), ...(s('phone') ? { phone: s('phone') } : {}), ...(s('email') ? { email: s('email') } : {}) };
  const channel = { kind: s('channelKind') as Rung['channels'][number]['kind'], address: s('channelAddress') };
  const [what, target] = s('paged').split(/:(.*)/s);
  return {
    orgId: s('orgId'),
    ...(what === 'roster' && target ? { rosterId: target } : {}),
    ...(what === 'person' && target ? { personSub: target } : {}),
    people: [...(person.name ? [person] : []), ...(before?.people.slice(1) ?? [])],
    channels: [...(channel.address ? [channel] : []), ...(before?.channels.slice(1) ?? [])],
  };
};

/** The caller's country's 24/7 ladder: duty contact, backup, national lead; registered or edited here. */
function CountryContactsForm({ country, current, onSaved }: { country: string; current: Contacts | undefined; onSaved: () => void }) {
  const orgs = useOrganisations();
  const agencies = orgs.filter((o) => o.kind === 'agency' && o.country === country);
  const [err, setErr] = useState<unknown>();
  const [note, setNote] = useState('');
  if (orgs.length === 0) return <Loading />;
  return (
    <form
      class="card wide"
      aria-labelledby="h-ct-edit"
      key={current?.version ?? 0}
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setErr(undefined);
        setNote('');
        try {
          const saved = await ok(
            api().PUT('/v1/contacts/{country}', {
              params: { path: { country }, header: current ? { 'if-match': `"${current.version}"` } : {} },
              body: {
                duty: rungOf(f, 'duty', current?.duty),
                backup: rungOf(f, 'backup', current?.backup),
                nationalLead: rungOf(f, 'nationalLead', current?.nationalLead),
              },
            }),
          );
          setNote(t('contacts.saved', { country, v: saved.version }));
          onSaved();
        } catch (x) {
          setErr(x);
        }
      }}
    >
      <h2 id="h-ct-edit">{t(current ? 'contacts.edit' : 'contacts.register', { country })}</h2>
      <p class="muted">{t('contacts.help')}</p>
      <div class="rungs">
        {RUNGS.map((r) => (
          <RungFields key={r} rung={r} value={current?.[r]} agencies={agencies} error={err} />
        ))}
      </div>
      <Problem error={err} />
      <button type="submit">{t('contacts.save')}</button>
      <p role="status" class="ok">
        {note}
      </p>
    </form>
  );
}

/** A workspace's acknowledgement deadlines per severity, in minutes, and how often the ladder repeats. */
function Deadlines({ ws }: { ws: { workspaceId: string; title: string } }) {
  const path = { workspaceId: ws.workspaceId };
  const r = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}/incident-settings', { params: { path } })), [ws.workspaceId], false);
  const [err, setErr] = useState<unknown>();
  const [note, setNote] = useState('');
  const cur = r.data;
  const hid = `h-dl-${ws.workspaceId}`;
  return (
    <form
      class="card"
      aria-labelledby={hid}
      key={cur?.version ?? 0}
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setErr(undefined);
        setNote('');
        try {
          const mins = (s: string) => `PT${Number(f.get(s))}M`;
          const saved = await ok(
            api().PUT('/v1/workspaces/{workspaceId}/incident-settings', {
              params: { path, header: cur && cur.version > 0 ? { 'if-match': `"${cur.version}"` } : {} },
              body: {
                ackDeadlines: { critical: mins('critical'), high: mins('high'), medium: mins('medium') },
                repeats: Number(f.get('repeats')),
              },
            }),
          );
          setNote(t('contacts.deadlinesSaved', { v: saved.version }));
          await r.reload();
        } catch (x) {
          setErr(x);
        }
      }}
    >
      <h3 id={hid}>{t('contacts.deadlines', { title: ws.title })}</h3>
      <Problem error={r.error} />
      {cur &&
        SEVERITIES.map((s) => {
          const m = fieldError(err, `ackDeadlines.${s}`);
          const id = `dl-${ws.workspaceId}-${s}`;
          return (
            <div key={s}>
              <label>
                {t('contacts.ackWithin', { severity: enumLabel('severity', s) })}
                <span class="with-unit">
                  <input
                    name={s}
                    type="number"
                    min={1}
                    max={1440}
                    step={1}
                    required
                    defaultValue={String(minutesOf(cur.ackDeadlines[s]))}
                    {...invalidProps(id, m)}
                  />
                  <span>{t('contacts.minutes')}</span>
                </span>
              </label>
              <FieldError id={id} message={m} />
            </div>
          );
        })}
      {cur && (
        <>
          <label>
            {t('contacts.repeats')}
            <input
              name="repeats"
              type="number"
              min={0}
              max={10}
              step={1}
              required
              defaultValue={String(cur.repeats)}
              {...invalidProps(`dl-${ws.workspaceId}-repeats`, fieldError(err, 'repeats'))}
            />
          </label>
          <FieldError id={`dl-${ws.workspaceId}-repeats`} message={fieldError(err, 'repeats')} />
          <p class="muted">{t('contacts.repeatsHelp')}</p>
          <button type="submit">{t('contacts.saveDeadlines')}</button>
        </>
      )}
      <Problem error={err} />
      <p role="status" class="ok">
        {note}
      </p>
    </form>
  );
}

/**
 * 24/7 contacts: every country's registered ladder (who is paged, at which level), the form that
 * registers or edits the caller's own country's (its policy administrators and duty officers, and
 * the officers of an agency its ladder names, such as a national lead leading a task force), and
 * the incident deadlines of each workspace the caller's agency leads (its officers).
 */
export function ContactsScreen() {
  const s = useSignal(session)!;
  const me = s.me;
  const orgs = useOrganisations();
  const r = usePoll(() => all((cursor) => ok(api().GET('/v1/contacts', { params: { query: { cursor } } }))), [], false);
  const led = usePoll(
    () =>
      me.roles.includes('officer')
        ? all((cursor) => ok(api().GET('/v1/workspaces', { params: { query: { cursor } } }))).then((ws) =>
            ws.filter((w) => w.role === 'lead'),
          )
        : Promise.resolve([]),
    [],
    false,
  );
  const mine = r.data?.find((c) => c.country === me.country);
  // As the server decides (contacts.set): policy administrators and duty officers, or an officer of
  // an agency the country's ladder names (any officer of the country while it has none).
  const canEdit =
    me.orgKind === 'agency' &&
    (me.roles.includes('policy_admin') ||
      me.roles.includes('duty_contact') ||
      (me.roles.includes('officer') && (!mine || [mine.duty.orgId, mine.backup.orgId, mine.nationalLead.orgId].includes(me.orgId))));
  const rows = r.data ?? [];
  return (
    <Page
      title={t('contacts.title')}
      actions={
        <CsvButton
          name="contacts-24-7"
          header={[t('ws.country'), t('contacts.rung.duty'), t('contacts.rung.backup'), t('contacts.rung.nationalLead'), t('audit.at')]}
          rows={() =>
            rows.map((c) => [
              c.country,
              orgLabel(orgs, c.duty.orgId),
              orgLabel(orgs, c.backup.orgId),
              orgLabel(orgs, c.nationalLead.orgId),
              c.updatedAt,
            ])
          }
        />
      }
    >
      <Problem error={r.error} />
      {r.loading && !r.data && <Loading />}
      <section aria-labelledby="h-ct-list">
        <h2 id="h-ct-list">{t('contacts.registered')}</h2>
        {r.data && rows.length === 0 && <p class="muted">{t('contacts.none')}</p>}
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">{t('ws.country')}</th>
              {RUNGS.map((x) => (
                <th scope="col" key={x}>
                  {t(`contacts.rung.${x}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.country} data-testid={`contacts-${c.country}`}>
                <td>
                  {c.country}
                  <div class="meta">
                    {t('contacts.updated')}: {fmtDateTime(c.updatedAt)}
                  </div>
                </td>
                {RUNGS.map((x) => (
                  <td key={x}>
                    {orgLabel(orgs, c[x].orgId)}
                    {(c[x].rosterId || c[x].personSub) && (
                      <div class="meta">{t(c[x].rosterId ? 'contacts.paged.listRoster' : 'contacts.paged.listPerson')}</div>
                    )}
                    {c[x].people[0] && (
                      <div class="meta">
                        {[c[x].people[0].name, c[x].people[0].phone, c[x].people[0].email].filter(Boolean).join(' · ')}
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canEdit && r.data && <CountryContactsForm country={me.country} current={mine} onSaved={() => void r.reload()} />}
      {(led.data?.length ?? 0) > 0 && (
        <section aria-labelledby="h-dl">
          <h2 id="h-dl">{t('contacts.deadlinesTitle')}</h2>
          {led.data?.map((w) => (
            <Deadlines key={w.workspaceId} ws={w} />
          ))}
        </section>
      )}
    </Page>
  );
}
