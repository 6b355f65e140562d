import type { Schemas } from '../../api/client';
import { labelUnder, t } from '../../i18n';

type Rule = Schemas['SetCountryPolicy']['rules'][number];
export type RuleType = Rule['type'];
type Org = Schemas['Organisation'];

/** The rules the form builds (the matching ones have their own switches). */
export const RULE_TYPES: RuleType[] = [
  'never_countries',
  'only_countries',
  'instrument_parties',
  'no_private_sector',
  'red_only_to',
  'purge_after_close',
];
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

export const blankRule = (type: RuleType): Rule => {
  switch (type) {
    case 'only_countries':
    case 'never_countries':
      return { type, countries: [] };
    case 'instrument_parties':
      return { type, instrument: 'UNCC', parties: [] };
    case 'no_private_sector':
      return { type, atOrAbove: 'CLEAR' };
    case 'red_only_to':
      return { type, orgIds: [] };
    case 'purge_after_close':
      return { type, days: 90 };
    case 'no_matching':
      return { type };
    default:
      return { type: 'match_notice', tell: 'country' };
  }
};

export interface Described {
  text: string;
}

const names = (orgs: Org[], ids: string[]) => ids.map((id) => orgs.find((o) => o.id === id)?.name ?? id).join(', ');

/** A rule in words, as the preview lists what changes. */
export const describeRule = (r: Rule, orgs: Org[]): Described => {
  switch (r.type) {
    case 'only_countries':
      return { text: t('policy.say.only_countries', { list: r.countries.join(', ') }) };
    case 'never_countries':
      return { text: t('policy.say.never_countries', { list: r.countries.join(', ') }) };
    case 'instrument_parties':
      return { text: t('policy.say.instrument_parties', { instrument: r.instrument, list: r.parties.join(', ') }) };
    case 'no_private_sector':
      return { text: t('policy.say.no_private_sector', { tlp: `TLP:${r.atOrAbove ?? 'CLEAR'}` }) };
    case 'red_only_to':
      return { text: t('policy.say.red_only_to', { list: names(orgs, r.orgIds) }) };
    case 'purge_after_close':
      return { text: t('policy.say.purge_after_close', { n: r.days }) };
    case 'no_matching':
      return {
        text: r.towards?.length ? t('policy.say.no_matching_towards', { list: r.towards.join(', ') }) : t('policy.say.no_matching'),
      };
    default:
      return { text: t('policy.say.match_notice', { tell: t(`match.tell.${r.tell}`) }) };
  }
};

/**
 * Checks rules against the platform's own schema (loaded with the evaluator, only on this
 * screen): the first fault as the field it is in (`rules.0.countries`) and what is wrong.
 */
export async function validateRules(rules: unknown): Promise<{ field: string; message: string } | undefined> {
  const { CountryPolicyInput } = await import('@taskforce/core/policy');
  const res = CountryPolicyInput.safeParse({ rules });
  if (res.success) return undefined;
  const issue = res.error.issues[0]!;
  return { field: issue.path.map(String).join('.') || 'rules', message: issue.message };
}

/** Countries to choose from: every country in the registry with its agencies' names, and any the rule already names. */
function CountryChoices({
  legend,
  chosen,
  orgs,
  onChange,
}: {
  legend: string;
  chosen: string[];
  orgs: Org[];
  onChange: (next: string[]) => void;
}) {
  const countries = [...new Set([...orgs.filter((o) => o.kind !== 'provider').map((o) => o.country), ...chosen])].sort();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="choices">
        {countries.map((c) => (
          <label class="inline" key={c}>
            <input
              type="checkbox"
              checked={chosen.includes(c)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, c] : chosen.filter((x) => x !== c))}
            />
            {c}
            <span class="muted">
              {' '}
              {orgs
                .filter((o) => o.country === c && o.kind !== 'provider')
                .map((o) => o.name)
                .join('; ')}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One rule as choices: its kind's fields, and "Remove". */
export function RuleEditor({
  rule,
  index,
  orgs,
  onChange,
  onRemove,
}: {
  rule: Rule;
  index: number;
  orgs: Org[];
  onChange: (r: Rule) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <fieldset class="rule">
      <legend>
        {t('policy.ruleN', { n })}: {labelUnder('policy.type', rule.type)}
      </legend>
      <p class="muted">{t(`policy.help.${rule.type}` as never)}</p>
      {(rule.type === 'only_countries' || rule.type === 'never_countries') && (
        <CountryChoices
          legend={t('policy.countries')}
          chosen={rule.countries}
          orgs={orgs}
          onChange={(countries) => onChange({ ...rule, countries })}
        />
      )}
      {rule.type === 'instrument_parties' && (
        <>
          <label>
            {t('policy.instrument')}
            <select
              value={rule.instrument}
              onChange={(e) => onChange({ ...rule, instrument: e.currentTarget.value as 'UNCC' | 'BUDAPEST' })}
            >
              <option value="UNCC">{labelUnder('ws.legalCode', 'UNCC')}</option>
              <option value="BUDAPEST">{labelUnder('ws.legalCode', 'BUDAPEST')}</option>
            </select>
          </label>
          <CountryChoices
            legend={t('policy.parties')}
            chosen={rule.parties}
            orgs={orgs}
            onChange={(parties) => onChange({ ...rule, parties })}
          />
        </>
      )}
      {rule.type === 'no_private_sector' && (
        <label>
          {t('policy.atOrAbove')}
          <select
            lang="en"
            value={rule.atOrAbove ?? 'CLEAR'}
            onChange={(e) => onChange({ ...rule, atOrAbove: e.currentTarget.value as (typeof TLPS)[number] })}
          >
            {TLPS.map((x) => (
              <option key={x} value={x}>
                TLP:{x}
              </option>
            ))}
          </select>
        </label>
      )}
      {rule.type === 'red_only_to' && (
        <fieldset>
          <legend>{t('policy.organisations')}</legend>
          <div class="choices">
            {orgs
              .filter((o) => o.kind !== 'provider')
              .map((o) => (
                <label class="inline" key={o.id}>
                  <input
                    type="checkbox"
                    checked={rule.orgIds.includes(o.id)}
                    onChange={(e) =>
                      onChange({
                        ...rule,
                        orgIds: e.currentTarget.checked ? [...rule.orgIds, o.id] : rule.orgIds.filter((x) => x !== o.id),
                      })
                    }
                  />
                  {o.name} ({o.country})
                </label>
              ))}
          </div>
        </fieldset>
      )}
      {rule.type === 'purge_after_close' && (
        <label>
          {t('policy.days')}
          <input
            type="number"
            min={0}
            max={3650}
            step={1}
            value={String(rule.days)}
            onInput={(e) => onChange({ ...rule, days: Number(e.currentTarget.value) })}
          />
        </label>
      )}
      <button type="button" class="secondary small" onClick={onRemove}>
        {t('policy.remove', { n })}
      </button>
    </fieldset>
  );
}
