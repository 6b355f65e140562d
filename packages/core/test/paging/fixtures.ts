import { EMPTY_POLICY_SET, type Incident, type Marking, type PersonPage, type PolicySet, refKey } from '../../src/index';
import { thailandIncident } from '../incidents/thailand';

export const SUMMARY = 'Ransomware at the Bangkok port authority\nLateral movement from 10.2.3.4; wallet bc1qsecret';

/** A page of Thailand's level 1 for the incident, as the ladder writes it. */
export const pageOf = (inc: Incident, over: Partial<PersonPage> = {}): PersonPage => ({
  workspaceId: inc.workspaceId,
  incidentId: inc.id,
  id: 'pg-0001',
  country: 'THA',
  step: 0,
  level: 1,
  round: 1,
  sub: 'tha-duty-1',
  orgId: 'tha-ccib',
  reason: 'on_call',
  createdAt: inc.raisedAt,
  expiresAt: new Date(Date.parse(inc.raisedAt) + 15 * 60_000).toISOString(),
  status: 'queued',
  attempts: [],
  version: 1,
  ...over,
});

/** The Thai incident's world, with what a page's content is decided from. */
export const thaiWorld = async () => {
  const t = await thailandIncident(SUMMARY);
  const ws = (await t.deps.store.get({ kind: 'workspace', id: t.ws.id })) ?? undefined;
  const org = (await t.deps.store.get({ kind: 'organisation', id: 'tha-ccib' })) ?? undefined;
  const loaded = await t.deps.store.load({ refs: [{ kind: 'workspace', id: t.ws.id }, { kind: 'policies' }] });
  const policies = (loaded.records.get(refKey({ kind: 'policies' }))?.value as PolicySet | undefined) ?? EMPTY_POLICY_SET;
  return { ...t, wsRecord: ws, org, policies };
};

export const marked = (inc: Incident, m: Partial<Marking>): Incident => ({ ...inc, marking: { ...inc.marking, ...m } });
