import { createHash } from 'node:crypto';
import { canonicalJson } from '../kernel/hash';

/** STIX 2.1 §2.9: the namespace of every deterministic SCO id. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/**
 * The platform's own namespace for SDO and SRO ids: a record always maps to the same STIX id, so a
 * consumer that pulls twice sees one object with versions, never duplicates. Fixed forever.
 */
export const TASKFORCE_STIX_NAMESPACE = '3b9bc4d8-b01b-4bcd-9ba3-d603acfa1133';

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

/** RFC 9562 UUIDv5: SHA-1 of namespace then name, version and variant bits set. */
export const uuidV5 = (namespace: string, name: string): string => {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The id-contributing properties of each SCO type (STIX 2.1 §6), including the platform's custom
 * observables (see custom.ts / docs/stix-taxii.md), which contribute `value` alone.
 */
export const SCO_ID_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'email-addr': ['value'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'domain-name': ['value'],
  url: ['value'],
  'mac-addr': ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'bank-account': ['iban'],
};

/**
 * A deterministic SCO id per STIX 2.1 §2.9: UUIDv5 under the STIX namespace of the RFC 8785
 * canonical JSON of the object's id-contributing properties (those present). A type with none
 * listed contributes `value`.
 */
export const scoId = (type: string, properties: Record<string, unknown>): string => {
  const names = SCO_ID_PROPERTIES[type] ?? ['value'];
  const contributing: Record<string, unknown> = {};
  for (const name of names) if (properties[name] !== undefined) contributing[name] = properties[name];
  if (Object.keys(contributing).length === 0) throw new Error(`${type} has none of its id-contributing properties`);
  return `${type}--${uuidV5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;
};

/**
 * A deterministic SDO/SRO id: UUIDv5 under the platform namespace of `type` and the record's key
 * (for example `incident` + `ws_1/inc_9`), stable across exports and versions of the record.
 */
export const recordStixId = (type: string, recordKey: string): string =>
  `${type}--${uuidV5(TASKFORCE_STIX_NAMESPACE, `${type}:${recordKey}`)}`;

/** The UUID part of any STIX id, or undefined when `id` is not one. */
export const stixIdParts = (id: string): { type: string; uuid: string } | undefined => {
  const m = /^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/.exec(id);
  return m?.[1] && m[2] ? { type: m[1], uuid: m[2] } : undefined;
};
