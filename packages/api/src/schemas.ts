import {
  AnswerClarificationInput,
  AuditEntry,
  AuditExportView,
  Checkpoint,
  ClarifyInput,
  CountryPolicy,
  CountryPolicyInput,
  CreateRequestInput,
  CreateTaskInput,
  CreateWorkspaceInput,
  DataRequest,
  EvidenceItem,
  Id,
  Invitation,
  InviteInput,
  Member,
  Membership,
  Organisation,
  PortalEvidence,
  PortalRequest,
  Principal,
  RegisterEvidenceInput,
  RegisterOrganisationInput,
  RespondInput,
  SealedAuditEntry,
  Task,
  TaskStatus,
  UpdateTaskInput,
  UpdateWorkspaceInput,
  WithdrawInput,
  Workspace,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { pageOf } from './http';

/** Named OpenAPI components for the core's schemas. */
export const OrganisationSchema = Organisation.check(z.meta({ id: 'Organisation' }));
export const PrincipalSchema = Principal.check(z.meta({ id: 'Principal' }));
export const WorkspaceSchema = Workspace.check(z.meta({ id: 'Workspace' }));
export const MemberSchema = Member.check(z.meta({ id: 'Member' }));
const MembershipSchema = Membership.check(z.meta({ id: 'Membership' }));
export const InvitationSchema = Invitation.check(z.meta({ id: 'Invitation' }));
export const TaskSchema = z
  .extend(Task, { overdue: z.boolean().check(z.meta({ description: 'Live and past its due time' })) })
  .check(z.meta({ id: 'Task' }));
const AuditEntrySchema = AuditEntry.check(
  z.meta({ id: 'AuditEntry', description: 'An entry about records the reader may see: its header and its body' }),
);
const SealedAuditEntrySchema = SealedAuditEntry.check(
  z.meta({
    id: 'SealedAuditEntry',
    description: 'An entry about a record the reader may not see: its header and hash only, enough to verify the chain',
  }),
);

export const RegisterOrganisationBody = RegisterOrganisationInput.check(z.meta({ id: 'RegisterOrganisation' }));
export const CreateWorkspaceBody = CreateWorkspaceInput.check(z.meta({ id: 'CreateWorkspace' }));
export const UpdateWorkspaceBody = UpdateWorkspaceInput.check(z.meta({ id: 'UpdateWorkspace' }));
export const InviteBody = InviteInput.check(z.meta({ id: 'Invite' }));
export const CreateTaskBody = CreateTaskInput.check(z.meta({ id: 'CreateTask' }));
export const UpdateTaskBody = UpdateTaskInput.check(z.meta({ id: 'UpdateTask' }));

export const DataRequestSchema = DataRequest.check(z.meta({ id: 'DataRequest' }));
export const PortalRequestSchema = PortalRequest.check(z.meta({ id: 'PortalRequest' }));
const EvidenceItemSchema = EvidenceItem.check(z.meta({ id: 'EvidenceItem' }));
export const PortalEvidenceSchema = PortalEvidence.check(z.meta({ id: 'PortalEvidence' }));
export const CountryPolicySchema = CountryPolicy.check(z.meta({ id: 'CountryPolicy' }));
export const CreateRequestBody = CreateRequestInput.check(z.meta({ id: 'CreateRequest' }));
export const RespondBody = RespondInput.check(z.meta({ id: 'Respond' }));
export const RegisterEvidenceBody = RegisterEvidenceInput.check(z.meta({ id: 'RegisterEvidence' }));
export const ClarifyBody = ClarifyInput.check(z.meta({ id: 'Clarify' }));
export const AnswerClarificationBody = AnswerClarificationInput.check(z.meta({ id: 'AnswerClarification' }));
export const WithdrawBody = WithdrawInput.check(z.meta({ id: 'Withdraw' }));
export const CountryPolicyBody = CountryPolicyInput.check(z.meta({ id: 'SetCountryPolicy' }));

export const CountryPolicyPage = pageOf(CountryPolicySchema).check(z.meta({ id: 'CountryPolicyPage' }));
export const OrganisationPage = pageOf(OrganisationSchema).check(z.meta({ id: 'OrganisationPage' }));
export const MembershipPage = pageOf(MembershipSchema).check(z.meta({ id: 'MembershipPage' }));
export const InvitationPage = pageOf(InvitationSchema).check(z.meta({ id: 'InvitationPage' }));
export const TaskPage = pageOf(TaskSchema).check(z.meta({ id: 'TaskPage' }));
export const DataRequestPage = pageOf(DataRequestSchema).check(z.meta({ id: 'DataRequestPage' }));
export const PortalRequestPage = pageOf(PortalRequestSchema).check(z.meta({ id: 'PortalRequestPage' }));
export const EvidencePage = pageOf(EvidenceItemSchema).check(z.meta({ id: 'EvidencePage' }));
export const PortalEvidencePage = pageOf(PortalEvidenceSchema).check(z.meta({ id: 'PortalEvidencePage' }));
export const AuditPage = pageOf(z.union([AuditEntrySchema, SealedAuditEntrySchema])).check(z.meta({ id: 'AuditPage' }));

export const AuditExportSchema = AuditExportView.check(z.meta({ id: 'AuditExport' }));
const CheckpointSchema = Checkpoint.check(z.meta({ id: 'AuditCheckpoint', description: 'A signed tree head (RFC 9162)' }));

export const ChainVerificationSchema = z
  .object({
    ok: z.boolean(),
    entries: z.int(),
    head: z.optional(z.string()),
    from: z
      .optional(z.int())
      .check(z.meta({ description: 'The size of the checkpoint the verification started from (0: the chain start)' })),
    checkpoint: z.optional(CheckpointSchema),
    brokenAt: z.optional(z.int()).check(z.meta({ description: 'Sequence number of the first broken link' })),
    reason: z.optional(z.string()),
  })
  .check(z.meta({ id: 'ChainVerification' }));

export const InclusionProofSchema = z
  .object({
    entry: z.union([AuditEntrySchema, SealedAuditEntrySchema]),
    leafIndex: z.int(),
    treeSize: z.int(),
    auditPath: z.array(z.string()),
    checkpoint: CheckpointSchema,
  })
  .check(z.meta({ id: 'AuditInclusionProof' }));

export const AuditKeysSchema = z
  .object({
    keys: z.array(
      z.object({
        kid: z.string(),
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string(),
        alg: z.literal('EdDSA'),
        use: z.literal('sig'),
      }),
    ),
  })
  .check(z.meta({ id: 'AuditKeys' }));

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
    errorsOmitted: z.optional(z.int()).check(z.meta({ description: 'How many more offending fields there were than `errors` lists' })),
    requestId: z.optional(z.string()),
  })
  .check(z.meta({ id: 'Problem' }));

export const TaskListQuery = z.object({
  status: z.optional(TaskStatus),
  overdue: z.optional(z.enum(['true', 'false'])).check(z.meta({ description: 'true: only live tasks past their due time' })),
  assigneeOrgId: z.optional(Id).check(z.meta({ description: 'Only tasks assigned to this organisation' })),
});

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: { description: 'Invalid input; `errors` names each field', content: problemContent },
  401: { description: 'Missing or invalid bearer token', content: problemContent },
  403: { description: 'Visible, but not yours to change', content: problemContent },
  404: { description: 'Not found, or not visible to you', content: problemContent },
  409: { description: 'Conflict with the current state, or a stale If-Match', content: problemContent },
} as const;
export const commandErrorResponses = {
  ...errorResponses,
  422: { description: 'Idempotency-Key reused for a different request', content: problemContent },
  428: { description: 'If-Match missing', content: problemContent },
  503: { description: 'Too many concurrent changes to the same records; retry after the Retry-After header', content: problemContent },
} as const;

export const json = <T extends z.ZodMiniType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const jsonBody = <T extends z.ZodMiniType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** Documented on every route that takes a body (413) and on those whose body is JSON (415). */
export const bodyErrorResponses = {
  any: { 413: { description: 'The body is larger than the route takes (256 KiB unless stated)', content: problemContent } },
  json: { 415: { description: 'A body that is not `application/json` (or `+json`)', content: problemContent } },
};
