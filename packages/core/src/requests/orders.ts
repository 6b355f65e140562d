import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, invalid, staleVersion } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import { visibleRecord } from '../policies/access';
import { authorize } from '../policies/permissions';
import type { Workspace } from '../workspaces/model';
import { annexOf, certificateXml } from './annex';
import type { ValidateInput } from './order-model';
import type { RequestDeps } from './ports';
import type { DataRequest } from './request';
import { move, reqRef, requestEvent, visibleRequest } from './shared';
import { validationRuleOf } from './types/index';

// ---------------------------------------------------------------------------------------
// e-Evidence orders (EPOC, EPOC-PR; types/epoc.ts): where Art. 4 asks for it, an issued order
// waits, unseen by the partner, until a validating authority of the issuing agency (a user
// holding `validating_authority`, never the officer who issued it) validates it, as a judge, a
// court, an investigating judge or a prosecutor as the rule allows, or refuses it with why. Then
// the officer sends it. The same pattern as a co-signature (cosign.ts): a status, the agency alone
// hears of it, one transaction with its audit entry and event per step.
// ---------------------------------------------------------------------------------------

/** Only the issuing agency hears of an order before it is validated. */
const agencyOnly = (r: DataRequest) => [r.requestedBy.orgId];

/** Whether an order must be validated before it is sent, and has not been yet. */
export const awaitsValidation = (r: DataRequest): boolean => validationRuleOf(r) !== undefined && r.validation?.status !== 'validated';

/** Issuing an order that needs validation: it waits for a validating authority; no clock, no partner. */
export const awaitValidation = (r: DataRequest, ws: Workspace, now: Date) => {
  const validators = [...(validationRuleOf(r)?.validators ?? [])] as NonNullable<DataRequest['validation']>['validators'];
  const next: DataRequest = { ...move(r, 'awaiting_validation', now), validation: { status: 'awaiting', validators } };
  const event: EventDraft = requestEvent(next, ws, 'request.validation_requested', { validators }, agencyOnly(next));
  return { next, event, audit: { action: 'request.validation_requested', details: { issuer: r.requestedBy.sub, validators } } };
};

/** Whether this user may decide on this order: of the issuing agency, not its issuer, while it waits. */
const checkValidator = (r: DataRequest, p: Principal) => {
  if (r.status !== 'awaiting_validation' || r.validation?.status !== 'awaiting')
    throw conflict(`a ${r.status.replaceAll('_', ' ')} request is not waiting for a validating authority`);
  if (p.orgId !== r.requestedBy.orgId) throw forbidden('only a validating authority of the agency that issued the order may validate it');
  if (p.sub === r.requestedBy.sub) throw forbidden('you issued this order: another authority must validate it');
  return r.validation;
};

/** A validating authority validates (the officer may then send it) or refuses an order awaiting validation. */
export const validateOrder = (
  deps: RequestDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: ValidateInput,
  expectVersion?: number,
) => {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    authorize: (view, now) => visibleRequest(view, p, workspaceId, id, now, 'request.validate'),
    decide(_view, now, { ws, r }) {
      if (expectVersion !== undefined && r.version !== expectVersion) throw staleVersion();
      const waiting = checkValidator(r, p);
      const at = now.toISOString();
      const by = { sub: p.sub, orgId: p.orgId };
      let next: DataRequest;
      let details: Record<string, unknown>;
      if (input.decision === 'validate') {
        if (!waiting.validators.includes(input.authority.kind))
          throw invalid(
            'authority.kind',
            `this order is validated by ${waiting.validators.map((k) => k.replaceAll('_', ' ')).join(', ')} (Art. 4 of Regulation (EU) 2023/1543)`,
          );
        next = { ...move(r, 'validated', now), validation: { ...waiting, status: 'validated', by, authority: input.authority, at } };
        details = { issuer: r.requestedBy.sub, validator: p.sub, authority: input.authority.kind, outcome: 'validated' };
      } else {
        next = { ...move(r, 'validation_refused', now), validation: { ...waiting, status: 'refused', by, at, reason: input.reason } };
        details = { issuer: r.requestedBy.sub, validator: p.sub, outcome: 'refused' };
      }
      const action = input.decision === 'validate' ? 'request.validated' : 'request.validation_refused';
      const data = input.decision === 'validate' ? { authority: input.authority.kind } : { reason: input.reason };
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: next }, expect: r.version }],
        audit: { action, target: { type: 'request', id }, details, markings: [r.marking] },
        events: [requestEvent(next, ws, action, data, agencyOnly(next))],
        result: next,
      };
    },
  });
};

/** An order's certificate as an XML file for the e-Evidence system (annex.ts); a request that is no order has none (409). */
export async function getCertificate(deps: RequestDeps, p: Principal, workspaceId: string, id: string) {
  authorize('request.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)];
  const r = await visibleRecord(
    deps,
    p,
    workspaceId,
    refs,
    'request',
    (view, now) => visibleRequest(view, p, workspaceId, id, now, 'request.certificate').r,
  );
  const annex = annexOf(r);
  if (!annex) throw conflict(`a ${r.type.replaceAll('_', ' ')} request is no e-Evidence order: it has no certificate`);
  return { fileName: `${annex.form}-${r.id}.xml`, xml: certificateXml(r, annex) };
}
