import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemTypes } from '@taskforce/api';
import { AUDIT_ACTIONS } from '@taskforce/core';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { th } from '../src/i18n/th';
import { vi } from '../src/i18n/vi';

const schema = readFileSync(join(import.meta.dirname, '..', 'src', 'api', 'schema.gen.ts'), 'utf8');

/** Every value of the string unions the API declares for a property `name` (e.g. every status of every record). */
const unionValues = (name: string): string[] => {
  const out = new Set<string>();
  for (const m of schema.matchAll(new RegExp(`\\b${name}\\??: \\(?((?:"[^"]+" \\| )+"[^"]+")`, 'g')))
    for (const v of m[1]!.matchAll(/"([^"]+)"/g)) out.add(v[1]!);
  return [...out];
};

// Each enum field the console labels, and the property (or properties) whose values it covers.
const FIELDS: [string, string[]][] = [
  ['status', unionValues('status')],
  [
    'requestType',
    unionValues('type').filter((v) =>
      /^(preservation|production|emergency_disclosure|subscriber_info|traffic_data|content|asset_freeze|takedown|epoc|epoc_pr)$/.test(v),
    ),
  ],
  ['urgency', unionValues('urgency')],
  ['priority', unionValues('priority')],
  ['severity', unionValues('severity')],
  ['reason', unionValues('reason')],
  ['role', unionValues('role')],
  ['platformRole', unionValues('roles')],
  ['orgKind', unionValues('orgKind')],
  ['sector', unionValues('sector')],
  ['decision', unionValues('decision')],
  ['ladder', unionValues('what')],
  // e-Evidence orders' certificates.
  ['dataCategory', unionValues('categories')],
  ['subsequentRequest', unionValues('subsequentRequest')],
];

const PERMISSION_LINE = /authorize|: Action\b|' \| '/;
const coreSrc = join(import.meta.dirname, '..', '..', 'core', 'src');

/**
 * The dotted names on the lines of the core's source that name an action or build an audit entry
 * (not those that check a permission: `authorizeIn('task.read', …)`, `action: Action = …`, a union
 * of permission names): the audit actions a command writes with a literal
 * name (`action: 'task.assigned'`, `taskAudit(task, 'task.escalated', …)`, `audit(deps, p, 'user.invited', …)`).
 */
const auditLiteralsInCore = (): string[] => {
  const out = new Set<string>();
  for (const file of readdirSync(coreSrc, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === join('audit', 'actions.ts')) continue;
    for (const line of readFileSync(join(coreSrc, file), 'utf8').split('\n'))
      if (/\baction\b|Audit\(|\baudit\(/.test(line) && !PERMISSION_LINE.test(line))
        for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) out.add(m[1]!);
  }
  return [...out];
};

/** Labels that are the same words in every language (acronyms and names). */
const SAME = /^(IMEI|IBAN|URL)$/;

describe('console texts', () => {
  it('every enum value the API declares has a label in English, Vietnamese and Thai', () => {
    for (const [field, values] of FIELDS) {
      expect(values.length, field).toBeGreaterThan(0);
      for (const v of values) {
        const key = `enum.${field}.${v}` as keyof typeof en;
        expect(en[key], key).toBeTruthy();
        expect(vi[key], key).toBeTruthy();
        expect(th[key], key).toBeTruthy();
      }
    }
  });

  it('every audit action the core can write has a label in English, Vietnamese and Thai', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(50);
    for (const action of AUDIT_ACTIONS) {
      // Its own label, or the label of the event of the same name.
      const keys = [`enum.auditAction.${action}`, `enum.event.${action}`] as (keyof typeof en)[];
      for (const [lang, dict] of [
        ['en', en],
        ['vi', vi],
        ['th', th],
      ] as const)
        expect(
          keys.some((k) => dict[k]),
          `${action} (${lang})`,
        ).toBe(true);
    }
  });

  it('the list of audit actions holds every action the core writes by name', () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const written = auditLiteralsInCore();
    expect(written.length).toBeGreaterThan(50);
    expect(written.filter((a) => !listed.has(a))).toEqual([]);
  });

  it('labels are translated, not English copies', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (!key.startsWith('enum.') && !key.startsWith('problem.')) continue;
      if (SAME.test(en[key])) continue;
      expect(vi[key], key).not.toBe(en[key]);
      expect(th[key], key).not.toBe(en[key]);
    }
  });

  it('every problem type the API answers with has a translated title and detail', () => {
    for (const { slug } of Object.values(problemTypes)) {
      for (const part of ['title', 'detail']) {
        const key = `problem.${part}.${slug}` as keyof typeof en;
        expect(en[key], key).toBeTruthy();
        expect(vi[key], key).toBeTruthy();
        expect(th[key], key).toBeTruthy();
      }
    }
  });
});
