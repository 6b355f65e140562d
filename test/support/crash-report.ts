import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Adds one crash file's figures to the crash report, when CRASH_REPORT asks for one (`1`: in
 * <tmpdir>/taskforce-crash-report.json, or the file it names): each file's sections are merged
 * into what the others wrote, so the files may finish in any order.
 */
export const addToCrashReport = (sections: Record<string, unknown>): void => {
  const to = process.env.CRASH_REPORT;
  if (!to) return;
  const file = to === '1' ? join(tmpdir(), 'taskforce-crash-report.json') : to;
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No report yet (or one cut short): this file starts it.
  }
  writeFileSync(file, `${JSON.stringify({ ...all, ...sections }, null, 2)}\n`);
};
