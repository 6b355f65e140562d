/**
 * Hot vs spread: throughput of the HTTP API of the local runtime when every client works in ONE
 * workspace ("hot") against each client in its own workspace ("spread"), for the same time, at
 * 1/4/16/64 clients, for commands (create task), AMBER reads (GET of a task, which leaves an audit
 * entry) and a mix (50% reads, 30% creates, 20% edits with If-Match). The ratio hot/spread is the
 * figure: a workspace must not slow down because it is busy. Figures, not assertions.
 *
 *   BENCH_CELL_MS    time per cell (default 5000)
 *   BENCH_CLIENTS    client counts (default 1,4,16,64)
 */
import { startRuntime } from '@taskforce/local';
import { type CellResult, num, type Outcome, pct, runCell } from './harness';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const CELL_MS = Number(process.env.BENCH_CELL_MS ?? 5_000);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,4,16,64').split(',').map(Number);
const MAX_CLIENTS = Math.max(...CLIENTS);

type Workload = 'commands' | 'AMBER reads' | 'mix';

interface Cell extends CellResult {
  /** DynamoDB requests (all operations, retries included) per 2xx answer. */
  requestsPerSuccess: number;
}

export async function contentionBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-contention' });
  try {
    const admin = await rt.token({ orgId: 'platform', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', roles: ['officer'] });
    const fbi = await rt.token({ orgId: 'usa-fbi', roles: ['officer'] });
    const send = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(rt.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads replies ad hoc
    const call = async (method: string, path: string, token: string, body?: unknown): Promise<any> => {
      const res = await send(method, path, token, body);
      const json = await res.json();
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['usa-fbi', 'USA'],
    ] as const)
      await call('POST', '/v1/organisations', admin, { id, name: id, kind: 'agency', country });
    const due = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
    const newTask = { title: 'bench', assigneeOrgId: 'usa-fbi', dueAt: due() };
    /** A workspace with a partner and one AMBER task (tasks are GREEN unless marked otherwise; GREEN reads leave no entry). */
    const workspace = async (i: number) => {
      const ws = (await call('POST', '/v1/workspaces', lead, { title: `Bench ${i}`, legalBasis: { code: 'UNCC', text: 'bench' } }))
        .id as string;
      await call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' });
      await call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi);
      const task = await call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        ...newTask,
        marking: { tlp: 'AMBER', releasableTo: 'members', caveats: [] },
      });
      return { ws, task: task.id as string, version: task.version as number };
    };
    const hot = await workspace(0);
    const spread: Awaited<ReturnType<typeof workspace>>[] = [];
    for (let i = 1; i <= MAX_CLIENTS; i++) spread.push(await workspace(i));

    /** The operations of one client on its workspace; each answers its HTTP status. */
    /**
     * A client's known version of its workspace's task starts from the latest any client learnt
     * (kept on the workspace across cells), so only a concurrent edit makes an If-Match stale.
     */
    const client = (w: { ws: string; task: string; version: number }) => {
      let version = w.version;
      const learn = (v: number) => {
        version = v;
        w.version = Math.max(w.version, v);
      };
      const base = `/v1/workspaces/${w.ws}`;
      const create = async (): Promise<Outcome> => {
        const res = await send('POST', `${base}/tasks`, lead, newTask);
        await res.arrayBuffer();
        return res.status;
      };
      // The partner reads the AMBER task: each read appends a `task.read` entry to the chain.
      const read = async (): Promise<Outcome> => {
        const res = await send('GET', `${base}/tasks/${w.task}`, fbi);
        const body = (await res.json()) as { version?: number };
        if (res.ok && typeof body.version === 'number') learn(Math.max(version, body.version));
        return res.status;
      };
      // An edit with the version this client last saw: on a hot workspace it is often stale (409).
      const edit = async (): Promise<Outcome> => {
        const res = await send(
          'PATCH',
          `${base}/tasks/${w.task}`,
          lead,
          { priority: version % 2 ? 'high' : 'low' },
          { 'if-match': `"${version}"` },
        );
        const body = (await res.json()) as { version?: number };
        if (res.ok && typeof body.version === 'number') learn(body.version);
        return res.status;
      };
      return { create, read, edit };
    };
    const op = (workload: Workload, c: ReturnType<typeof client>, i: number) => {
      if (workload === 'commands') return c.create();
      if (workload === 'AMBER reads') return c.read();
      const slot = i % 10;
      return slot < 5 ? c.read() : slot < 8 ? c.create() : c.edit();
    };
    const cell = async (workload: Workload, clients: number, where: 'hot' | 'spread', ms = CELL_MS): Promise<Cell> => {
      // One client state per client, fresh for each cell; hot clients all share the one workspace.
      const states = Array.from({ length: clients }, (_, i) => client(where === 'hot' ? hot : spread[i]!));
      rt.counter.reset();
      // Offset each client in the mix so the clients do not all do the same thing at once.
      const r = await runCell(clients, ms, (c, i) => op(workload, states[c]!, i + c));
      const requests = rt.counter.total();
      return { ...r, requestsPerSuccess: r.ok ? requests / r.ok : Number.NaN };
    };

    await cell('mix', 4, 'spread', 1_000); // warm-up, not counted
    out(`\nHot vs spread: HTTP API of the local runtime (DynamoDB Local), ${CELL_MS / 1000} s per cell`);
    out('hot = every client in ONE workspace; spread = each client in its own workspace; ratio = hot ops/s ÷ spread ops/s');
    out('answers: 2xx/409/5xx (5xx counts requests with no answer too; "503" is how many of them were 503s)');
    for (const workload of ['commands', 'AMBER reads', 'mix'] as const) {
      out(
        `\n${workload}${workload === 'mix' ? ' (50% AMBER reads, 30% creates, 20% edits with If-Match; a stale If-Match is a 409, not an error)' : ''}`,
      );
      const header = `${'clients'.padStart(7)} ${'hot/s'.padStart(8)} ${'spread/s'.padStart(8)} ${'ratio'.padStart(6)}  ${'hot 2xx/409/5xx (503)'.padEnd(24)} ${'spread 2xx/409/5xx (503)'.padEnd(24)} ${'hot p50/p99 ms'.padEnd(16)} ${'spread p50/p99'.padEnd(16)} ${'req/ok hot'.padStart(10)} ${'spread'.padStart(7)}`;
      out(header);
      for (const clients of CLIENTS) {
        const h = await cell(workload, clients, 'hot');
        const s = await cell(workload, clients, 'spread');
        const counts = (r: Cell) => `${r.ok}/${r.conflict}/${r.failed} (${r.unavailable})${r.other ? ` +${r.other} other 4xx` : ''}`;
        const lat = (r: Cell) => `${pct(r.latencies, 50).toFixed(0)}/${pct(r.latencies, 99).toFixed(0)}`;
        const row = `${String(clients).padStart(7)} ${num(h.rate)} ${num(s.rate)} ${num(h.rate / s.rate, 2, 6)}  ${counts(h).padEnd(24)} ${counts(s).padEnd(24)} ${lat(h).padEnd(16)} ${lat(s).padEnd(16)} ${num(h.requestsPerSuccess, 1, 10)} ${num(s.requestsPerSuccess, 1, 7)}`;
        out(row);
      }
    }
    out('\ntarget (issue 15): hot/spread ≥ 0.8 at 64 clients, and no 5xx');
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await contentionBench();
