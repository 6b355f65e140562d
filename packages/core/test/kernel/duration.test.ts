import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  allTaskTimerIds,
  CountryPolicyInput,
  CreateTaskInput,
  IncidentSettingsInput,
  parseDuration,
  RaiseIncidentInput,
  type Task,
  taskTimers,
} from '../../src';

const task = (reminders: string[]): Task =>
  ({ workspaceId: 'ws-1', id: 'task-1', dueAt: '2026-03-10T00:00:00.000Z', reminders }) as unknown as Task;

describe('parseDuration', () => {
  it('reads fixed-length durations', () => {
    expect(parseDuration('PT15M')).toBe(900_000);
    expect(parseDuration('P1DT2H3M4S')).toBe(93_784_000);
    expect(parseDuration('P999999D')).toBe(999_999 * 86_400_000);
  });

  it('never answers Infinity or NaN, however many digits it is given', () => {
    for (const text of [`P${'9'.repeat(1200)}D`, `PT${'1'.repeat(400)}S`, 'P1234567D', 'P', 'PT', 'P1M', 'P1Y', '', 'PT1.5H', 'P-1D']) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });
});

describe('durations in inputs are bounded', () => {
  const base = { title: 'x', assigneeOrgId: 'usa-fbi', dueAt: '2026-03-10T00:00:00Z' };
  const issues = (schema: z.ZodMiniType, value: unknown) =>
    (z.safeParse(schema, value).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('refuses a task reminder of 1,200 digits, naming it', () => {
    expect(issues(CreateTaskInput, { ...base, reminders: [`P${'9'.repeat(1200)}D`] })).toEqual([expect.stringMatching(/^reminders\.0: /)]);
  });

  it('takes task reminders from PT1M to P90D', () => {
    expect(issues(CreateTaskInput, { ...base, reminders: ['PT1M', 'P90D'] })).toEqual([]);
    expect(issues(CreateTaskInput, { ...base, reminders: ['P91D'] })).toEqual(['reminders.0: must be between PT1M and P90D']);
    expect(issues(CreateTaskInput, { ...base, reminders: ['PT59S'] })).toEqual(['reminders.0: must be between PT1M and P90D']);
  });

  it('takes acknowledgement deadlines from PT1M to P1D', () => {
    expect(issues(IncidentSettingsInput, { ackDeadlines: { critical: 'PT1M', high: 'P1D' } })).toEqual([]);
    expect(issues(IncidentSettingsInput, { ackDeadlines: { critical: `PT${'1'.repeat(500)}M` } })).toEqual([
      expect.stringMatching(/^ackDeadlines\.critical: /),
    ]);
  });

  it('bounds the lists inside policy rules and incidents', () => {
    const many = Array.from(
      { length: 300 },
      (_, i) => `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
    );
    expect(issues(CountryPolicyInput, { rules: [{ type: 'never_countries', countries: many }] })).toEqual([
      expect.stringMatching(/^rules\.0\.countries: /),
    ]);
    const twoHundred = many.slice(0, 200);
    expect(issues(CountryPolicyInput, { rules: [1, 2, 3].map(() => ({ type: 'only_countries', countries: twoHundred })) })).toEqual([
      'rules: the rules may name at most 500 countries and organisations in all',
    ]);
    expect(
      issues(RaiseIncidentInput, { severity: 'high', type: 'other', summary: 'x', countries: many.slice(0, 21) }).some((m) =>
        m.startsWith('countries:'),
      ),
    ).toBe(true);
  });
});

describe('a task stored with an unbounded reminder, before durations were bounded', () => {
  const stored = task(['PT1H', `P${'9'.repeat(1200)}D`]);

  it('plans timers only for the durations it can compute', () => {
    const timers = taskTimers(stored, new Date('2026-03-01T00:00:00Z'));
    expect(timers.map((t) => t.id)).toEqual(['task-1~remind~PT1H', 'task-1~overdue']);
  });

  it('clears its timers by ids that fit a key', () => {
    expect(allTaskTimerIds(stored)).toEqual(['task-1~overdue', 'task-1~remind~PT1H']);
  });
});
