import type { OrgKind, PlatformRole } from '@taskforce/core';
import type { Key } from './i18n/en';

/**
 * The demo's people: the local runtime seeds one user of its OpenID Connect provider for each
 * (subject `<orgId>-<id>`, packages/local/src/demo.ts), and its sign-in page offers each in one click
 * with `--demo`. Plain data, so the runtime reads the same list and labels.
 */
export interface Persona {
  id: string;
  role: Key;
  label: string;
  principal: { orgId: string; orgKind: OrgKind; country: string; roles: PlatformRole[] };
  home: string;
}

type PersonaPrincipal = Persona['principal'];
/** An officer (or other role) of a law-enforcement agency. */
const agency = (orgId: string, country: string, roles: PersonaPrincipal['roles'] = ['officer']): PersonaPrincipal => ({
  orgId,
  orgKind: 'agency',
  country,
  roles,
});
/** An officer who also answers the 24/7 pager. */
const DUTY: PersonaPrincipal['roles'] = ['officer', 'duty_contact'];
/** A private partner's responder, who answers the requests addressed to it. */
const responder = (orgId: string, country: string): PersonaPrincipal => ({ orgId, orgKind: 'provider', country, roles: ['responder'] });

export const PERSONAS: Persona[] = [
  { id: 'lead', role: 'persona.lead', label: 'A05 (VNM)', principal: agency('vnm-a05', 'VNM'), home: '' },
  { id: 'fbi', role: 'persona.member', label: 'FBI (USA)', principal: agency('usa-fbi', 'USA'), home: 'tasks' },
  { id: 'ccib', role: 'persona.member', label: 'CCIB (THA)', principal: agency('tha-ccib', 'THA'), home: 'tasks' },
  { id: 'ccib-duty', role: 'persona.duty', label: 'CCIB (THA)', principal: agency('tha-ccib', 'THA', DUTY), home: 'pager' },
  { id: 'dsi-duty', role: 'persona.duty', label: 'DSI (THA)', principal: agency('tha-dsi', 'THA', DUTY), home: 'pager' },
  { id: 'bank', role: 'persona.bank', label: 'Mekong Commercial Bank', principal: responder('mekong-bank', 'THA'), home: 'inbox' },
  { id: 'exchange', role: 'persona.exchange', label: 'CoinHarbor Exchange', principal: responder('coinharbor', 'GBR'), home: 'inbox' },
  { id: 'tech', role: 'persona.tech', label: 'ChatWave Messaging', principal: responder('chatwave', 'USA'), home: 'inbox' },
  {
    id: 'auditor',
    role: 'persona.auditor',
    label: 'Royal Thai Police (THA)',
    principal: agency('tha-rtp', 'THA', ['auditor']),
    home: 'workspaces',
  },
  // A second officer of A05 who co-signs its emergency requests (co-signing needs a sign-in with MFA).
  { id: 'lead2', role: 'persona.cosigner', label: 'A05 (VNM)', principal: agency('vnm-a05', 'VNM', ['officer', 'supervisor']), home: '' },
  // A prosecutor of A05's State who validates its e-Evidence orders (an officer too, so the rest of the console works for them).
  {
    id: 'prosecutor',
    role: 'persona.prosecutor',
    label: 'A05 (VNM)',
    principal: agency('vnm-a05', 'VNM', ['officer', 'validating_authority']),
    home: '',
  },
  { id: 'policy', role: 'persona.policy', label: 'A05 (VNM)', principal: agency('vnm-a05', 'VNM', ['policy_admin']), home: 'policy' },
  // A05's own administrator: manages A05's users only (an officer too, so the rest of the console works for them).
  {
    id: 'org-admin',
    role: 'persona.orgAdmin',
    label: 'A05 (VNM)',
    principal: agency('vnm-a05', 'VNM', ['officer', 'admin']),
    home: 'users',
  },
  {
    id: 'platform-admin',
    role: 'persona.platformAdmin',
    label: 'Taskforce',
    principal: { orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] },
    home: 'users',
  },
];
