import { describe, expect, it } from 'vitest';
import { Shutdown } from '../src/runtime/shutdown';

describe('the runtime stop', () => {
  it('stops the parts in reverse order, once, going on past a part that throws or hangs beyond its bound', async () => {
    const done: string[] = [];
    const problems: string[] = [];
    const s = new Shutdown(
      () => {},
      (what, problem) => problems.push(`${what}: ${problem}`),
    );
    s.onStopping(() => done.push('supervisor'));
    s.add({ what: 'engines', stop: () => void done.push('engines') });
    s.add({ what: 'server', stop: () => new Promise<void>(() => {}), boundMs: 50 });
    s.add({
      what: 'workers',
      stop: () => {
        throw new Error('in hand');
      },
    });
    s.add({ what: 'scheduler', stop: () => void done.push('scheduler') });
    await Promise.all([s.stop(), s.stop()]);
    expect(done).toEqual(['supervisor', 'scheduler', 'engines']);
    expect(problems).toEqual(['workers: in hand', 'server: did not stop within 50 ms; left behind']);
  });
});
