import { useState } from 'preact/hooks';
import { ApiError, all, api, ok, type Schemas, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { href } from '../../router';
import { useSignal } from '../../signal';
import { Loading, MarkingBanner, Page, Problem } from '../../ui';
import { MatchingSwitches } from '../matching';
import { CosignersSetting } from '../requests/cosign';

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
  const r = usePoll(
    () =>
      ok(api().GET('/v1/policies/{country}', { params: { path: { country } } })).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return undefined;
        throw e;
      }),
    [country],
    false,
  );
  const [text, setText] = useState<string>();
  const [err, setErr] = useState<unknown>();
  const [changes, setChanges] = useState<Change[]>();
  const [saved, setSaved] = useState('');
  const value = text ?? JSON.stringify(r.data?.rules ?? [], null, 2);
  const parse = (): Rule[] | undefined => {
    try {
      return JSON.parse(value) as Rule[];
    } catch (x) {
      setErr(new Error(t('policy.invalid', { detail: (x as Error).message })));
      return undefined;
    }
  };
  return (
    <Page title={t('policy.title', { country })}>
      {r.loading && <Loading />}
      <Problem error={r.error} />
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          setErr(undefined);
          setSaved('');
          const rules = parse();
          if (!rules) return;
          try {
            const res = await ok(
              api().PUT('/v1/policies/{country}', {
                params: { path: { country }, header: r.data ? { 'if-match': `"${r.data.version}"` } : {} },
                body: { rules },
              }),
            );
            setSaved(t('policy.saved', { v: res.version }));
            setText(undefined);
            setChanges(undefined);
            await r.reload();
          } catch (x) {
            setErr(x);
          }
        }}
      >
        <label>
          {t('policy.rules')}
          <textarea class="code" rows={10} value={value} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
        </label>
        <p class="muted">
          only_countries · never_countries · instrument_parties · no_private_sector · red_only_to · purge_after_close · no_matching ·
          match_notice
        </p>
        <MatchingSwitches rules={value} onChange={setText} />
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              setErr(undefined);
              const rules = parse();
              if (!rules) return;
              try {
                setChanges(await preview(country, rules));
              } catch (x) {
                setErr(x);
              }
            }}
          >
            {t('policy.preview')}
          </button>
          <button type="submit">{t('policy.save')}</button>
        </div>
        <p role="status">{saved}</p>
        <Problem error={err} />
      </form>
      {changes && (
        <section aria-labelledby="h-preview" data-testid="policy-preview">
          <h2 id="h-preview">{t('policy.preview')}</h2>
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
                    → {c.viewer}
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
