// First, so that zod speaks English before anything parses.
import './kernel/zod';

export * from './audit/export';
export * from './audit/ports';
export * from './audit/queries';
export * from './audit/sequencer';
export * from './events';
export * from './incidents/commands';
export * from './incidents/contacts';
export * from './incidents/ladder';
export * from './incidents/model';
export * from './incidents/ports';
export * from './incidents/response';
export * from './incidents/settings';
export * from './incidents/timers';
export * from './kernel/audit';
export * from './kernel/checkpoint';
export * from './kernel/clock';
export * from './kernel/context';
export * from './kernel/duration';
export * from './kernel/errors';
export * from './kernel/events';
export * from './kernel/hash';
export * from './kernel/ids';
export * from './kernel/machines';
export * from './kernel/marking';
export * from './kernel/merkle';
export * from './kernel/primitives';
export * from './kernel/principal';
export * from './kernel/records';
export * from './kernel/runner';
export * from './kernel/store';
export * from './kernel/timers';
// Hit/no-hit matching (the selector schema is exported above, through requests/selectors).
export * from './matching/check';
export * from './matching/csv';
export * from './matching/hasher';
export * from './matching/index-writes';
export * from './matching/model';
export * from './matching/normalise';
export * from './matching/ports';
export * from './matching/reindex';
export * from './notifications/commands';
export * from './notifications/destination';
export * from './notifications/fanout';
export * from './notifications/model';
export * from './notifications/partner';
export * from './notifications/ports';
export * from './notifications/recheck';
export * from './organisations/commands';
export * from './organisations/model';
export * from './organisations/ports';
export * from './organisations/principals';
export * from './policies/access';
export * from './policies/commands';
export * from './policies/load';
export * from './policies/model';
export * from './policies/permissions';
export * from './policies/policy';
export * from './policies/visibility';
export * from './ports';
export * from './requests/answers/commands';
export * from './requests/answers/model';
export * from './requests/answers/outcome';
export * from './requests/clocks';
export * from './requests/commands';
export * from './requests/evidence';
export * from './requests/evidence-model';
export * from './requests/freezes/commands';
export * from './requests/freezes/model';
export * from './requests/machine';
export * from './requests/partner-view';
export * from './requests/portal';
export * from './requests/ports';
export * from './requests/request';
export * from './requests/selectors';
export * from './requests/takedowns/commands';
export * from './requests/takedowns/create';
export * from './requests/takedowns/intake';
export * from './requests/takedowns/model';
export * from './requests/takedowns/read';
export * from './requests/timers';
export * from './requests/turnaround/index';
// The request types (registerRequestType is for tests, imported from its file before the rest of core).
export {
  answeredWhole,
  BUILT_IN_REQUEST_TYPES,
  type ClockRow,
  type CreateIssue,
  type CreateSubject,
  isHeld,
  isRefused,
  type PerTargetAnswer,
  positiveDecision,
  type Refused,
  type RequestType,
  type RequestTypeDescriptor,
  requestType,
  requestTypeIds,
  requestTypes,
  targetDecisions,
  type WholeAnswer,
  type WholeOutcome,
} from './requests/types/index';
export * from './sweep/ports';
export * from './sweep/sweep';
export * from './tasks/commands';
export * from './tasks/machine';
export * from './tasks/model';
export * from './tasks/ports';
export * from './tasks/timers';
export * from './transfers/commands';
export * from './transfers/model';
export * from './transfers/ports';
export * from './workspaces/commands';
export * from './workspaces/invitations';
export * from './workspaces/machines';
export * from './workspaces/model';
export * from './workspaces/ports';
