import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/log';

/** Every line the logger writes, to stdout or stderr, parsed. */
const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const take = (chunk: unknown) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(take);
  vi.spyOn(process.stderr, 'write').mockImplementation(take);
  return lines;
};

afterEach(() => vi.restoreAllMocks());

describe('the logger', () => {
  it('prints nothing with LOG_LEVEL=silent', () => {
    const lines = capture();
    const log = createLogger({ LOG_LEVEL: 'silent' });
    log.info('request', { status: 200 });
    log.warn('slow', {});
    log.error('unhandled error', { message: 'boom' });
    expect(lines).toEqual([]);
  });

  it('honours LOG_LEVEL in any case, and writes one JSON line per entry with its fields', () => {
    const lines = capture();
    const log = createLogger({ LOG_LEVEL: 'warn', POWERTOOLS_SERVICE_NAME: 'taskforce-test' });
    log.info('request', { status: 200 });
    log.warn('command gave up under contention', { requestId: 'r1', reason: 'chain' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'WARN',
      message: 'command gave up under contention',
      service: 'taskforce-test',
      requestId: 'r1',
      reason: 'chain',
    });
  });

  it("keeps a field named like one the logger writes itself (an error's message) instead of dropping it", () => {
    const lines = capture();
    const log = createLogger({ LOG_LEVEL: 'info' });
    log.error('delivery failed', { messageId: 'm1', message: 'connect ECONNREFUSED' });
    // One line: no "reserved key" warning, and the error's message is there.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'ERROR', message: 'delivery failed', messageId: 'm1', detail: 'connect ECONNREFUSED' });
  });
});
