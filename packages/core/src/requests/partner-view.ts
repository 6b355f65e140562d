import { annexOf } from './annex';
import { ruleById } from './clocks';
import type { EvidenceItem, PortalEvidence } from './evidence-model';
import type { DataRequest, PortalRequest } from './request';
import { requestType } from './types/index';

/**
 * Everything a private partner receives is built here (its portal's requests and evidence) or in
 * notifications/partner.ts (its notifications, inbox and webhook alike). A partner learns the request addressed to it and
 * the agency that sent it (organisation and country); never the workspace, its title or
 * members, other agencies, other partners, or who (which person) acted. Each presenter copies
 * the fields the partner may have, by name, so a field added to a record later stays inside
 * until someone adds it to a presenter.
 */

/** A request as the partner it is addressed to sees it: what it needs to answer. */
export const portalView = (r: DataRequest): PortalRequest => ({
  id: r.id,
  type: r.type,
  urgency: r.urgency,
  legalBasis: r.legalBasis,
  description: r.description,
  selectors: r.selectors,
  ...(r.period ? { period: r.period } : {}),
  status: r.status,
  handling: { tlp: r.marking.tlp, caveats: r.marking.caveats },
  requestingAgency: requestingAgencyOf(r),
  ...(r.clock
    ? {
        clock: {
          rule: r.clock.rule,
          summary: ruleById(r.clock.rule).summary,
          dueAt: r.clock.dueAt,
          paused: Boolean(r.clock.pausedAt),
          ...(r.clock.objectionWindowEndsAt ? { objectionWindowEndsAt: r.clock.objectionWindowEndsAt } : {}),
        },
      }
    : {}),
  clarifications: r.clarifications.map((c) => ({
    question: c.question,
    askedAt: c.askedAt,
    ...(c.answer !== undefined ? { answer: c.answer } : {}),
    ...(c.answeredAt ? { answeredAt: c.answeredAt } : {}),
  })),
  ...(r.outcome ? { outcome: r.outcome } : {}),
  evidence: { registered: r.evidence.registered, stored: r.evidence.stored },
  // Its own answers per target: the partner gave them. Then what its type adds (types/: a freeze's terms, a takedown's counts).
  ...(r.targets ? { targets: r.targets } : {}),
  ...requestType(r.type).partnerView?.(r),
  ...confirmationOf(r),
  // An e-Evidence order: its certificate as its annex lays it out (annex.ts).
  ...(r.certificate ? { certificate: annexOf(r) } : {}),
  sentAt: r.sentAt ?? r.createdAt,
  updatedAt: r.updatedAt,
  version: r.version,
});

/**
 * A request two officers confirmed (cosign.ts): that they did, the second with MFA, of which
 * agency, and the requesting country's 24/7 line to call back. Never who they were.
 */
const confirmationOf = (r: DataRequest): Pick<PortalRequest, 'confirmation'> =>
  r.cosign?.status === 'approved' && r.cosign.at
    ? {
        confirmation: {
          officers: 2,
          mfa: true,
          agency: { ...requestingAgencyOf(r), name: r.cosign.agencyName ?? r.requestedBy.orgId },
          confirmedAt: r.cosign.at,
          ...(r.cosign.callback ? { callback: r.cosign.callback } : {}),
        },
      }
    : {};

/** The agency a partner deals with: the organisation that sent the request, and its country. */
export const requestingAgencyOf = (r: Pick<DataRequest, 'requestedBy'>) => ({ orgId: r.requestedBy.orgId, country: r.requestedBy.country });

/** An evidence item as the partner that registered it sees it. */
export const portalEvidence = (e: EvidenceItem): PortalEvidence => ({
  id: e.id,
  requestId: e.requestId,
  fileName: e.fileName,
  size: e.size,
  mediaType: e.mediaType,
  sha256: e.sha256,
  registeredAt: e.registeredAt,
  content: e.content,
  ...(e.storedAt ? { storedAt: e.storedAt } : {}),
  ...(e.targets ? { targets: e.targets } : {}),
  version: e.version,
});
