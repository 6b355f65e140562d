import { uuidV5 } from '@taskforce/core/stix';

/**
 * A STIX 2.1 bundle as an OpenCTI or MISP export writes one: an identity, indicators with STIX
 * patterns, observed-data with its observables, a standalone wallet, a relationship and a note,
 * marked with the OASIS TLP 2.0 definitions (AMBER+STRICT, GREEN) and one TLP 1.0 reference.
 */
const NS = '7d1f6a36-7a2c-4a3b-9d6e-0c5d1f2a9b11';
const sid = (type: string, name: string): string => `${type}--${uuidV5(NS, name)}`;

export const TLP = {
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER_STRICT: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  TLP1_RED: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};
const T = '2026-02-20T10:00:00.000Z';
const common = (type: string, name: string) => ({ type, spec_version: '2.1', id: sid(type, name), created: T, modified: T });

export const MULE_EMAIL = 'mule.recruiter@example.com';
export const C2_IP = '203.0.113.77';
export const MULE_LOGIN = 'jade.lotus.88';
export const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
export const IBAN = 'GB82WEST12345698765432';

const identity = { ...common('identity', 'cert'), name: 'Example CERT', identity_class: 'organization' };

export const realLookingBundle = () => {
  const email = { type: 'email-addr', spec_version: '2.1', id: sid('email-addr', MULE_EMAIL), value: MULE_EMAIL };
  const ip = { type: 'ipv4-addr', spec_version: '2.1', id: sid('ipv4-addr', C2_IP), value: C2_IP };
  const account = {
    type: 'user-account',
    spec_version: '2.1',
    id: sid('user-account', MULE_LOGIN),
    account_login: MULE_LOGIN,
    account_type: 'telegram',
  };
  const indicator = {
    ...common('indicator', 'recruiter'),
    created_by_ref: identity.id,
    name: 'Money-mule recruiter mailbox',
    description: 'Mailbox used to recruit money mules in the Jade Lotus scheme',
    indicator_types: ['malicious-activity'],
    pattern: `[email-addr:value = '${MULE_EMAIL}'] OR [ipv4-addr:value = '${C2_IP}']`,
    pattern_type: 'stix',
    valid_from: T,
    object_marking_refs: [TLP.AMBER_STRICT],
  };
  const complexIndicator = {
    ...common('indicator', 'complex'),
    created_by_ref: identity.id,
    name: 'Recruiter mailbox from the panel network',
    pattern: `[email-addr:value = 'other@example.com' AND ipv4-addr:value = '198.51.100.2']`,
    pattern_type: 'stix',
    valid_from: T,
    object_marking_refs: [TLP.GREEN],
  };
  const observed = {
    ...common('observed-data', 'seen'),
    created_by_ref: identity.id,
    first_observed: '2026-02-18T03:15:00.000Z',
    last_observed: '2026-02-18T04:00:00.000Z',
    number_observed: 3,
    object_refs: [ip.id, account.id],
    object_marking_refs: [TLP.GREEN],
  };
  const wallet = {
    type: 'cryptocurrency-wallet',
    spec_version: '2.1',
    id: sid('cryptocurrency-wallet', WALLET),
    value: WALLET,
    object_marking_refs: [TLP.TLP1_RED],
  };
  const bank = { type: 'bank-account', spec_version: '2.1', id: sid('bank-account', IBAN), iban: IBAN };
  const rel = {
    ...common('relationship', 'indicates'),
    relationship_type: 'based-on',
    source_ref: indicator.id,
    target_ref: observed.id,
  };
  const note = {
    ...common('note', 'analyst'),
    abstract: 'Analyst note',
    content: 'The recruiter reuses the same mailbox across three campaigns.',
    object_refs: [indicator.id],
    object_marking_refs: [TLP.GREEN],
  };
  return {
    type: 'bundle',
    id: `bundle--${uuidV5(NS, 'bundle')}`,
    objects: [identity, indicator, complexIndicator, observed, email, ip, account, wallet, bank, rel, note],
  };
};

/** A bundle of `n` indicators (each one e-mail selector), for the 10,000-object cap and the bench. */
export const indicatorBundle = (n: number, tag = 'bulk') => ({
  type: 'bundle',
  id: `bundle--${uuidV5(NS, `${tag}-${n}`)}`,
  objects: Array.from({ length: n }, (_, i) => ({
    ...common('indicator', `${tag}-${i}`),
    name: `Mule mailbox ${i}`,
    pattern: `[email-addr:value = 'mule${i}.${tag}@example.com']`,
    pattern_type: 'stix',
    valid_from: T,
    object_marking_refs: [TLP.GREEN],
  })),
});
