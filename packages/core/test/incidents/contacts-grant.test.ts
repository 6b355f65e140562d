import { describe, expect, it } from 'vitest';
import { DomainError, setCountryContacts } from '../../src/index';
import { principal, world } from '../world';

const officer = (orgId: string) => principal(orgId, 'THA', ['officer']);
const ladder = (orgId: string) => ({
  duty: { orgId, people: [], channels: [] },
  backup: { orgId, people: [], channels: [] },
  nationalLead: { orgId, people: [], channels: [] },
});
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'done',
    (e) => (e instanceof DomainError ? e.code : String(e)),
  );

describe("a plain officer keeps their country's 24/7 ladder", () => {
  it('registers it when there is none, edits it while it names their agency, and not otherwise', async () => {
    const deps = await world([
      ['tha-rtp', 'THA'],
      ['tha-dsi', 'THA'],
      ['vnm-a05', 'VNM'],
    ]);
    const first = await setCountryContacts(deps, { principal: officer('tha-rtp') }, 'THA', ladder('tha-rtp'), undefined);
    expect(first.result.version).toBe(1);
    // Another agency's officer, not on the ladder: refused.
    expect(await code(setCountryContacts(deps, { principal: officer('tha-dsi') }, 'THA', ladder('tha-dsi'), 1))).toBe('forbidden');
    // An officer of another country: refused.
    expect(await code(setCountryContacts(deps, { principal: principal('vnm-a05', 'VNM', ['officer']) }, 'THA', ladder('tha-rtp'), 1))).toBe(
      'forbidden',
    );
    // The agency on the ladder edits it.
    const second = await setCountryContacts(deps, { principal: officer('tha-rtp') }, 'THA', ladder('tha-rtp'), 1);
    expect(second.result.version).toBe(2);
    // An auditor may not.
    expect(await code(setCountryContacts(deps, { principal: principal('tha-rtp', 'THA', ['auditor']) }, 'THA', ladder('tha-rtp'), 2))).toBe(
      'forbidden',
    );
  });
});
