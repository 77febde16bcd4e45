import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check.ts';
import type { Problem, Task } from './model.ts';
import { parsePsplib } from './psplib.ts';
import { InvalidProblemError, solve } from './solve.ts';

// PSPLIB J30 instance j301_1 (Kolisch & Sprecher 1997): proven optimum 43, critical path 38.
const j301 = parsePsplib(fs.readFileSync(new URL('./fixtures/j301_1.sm', import.meta.url), 'utf8'));
const clock = () => performance.now();

describe('solve', () => {
  it('reaches the proven optimum of j301_1 with a feasible schedule', () => {
    const r = solve(j301, { timeLimitMs: 10_000, maxIterations: 30_000, now: clock, seed: 7 });
    expect(r.lowerBound).toBe(38);
    expect(r.makespan).toBe(43);
    expect(r.feasible).toBe(true);
    expect(checkSchedule(j301, r.starts)).toEqual([]);
    expect(r.iterations).toBeLessThanOrEqual(30_000);
    expect(r.criticalPath?.[0]).toBe('1');
  });

  it('stops at the lower bound without using the budget', () => {
    const p: Problem = {
      resources: [{ id: 'R', capacity: 1 }],
      tasks: [
        { id: 'a', duration: 2, demands: { R: 1 }, predecessors: [] },
        { id: 'b', duration: 3, demands: { R: 1 }, predecessors: [] },
      ],
    };
    const r = solve(p, { timeLimitMs: 60_000, now: clock });
    expect(r.makespan).toBe(5);
    expect(r.lowerBound).toBe(5);
    expect(r.iterations).toBeLessThan(10);
  });

  it('respects the injected clock', () => {
    let t = 0;
    const r = solve(j301, { timeLimitMs: 5, now: () => (t += 1) });
    expect(r.iterations).toBeLessThan(30);
    expect(checkSchedule(j301, r.starts)).toEqual([]);
  });

  it('throws the validation errors of an invalid problem', () => {
    const p: Problem = {
      resources: [],
      tasks: [{ id: 'x', duration: 1, demands: {}, predecessors: ['nope'] }],
    };
    expect(() => solve(p, { timeLimitMs: 10, now: clock })).toThrow(InvalidProblemError);
    expect(() => solve(p, { timeLimitMs: 10, now: clock })).toThrow(/"x".*"nope"/);
  });
});

describe('checkSchedule', () => {
  const good = solve(j301, { timeLimitMs: 10_000, maxIterations: 500, now: clock }).starts;

  it('accepts the solver output and catches each kind of violation', () => {
    expect(checkSchedule(j301, good)).toEqual([]);
    const early = { ...good, '5': good['4']! };
    expect(checkSchedule(j301, early)).toContainEqual(
      expect.objectContaining({ kind: 'precedence', taskId: '5' }),
    );
    const { '7': _dropped, ...missing } = good;
    expect(checkSchedule(j301, missing)).toContainEqual(
      expect.objectContaining({ kind: 'missing-start', taskId: '7' }),
    );
    expect(checkSchedule(j301, { ...good, '1': -1 })).toContainEqual(
      expect.objectContaining({ kind: 'negative-start' }),
    );
  });

  it('catches a capacity overload and a release-date breach', () => {
    const p: Problem = {
      resources: [{ id: 'R', capacity: 3 }],
      tasks: [
        { id: 'a', duration: 2, demands: { R: 2 }, predecessors: [] },
        { id: 'b', duration: 2, demands: { R: 2 }, predecessors: [], earliestStart: 1 },
      ],
    };
    expect(checkSchedule(p, { a: 0, b: 2 })).toEqual([]);
    const v = checkSchedule(p, { a: 0, b: 1 });
    expect(v).toEqual([expect.objectContaining({ kind: 'capacity', resourceId: 'R', time: 1 })]);
    expect(checkSchedule(p, { a: 2, b: 0 })).toEqual([
      expect.objectContaining({ kind: 'earliest-start', taskId: 'b' }),
    ]);
  });
});

const randomProblem = fc
  .record({
    caps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    n: fc.integer({ min: 1, max: 14 }),
    seed: fc.array(fc.nat(1_000_000), { minLength: 14 * 8, maxLength: 14 * 8 }),
  })
  .map(({ caps, n, seed }): Problem => {
    let k = 0;
    const next = (m: number) => seed[k++ % seed.length]! % m;
    const tasks: Task[] = [];
    for (let i = 0; i < n; i++) {
      const predecessors = [...new Set(Array.from({ length: i === 0 ? 0 : next(3) }, () => `t${next(i)}`))];
      const task: Task = {
        id: `t${i}`,
        // About one task in five is a milestone.
        duration: next(5) === 0 ? 0 : 1 + next(6),
        demands: Object.fromEntries(caps.map((c, r) => [`R${r}`, next(c + 1)])),
        predecessors,
      };
      if (predecessors.length > 0 && next(2) === 0) task.lags = { [predecessors[0]!]: next(4) };
      if (next(4) === 0) task.earliestStart = next(10);
      tasks.push(task);
    }
    // List order must not matter: reverse so successors often come before their predecessors.
    return { resources: caps.map((capacity, r) => ({ id: `R${r}`, capacity })), tasks: tasks.reverse() };
  });

describe('solve on random problems', () => {
  it('always returns a feasible schedule no shorter than the lower bound', () => {
    fc.assert(
      fc.property(randomProblem, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const r = solve(problem, { timeLimitMs: 10_000, maxIterations: 300, now: clock, seed });
        expect(checkSchedule(problem, r.starts)).toEqual([]);
        expect(r.makespan).toBeGreaterThanOrEqual(r.lowerBound);
        const finish = Math.max(0, ...problem.tasks.map((t) => r.starts[t.id]! + t.duration));
        expect(r.makespan).toBe(finish);
      }),
      { numRuns: 200 },
    );
  });
});
