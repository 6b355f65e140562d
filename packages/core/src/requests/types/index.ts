import { assetFreeze } from './asset-freeze';
import { content } from './content';
import type { CertificateShape, RequestTypeDescriptor } from './descriptor';
import { emergencyDisclosure } from './emergency-disclosure';
import { epoc } from './epoc';
import { epocPr } from './epoc-pr';
import { preservation } from './preservation';
import { production } from './production';
import { subscriberInfo } from './subscriber-info';
import { takedown } from './takedown';
import { trafficData } from './traffic-data';

export type * from './descriptor';

import { isRefused } from './descriptor';

export { DATA_CATEGORIES, ISSUING_AUTHORITIES, VALIDATING_AUTHORITIES } from './epoc';
export { isRefused };

/**
 * The registry of request types: one descriptor each, in the order of the request-type enum of
 * the API. A new type is one file in this folder and one line here.
 */
export const BUILT_IN_REQUEST_TYPES = [
  preservation,
  production,
  emergencyDisclosure,
  subscriberInfo,
  trafficData,
  content,
  assetFreeze,
  takedown,
  epoc,
  epocPr,
] as const;
export type RequestType = (typeof BUILT_IN_REQUEST_TYPES)[number]['id'];

const registry: RequestTypeDescriptor[] = [...BUILT_IN_REQUEST_TYPES];
/** Set once the list is first read whole: the request schemas and the clock table are built from it then. */
let sealed = false;

/** Every request type, in registry order. The first call fixes the list. */
export const requestTypes = (): readonly RequestTypeDescriptor[] => {
  sealed = true;
  return registry;
};

/** The ids of every request type: the values of the request-type enum. */
export const requestTypeIds = (): [RequestType, ...RequestType[]] => requestTypes().map((d) => d.id) as [RequestType, ...RequestType[]];

/** The descriptor of a request type (a request's `type` is always one: the schemas allow no other). */
export const requestType = (id: string): RequestTypeDescriptor => {
  const d = registry.find((x) => x.id === id);
  if (!d) throw new Error(`no request type ${id}`);
  return d;
};

// What forms and checks ask of a type, by its id (the console reads these too).

/** Held for a period once frozen (an asset freeze): the agency renews or releases it. */
export const isHeld = (id: string): boolean => requestType(id).clocks.some((c) => c.startsWhen === 'frozen');
/** A second officer of the sending agency co-signs it before it goes (types/: `cosign`). */
export const needsCosign = (r: { type: string; urgency: string }): boolean => {
  const rule = requestType(r.type).cosign;
  return rule === 'always' || (rule === 'when_urgent' && r.urgency === 'emergency');
};
/** An e-Evidence order's validation rule (types/epoc.ts, Art. 4): who must validate it, or undefined. */
export const validationRuleOf = (r: { type: string; certificate?: CertificateShape | undefined }) => {
  const order = requestType(r.type).order;
  return order && r.certificate ? order.validation(r.certificate) : undefined;
};
/** Answered with one outcome for the whole request (…/respond). */
export const answeredWhole = (id: string): boolean => !isRefused(requestType(id).respond);
/** The decisions its targets take; none if it has no per-target answer. */
export const targetDecisions = (id: string): readonly string[] => {
  const t = requestType(id).targets;
  return isRefused(t) ? [] : t.decisions;
};
/** The per-target decision that hands something over (evidence is linked to it), if it has one. */
export const positiveDecision = (id: string): string | undefined => {
  const t = requestType(id).targets;
  return isRefused(t) ? undefined : t.positive;
};

/**
 * Adds a request type to the registry: for tests that try a type end to end without making it
 * part of the product. It must run before the request schemas are built (before the rest of
 * core is imported), as the request-type enum is derived from the registry once; production
 * code never calls it, so `RequestType` stays the union of the built-in ids there.
 */
export const registerRequestType = (d: RequestTypeDescriptor): void => {
  if (sealed) throw new Error(`register request type ${d.id} before the request schemas are built (before importing the rest of core)`);
  if (registry.some((x) => x.id === d.id)) throw new Error(`request type ${d.id} is registered already`);
  registry.push(d);
};
