import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README is a page and the rest of the documentation lives in docs/: every relative link and
 * image of README.md and docs/**\/*.md must reach a file that exists, and every `#anchor` (in the
 * same file or another) a heading of its target, slugged as GitHub does. The README stays short,
 * keeps the two set-up commands that CI runs, and links every docs file.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const README_MAX_LINES = 250;
const SETUP_COMMANDS = [
  '. .ci/node24.sh && npm install -g pnpm@10.34.8 && pnpm install --frozen-lockfile && pnpm start --demo',
  '. .ci/node24.sh && npm install -g pnpm@10.34.8 && pnpm install --frozen-lockfile && pnpm test',
];

const markdownUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });

const FILES = [join(ROOT, 'README.md'), ...markdownUnder(join(ROOT, 'docs'))];

/** A file's lines, those of fenced code blocks and inline code blanked out. */
const prose = (text: string): string[] => {
  let fence = false;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const isFence = /^\s*(```|~~~)/.test(line);
    if (isFence) fence = !fence;
    out.push(fence || isFence ? '' : line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)));
  }
  return out;
};

/** GitHub's heading anchor: lower case, punctuation but - and _ dropped, each space a hyphen; repeats get -1, -2 … */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');

/** The anchors of a file's headings (outside fenced code blocks). */
const anchorsIn = (text: string): Set<string> => {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    // A heading's text as rendered: code spans, emphasis and links keep only their text.
    const base = slug(m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, ''));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
};

const anchorsCache = new Map<string, Set<string>>();
const anchorsOf = (file: string): Set<string> => {
  if (!anchorsCache.has(file)) anchorsCache.set(file, anchorsIn(readFileSync(file, 'utf8')));
  return anchorsCache.get(file)!;
};

/** Every link and image target in a file's prose: `[text](target)`, `![alt](target "title")`. */
const targetsOf = (text: string): { line: number; target: string }[] =>
  prose(text).flatMap((text, i) =>
    [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ line: i + 1, target: m[1]! })),
  );

/** What is broken among the links of `text`, read as the content of `file`. */
const problemsOf = (file: string, text = readFileSync(file, 'utf8')): string[] =>
  targetsOf(text).flatMap(({ line, target }) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return []; // https:, mailto: …
    const where = `${relative(ROOT, file)}:${line} → ${target}`;
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    const dest = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (path !== '' && !existsSync(dest)) return [`${where}: no such file`];
    if (anchor === undefined) return [];
    if (!dest.endsWith('.md')) return [`${where}: an anchor into a file that is not markdown`];
    const anchors = path === '' ? anchorsIn(text) : anchorsOf(dest);
    return anchors.has(decodeURIComponent(anchor).toLowerCase()) ? [] : [`${where}: no such heading`];
  });

describe('the documentation', () => {
  it('is README.md and the markdown under docs/', () => {
    expect(FILES.map((f) => relative(ROOT, f))).toContain('docs/security.md');
  });

  it('slugs headings as GitHub does', () => {
    expect(slug('Tour: hit/no-hit matching')).toBe('tour-hitno-hit-matching');
    expect(slug('Versions: ETag and If-Match')).toBe('versions-etag-and-if-match');
    expect(slug('What is proven, and what an attacker with table access can do')).toBe(
      'what-is-proven-and-what-an-attacker-with-table-access-can-do',
    );
  });

  it('links only to files and headings that exist', () => {
    expect(FILES.flatMap((file) => problemsOf(file))).toEqual([]);
  });

  it('finds a missing file, a missing heading and an anchor into a missing heading of another file', () => {
    const page = join(ROOT, 'docs/tour/example.md');
    const text = [
      '# Example',
      '[fine](../security.md#who-may-do-what) [fine too](#example) ![shot](../screenshots/lead-today.png) [web](https://example.org/x)',
      '`[in code](nowhere.md)`',
      '```',
      '[in a fence](nowhere.md)',
      '```',
      '[gone](../nowhere.md) ![gone](../screenshots/none.png) [bad anchor](../security.md#nowhere) [bad here](#nowhere)',
    ].join('\n');
    expect(problemsOf(page, text)).toEqual([
      'docs/tour/example.md:7 → ../nowhere.md: no such file',
      'docs/tour/example.md:7 → ../screenshots/none.png: no such file',
      'docs/tour/example.md:7 → ../security.md#nowhere: no such heading',
      'docs/tour/example.md:7 → #nowhere: no such heading',
    ]);
  });

  it('maps every docs file from the README', () => {
    const linked = new Set(targetsOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map(({ target }) => target.split('#')[0]));
    const docs = FILES.slice(1).map((f) => relative(ROOT, f));
    expect(docs.filter((f) => !linked.has(f))).toEqual([]);
  });

  it('keeps the README a page, with the two set-up commands', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
    for (const command of SETUP_COMMANDS) expect(readme).toContain(`\n\`\`\`sh\n${command}\n\`\`\`\n`);
  });
});
