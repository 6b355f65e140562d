import { useState } from 'preact/hooks';
import { ApiError, all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { labelUnder, t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Loading, MarkingBanner, Page, Problem } from '../../ui';
import { MatchingSwitches } from '../matching';
import { CosignersSetting } from '../requests/cosign';
import { CsvButton, orgLabel, useOrganisations } from '../workspace/shared';
import { blankRule, type Described, describeRule, RULE_TYPES, RuleEditor, type RuleType, validateRules } from './rules';

type Rule = Schemas['SetCountryPolicy']['rules'][number];
interface Change {
  kind: string;
  workspaceId: string;
  id: string;
  title: string;
  marking: Schemas['Task']['marking'];
  viewer: string;
  change: 'hide' | 'reveal';
}

/**
 * What a change to my country's rules would hide or reveal, before it is saved: the records my
 * country originated that I can see, against each workspace member, decided by the platform's own
 * policy evaluator (the same function the API runs, loaded only on this screen) under the rules in
 * force and under the proposed ones.
 */
async function preview(country: string, proposed: Rule[]): Promise<Change[]> {
  const { evaluate } = await import('@taskforce/core/policy');
  const c = api();
  // Only records my country originated are judged, and only by my country's policy: none other is read.
  const mine = await ok(c.GET('/v1/policies/{country}', { params: { path: { country } } })).catch((e) => {
    if (e instanceof ApiError && e.status === 404) return undefined;
    throw e;
  });
  type PolicySet = Parameters<typeof evaluate>[3];
  const current: PolicySet = { version: 0, countries: (mine ? { [country]: mine } : {}) as PolicySet['countries'] };
  const next: PolicySet = {
    version: 0,
    countries: {
      ...current.countries,
      [country]: { country, version: (mine?.version ?? 0) + 1, updatedAt: '', updatedBy: { sub: '', orgId: '' }, rules: proposed },
    } as PolicySet['countries'],
  };
  const workspaces = await all((cursor) => ok(c.GET('/v1/workspaces', { params: { query: { cursor } } })));
  const changes: Change[] = [];
  const now = new Date();
  for (const m of workspaces) {
    const path = { workspaceId: m.workspaceId };
    const [ws, tasks, requests, incidents] = await Promise.all([
      ok(c.GET('/v1/workspaces/{workspaceId}', { params: { path } })),
      all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/tasks', { params: { path, query: { cursor } } }))),
      all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/requests', { params: { path, query: { cursor } } }))),
      all((cursor) => ok(c.GET('/v1/workspaces/{workspaceId}/incidents', { params: { path, query: { cursor } } }))),
    ]);
    const records = [
      ...tasks.map((x) => ({ kind: 'task', id: x.id, title: x.title, marking: x.marking })),
      ...requests.map((x) => ({ kind: 'request', id: x.id, title: x.description, marking: x.marking })),
      ...incidents.map((x) => ({ kind: 'incident', id: x.id, title: x.summary, marking: x.marking })),
    ].filter((x) => (x.marking.originator as { country?: string }).country === country);
    for (const rec of records) {
      for (const member of ws.members) {
        const viewer = { orgId: member.orgId, orgKind: 'agency' as const, country: member.country, workspaceRole: member.role };
        const resource = {
          marking: rec.marking as never,
          workspaceStatus: ws.status,
          workspaceClosedAt: ws.closedAt,
          legalBasisCode: ws.legalBasis.code,
        };
        const before = evaluate(viewer, 'read', resource, current, now).allow;
        const after = evaluate(viewer, 'read', resource, next, now).allow;
        if (before !== after)
          changes.push({ ...rec, workspaceId: ws.id, viewer: `${member.orgId} (${member.country})`, change: after ? 'reveal' : 'hide' });
      }
    }
  }
  return changes;
}

export function Policy() {
  const s = useSignal(session)!;
  const country = s.me.country;
  const orgs = useOrganisations();
  const r = usePoll(
    () =>
      ok(api().GET('/v1/policies/{country}', { params: { path: { country } } })).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return undefined;
        throw e;
      }),
    [country],
    false,
  );
  /** The rules being edited; undefined until the person changes something (then the saved ones show). */
  const [draft, setDraft] = useState<Rule[]>();
  const [advanced, setAdvanced] = useState(false);
  const [text, setText] = useState<string>();
  const [err, setErr] = useState<unknown>();
  const [changes, setChanges] = useState<Change[]>();
  const [words, setWords] = useState<{ added: Described[]; removed: Described[] }>();
  const [saved, setSaved] = useState('');
  const [adding, setAdding] = useState<RuleType>('never_countries');
  const rules = draft ?? r.data?.rules ?? [];
  const json = text ?? JSON.stringify(rules, null, 2);
  const edit = (next: Rule[]) => {
    setDraft(next);
    setText(undefined);
    setChanges(undefined);
    setWords(undefined);
  };
  /** The rules to preview or save: from the JSON when it was edited, checked against the platform's schema, naming the field at fault. */
  const checked = async (): Promise<Rule[] | undefined> => {
    let candidate: unknown = rules;
    if (text !== undefined) {
      try {
        candidate = JSON.parse(text);
      } catch (x) {
        setErr(new Error(t('policy.invalid', { detail: (x as Error).message })));
        return undefined;
      }
    }
    const problem = await validateRules(candidate);
    if (problem) {
      setErr(new Error(t('policy.fieldError', { field: problem.field, detail: problem.message })));
      return undefined;
    }
    return candidate as Rule[];
  };
  const describeAll = (rs: Rule[]) => rs.map((x) => describeRule(x, orgs));
  const diff = (before: Rule[], after: Rule[]) => {
    const b = describeAll(before);
    const a = describeAll(after);
    return { added: a.filter((x) => !b.some((y) => y.text === x.text)), removed: b.filter((x) => !a.some((y) => y.text === x.text)) };
  };
  const editable = rules.filter((x) => x.type !== 'no_matching' && x.type !== 'match_notice');
  return (
    <Page title={t('policy.title', { country })}>
      {r.loading && <Loading />}
      <Problem error={r.error} />
      <p class="muted">{t('policy.intro')}</p>
      <form
        class="card wide"
        aria-labelledby="h-policy-rules"
        onSubmit={async (e) => {
          e.preventDefault();
          setErr(undefined);
          setSaved('');
          const next = await checked();
          if (!next) return;
          try {
            const res = await ok(
              api().PUT('/v1/policies/{country}', {
                params: { path: { country }, header: r.data ? { 'if-match': `"${r.data.version}"` } : {} },
                body: { rules: next },
              }),
            );
            setSaved(t('policy.saved', { v: res.version }));
            setDraft(undefined);
            setText(undefined);
            setChanges(undefined);
            setWords(undefined);
            await r.reload();
          } catch (x) {
            setErr(x);
          }
        }}
      >
        <div class="section-head">
          <h2 id="h-policy-rules">{t('policy.rulesTitle')}</h2>
          <CsvButton
            name={`policy-${country}`}
            header={[t('policy.rule'), t('policy.meaning')]}
            rows={() => describeAll(rules).map((d, i) => [labelUnder('policy.type', rules[i]!.type), d.text])}
          />
        </div>
        {editable.length === 0 && <p class="muted">{t('policy.noRules')}</p>}
        <ol class="rules">
          {rules.map((rule, i) =>
            rule.type === 'no_matching' || rule.type === 'match_notice' ? null : (
              <li key={i}>
                <RuleEditor
                  rule={rule}
                  index={i}
                  orgs={orgs}
                  onChange={(next) => edit(rules.map((x, j) => (j === i ? next : x)))}
                  onRemove={() => edit(rules.filter((_, j) => j !== i))}
                />
              </li>
            ),
          )}
        </ol>
        <div class="add-rule">
          <label>
            {t('policy.addKind')}
            <select value={adding} onChange={(e) => setAdding(e.currentTarget.value as RuleType)}>
              {RULE_TYPES.map((k) => (
                <option key={k} value={k}>
                  {labelUnder('policy.type', k)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="secondary" onClick={() => edit([...rules, blankRule(adding)])}>
            {t('policy.add')}
          </button>
        </div>
        <MatchingSwitches rules={JSON.stringify(rules)} onChange={(j) => edit(JSON.parse(j) as Rule[])} />
        <div class="advanced">
          <button
            type="button"
            class="secondary small"
            aria-expanded={advanced}
            aria-controls="policy-json"
            onClick={() => setAdvanced((a) => !a)}
          >
            {t('policy.advanced')}
          </button>
          {advanced && (
            <label id="policy-json">
              {t('policy.rules')}
              <textarea
                class="code"
                rows={10}
                value={json}
                spellcheck={false}
                onInput={(e) => {
                  const v = e.currentTarget.value;
                  setText(v);
                  setChanges(undefined);
                  setWords(undefined);
                  try {
                    const parsed = JSON.parse(v) as unknown;
                    if (Array.isArray(parsed)) setDraft(parsed as Rule[]);
                  } catch {
                    // Shown when previewed or saved, naming what is wrong.
                  }
                }}
              />
            </label>
          )}
        </div>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              setErr(undefined);
              setSaved('');
              const next = await checked();
              if (!next) return;
              try {
                setWords(diff(r.data?.rules ?? [], next));
                setChanges(await preview(country, next));
              } catch (x) {
                setErr(x);
              }
            }}
          >
            {t('policy.preview')}
          </button>
          <button type="submit">{t('policy.save')}</button>
        </div>
        <p role="status" class="ok">
          {saved}
        </p>
        <Problem error={err} />
      </form>
      {changes && words && (
        <section aria-labelledby="h-preview" data-testid="policy-preview">
          <h2 id="h-preview">{t('policy.preview')}</h2>
          <h3>{t('policy.ruleChanges')}</h3>
          {words.added.length === 0 && words.removed.length === 0 && <p>{t('policy.sameRules')}</p>}
          <ul class="rule-changes">
            {words.added.map((d) => (
              <li key={`+${d.text}`} class="ok">
                {t('policy.added', { rule: d.text })}
              </li>
            ))}
            {words.removed.map((d) => (
              <li key={`-${d.text}`} class="bad">
                {t('policy.removed', { rule: d.text })}
              </li>
            ))}
          </ul>
          <h3>{t('policy.recordChanges')}</h3>
          {changes.length === 0 && <p>{t('policy.noChange')}</p>}
          <ul class="rows">
            {changes.map((c) => (
              <li class="row" key={`${c.id}-${c.viewer}`}>
                <MarkingBanner marking={c.marking} compact />
                <div class="row-main">
                  <a href={href('w', c.workspaceId, `${c.kind}s`, c.id)}>{c.title}</a>
                  <span class="meta">
                    <strong class={c.change === 'hide' ? 'bad' : 'ok'}>
                      {c.change === 'hide' ? t('policy.wouldHide') : t('policy.wouldReveal')}
                    </strong>{' '}
                    → {orgLabel(orgs, c.viewer.split(' ')[0]!)} {c.viewer.split(' ')[1]}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CosignersSetting />
    </Page>
  );
}
