import { DATA_CATEGORIES, ISSUING_AUTHORITIES, requestType } from '@taskforce/core/request-types';
import { useState } from 'preact/hooks';
import { api, apiUrl, ok, type Schemas, session } from '../../api/client';
import { fmtDateTime, type Key, labelUnder, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Confirm, Problem, Status } from '../../ui';
import { flash } from './flash';
import { SelectField } from './select-field';

// e-Evidence orders (EPOC, EPOC-PR): the certificate's sections on the new-request form, the
// validating authority's step, the certificate as its annex lays it out, and its file.

type Request = Schemas['DataRequest'];
type Certificate = Schemas['CreateRequest']['certificate'];

/** The Member States bound by Regulation (EU) 2023/1543 (Denmark is not), where an addressee is established. */
const MEMBER_STATES = 'AUT BEL BGR HRV CYP CZE EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE'.split(' ');
const field = (id: string) => t(`order.field.${id}` as Key);
const enumOf = (family: string, v: string) => labelUnder(`enum.${family}`, v);
const sectionTitle = (letter: string, id: string) => t('order.sectionTitle', { letter, title: t(`order.section.${id}` as Key) });

/** The annex's sections this form asks for, with their letters, in annex order. */
const sectionsOf = (type: string) => requestType(type).order?.sections ?? [];

const Text = ({ id, required, long }: { id: string; required?: boolean; long?: boolean }) =>
  long ? (
    <label>
      {field(id)}
      <textarea name={`c.${id}`} required={required} rows={2} />
    </label>
  ) : (
    <label>
      {field(id)}
      <input name={`c.${id}`} required={required} />
    </label>
  );
const Choice = ({ id, family, values, value }: { id: string; family: string; values: readonly string[]; value?: string }) => (
  <SelectField label={field(id)} name={`c.${id}`} value={value}>
    {values.map((v) => (
      <option key={v} value={v}>
        {family ? enumOf(family, v) : v}
      </option>
    ))}
  </SelectField>
);

/** What each section of the form asks for (the targets and the urgency are the request's own fields, above). */
function SectionFields({ id, type, country }: { id: string; type: string; country: string }) {
  switch (id) {
    case 'addressee':
      return (
        <>
          <Choice id="issuingState" family="" values={[...new Set([country, ...MEMBER_STATES])]} value={country} />
          <Text id="addresseeName" required />
          <Choice id="addresseeKind" family="addresseeKind" values={['legal_representative', 'designated_establishment']} />
          <Choice id="addresseeMemberState" family="" values={MEMBER_STATES} />
          <Text id="fileReference" />
        </>
      );
    case 'emergency':
      return <Text id="emergencyJustification" long />;
    case 'data':
      return (
        <>
          <fieldset>
            <legend>{field('categories')}</legend>
            {DATA_CATEGORIES.map((c) => (
              <label key={c} class="check">
                <input type="checkbox" name="c.categories" value={c} defaultChecked={c === 'subscriber'} /> {enumOf('dataCategory', c)}
              </label>
            ))}
          </fieldset>
          <label>
            {`${field('period')}: ${t('order.from')}`}
            <input type="date" name="c.from" required />
          </label>
          <label>
            {`${field('period')}: ${t('order.to')}`}
            <input type="date" name="c.to" required />
          </label>
          <Text id="dataRequested" required long />
        </>
      );
    case 'preservation':
      return <Text id="preservationReference" />;
    case 'subsequentRequest':
      return <Choice id="subsequentRequest" family="subsequentRequest" values={['epoc', 'eio', 'mla']} />;
    case 'userInformation':
      return (
        <>
          <label class="check">
            <input type="checkbox" name="c.delay" /> {t('order.delay')}
          </label>
          <Text id="userInformationReason" long />
        </>
      );
    case 'notification':
      return (
        <>
          <label class="check">
            <input type="checkbox" name="c.personResidesInIssuingState" defaultChecked /> {field('personResidesInIssuingState')}
          </label>
          <Text id="enforcingAuthority" />
        </>
      );
    case 'offence':
      return (
        <>
          <Text id="offenceDescription" required long />
          <Text id="legalProvision" required />
          <Text id="maxPenalty" />
        </>
      );
    case 'issuingAuthority':
      return (
        <>
          <Choice id="issuingAuthorityKind" family="authorityKind" values={[...ISSUING_AUTHORITIES].reverse()} />
          <Text id="issuingAuthorityName" required />
          <Text id="issuingAuthorityContact" required />
        </>
      );
    case 'contact':
      return <Text id="contactAuthority" />;
    case 'additional':
      return <Text id="additionalInformation" long />;
    default:
      // Filled by the platform: the deadline, the validation, the signature's time.
      return <p class="meta">{type === 'epoc_pr' && id === 'preservationPeriod' ? t('req.kindHint.epoc_pr') : t('order.none')}</p>;
  }
}

/** The certificate's sections on the new-request form, each a fieldset named by its annex letter and title. */
export function OrderFields({ type }: { type: string }) {
  const me = useSignal(session)!.me;
  const order = requestType(type).order;
  if (!order) return null;
  return (
    <div class="order-form">
      <h4>{t('order.annex', { annex: order.annex, form: order.form })}</h4>
      {sectionsOf(type)
        .filter((s) => !['timeLimits', 'validatingAuthority', 'signature'].includes(s.id))
        .map((s) => (
          <fieldset key={s.id}>
            <legend>{sectionTitle(s.letter, s.id)}</legend>
            <SectionFields id={s.id} type={type} country={me.country} />
          </fieldset>
        ))}
    </div>
  );
}

/** The certificate and the time range the form's sections say. */
export const certificateOf = (f: FormData, type: string): { certificate: Certificate; period: { from: string; to: string } } => {
  const s = (id: string) => {
    const v = String(f.get(`c.${id}`) ?? '').trim();
    return v === '' ? undefined : v;
  };
  const day = (id: string, end: boolean) => new Date(`${s(id)}T${end ? '23:59:59.999' : '00:00:00.000'}Z`).toISOString();
  const categories = f.getAll('c.categories').map(String) as NonNullable<Certificate>['categories'];
  const delay = f.get('c.delay') !== null;
  const maybe = (k: string, v: string | undefined) => (v ? { [k]: v } : {});
  return {
    period: { from: day('from', false), to: day('to', true) },
    certificate: {
      issuingState: s('issuingState')!,
      addressee: {
        name: s('addresseeName')!,
        kind: s('addresseeKind') as NonNullable<Certificate>['addressee']['kind'],
        memberState: s('addresseeMemberState')!,
      },
      ...maybe('fileReference', s('fileReference')),
      categories,
      dataRequested: s('dataRequested')!,
      ...maybe('preservationReference', s('preservationReference')),
      ...maybe('emergencyJustification', s('emergencyJustification')),
      userInformation: { delay, ...(delay ? maybe('reason', s('userInformationReason')) : {}) },
      personResidesInIssuingState: type === 'epoc_pr' || f.get('c.personResidesInIssuingState') !== null,
      ...maybe('enforcingAuthority', s('enforcingAuthority')),
      offence: {
        description: s('offenceDescription')!,
        legalProvision: s('legalProvision')!,
        ...maybe('maxPenalty', s('maxPenalty')),
      },
      issuingAuthority: {
        kind: s('issuingAuthorityKind') as NonNullable<Certificate>['issuingAuthority']['kind'],
        name: s('issuingAuthorityName')!,
        contact: s('issuingAuthorityContact')!,
      },
      ...maybe('subsequentRequest', s('subsequentRequest')),
      ...maybe('contactAuthority', s('contactAuthority')),
      ...maybe('additionalInformation', s('additionalInformation')),
    } as Certificate,
  };
};

/** The certificate as its annex lays it out: the sections in order with their letters, each field labelled. */
export function AnnexView({ certificate }: { certificate: NonNullable<Schemas['PortalRequest']['certificate']> }) {
  return (
    <section class="card" aria-labelledby="h-annex">
      <h2 id="h-annex">
        {t('order.certificate')} · {t('order.annex', { annex: certificate.annex, form: certificate.form })}
      </h2>
      {certificate.sections.map((s) => (
        <section key={s.letter} aria-labelledby={`h-annex-${s.letter}`}>
          <h3 id={`h-annex-${s.letter}`}>{sectionTitle(s.letter, s.id)}</h3>
          <dl class="facts">
            {s.fields.map((f) => (
              <div key={f.id}>
                <dt>{field(f.id)}</dt>
                <dd>
                  {f.values.length === 0
                    ? t('order.none')
                    : f.values
                        .map((v) => (f.enum ? enumOf(f.enum, v) : /^\d{4}-\d\d-\d\dT/.test(v) ? fmtDateTime(v) : v))
                        .join(f.id === 'period' ? ' – ' : ', ')}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}

/** Downloads the certificate file (XML) of an order. */
const downloadCertificate = async (q: Request) => {
  const res = await fetch(apiUrl(`/v1/workspaces/${encodeURIComponent(q.workspaceId)}/requests/${encodeURIComponent(q.id)}/certificate`), {
    headers: { Authorization: `Bearer ${session.value!.token}` },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'application/xml' }));
  a.download = `${requestType(q.type).order?.form ?? 'order'}-${q.id}.xml`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
};

/**
 * An order on the agency's side: while it waits for validation, who may validate it and, for a
 * validating authority of the agency who did not issue it, "Validate" (as which authority) and
 * "Refuse"; once validated, who validated it and, for the issuing agency, "Send order"; always the
 * certificate's file.
 */
export function ValidationPanel({ q, provider, onDone }: { q: Request; provider: string; onDone: () => void }) {
  const me = useSignal(session)!.me;
  const [err, setErr] = useState<unknown>();
  if (!requestType(q.type).order) return null;
  const v = q.validation;
  const params = { path: { workspaceId: q.workspaceId, requestId: q.id } };
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setErr(undefined);
    try {
      await fn();
      if (done) flash.value = done;
      onDone();
      return true;
    } catch (x) {
      setErr(x);
      return false;
    }
  };
  const decide = (body: Schemas['ValidateOrder']) =>
    run(() => ok(api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/validate', { params, body })));
  const validator = me.roles.includes('validating_authority') && me.orgId === q.requestedBy.orgId;
  const issuer = me.sub === q.requestedBy.sub;
  return (
    <section class="card" aria-labelledby="h-validation">
      <h2 id="h-validation">{v?.status === 'awaiting' ? t('order.validation.title') : t('order.certificate')}</h2>
      {v?.status === 'awaiting' && (
        <p>{t('order.validation.explain', { validators: v.validators.map((k) => enumOf('authorityKind', k)).join(', ') })}</p>
      )}
      {v?.status === 'awaiting' && validator && issuer && <p class="muted">{t('order.validation.own')}</p>}
      {v?.status === 'awaiting' && validator && !issuer && (
        <div class="actions">
          <Confirm
            label={t('order.validate')}
            question={t('order.confirmValidate', { provider })}
            confirm={t('order.yesValidate')}
            onConfirm={(f) =>
              decide({
                decision: 'validate',
                authority: {
                  kind: String(f.get('kind')) as Extract<Schemas['ValidateOrder'], { decision: 'validate' }>['authority']['kind'],
                  name: String(f.get('name') ?? '').trim(),
                },
              })
            }
          >
            <SelectField label={t('order.validateAs')} name="kind">
              {v.validators.map((k) => (
                <option key={k} value={k}>
                  {enumOf('authorityKind', k)}
                </option>
              ))}
            </SelectField>
            <label>
              {t('order.validatorName')}
              <input name="name" required maxLength={300} />
            </label>
          </Confirm>
          <Confirm
            label={t('order.refuse')}
            secondary
            question={t('order.confirmRefuse')}
            confirm={t('order.yesRefuse')}
            onConfirm={(f) => decide({ decision: 'refuse', reason: String(f.get('reason') ?? '').trim() })}
          >
            <label>
              {t('order.reason')}
              <textarea name="reason" required rows={2} />
            </label>
          </Confirm>
        </div>
      )}
      {v?.status === 'validated' && v.at && (
        <p>
          {t('order.validatedBy', {
            name: v.authority?.name ?? '',
            kind: v.authority ? enumOf('authorityKind', v.authority.kind) : '',
            at: fmtDateTime(v.at),
          })}
        </p>
      )}
      {v?.status === 'refused' && v.at && <p>{t('order.refusedBy', { at: fmtDateTime(v.at), reason: v.reason ?? '' })}</p>}
      <div class="actions">
        {q.status === 'validated' && me.orgId === q.requestedBy.orgId && me.roles.includes('officer') && (
          <button
            type="button"
            onClick={() =>
              run(() => ok(api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/send', { params })), t('order.sentOk'))
            }
          >
            {t('order.send')}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => run(() => downloadCertificate(q))}>
          {t('order.download')}
        </button>
      </div>
      <Problem error={err} />
    </section>
  );
}

/** For a validating authority: the workspace's orders of its agency that wait for validation. */
export function AwaitingValidation({ rows, ws }: { rows: readonly Request[]; ws: string }) {
  const me = useSignal(session)!.me;
  if (!me.roles.includes('validating_authority')) return null;
  const waiting = rows.filter(
    (q) => q.status === 'awaiting_validation' && q.requestedBy.orgId === me.orgId && q.requestedBy.sub !== me.sub,
  );
  return (
    <section class="card" aria-labelledby="h-awaiting-validation">
      <h3 id="h-awaiting-validation">{t('order.awaiting.title')}</h3>
      {waiting.length === 0 && <p class="muted">{t('order.awaiting.none')}</p>}
      <ul class="rows">
        {waiting.map((q) => (
          <li class="row" key={q.id}>
            <div class="row-main">
              <a href={href('w', ws, 'requests', q.id)}>{q.description}</a>
              <span class="meta">
                {labelUnder('enum.requestType', q.type)} · <Status value={q.status} />
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
