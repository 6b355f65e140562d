import * as z from 'zod/mini';
import { MarkingInput } from './kernel/marking';
import {
  CountryCode,
  durationBetween,
  Id,
  IsoDateTime,
  LegalBasis,
  OrgKind,
  Sector,
  TaskPriority,
  TaskStatus,
  textUpTo,
  trimmed,
  WorkspaceStatus,
} from './kernel/records';

/** Inputs of commands, as callers send them. The API publishes these in its OpenAPI document. */
export const RegisterOrganisationInput = z
  .strictObject({
    id: Id,
    name: trimmed(1, 200),
    kind: OrgKind,
    country: CountryCode,
    sector: z.optional(Sector),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.kind === 'provider' && !v.sector) ctx.addIssue({ code: 'custom', path: ['sector'], message: 'a provider needs a sector' });
      if (v.kind !== 'provider' && v.sector) ctx.addIssue({ code: 'custom', path: ['sector'], message: 'only providers have a sector' });
    }),
  );
export type RegisterOrganisationInput = z.infer<typeof RegisterOrganisationInput>;

export const CreateWorkspaceInput = z.strictObject({
  title: trimmed(1, 200),
  legalBasis: LegalBasis,
});
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>;

export const UpdateWorkspaceInput = z
  .strictObject({
    title: z.optional(trimmed(1, 200)),
    status: z.optional(WorkspaceStatus),
  })
  .check(z.refine((v) => v.title !== undefined || v.status !== undefined, { message: 'nothing to change', path: ['status'] }));
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>;

export const InviteInput = z.strictObject({
  orgId: Id,
  role: z._default(z.enum(['member', 'observer']), 'member'),
  message: z.optional(textUpTo(2000)),
});
export type InviteInput = z.infer<typeof InviteInput>;

/** How long before the due time the assignee is reminded. */
const Reminder = durationBetween('PT1M', 'P90D');

export const CreateTaskInput = z.strictObject({
  title: trimmed(1, 200),
  description: z._default(textUpTo(10_000), ''),
  assigneeOrgId: Id,
  dueAt: IsoDateTime,
  priority: z._default(TaskPriority, 'normal'),
  reminders: z.optional(z.array(Reminder).check(z.maxLength(5))),
  marking: z.optional(MarkingInput),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const UpdateTaskInput = z
  .strictObject({
    status: z.optional(TaskStatus),
    reason: z.optional(trimmed(1, 2000)),
    title: z.optional(trimmed(1, 200)),
    description: z.optional(textUpTo(10_000)),
    dueAt: z.optional(IsoDateTime),
    priority: z.optional(TaskPriority),
  })
  .check(z.refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change', path: ['status'] }));
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;
