import { describe, expect, it } from 'vitest';
import { nextAttemptAt, retryWaitSeconds } from './retry.ts';

describe('webhook retry schedule', () => {
  it('backs off exponentially from 30 s and caps each wait at 4 h', () => {
    expect([1, 2, 3, 4].map(retryWaitSeconds)).toEqual([30, 60, 120, 240]);
    expect(retryWaitSeconds(30)).toBe(4 * 3600);
  });

  it('keeps trying for 24 h after the event, then gives up', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    let at = created;
    let n = 0;
    for (;;) {
      const next = nextAttemptAt(created, at, ++n);
      if (!next) break;
      at = next;
      if (n > 100) throw new Error('never gives up');
    }
    expect(at.getTime() - created.getTime()).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(at.getTime() - created.getTime()).toBeGreaterThan(20 * 3600 * 1000);
  });
});
