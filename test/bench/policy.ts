import { evaluate, type Marking, type PolicySet, type Viewer } from '@taskforce/core';

/**
 * The cost of one policy decision: the evaluator over a mix of viewers, markings and a
 * policy set with rules for every originating country, timed over many decisions.
 */
export const benchEvaluator = (decisions = 1_000_000) => {
  const now = new Date('2026-03-10T00:00:00.000Z');
  const countries = ['VNM', 'USA', 'THA', 'GBR', 'SGP'];
  const policies: PolicySet = {
    version: 1,
    countries: Object.fromEntries(
      countries.map((c) => [
        c,
        {
          country: c,
          version: 1,
          updatedAt: now.toISOString(),
          updatedBy: { sub: 'x', orgId: 'x' },
          rules: [
            { type: 'never_countries', countries: ['SGP'] },
            { type: 'no_private_sector', atOrAbove: 'AMBER' },
            { type: 'red_only_to', orgIds: ['usa-fbi', 'vnm-a05'] },
            { type: 'purge_after_close', days: 365 },
          ],
        },
      ]),
    ),
  };
  const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
  const markings: Marking[] = tlps.map((tlp, i) => ({
    tlp,
    releasableTo: tlp === 'CLEAR' ? 'members' : ['VNM', 'USA', 'THA'],
    recipients: tlp === 'RED' ? ['usa-fbi'] : undefined,
    caveats: i % 2 ? ['ORCON'] : [],
    originator: { orgId: 'vnm-a05', country: countries[i % countries.length]! },
  }));
  const viewers: Viewer[] = [
    { orgId: 'usa-fbi', orgKind: 'agency', country: 'USA', workspaceRole: 'member' },
    { orgId: 'tha-ccib', orgKind: 'agency', country: 'THA', workspaceRole: 'observer' },
    { orgId: 'mekong-bank', orgKind: 'provider', country: 'THA', addressee: true },
    { orgId: 'gbr-nca', orgKind: 'agency', country: 'GBR' },
  ];
  let allowed = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      const d = evaluate(
        viewers[i % 4]!,
        i % 7 === 0 ? 'export' : 'read',
        { marking: markings[i % 5]!, workspaceStatus: 'open' },
        policies,
        now,
      );
      if (d.allow) allowed++;
    }
  };
  run(50_000); // warm-up
  const t0 = process.hrtime.bigint();
  run(decisions);
  const ns = Number(process.hrtime.bigint() - t0) / decisions;
  process.stdout.write(
    `\nPolicy evaluator: ${decisions} decisions, ${ns.toFixed(0)} ns per decision (${(1e9 / ns / 1e6).toFixed(2)} M decisions/s; ${((allowed / (decisions + 50_000)) * 100).toFixed(0)}% allowed)\n`,
  );
};
