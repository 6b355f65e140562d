import { describe, expect, it } from 'vitest';
import { canSee, evaluate, type LegalBasis, type Marking, type PolicySet, type Workspace } from '../../src';

const NOW = new Date('2026-03-10T00:00:00.000Z');

/** Viet Nam releases what it originates only to parties of the Budapest Convention, and names the parties. */
const policies: PolicySet = {
  version: 1,
  countries: {
    VNM: {
      country: 'VNM',
      rules: [{ type: 'instrument_parties', instrument: 'BUDAPEST', parties: ['VNM', 'USA', 'GBR'] }],
      version: 1,
      updatedAt: NOW.toISOString(),
      updatedBy: { sub: 'pa', orgId: 'vnm-a05' },
    },
  },
};

const marking: Marking = { tlp: 'GREEN', releasableTo: 'members', caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };

const workspace = (code: LegalBasis['code']): Workspace => ({
  id: 'ws-1',
  title: 'Op',
  leadOrgId: 'vnm-a05',
  legalBasis: { code, text: 'x' },
  status: 'open',
  members: [
    { orgId: 'vnm-a05', orgName: 'A05', country: 'VNM', role: 'lead', joinedAt: NOW.toISOString() },
    { orgId: 'tha-ccib', orgName: 'CCIB', country: 'THA', role: 'member', joinedAt: NOW.toISOString() },
    { orgId: 'usa-fbi', orgName: 'FBI', country: 'USA', role: 'member', joinedAt: NOW.toISOString() },
  ],
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  version: 1,
});

const thailand = { orgId: 'tha-ccib', orgKind: 'agency' as const, country: 'THA' };
const usa = { orgId: 'usa-fbi', orgKind: 'agency' as const, country: 'USA' };

describe('an instrument_parties rule', () => {
  it('withholds records of a workspace under its instrument from countries not party to it', () => {
    expect(canSee(thailand, workspace('BUDAPEST'), marking, policies, NOW)).toBe(false);
    expect(canSee(usa, workspace('BUDAPEST'), marking, policies, NOW)).toBe(true);
  });

  it('does not touch workspaces run under another legal basis', () => {
    for (const code of ['UNCC', 'MLAT', 'JIT-AGREEMENT', 'EU-EEVIDENCE', 'NATIONAL'] as const)
      expect(canSee(thailand, workspace(code), marking, policies, NOW), code).toBe(true);
  });

  it('applies when the legal basis is not known: a forbid is not lost for want of context', () => {
    const viewer = { ...thailand, workspaceRole: 'member' as const };
    expect(evaluate(viewer, 'read', { marking }, policies, NOW)).toEqual({ allow: false, reasons: ['policy:instrument_parties'] });
    expect(evaluate(viewer, 'read', { marking, legalBasisCode: 'UNCC' }, policies, NOW)).toEqual({ allow: true });
  });
});
