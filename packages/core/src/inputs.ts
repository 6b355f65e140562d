import { z } from 'zod';
import { isDuration } from './duration';
import { MarkingInput } from './marking';
import { CountryCode, Id, IsoDateTime, LegalBasis, OrgKind, Sector, TaskPriority, TaskStatus, WorkspaceStatus } from './model';

/** Inputs of commands, as callers send them. The API publishes these in its OpenAPI document. */
export const RegisterOrganisationInput = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(200),
    kind: OrgKind,
    country: CountryCode,
    sector: Sector.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'provider' && !v.sector) ctx.addIssue({ code: 'custom', path: ['sector'], message: 'a provider needs a sector' });
    if (v.kind !== 'provider' && v.sector) ctx.addIssue({ code: 'custom', path: ['sector'], message: 'only providers have a sector' });
  });
export type RegisterOrganisationInput = z.infer<typeof RegisterOrganisationInput>;

export const CreateWorkspaceInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    legalBasis: LegalBasis,
  })
  .strict();
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>;

export const UpdateWorkspaceInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    status: WorkspaceStatus.optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.status !== undefined, { message: 'nothing to change', path: ['status'] });
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>;

export const InviteInput = z
  .object({
    orgId: Id,
    role: z.enum(['member', 'observer']).default('member'),
    message: z.string().max(2000).optional(),
  })
  .strict();
export type InviteInput = z.infer<typeof InviteInput>;

const Reminder = z.string().refine(isDuration, 'must be a fixed-length ISO 8601 duration such as P1D or PT1H');

export const CreateTaskInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).default(''),
    assigneeOrgId: Id,
    dueAt: IsoDateTime,
    priority: TaskPriority.default('normal'),
    reminders: z.array(Reminder).max(5).optional(),
    marking: MarkingInput.optional(),
  })
  .strict();
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const UpdateTaskInput = z
  .object({
    status: TaskStatus.optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(10_000).optional(),
    dueAt: IsoDateTime.optional(),
    priority: TaskPriority.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change', path: ['status'] });
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;
