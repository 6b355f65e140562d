import type { RecordValue } from '../kernel/records';

// The workspace as the record registry knows it. Policies judge workspaces without importing the
// workspaces feature, whose commands ask them first: the features stay a DAG.
export type Workspace = RecordValue<'workspace'>;
export type Member = Workspace['members'][number];
