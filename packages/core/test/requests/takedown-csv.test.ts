import { describe, expect, it } from 'vitest';
import { DomainError, intakeFromText } from '../../src/index';

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.field : 'not a domain error';
  }
  return undefined;
};

describe('takedown CSV read as RFC 4180 says', () => {
  it('keeps a tab, CR, LF or CRLF inside a quoted field, and finds the separator outside quotes', () => {
    for (const inner of ['\t', '\r', '\n', '\r\n']) {
      const text = `account,chatwave,@a,"first${inner}second"\r\naccount,chatwave,@b`;
      expect(intakeFromText(text).items, JSON.stringify(inner)).toEqual([
        { kind: 'account', service: 'chatwave', value: '@a', note: `first${inner}second` },
        { kind: 'account', service: 'chatwave', value: '@b' },
      ]);
    }
    // A quoted comma in a tab-separated line, a quoted tab in a semicolon-separated one.
    expect(intakeFromText('page\tfbook\t"Jobs, daily"\npage;fbook;"Easy\tJobs"').items).toEqual([
      { kind: 'page', service: 'fbook', value: 'Jobs, daily' },
      { kind: 'page', service: 'fbook', value: 'Easy\tJobs' },
    ]);
  });

  it('drops a byte order mark, takes CRLF, LF and CR mixed, and numbers lines as the file has them', () => {
    const text = '\uFEFFkind,service,value,note\r\naccount,chatwave,@a,"two\nlines"\raccount,chatwave,@b\nprofile,chatwave,@c\r\n';
    expect(fieldOf(() => intakeFromText(text))).toBe('csv[line 5].kind');
    const ok = intakeFromText('\uFEFFaccount,chatwave,@a\raccount,chatwave,@b\r\naccount,chatwave,@c\n');
    expect(ok.items.map((i) => i.value)).toEqual(['@a', '@b', '@c']);
  });

  it('names the line a quote opened on when it never closes, and text after a closing quote', () => {
    expect(fieldOf(() => intakeFromText('account,chatwave,@a\naccount,chatwave,"@b\naccount,chatwave,@c'))).toBe('csv[line 2]');
    expect(fieldOf(() => intakeFromText('account,chatwave,"@a"x'))).toBe('csv[line 1]');
  });

  it('reads comments and bare URLs as whole lines, quotes or not', () => {
    const intake = intakeFromText('# a "comment\nhttps://jobs.example/a?q="x\naccount,chatwave,@a');
    expect(intake.items.map((i) => i.value)).toEqual(['https://jobs.example/a?q="x', '@a']);
  });
});
