/**
 * pnpm bench (sweep): how long the sweep takes to drain due timers on the local engines, and
 * timers per second, at 1,000 and 10,000 due timers spread over 100 workspaces and all in one,
 * firing one timer at a time in all (concurrency 1, as the sweep did) against many workspaces at
 * once (each still one at a time), in the same run. Each timer is a real task deadline: the
 * sweep claims it and escalates the task. Figures, not assertions.
 *
 * DynamoDB Local runs every request on the machine's own cores, so it cannot show what firing
 * many workspaces at once buys where a request's time is mostly the network round trip, as on
 * AWS. The spread cases are therefore run again through a client that adds a fixed delay to
 * every request (BENCH_SWEEP_RTT_MS, default 5 ms): a model of that round trip, labelled as such.
 */
import {
  createTask,
  createWorkspace,
  registerOrganisation,
  runCommand,
  SYSTEM_ACTOR,
  sweepDue,
  systemCommand,
  type Task,
  type Timer,
  type Write,
} from '@taskforce/core';
import { countRequests, createDynamoClient, DynamoStore, documentClient } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const SIZES = (process.env.BENCH_SWEEP_SIZES ?? '1000,10000').split(',').map(Number);
const SPREAD = Number(process.env.BENCH_SWEEP_WORKSPACES ?? 100);
const PARALLEL = Number(process.env.BENCH_SWEEP_CONCURRENCY ?? 32);
/** Tasks (each with its timer) written per seeding command: two writes each, within one transaction's 100 items. */
const SEED_CHUNK = 45;
const RTT_MS = Number(process.env.BENCH_SWEEP_RTT_MS ?? 5);
const TABLE = 'bench-sweep';

export async function sweepBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: TABLE });
  try {
    const deps = rt.deps;
    const admin = { sub: 'a', orgId: 'platform', orgKind: 'international' as const, country: 'ZZZ', roles: ['admin' as const] };
    await registerOrganisation(deps, { principal: admin }, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
    const lead = { principal: { sub: 'lead', orgId: 'vnm-a05', orgKind: 'agency' as const, country: 'VNM', roles: ['officer' as const] } };
    const workspace = async () =>
      (await createWorkspace(deps, lead, { title: 'Bench sweep', legalBasis: { code: 'UNCC', text: 'bench' } })).result.id;
    const scratch = await workspace();
    const template = (
      await createTask(deps, lead, scratch, {
        title: 'template',
        description: '',
        assigneeOrgId: 'vnm-a05',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        priority: 'normal',
        reminders: [],
      })
    ).result;

    /** `n` live tasks over `workspaces` fresh workspaces, each with its deadline timer already due, a millisecond apart. */
    const seed = async (n: number, workspaces: number) => {
      const ids = await Promise.all(Array.from({ length: workspaces }, workspace));
      const past = Date.now() - 3_600_000;
      const perWs = Math.ceil(n / workspaces);
      let made = 0;
      for (const [w, workspaceId] of ids.entries()) {
        const count = Math.min(perWs, n - made);
        for (let i = 0; i < count; i += SEED_CHUNK) {
          const writes: Write[] = [];
          for (let j = i; j < Math.min(count, i + SEED_CHUNK); j++) {
            const dueAt = new Date(past + (made + j) * 1 + w).toISOString();
            const task: Task = { ...template, workspaceId, id: deps.ids.next(), title: `t${j}`, dueAt };
            const timer: Timer = { workspaceId, id: `${task.id}~overdue`, kind: 'task.overdue', subjectId: task.id, dueAt };
            writes.push({ op: 'put', record: { kind: 'task', value: task }, expect: 'absent' });
            writes.push({ op: 'put', record: { kind: 'timer', value: timer }, expect: 'absent' });
          }
          await runCommand(deps, {
            chainId: workspaceId,
            actor: SYSTEM_ACTOR,
            refs: [],
            authorize: systemCommand,
            decide: () => ({
              writes,
              audit: { action: 'bench.seeded', target: { type: 'workspace', id: workspaceId }, markings: [] },
              result: null,
            }),
          });
        }
        made += count;
      }
    };

    // Warm up (the engine's and Node's JIT) before anything is measured.
    await seed(200, 10);
    await sweepDue(deps, { budgetMs: 3_600_000 });

    // The same table through a client whose every request waits RTT_MS first.
    const lagging = createDynamoClient({ endpoint: rt.endpoints.dynamo });
    lagging.middlewareStack.add(
      (next) => async (args) => {
        await new Promise((r) => setTimeout(r, RTT_MS));
        return next(args);
      },
      { step: 'initialize', name: 'benchRoundTrip' },
    );
    countRequests(lagging, rt.counter);
    const laggingDeps = { ...deps, store: new DynamoStore(documentClient(lagging), TABLE) };

    out(`\nSweep drain on the embedded runtime (DynamoDB Local ${rt.endpoints.dynamo}): due task deadlines, each claimed and escalated\n`);
    out(
      `${'timers'.padStart(6)}  ${'spread over'.padEnd(15)} ${'workspaces at once'.padEnd(20)} ${'drain s'.padStart(8)} ${'timers/s'.padStart(9)}  ${'fired'.padStart(6)} ${'more'.padStart(5)}   requests per timer`,
    );
    const drained: Record<string, number> = {};
    for (const n of SIZES) {
      for (const [layout, workspaces] of [
        [`${SPREAD} workspaces`, SPREAD],
        ['1 workspace', 1],
      ] as const) {
        for (const [mode, concurrency, rtt] of [
          ['serial (1)', 1, 0],
          [`parallel (${PARALLEL})`, PARALLEL, 0],
          ...(workspaces > 1
            ? ([
                [`serial, +${RTT_MS} ms`, 1, RTT_MS],
                [`parallel, +${RTT_MS} ms`, PARALLEL, RTT_MS],
              ] as const)
            : []),
        ] as const) {
          await seed(n, workspaces);
          rt.counter.reset();
          const t0 = performance.now();
          const report = await sweepDue(rtt ? laggingDeps : deps, { concurrency, budgetMs: 3_600_000, perWorkspace: n });
          const secs = (performance.now() - t0) / 1000;
          const calls = rt.counter.snapshot();
          const handled = report.fired.length + report.dropped + report.lost;
          const perTimer = Object.entries(calls)
            .filter(([op]) => op === 'BatchGetItem' || op === 'TransactWriteItems')
            .map(([op, c]) => `${(c / Math.max(1, handled)).toFixed(2)} ${op}`)
            .join(' + ');
          drained[`${n}/${workspaces}/${concurrency}/${rtt}`] = secs;
          out(
            `${String(n).padStart(6)}  ${layout.padEnd(15)} ${mode.padEnd(20)} ${secs.toFixed(1).padStart(8)} ${(handled / secs).toFixed(0).padStart(9)}  ${String(report.fired.length).padStart(6)} ${String(report.more).padStart(5)}   ${perTimer}`,
          );
        }
      }
    }
    out('');
    for (const n of SIZES)
      for (const rtt of [0, RTT_MS]) {
        const a = drained[`${n}/${SPREAD}/1/${rtt}`];
        const b = drained[`${n}/${SPREAD}/${PARALLEL}/${rtt}`];
        if (a && b)
          out(
            `${n} timers over ${SPREAD} workspaces${rtt ? ` (+${rtt} ms a request)` : ''}: parallel drains ${(a / b).toFixed(1)}× as fast as serial`,
          );
      }
    out('One workspace fires one timer at a time either way: its timers share records and an audit chain.');
  } finally {
    await rt.stop();
  }
}
