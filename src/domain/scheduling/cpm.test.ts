import { describe, expect, it } from 'vitest';
import { lowerBound, problemLowerBound, resourceBound } from './bounds.ts';
import { compile } from './compile.ts';
import { criticalPathMethod } from './cpm.ts';
import type { Problem } from './model.ts';

// Hand-computed: ES A0 B0 C3 D=max(3, 2+lag 2)=4 E=max(7,5)=7 F=9; LS backwards from 9.
const example: Problem = {
  resources: [{ id: 'R', capacity: 2 }],
  tasks: [
    { id: 'A', duration: 3, demands: { R: 2 }, predecessors: [] },
    { id: 'B', duration: 2, demands: { R: 1 }, predecessors: [] },
    { id: 'C', duration: 4, demands: { R: 1 }, predecessors: ['A'] },
    { id: 'D', duration: 1, demands: {}, predecessors: ['A', 'B'], lags: { B: 2 } },
    { id: 'E', duration: 2, demands: { R: 2 }, predecessors: ['C', 'D'] },
    { id: 'F', duration: 0, demands: {}, predecessors: ['E'] },
  ],
};

describe('criticalPathMethod', () => {
  it('computes the hand-worked dates, slack and critical path', () => {
    const r = criticalPathMethod(example);
    expect(r.projectLength).toBe(9);
    expect(r.earliestStart).toEqual({ A: 0, B: 0, C: 3, D: 4, E: 7, F: 9 });
    expect(r.earliestFinish).toEqual({ A: 3, B: 2, C: 7, D: 5, E: 9, F: 9 });
    expect(r.latestStart).toEqual({ A: 0, B: 2, C: 3, D: 6, E: 7, F: 9 });
    expect(r.latestFinish).toEqual({ A: 3, B: 4, C: 7, D: 7, E: 9, F: 9 });
    expect(r.totalSlack).toEqual({ A: 0, B: 2, C: 0, D: 2, E: 0, F: 0 });
    expect(r.criticalPath).toEqual(['A', 'C', 'E', 'F']);
  });

  it('measures latest dates against a longer horizon', () => {
    const r = criticalPathMethod(example, { horizon: 12 });
    expect(r.horizon).toBe(12);
    expect(r.totalSlack).toEqual({ A: 3, B: 5, C: 3, D: 5, E: 3, F: 3 });
    expect(r.latestFinish.F).toBe(12);
  });

  it('respects release dates and starts the critical path at a released task', () => {
    const p: Problem = {
      resources: [],
      tasks: [
        { id: 'x', duration: 2, demands: {}, predecessors: [] },
        { id: 'y', duration: 3, demands: {}, predecessors: [], earliestStart: 5 },
        { id: 'z', duration: 1, demands: {}, predecessors: ['x', 'y'] },
      ],
    };
    const r = criticalPathMethod(p);
    expect(r.earliestStart).toEqual({ x: 0, y: 5, z: 8 });
    expect(r.projectLength).toBe(9);
    expect(r.criticalPath).toEqual(['y', 'z']);
  });

  it('handles an empty plan', () => {
    expect(criticalPathMethod({ resources: [], tasks: [] }).projectLength).toBe(0);
  });

  // Speed is measured by `npm run bench` against a same-run floor, never asserted here.
  it('stays consistent on 5,000 tasks and 20,000 dependencies', () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => ({
      id: `t${i}`,
      duration: (i * 7) % 5,
      demands: {},
      predecessors: i === 0 ? [] : [1, 2, 3, 4].map((k) => `t${Math.max(0, i - k * k * 3 - (i % 97))}`),
    }));
    const r = criticalPathMethod({ resources: [], tasks });
    expect(r.criticalPath.at(-1)).toBeDefined();
    expect(Object.keys(r.totalSlack)).toHaveLength(5000);
    expect(Object.values(r.totalSlack).every((s) => s >= 0)).toBe(true);
    for (const id of r.criticalPath) expect(r.totalSlack[id]).toBe(0);
  });
});

describe('lowerBound', () => {
  it('takes the larger of the critical path and the resource work bound', () => {
    const net = compile(example);
    // Work on R: 3*2 + 2*1 + 4*1 + 2*2 = 16 units at capacity 2 -> 8 < critical path 9.
    expect(resourceBound(net)).toBe(8);
    expect(lowerBound(net)).toBe(9);
  });

  it('rounds the resource bound up', () => {
    const net = compile({
      resources: [{ id: 'R', capacity: 2 }],
      tasks: ['a', 'b', 'c'].map((id) => ({ id, duration: 3, demands: { R: 2 }, predecessors: [] })),
    });
    expect(resourceBound(net)).toBe(9);
    const half = compile({
      resources: [{ id: 'R', capacity: 4 }],
      tasks: ['a', 'b', 'c'].map((id) => ({ id, duration: 3, demands: { R: 2 }, predecessors: [] })),
    });
    expect(lowerBound(half)).toBe(5);
    expect(problemLowerBound({ resources: [], tasks: [] })).toBe(0);
  });
});
