import { useState } from 'preact/hooks';
import { ApiError, type Schemas } from './api/client';
import { t } from './i18n';

export type MarkingInput = NonNullable<Schemas['CreateTask']['marking']>;
type Tlp = MarkingInput['tlp'];
type Field = 'tlp' | 'releasableTo' | 'recipients' | 'caveats' | 'embargoUntil';

const TLPS: Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const CAVEATS = ['NO-PRIVATE-SECTOR', 'ORCON'] as const;

/** The marking a form's fields describe, as the API takes it. */
export function markingOf(f: FormData): MarkingInput {
  const embargo = String(f.get('embargoUntil') ?? '');
  const recipients = f.getAll('recipients').map(String);
  return {
    tlp: String(f.get('tlp')) as Tlp,
    releasableTo: f.get('rel') === 'list' ? f.getAll('relTo').map(String) : 'members',
    caveats: f.getAll('caveats').map(String) as MarkingInput['caveats'],
    ...(recipients.length ? { recipients } : {}),
    ...(embargo ? { embargoUntil: new Date(embargo).toISOString() } : {}),
  };
}

/**
 * The problem's messages about the marking, by field: the API names them from the request's
 * top (`body.marking.recipients`), or, for a rule the domain checks, just `marking`.
 */
function markingErrors(error: unknown): Partial<Record<Field | 'marking', string>> {
  const out: Partial<Record<Field | 'marking', string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem?.errors ?? []) {
    const m = /^(?:body\.)?marking(?:\.(\w+))?/.exec(e.field);
    if (!m) continue;
    const key = (m[1] as Field | undefined) ?? 'marking';
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}

/**
 * TLP (labels in English, as TLP 2.0 requires), REL TO (every member or chosen countries), RED
 * recipients, caveats and an embargo; a server error about a field is shown beside it.
 */
export function MarkingEditor({ id, ws, defaultTlp, error }: { id: string; ws: Schemas['Workspace']; defaultTlp: Tlp; error: unknown }) {
  const [tlp, setTlp] = useState<Tlp>(defaultTlp);
  const [rel, setRel] = useState<'members' | 'list'>('members');
  const errs = markingErrors(error);
  const countries = [...new Set(ws.members.map((m) => m.country))].sort();
  const err = (f: Field | 'marking') =>
    errs[f] ? (
      <p class="error field-error" id={`${id}-${f}-err`} data-field-error={f}>
        {errs[f]}
      </p>
    ) : null;
  const described = (f: Field) => (errs[f] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${f}-err` } : {});
  return (
    <fieldset class="marking-editor" aria-describedby={errs.marking ? `${id}-marking-err` : undefined}>
      <legend>{t('marking.label')}</legend>
      {err('marking')}
      <label>
        TLP
        <select name="tlp" value={tlp} onChange={(e) => setTlp(e.currentTarget.value as Tlp)} lang="en" {...described('tlp')}>
          {TLPS.map((x) => (
            <option key={x} value={x}>
              TLP:{x}
            </option>
          ))}
        </select>
      </label>
      {err('tlp')}
      <fieldset {...(errs.releasableTo ? { 'aria-describedby': `${id}-releasableTo-err` } : {})}>
        <legend>{t('marking.relToField')}</legend>
        <label class="inline">
          <input type="radio" name="rel" value="members" checked={rel === 'members'} onChange={() => setRel('members')} />
          {t('marking.relMembers')}
        </label>
        <label class="inline">
          <input type="radio" name="rel" value="list" checked={rel === 'list'} onChange={() => setRel('list')} />
          {t('marking.relList')}
        </label>
        {rel === 'list' && (
          <div class="choices">
            {countries.map((c) => (
              <label class="inline" key={c}>
                <input type="checkbox" name="relTo" value={c} />
                {c}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {err('releasableTo')}
      {tlp === 'RED' && (
        <fieldset {...(errs.recipients ? { 'aria-describedby': `${id}-recipients-err` } : {})}>
          <legend>{t('marking.recipients')}</legend>
          <div class="choices">
            {ws.members.map((m) => (
              <label class="inline" key={m.orgId}>
                <input type="checkbox" name="recipients" value={m.orgId} />
                {m.orgId}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {err('recipients')}
      <fieldset {...(errs.caveats ? { 'aria-describedby': `${id}-caveats-err` } : {})}>
        <legend>{t('marking.caveats')}</legend>
        <div class="choices">
          {CAVEATS.map((c) => (
            <label class="inline" key={c} lang="en">
              <input type="checkbox" name="caveats" value={c} />
              {c}
            </label>
          ))}
        </div>
      </fieldset>
      {err('caveats')}
      <label>
        {t('marking.embargo')}
        <input type="datetime-local" name="embargoUntil" {...described('embargoUntil')} />
      </label>
      {err('embargoUntil')}
    </fieldset>
  );
}
