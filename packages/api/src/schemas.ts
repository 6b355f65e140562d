import { z } from '@hono/zod-openapi';
import {
  AnswerClarificationInput,
  AuditEntry,
  ClarifyInput,
  CountryPolicy,
  CountryPolicyInput,
  CreateRequestInput,
  CreateTaskInput,
  CreateWorkspaceInput,
  DataRequest,
  EvidenceItem,
  Invitation,
  InviteInput,
  Member,
  Membership,
  Organisation,
  PortalRequest,
  Principal,
  RegisterEvidenceInput,
  RegisterOrganisationInput,
  RespondInput,
  Task,
  TaskStatus,
  UpdateTaskInput,
  UpdateWorkspaceInput,
  WithdrawInput,
  Workspace,
} from '@taskforce/core';
import { pageOf } from './http';

/** Named OpenAPI components for the core's schemas. */
export const OrganisationSchema = Organisation.meta({ id: 'Organisation' });
export const PrincipalSchema = Principal.meta({ id: 'Principal' });
export const WorkspaceSchema = Workspace.meta({ id: 'Workspace' });
export const MemberSchema = Member.meta({ id: 'Member' });
export const MembershipSchema = Membership.meta({ id: 'Membership' });
export const InvitationSchema = Invitation.meta({ id: 'Invitation' });
export const TaskSchema = Task.extend({ overdue: z.boolean().meta({ description: 'Live and past its due time' }) }).meta({ id: 'Task' });
export const AuditEntrySchema = AuditEntry.meta({ id: 'AuditEntry' });

export const RegisterOrganisationBody = RegisterOrganisationInput.meta({ id: 'RegisterOrganisation' });
export const CreateWorkspaceBody = CreateWorkspaceInput.meta({ id: 'CreateWorkspace' });
export const UpdateWorkspaceBody = UpdateWorkspaceInput.meta({ id: 'UpdateWorkspace' });
export const InviteBody = InviteInput.meta({ id: 'Invite' });
export const CreateTaskBody = CreateTaskInput.meta({ id: 'CreateTask' });
export const UpdateTaskBody = UpdateTaskInput.meta({ id: 'UpdateTask' });

export const DataRequestSchema = DataRequest.meta({ id: 'DataRequest' });
export const PortalRequestSchema = PortalRequest.meta({ id: 'PortalRequest' });
export const EvidenceItemSchema = EvidenceItem.meta({ id: 'EvidenceItem' });
export const CountryPolicySchema = CountryPolicy.meta({ id: 'CountryPolicy' });
export const CreateRequestBody = CreateRequestInput.meta({ id: 'CreateRequest' });
export const RespondBody = RespondInput.meta({ id: 'Respond' });
export const RegisterEvidenceBody = RegisterEvidenceInput.meta({ id: 'RegisterEvidence' });
export const ClarifyBody = ClarifyInput.meta({ id: 'Clarify' });
export const AnswerClarificationBody = AnswerClarificationInput.meta({ id: 'AnswerClarification' });
export const WithdrawBody = WithdrawInput.meta({ id: 'Withdraw' });
export const CountryPolicyBody = CountryPolicyInput.meta({ id: 'SetCountryPolicy' });

export const OrganisationPage = pageOf(OrganisationSchema).openapi('OrganisationPage');
export const MembershipPage = pageOf(MembershipSchema).openapi('MembershipPage');
export const InvitationPage = pageOf(InvitationSchema).openapi('InvitationPage');
export const TaskPage = pageOf(TaskSchema).openapi('TaskPage');
export const DataRequestPage = pageOf(DataRequestSchema).openapi('DataRequestPage');
export const PortalRequestPage = pageOf(PortalRequestSchema).openapi('PortalRequestPage');
export const EvidencePage = pageOf(EvidenceItemSchema).openapi('EvidencePage');
export const AuditPage = pageOf(AuditEntrySchema).openapi('AuditPage');

export const ChainVerificationSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.string().optional(),
    brokenAt: z.number().int().optional().openapi({ description: 'Sequence number of the first broken link' }),
    reason: z.string().optional(),
  })
  .openapi('ChainVerification');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

export const TaskListQuery = z.object({
  status: TaskStatus.optional(),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: 'true: only live tasks past their due time' }),
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
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
