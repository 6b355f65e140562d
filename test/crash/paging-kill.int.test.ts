/**
 * The crash suite, paging with a real kill: the local runtime CLI (with its channels, maildev and
 * the SMS sink, as `pnpm start` runs them, on the demo whose Thai on-call person has a verified
 * e-mail and mobile) pages Thailand for many critical incidents raised through the API, and is
 * SIGKILLed while the pages are going out, then started again on the same data folder. Some
 * incidents are acknowledged before the kill and some right after the restart. Every page goes out
 * at least once, every copy of one attempt carries that attempt's id (`<pageId.n@…>` / SMS ref
 * `pageId.n`), and no attempt is begun for an incident after its acknowledgement was committed.
 *
 * maildev runs inside the runtime's process: it dies with it and cannot be killed on its own. The
 * SMTP server dropping a connection mid-delivery is the in-process case of paging.int.test.ts.
 * maildev keeps each message as an .eml file in `<data>/mail` but lists only what it received since
 * it started, so the copies are read from its REST API and, for the runtime that was killed, from
 * that folder. Bounded waits only; every process started here is killed.
 *
 * With CRASH_REPORT=1 (or =<file>) the figures are added to <tmpdir>/taskforce-crash-report.json (or that file).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonPage } from '@taskforce/core';
import { createDynamoClient, DynamoAlertStore, documentClient } from '@taskforce/dynamo';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cli, devToken, KillableRuntime, until } from '../support/cli';
import { addToCrashReport } from '../support/crash-report';

const runtime = new KillableRuntime();
const home = runtime.home;
const report: Record<string, number> = {};

afterAll(async () => {
  await runtime.cleanup();
  if (Object.keys(report).length > 0) addToCrashReport({ 'runtime SIGKILL mid-page': report });
});

interface Endpoints {
  api: string;
  dynamodb: string;
  mailApi: string;
  smsSink: string;
}

/** What `pnpm start` names for tools: the API, the table's engine, maildev's REST API and the SMS sink. */
const ready = (cli: Cli): Endpoints => {
  const ep = runtime.endpoints<Endpoints>();
  expect(ep.pid).toBe(cli.child.pid);
  expect(ep.mailApi && ep.smsSink).toBeTruthy();
  return ep;
};
const token = devToken;

interface Alert {
  country: string;
  status: string;
  acknowledgedAt?: string;
}
interface IncidentView {
  id: string;
  summary: string;
  alerts: Alert[];
}

/** One copy a channel received: the attempt id it carries (`pageId.n`) and when it arrived. */
interface Copy {
  attempt: string;
  at: number;
  channel: 'email' | 'sms';
}
const MESSAGE_ID = /^Message-ID:\s*<([^@>]+)@/im;

/** The e-mails maildev kept on disk (the killed runtime's among them): Message-ID and the file's time. */
const mailOnDisk = (): Copy[] => {
  const dir = join(home, 'data', 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .flatMap((f) => {
      const id = MESSAGE_ID.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
      return id ? [{ attempt: id, at: statSync(join(dir, f)).mtimeMs, channel: 'email' as const, file: f }] : [];
    });
};
/** The e-mails the running maildev lists over its REST API. */
const mailOverApi = async (ep: Endpoints): Promise<(Copy & { file: string })[]> => {
  const list = (await (await fetch(ep.mailApi)).json()) as {
    id: string;
    messageId?: string;
    headers?: Record<string, string>;
    time: string;
  }[];
  return list.map((m) => ({
    attempt: /<([^@>]+)@/.exec(m.messageId ?? m.headers?.['message-id'] ?? '')?.[1] ?? '',
    at: Date.parse(m.time),
    channel: 'email' as const,
    file: `${m.id}.eml`,
  }));
};
const smsInSink = async (ep: Endpoints): Promise<Copy[]> =>
  ((await (await fetch(ep.smsSink)).json()) as { items: { ref?: string; at: string }[] }).items.map((m) => ({
    attempt: m.ref ?? '',
    at: Date.parse(m.at),
    channel: 'sms' as const,
  }));

const FINISHED = new Set(['sent', 'delivered', 'failed', 'undeliverable', 'stopped', 'acknowledged']);
const SUMMARY = 'Crash paging incident';

describe('crash suite: paging through a SIGKILL of the runtime', { timeout: 300_000 }, () => {
  it('every page goes out at least once under its one id, and none is begun after its incident was acknowledged', async () => {
    const args = ['--sweep-seconds', '1', '--redeliver-seconds', '3'];
    let cli = await runtime.start([...args, '--demo']);
    let ep = ready(cli);
    const workspaceId = /demo workspace\s+(\S+)/.exec(cli.out())![1]!;
    let lead = await token(cli.base, 'vnm-a05', ['officer']);
    let duty = await token(cli.base, 'tha-ccib', ['officer', 'duty_contact']);
    const as = (base: string, t: string, path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' } });
    const acknowledge = async (base: string, id: string) => {
      const res = await as(base, duty, `/v1/workspaces/${workspaceId}/incidents/${id}/acknowledge`, { method: 'POST', body: '{}' });
      expect(res.status, await res.clone().text()).toBe(200);
    };

    // Raising, two writers at a time; every sixth incident acknowledged by Thailand as soon as it is raised.
    const raised: string[] = [];
    let next = 0;
    let stop = false;
    const writer = async () => {
      while (!stop && next < 60) {
        const i = next++;
        try {
          const res = await as(cli.base, lead, `/v1/workspaces/${workspaceId}/incidents`, {
            method: 'POST',
            body: JSON.stringify({ severity: 'critical', type: 'fraud', summary: `${SUMMARY} ${i}`, countries: ['THA'] }),
          });
          if (res.status !== 201) continue;
          const { id } = (await res.json()) as { id: string };
          raised.push(id);
          if (i % 6 === 0) await acknowledge(cli.base, id);
        } catch {
          // The runtime is being killed.
        }
      }
    };
    const writers = Promise.all([writer(), writer()]);
    // Mid-page: some e-mails are in maildev, incidents are still being raised, and (if it is caught
    // within 15 s, read straight from the table) a page has an attempt under way.
    await until('the first pages to reach maildev', async () => ((await mailOverApi(ep)).length >= 6 ? true : undefined));
    const before = documentClient(createDynamoClient({ endpoint: ep.dynamodb }));
    const table = new DynamoAlertStore(before, 'taskforce');
    const underWay = async () => {
      for (const id of raised.slice(-4))
        if ((await table.listPages(workspaceId, id, { limit: 10 })).items.some((p) => p.attempts.some((a) => a.status === 'sending')))
          return true;
      return false;
    };
    const deadline = Date.now() + 15_000;
    let caught = false;
    while (!caught && Date.now() < deadline) caught = await underWay().catch(() => false);
    await runtime.kill(cli);
    before.destroy();
    stop = true;
    await writers;
    const atKill = mailOnDisk().length;

    cli = await runtime.start(args);
    ep = ready(cli);
    lead = await token(cli.base, 'vnm-a05', ['officer']);
    duty = await token(cli.base, 'tha-ccib', ['officer', 'duty_contact']);
    // Every incident the table holds (an answer lost in the kill included), from the API.
    const incidents: IncidentView[] = [];
    let cursor: string | undefined;
    do {
      const res = await as(cli.base, lead, `/v1/workspaces/${workspaceId}/incidents?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await res.json()) as { items: IncidentView[]; next?: string };
      incidents.push(...page.items.filter((x) => x.summary.startsWith(SUMMARY)));
      cursor = page.next;
    } while (cursor);
    expect(incidents.length).toBeGreaterThanOrEqual(raised.length);
    // Right after the restart, while the pages the kill left are going out again, Thailand acknowledges more.
    const unacknowledged = incidents.filter((x) => x.alerts.every((a) => a.status === 'raised'));
    for (const x of unacknowledged.filter((_, i) => i % 4 === 1)) await acknowledge(cli.base, x.id);

    // Wait (bounded) until every page of every incident is finished.
    const doc = documentClient(createDynamoClient({ endpoint: ep.dynamodb }));
    const store = new DynamoAlertStore(doc, 'taskforce');
    const pagesOf = async (incidentId: string) => (await store.listPages(workspaceId, incidentId, { limit: 100 })).items;
    const pages = await until(
      'every page to be finished',
      async () => {
        const all: PersonPage[] = [];
        for (const x of incidents) {
          const mine = await pagesOf(x.id);
          if (mine.length === 0) return undefined;
          all.push(...mine);
        }
        return all.every((p) => FINISHED.has(p.status)) ? all : undefined;
      },
      90_000,
    );
    doc.destroy();
    const final = new Map<string, IncidentView>();
    for (const x of incidents)
      final.set(x.id, (await (await as(cli.base, lead, `/v1/workspaces/${workspaceId}/incidents/${x.id}`)).json()) as IncidentView);

    // Every copy: maildev's folder (the killed runtime's e-mails), its REST API (the restarted one's) and the sink.
    const overApi = await mailOverApi(ep);
    const disk = mailOnDisk();
    const diskFiles = new Set(readdirSync(join(home, 'data', 'mail')));
    for (const m of overApi) expect(diskFiles.has(m.file), `maildev lists ${m.file} but keeps no file for it`).toBe(true);
    const copies: Copy[] = [...disk, ...(await smsInSink(ep))];
    const byAttempt = new Map<string, Copy[]>();
    for (const c of copies) byAttempt.set(c.attempt, [...(byAttempt.get(c.attempt) ?? []), c]);

    const pageIds = new Set(pages.map((p) => p.id));
    const sentPages = pages.filter((p) => p.attempts.some((a) => a.status === 'sent' || a.status === 'delivered'));
    // Every attempt a page records as sent (or delivered) reached its channel at least once.
    const lost = sentPages.flatMap((p) =>
      p.attempts
        .filter(
          (a) =>
            (a.status === 'sent' || a.status === 'delivered') && !byAttempt.get(`${p.id}.${a.n}`)?.some((c) => c.channel === a.channel),
        )
        .map((a) => `${p.id}.${a.n} (${a.channel})`),
    );
    // No copy under an id that is not one of a page's attempts (no second id for a page).
    const strays = [...byAttempt.keys()].filter((id) => {
      const [pageId, n] = [id.slice(0, id.lastIndexOf('.')), Number(id.slice(id.lastIndexOf('.') + 1))];
      return !pageIds.has(pageId) || !pages.find((p) => p.id === pageId)!.attempts.some((a) => a.n === n);
    });
    // Pages left unsent must be those of an acknowledged country.
    const unsentUnacknowledged = pages.filter(
      (p) =>
        !sentPages.includes(p) &&
        final
          .get(p.incidentId)!
          .alerts.find((a) => a.country === p.country)
          ?.status.match(/raised/),
    );
    // Nothing after an acknowledgement: no attempt begun after it, and a copy arriving after it belongs to an attempt begun before it.
    const ackAt = (p: PersonPage) => {
      const at = final.get(p.incidentId)!.alerts.find((a) => a.country === p.country)?.acknowledgedAt;
      return at ? Date.parse(at) : undefined;
    };
    const acknowledgedPages = pages.filter((p) => ackAt(p) !== undefined);
    const begunAfterAck = acknowledgedPages.flatMap((p) =>
      p.attempts.filter((a) => Date.parse(a.at) > ackAt(p)!).map((a) => `${p.id}.${a.n}`),
    );
    const copiesAfterAck = acknowledgedPages.flatMap((p) =>
      p.attempts.flatMap((a) => (byAttempt.get(`${p.id}.${a.n}`) ?? []).filter((c) => c.at > ackAt(p)!)),
    );
    const resent = [...byAttempt.values()].reduce((s, cs) => s + Math.max(0, cs.length - 1), 0);

    Object.assign(report, {
      'incidents raised': incidents.length,
      'incidents acknowledged': [...final.values()].filter((x) => x.alerts.some((a) => a.acknowledgedAt)).length,
      pages: pages.length,
      'pages sent': sentPages.length,
      'pages stopped by an acknowledgement': pages.filter((p) => !sentPages.includes(p)).length,
      'e-mails in maildev at the kill': atKill,
      'an attempt seen under way at the kill': caught ? 1 : 0,
      'e-mails in maildev': disk.length,
      'SMS in the sink': copies.length - disk.length,
      'attempts interrupted by the kill': pages.reduce(
        (s, p) => s + p.attempts.filter((a) => /interrupted/.test(a.reason ?? '')).length,
        0,
      ),
      'copies sent again (same id)': resent,
      'copies arriving after an acknowledgement (attempt begun before it)': copiesAfterAck.length,
    });

    expect(pages.length).toBeGreaterThanOrEqual(incidents.length);
    expect(lost).toEqual([]);
    expect(strays).toEqual([]);
    expect(unsentUnacknowledged.map((p) => p.id)).toEqual([]);
    expect(begunAfterAck).toEqual([]);
    // The kill happened mid-page: incidents were raised on both sides of it, and some were acknowledged after the restart.
    expect(atKill).toBeGreaterThan(0);
    expect(acknowledgedPages.length).toBeGreaterThan(0);
  });
});
