import * as z from 'zod/mini';

export * from './primitives';

import type { CountryContacts, Incident, IncidentSettings } from '../incidents/model';
import type { NotificationChannel, WebhookSecrets } from '../notifications/model';
import type { PolicySet } from '../policies/policy';
import type { DataRequest, EvidenceItem } from '../requests/request';
import { Marking } from './marking';
import { CountryCode, Id, IsoDateTime, positiveInt, text, textUpTo } from './primitives';

export const OrgKind = z.enum(['agency', 'provider', 'international']);
export type OrgKind = z.infer<typeof OrgKind>;
export const Sector = z.enum(['tech', 'bank', 'crypto', 'telecom']);
export type Sector = z.infer<typeof Sector>;

export const Organisation = z.object({
  id: Id,
  name: text(1, 200),
  kind: OrgKind,
  country: CountryCode,
  sector: z.optional(Sector),
  /** A suspended organisation's tokens are refused (absent: active). */
  status: z.optional(z.enum(['active', 'suspended'])),
  createdAt: IsoDateTime,
  version: positiveInt(),
});
export type Organisation = z.infer<typeof Organisation>;

/** Platform roles carried by a verified token. Workspace roles live on memberships. */
export const PlatformRole = z.enum(['officer', 'admin', 'policy_admin', 'duty_contact', 'auditor', 'responder']);
export type PlatformRole = z.infer<typeof PlatformRole>;

/** Who calls. Built only from a verified token; never from a request body. */
export const Principal = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  orgId: Id,
  orgKind: OrgKind,
  country: CountryCode,
  roles: z.array(PlatformRole).check(z.maxLength(PlatformRole.options.length)),
});
export type Principal = z.infer<typeof Principal>;

export const LegalBasisCode = z.enum(['UNCC', 'BUDAPEST', 'MLAT', 'JIT-AGREEMENT', 'EU-EEVIDENCE', 'NATIONAL']);
export const LegalBasis = z.object({
  code: LegalBasisCode,
  text: text(1, 2000),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const WorkspaceStatus = z.enum(['open', 'suspended', 'closed']);
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;
export const WorkspaceRole = z.enum(['lead', 'member', 'observer']);
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const Member = z.object({
  orgId: Id,
  orgName: z.string(),
  country: CountryCode,
  role: WorkspaceRole,
  joinedAt: IsoDateTime,
});
export type Member = z.infer<typeof Member>;

/** Bounded so that a workspace, its members and their index entries fit one transaction. */
export const MAX_MEMBERS = 40;

export const Workspace = z.object({
  id: Id,
  title: text(1, 200),
  leadOrgId: Id,
  legalBasis: LegalBasis,
  status: WorkspaceStatus,
  members: z.array(Member).check(z.maxLength(MAX_MEMBERS)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  closedAt: z.optional(IsoDateTime),
  version: positiveInt(),
});
export type Workspace = z.infer<typeof Workspace>;

/** The inverse index of membership: which workspaces an organisation belongs to. */
export const Membership = z.object({
  orgId: Id,
  workspaceId: Id,
  role: WorkspaceRole,
  title: z.string(),
  status: WorkspaceStatus,
  version: positiveInt(),
});
export type Membership = z.infer<typeof Membership>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'declined', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;
export const Invitation = z.object({
  workspaceId: Id,
  workspaceTitle: z.string(),
  orgId: Id,
  role: z.enum(['member', 'observer']),
  status: InvitationStatus,
  message: z.optional(textUpTo(2000)),
  invitedBy: z.object({ sub: z.string(), orgId: Id }),
  createdAt: IsoDateTime,
  respondedAt: z.optional(IsoDateTime),
  version: positiveInt(),
});
export type Invitation = z.infer<typeof Invitation>;

export const TaskStatus = z.enum(['open', 'accepted', 'in_progress', 'done', 'declined', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TaskPriority = z.enum(['low', 'normal', 'high', 'critical']);
export type TaskPriority = z.infer<typeof TaskPriority>;

export const Task = z.object({
  workspaceId: Id,
  id: Id,
  title: text(1, 200),
  description: textUpTo(10_000),
  assigneeOrgId: Id,
  dueAt: IsoDateTime,
  priority: TaskPriority,
  status: TaskStatus,
  /** Offsets before the due time at which the assignee is reminded, e.g. ["P1D","PT1H"]. */
  reminders: z.array(z.string()),
  statusReason: z.optional(textUpTo(2000)),
  escalatedAt: z.optional(IsoDateTime),
  marking: Marking,
  createdBy: z.object({ sub: z.string(), orgId: Id }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: positiveInt(),
});
export type Task = z.infer<typeof Task>;

/** Timer kinds are namespaced by feature (`task.*`, `request.*`, `incident.*`); each has a handler in the sweep. */
export const TimerKind = z.string().check(z.regex(/^[a-z_]+\.[a-z_.]+$/));
export type TimerKind = string;
/** A due timer: an item in the sparse due index until a sweep claims it. */
export const Timer = z.object({
  workspaceId: Id,
  id: z.string(),
  kind: TimerKind,
  subjectId: Id,
  dueAt: IsoDateTime,
  /** For reminders: the offset before the deadline that this reminder stands for. */
  offset: z.optional(z.string()),
  /** Handler-specific detail, e.g. an escalation level or an alerted country. */
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type Timer = z.infer<typeof Timer>;

export type StoredRecord =
  | { kind: 'organisation'; value: Organisation }
  | { kind: 'workspace'; value: Workspace }
  | { kind: 'membership'; value: Membership }
  | { kind: 'invitation'; value: Invitation }
  | { kind: 'task'; value: Task }
  | { kind: 'timer'; value: Timer }
  | { kind: 'contacts'; value: CountryContacts }
  | { kind: 'incidentSettings'; value: IncidentSettings }
  | { kind: 'incident'; value: Incident }
  | { kind: 'channel'; value: NotificationChannel }
  | { kind: 'webhookSecrets'; value: WebhookSecrets }
  | { kind: 'policies'; value: PolicySet }
  | { kind: 'request'; value: DataRequest }
  | { kind: 'evidence'; value: EvidenceItem };

export type RecordKind = StoredRecord['kind'];
export interface RecordValues {
  organisation: Organisation;
  workspace: Workspace;
  membership: Membership;
  invitation: Invitation;
  task: Task;
  timer: Timer;
  contacts: CountryContacts;
  incidentSettings: IncidentSettings;
  incident: Incident;
  channel: NotificationChannel;
  webhookSecrets: WebhookSecrets;
  policies: PolicySet;
  request: DataRequest;
  evidence: EvidenceItem;
}
export type RecordValue<K extends RecordKind> = RecordValues[K];

/** Addresses one record. `scope` is the workspace (or organisation, for memberships). */
export type RecordRef =
  | { kind: 'organisation'; id: string }
  | { kind: 'workspace'; id: string }
  | { kind: 'membership'; orgId: string; workspaceId: string }
  | { kind: 'invitation'; workspaceId: string; orgId: string }
  | { kind: 'task'; workspaceId: string; id: string }
  | { kind: 'timer'; workspaceId: string; id: string }
  | { kind: 'contacts'; country: string }
  | { kind: 'incidentSettings'; workspaceId: string }
  | { kind: 'incident'; workspaceId: string; id: string }
  | { kind: 'channel'; orgId: string }
  | { kind: 'webhookSecrets'; orgId: string }
  | { kind: 'policies' }
  | { kind: 'request'; workspaceId: string; id: string }
  | { kind: 'evidence'; workspaceId: string; requestId: string; id: string };

export const refOf = (r: StoredRecord): RecordRef => {
  switch (r.kind) {
    case 'organisation':
      return { kind: 'organisation', id: r.value.id };
    case 'workspace':
      return { kind: 'workspace', id: r.value.id };
    case 'membership':
      return { kind: 'membership', orgId: r.value.orgId, workspaceId: r.value.workspaceId };
    case 'invitation':
      return { kind: 'invitation', workspaceId: r.value.workspaceId, orgId: r.value.orgId };
    case 'task':
      return { kind: 'task', workspaceId: r.value.workspaceId, id: r.value.id };
    case 'timer':
      return { kind: 'timer', workspaceId: r.value.workspaceId, id: r.value.id };
    case 'contacts':
      return { kind: 'contacts', country: r.value.country };
    case 'incidentSettings':
      return { kind: 'incidentSettings', workspaceId: r.value.workspaceId };
    case 'incident':
      return { kind: 'incident', workspaceId: r.value.workspaceId, id: r.value.id };
    case 'channel':
    case 'webhookSecrets':
      return { kind: r.kind, orgId: r.value.orgId };
    case 'policies':
      return { kind: 'policies' };
    case 'request':
      return { kind: 'request', workspaceId: r.value.workspaceId, id: r.value.id };
    case 'evidence':
      return { kind: 'evidence', workspaceId: r.value.workspaceId, requestId: r.value.requestId, id: r.value.id };
  }
};

/** A stable string for a reference, used to key loaded records. */
export const refKey = (ref: RecordRef): string => {
  switch (ref.kind) {
    case 'organisation':
    case 'workspace':
      return `${ref.kind}:${ref.id}`;
    case 'membership':
      return `membership:${ref.orgId}:${ref.workspaceId}`;
    case 'invitation':
      return `invitation:${ref.workspaceId}:${ref.orgId}`;
    case 'task':
    case 'timer':
    case 'request':
      return `${ref.kind}:${ref.workspaceId}:${ref.id}`;
    case 'incident':
      return `incident:${ref.workspaceId}:${ref.id}`;
    case 'contacts':
      return `contacts:${ref.country}`;
    case 'incidentSettings':
      return `incidentSettings:${ref.workspaceId}`;
    case 'channel':
    case 'webhookSecrets':
      return `${ref.kind}:${ref.orgId}`;
    case 'policies':
      return 'policies';
    case 'evidence':
      return `evidence:${ref.workspaceId}:${ref.requestId}:${ref.id}`;
  }
};

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last page. */
  next?: string;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
