import type { Marking } from '../kernel/marking';
import type { Selector } from '../matching/selectors';
import { CUSTOM_SCOS } from './custom';
import { recordStixId, scoId } from './ids';
import { stixMarkingOf } from './markings';

/**
 * What the platform holds, as STIX 2.1 objects. One record (a task, an incident, a data request)
 * becomes its SDO, the cyber-observables of its selectors, an `observed-data` for each IP address
 * (which is meaningless without the time it was seen), and a `related-to` relationship from the
 * record to each observable. Every SDO/SRO carries the record's marking (TLP ref + handling
 * extension), `created_by_ref` to the originating organisation's identity and the record's
 * `created`/`modified`; ids are stable per record (ids.ts).
 */

export type StixObject = { type: string; id: string } & Record<string, unknown>;

/** A marked record reduced to what every STIX rendering of it needs. */
interface StixRecord {
  kind: 'task' | 'incident' | 'request';
  workspaceId: string;
  id: string;
  marking: Marking;
  selectors: readonly Selector[];
  /** The organisation that originated the record. */
  originOrgId: string;
  created: string;
  modified: string;
}

/** One record's objects: its own (`record`), and the observables it holds (shared between records, merged by id). */
export interface RecordObjects {
  record: StixObject[];
  observables: StixObject[];
}

export const identityId = (orgId: string): string => recordStixId('identity', orgId);

/** STIX timestamps are UTC with a `Z`: an offset time (an observation) is converted. */
const utc = (iso: string): string => new Date(iso).toISOString();

const isIpv6 = (v: string) => v.includes(':');
const accountType = (service: string | undefined) =>
  service
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || undefined;

/** The cyber-observable for a selector (without marking: an observable is marked where it is merged). */
export const observableOf = (s: Selector): StixObject => {
  const sco = (type: string, props: Record<string, unknown>, extensionId?: string): StixObject => ({
    type,
    spec_version: '2.1',
    id: scoId(type, props),
    ...props,
    ...(extensionId ? { extensions: { [extensionId]: { extension_type: 'new-sco' } } } : {}),
  });
  switch (s.type) {
    case 'email':
      return sco('email-addr', { value: s.value });
    case 'ip_address':
      return sco(isIpv6(s.value) ? 'ipv6-addr' : 'ipv4-addr', { value: s.value });
    case 'account_id': {
      const type = accountType(s.service);
      return sco('user-account', { user_id: s.value, ...(type ? { account_type: type } : {}) });
    }
    case 'phone':
      return sco(CUSTOM_SCOS.phone.type, { value: s.value }, CUSTOM_SCOS.phone.extensionId);
    case 'imei':
      return sco(CUSTOM_SCOS.imei.type, { value: s.value }, CUSTOM_SCOS.imei.extensionId);
    case 'wallet_address':
      return sco(CUSTOM_SCOS.wallet.type, { value: s.value, chain: s.chain }, CUSTOM_SCOS.wallet.extensionId);
    case 'iban':
      return sco(CUSTOM_SCOS.iban.type, { iban: s.value.replace(/\s+/g, '').toUpperCase() }, CUSTOM_SCOS.iban.extensionId);
  }
};

/** The key a record's STIX ids derive from: stable for the record's life. */
const recordKey = (r: StixRecord) => `${r.workspaceId}/${r.kind}/${r.id}`;

const common = (r: StixRecord) => ({
  spec_version: '2.1',
  created_by_ref: identityId(r.originOrgId),
  created: utc(r.created),
  modified: utc(r.modified),
  ...stixMarkingOf(r.marking),
});

/**
 * The record's objects around its SDO: the observables, an `observed-data` per IP address (its
 * `first_observed`/`last_observed` are the instant the address was seen, in UTC; the time zone
 * and port are not carried), and a `related-to` relationship from the SDO to each observable.
 */
const recordObjects = (r: StixRecord, sdo: StixObject): RecordObjects => {
  const observables: StixObject[] = [];
  const around: StixObject[] = [];
  const seen = new Set<string>();
  for (const s of r.selectors) {
    const o = observableOf(s);
    if (!seen.has(o.id)) {
      seen.add(o.id);
      observables.push(o);
      around.push({
        type: 'relationship',
        id: recordStixId('relationship', `${recordKey(r)}/related-to/${o.id}`),
        ...common(r),
        relationship_type: 'related-to',
        source_ref: sdo.id,
        target_ref: o.id,
      });
    }
    if (s.type === 'ip_address') {
      const at = utc(s.observedAt);
      around.push({
        type: 'observed-data',
        id: recordStixId('observed-data', `${recordKey(r)}/${o.id}/${at}`),
        ...common(r),
        first_observed: at,
        last_observed: at,
        number_observed: 1,
        object_refs: [o.id],
      });
    }
  }
  return { record: [sdo, ...around], observables };
};

/** Free text cut to a one-line name. */
const nameOf = (text: string, fallback: string) => {
  const line = text.split('\n')[0]?.trim() ?? '';
  return (line.length > 200 ? `${line.slice(0, 199)}…` : line) || fallback;
};

export interface TaskLike {
  workspaceId: string;
  id: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  dueAt: string;
  assigneeOrgId: string;
  marking: Marking;
  selectors?: Selector[] | undefined;
  createdBy: { orgId: string };
  createdAt: string;
  updatedAt: string;
}

/**
 * A task as a `note`: STIX has no task object, and a note is the SDO that carries an analyst's
 * free text about other objects (here its observables and the assignee's identity).
 */
export const taskObjects = (t: TaskLike): RecordObjects => {
  const r: StixRecord = {
    kind: 'task',
    workspaceId: t.workspaceId,
    id: t.id,
    marking: t.marking,
    selectors: t.selectors ?? [],
    originOrgId: t.createdBy.orgId,
    created: t.createdAt,
    modified: t.updatedAt,
  };
  const refs = [...new Set((t.selectors ?? []).map((s) => observableOf(s).id))];
  const note: StixObject = {
    type: 'note',
    id: recordStixId('note', recordKey(r)),
    ...common(r),
    abstract: nameOf(t.title, 'Task'),
    content: `${t.title}\n\n${t.description}\n\nStatus: ${t.status}. Priority: ${t.priority}. Due: ${utc(t.dueAt)}.`.trim(),
    object_refs: [...refs, identityId(t.assigneeOrgId)],
    labels: ['task', `status:${t.status}`, `priority:${t.priority}`],
  };
  return recordObjects(r, note);
};

export interface IncidentLike {
  workspaceId: string;
  id: string;
  severity: string;
  type: string;
  summary: string;
  status: string;
  marking: Marking;
  selectors?: Selector[] | undefined;
  raisedBy: { orgId: string };
  raisedAt: string;
  updatedAt: string;
}

/** An urgent incident as STIX's `incident`, its severity and type as labels. */
export const incidentObjects = (i: IncidentLike): RecordObjects => {
  const r: StixRecord = {
    kind: 'incident',
    workspaceId: i.workspaceId,
    id: i.id,
    marking: i.marking,
    selectors: i.selectors ?? [],
    originOrgId: i.raisedBy.orgId,
    created: i.raisedAt,
    modified: i.updatedAt,
  };
  const sdo: StixObject = {
    type: 'incident',
    id: recordStixId('incident', recordKey(r)),
    ...common(r),
    name: nameOf(i.summary, `Incident (${i.type})`),
    description: i.summary,
    labels: ['incident', `severity:${i.severity}`, `type:${i.type}`, `status:${i.status}`],
  };
  return recordObjects(r, sdo);
};

export interface RequestLike {
  workspaceId: string;
  id: string;
  type: string;
  legalBasis: { code: string; text: string; reference?: string | undefined };
  urgency: string;
  description: string;
  status: string;
  marking: Marking;
  selectors: Selector[];
  period?: { from: string; to: string } | undefined;
  requestedBy: { orgId: string };
  createdAt: string;
  updatedAt: string;
}

/** A data request as a `note` stating its type, legal basis and period about the observables it names. */
export const requestObjects = (q: RequestLike): RecordObjects => {
  const r: StixRecord = {
    kind: 'request',
    workspaceId: q.workspaceId,
    id: q.id,
    marking: q.marking,
    selectors: q.selectors,
    originOrgId: q.requestedBy.orgId,
    created: q.createdAt,
    modified: q.updatedAt,
  };
  const refs = [...new Set(q.selectors.map((s) => observableOf(s).id))];
  const basis = `${q.legalBasis.code}: ${q.legalBasis.text}${q.legalBasis.reference ? ` (${q.legalBasis.reference})` : ''}`;
  const period = q.period ? ` Period: ${utc(q.period.from)} to ${utc(q.period.to)}.` : '';
  const note: StixObject = {
    type: 'note',
    id: recordStixId('note', recordKey(r)),
    ...common(r),
    abstract: `Data request (${q.type})`,
    content: `Data request (${q.type}), ${q.urgency}. Legal basis: ${basis}.${period}\n\n${q.description}\n\nStatus: ${q.status}.`.trim(),
    object_refs: refs.length ? refs : [identityId(q.requestedBy.orgId)],
    labels: ['data-request', `type:${q.type}`, `status:${q.status}`, `legal-basis:${q.legalBasis.code.toLowerCase()}`],
  };
  return recordObjects(r, note);
};
