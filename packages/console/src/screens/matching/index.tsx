import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { applyFilter, FilterBar, useFilter } from '../../filters';
import { enumLabel, t } from '../../i18n';
import { MarkingBanner, Page, Problem } from '../../ui';

type Result = Schemas['CheckResult'];
type Rule = Schemas['SetCountryPolicy']['rules'][number];

const EXAMPLE =
  'type,value,chain,service,observedAt,timeZone\nwallet_address,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed,ethereum,,,\nphone,+84912345678,,,,';

const OUTCOMES = ['hit', 'no_hit'] as const;

/**
 * Check selectors (hit / no hit): paste CSV or upload a file, one selector a row. The answer
 * says only hit or no hit, and for a hit the agency to contact and the marking it holds it
 * under; the table never shows, because the API never sends, the other side's workspace or record.
 */
export function CheckSelectors() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>();
  const [kinds, setKinds] = useState<string[]>([]);
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useFilter();
  const every = result?.results ?? [];
  const shown = applyFilter(
    every,
    filter,
    (r) => [enumLabel('selector', kinds[r.index] ?? r.type), ...r.contacts.map((c) => `${c.name} ${c.country}`)].join(' '),
    (r) => (r.hit ? 'hit' : 'no_hit'),
  );
  return (
    <Page title={t('match.title')}>
      <p class="muted">{t('match.intro')}</p>
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          setErr(undefined);
          setBusy(true);
          try {
            const csv = text.trim() ? text : EXAMPLE;
            const res = await ok(
              api().POST('/v1/matching/checks', {
                body: csv as never,
                bodySerializer: (b: unknown) => b as string,
                headers: { 'content-type': 'text/csv' },
              }),
            );
            setKinds(
              csv
                .split(/\r?\n/)
                .slice(1)
                .filter((l) => l.trim())
                .map((l) => l.split(',')[0]!.trim()),
            );
            setResult(res);
          } catch (x) {
            setErr(x);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          {t('match.paste')}
          <textarea
            class="code"
            rows={8}
            value={text}
            placeholder={EXAMPLE}
            spellcheck={false}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('match.upload')}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </label>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('match.check')}
          </button>
        </div>
        <Problem error={err} />
      </form>
      <p role="status">{result ? t('match.summary', { n: result.selectors, hits: result.hits }) : ''}</p>
      {result && (
        <FilterBar
          list="selector-checks"
          statuses={OUTCOMES}
          statusLabel={(s) => t(s === 'hit' ? 'match.hit' : 'match.noHit')}
          filter={filter}
          onChange={setFilter}
          shown={shown.length}
          total={every.length}
        />
      )}
      {result && (
        <table class="grid" data-testid="match-results">
          <caption class="sr-only">{t('match.title')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('match.kind')}</th>
              <th scope="col">{t('match.outcome')}</th>
              <th scope="col">{t('match.contact')}</th>
              <th scope="col">{t('match.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.index}>
                <td>{r.index + 1}</td>
                <td>{enumLabel('selector', kinds[r.index] ?? r.type)}</td>
                <td>
                  <strong class={r.hit ? 'bad' : 'ok'}>{r.hit ? t('match.hit') : t('match.noHit')}</strong>
                  {r.heldByYou && <span class="meta"> · {t('match.yours')}</span>}
                </td>
                <td>
                  {r.contacts.map((c) => (
                    <div key={`${c.orgId}-${c.tlp}`}>
                      {c.name} ({c.country})
                    </div>
                  ))}
                </td>
                <td>
                  {r.contacts.map((c) => (
                    <MarkingBanner key={`${c.orgId}-${c.tlp}`} marking={{ tlp: c.tlp, caveats: c.caveats as never }} compact />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

/**
 * The matching switches of a country's policy, over the rules' JSON the policy screen edits:
 * whether its selectors are kept out of every check, and what its agencies are told of who matched.
 */
export function MatchingSwitches({ rules, onChange }: { rules: string; onChange: (json: string) => void }) {
  let parsed: Rule[] | undefined;
  try {
    parsed = JSON.parse(rules) as Rule[];
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) return null;
  const list = parsed;
  const excluded = list.some((r) => r.type === 'no_matching' && !('towards' in r && r.towards));
  const notice = list.find((r) => r.type === 'match_notice') as { tell: 'agency' | 'country' | 'nobody' } | undefined;
  const write = (next: Rule[]) => onChange(JSON.stringify(next, null, 2));
  return (
    <fieldset class="switches">
      <legend>{t('match.policy')}</legend>
      <label>
        <input
          type="checkbox"
          checked={excluded}
          onChange={(e) =>
            write(
              e.currentTarget.checked
                ? [...list.filter((r) => r.type !== 'no_matching'), { type: 'no_matching' }]
                : list.filter((r) => r.type !== 'no_matching'),
            )
          }
        />{' '}
        {t('match.exclude')}
      </label>
      <label>
        {t('match.notice')}{' '}
        <select
          value={notice?.tell ?? 'agency'}
          onChange={(e) => {
            const tell = e.currentTarget.value as 'agency' | 'country' | 'nobody';
            const rest = list.filter((r) => r.type !== 'match_notice');
            write(tell === 'agency' ? rest : [...rest, { type: 'match_notice', tell }]);
          }}
        >
          <option value="agency">{t('match.tell.agency')}</option>
          <option value="country">{t('match.tell.country')}</option>
          <option value="nobody">{t('match.tell.nobody')}</option>
        </select>
      </label>
    </fieldset>
  );
}
