import { describe, expect, it } from 'vitest';
import { instanceAuthStorage } from './rate-limits.store.ts';

const rule = { window: 10, max: 3 };
const T0 = 1_800_000_000_000; // a window boundary (a multiple of 10 s)

describe("an instance's own rate-limit counts (SQLite)", () => {
  it('allows max hits per fixed window, then says how long is left, and starts again after it', async () => {
    const s = instanceAuthStorage();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await s.consume('1.2.3.4|/sign-in/email', rule, T0 + 2_000));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
    expect(hits[3]!.retryAfter).toBe(8);
    expect((await s.consume('1.2.3.4|/sign-in/email', rule, T0 + 10_000)).allowed).toBe(true);
    // Another client has its own count.
    expect((await s.consume('5.6.7.8|/sign-in/email', rule, T0 + 2_000)).allowed).toBe(true);
  });

  it('is one per runtime: two runtimes in one process do not count each other', async () => {
    const a = instanceAuthStorage();
    const b = instanceAuthStorage();
    for (let i = 0; i < 3; i++) await a.consume('k', rule, T0);
    expect((await a.consume('k', rule, T0)).allowed).toBe(false);
    expect((await b.consume('k', rule, T0)).allowed).toBe(true);
  });

  it('forgets ended windows and never holds more than its cap', async () => {
    const s = instanceAuthStorage(1_000);
    for (let i = 0; i < 5_000; i++) await s.consume(`client-${i}`, rule, T0 + i);
    expect(s.size).toBeLessThanOrEqual(1_000);
    await s.consume('late', rule, T0 + 60_000);
    expect(s.size).toBe(1);
  });
});
