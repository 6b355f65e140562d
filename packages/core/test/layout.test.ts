import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Core is one folder per feature over a kernel: the kernel uses no feature, and the features
// import each other in one direction only, so a newcomer can read any of them bottom-up.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const folderOf = (file: string) => {
  const [first, ...rest] = relative(SRC, file).split('/');
  return rest.length > 0 ? (first as string) : '.';
};
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1] as string));

const edges = new Map<string, Set<string>>();
for (const file of files(SRC)) {
  const from = folderOf(file);
  for (const target of imports(file)) {
    const to = folderOf(`${target}.ts`);
    if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
}

describe('core layout', () => {
  it('the kernel imports no feature', () => {
    expect([...(edges.get('kernel') ?? [])]).toEqual([]);
  });

  it('feature folders form a DAG', () => {
    const cycles: string[] = [];
    const walk = (node: string, path: string[]) => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
        return;
      }
      for (const next of edges.get(node) ?? []) if (next !== '.') walk(next, [...path, node]);
    };
    for (const node of edges.keys()) if (node !== '.') walk(node, []);
    expect(cycles).toEqual([]);
  });

  it('no file is over 320 lines, so each reads in one sitting and says one thing', () => {
    const MAX_LINES = 320;
    const long = files(SRC)
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').trimEnd().split('\n').length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });
});
