import type { AuditStore, ExportFiles } from './audit/ports';
import type { MailSender, PushChannel, SmsSender } from './contact-methods/ports';
import type { EvidenceObjects } from './evidence/objects';
import type { EvidenceStore } from './evidence/ports';
import type { IncidentStore } from './incidents/ports';
import type { CheckpointSigner } from './kernel/checkpoint';
import type { Clock, Ids } from './kernel/store';
import type { SelectorHasher } from './matching/hasher';
import type { SelectorHolderStore } from './matching/ports';
import type { DestinationRule } from './notifications/destination';
import type { InboxStore, OutboxStore } from './notifications/ports';
import type { OrganisationStore } from './organisations/ports';
import type { PolicyStore } from './policies/ports';
import type { ContentStore, RequestStore } from './requests/ports';
import type { RosterStore } from './rosters/ports';
import type { SearchStore } from './search/ports';
import type { IntelStore } from './stix-import/ports';
import type { DueTimerStore } from './sweep/ports';
import type { TaskStore } from './tasks/ports';
import type { ThreadStore } from './threads/ports';
import type { TransferStore } from './transfers/ports';
import type { UserAdmin } from './users/ports';
import type { WorkspaceStore } from './workspaces/ports';

/**
 * The store port as a whole: the base (load, get, commit) and every feature's queries. An
 * adapter implements this; each use case asks only for the part it needs (e.g. `TaskStore`).
 */
export interface Store
  extends OrganisationStore,
    PolicyStore,
    WorkspaceStore,
    TaskStore,
    AuditStore,
    RequestStore,
    DueTimerStore,
    TransferStore,
    SelectorHolderStore,
    RosterStore,
    SearchStore,
    ThreadStore,
    EvidenceStore,
    IntelStore {}

/**
 * The store port of the 24/7 network and of messaging: incident and contact lists, the
 * outbox (events not yet fanned out, in the sparse due index), and the partners' inboxes.
 */
export interface AlertStore extends IncidentStore, OutboxStore, InboxStore {}

/** Everything an entry point wires up; each use case takes the part it needs. */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  content: ContentStore;
  /** Evidence of any size: multipart uploads by presigned parts, digests, downloads, scan verdicts; absent, its routes answer 503. */
  evidenceObjects?: EvidenceObjects;
  /** Where audit export files are written, and the short-lived links they are read by (the evidence bucket's `audit-exports/`). */
  exportFiles: ExportFiles;
  /** How long an audit export job may stay queued before it is handed to its worker again (see audit/export-redrive.ts). */
  exportRedriveAfterMs?: number;
  /** Incident and contact lists, the outbox and the partners' notification inboxes. */
  alerts: AlertStore;
  /** Signs the audit chains' checkpoints (see audit/sequencer.ts); absent, a key made up per process (tests only). */
  auditSigner?: CheckpointSigner;
  /** Told the chain of each audit entry queued (see KernelDeps). */
  auditQueued?(chainId: string): void;
  /** Where webhooks may point (see notifications/destination.ts); only the local runtime allows private hosts. */
  webhookDestinations?: DestinationRule;
  /** Keys selectors for hit/no-hit matching (see matching/hasher.ts); absent, a key made up per process (tests only). */
  selectorHasher?: SelectorHasher;
  /** The user directory administrators manage (users/admin.ts); absent, user administration answers 503. */
  users?: UserAdmin;
  /** Where verification codes (and pages) are e-mailed: locally maildev over SMTP, on AWS SES; absent, e-mail answers 503. */
  mail?: MailSender;
  /** Where they are texted: locally the runtime's SMS sink, on AWS End User Messaging SMS; absent, SMS answers 503. */
  sms?: SmsSender;
  /** Where web pushes go (VAPID): locally the runtime's push sink, on AWS the browsers' push services; absent, push answers 503. */
  push?: PushChannel;
}
