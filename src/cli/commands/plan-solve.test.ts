import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planSolution } from '../../contracts/plan-problem.ts';
import { psplibToProblem, runPlanSolve } from './plan-solve.ts';

// PSPLIB J30 instance j301_1 (Kolisch & Sprecher 1997): optimum 43, critical path 38.
const sm = fs.readFileSync(new URL('../../domain/scheduling/fixtures/j301_1.sm', import.meta.url), 'utf8');

async function run(input: string) {
  let stdout = '';
  let stderr = '';
  const code = await runPlanSolve(input, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const problem = (tasks: unknown[], resources: unknown[] = [{ id: 'R1', capacity: 12 }]) =>
  JSON.stringify({ resources, tasks, timeLimitMs: 200 });

describe('runPlanSolve', () => {
  it('solves the JSON contract example and prints exactly one JSON line', async () => {
    const input = problem([
      { id: '1', duration: 0, demands: {}, predecessors: [] },
      { id: '2', duration: 8, demands: { R1: 4 }, predecessors: ['1'] },
      { id: '3', duration: 4, demands: { R1: 10 }, predecessors: ['1'] },
    ]);
    const { code, stdout, stderr } = await run(input);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['makespan', 'starts', 'lowerBound', 'feasible']);
    // 4 + 10 units exceed the capacity 12, so the two tasks run one after the other (in either order).
    const parsed = planSolution.parse(out);
    expect(parsed).toMatchObject({ makespan: 12, lowerBound: 8, feasible: true });
    expect([
      { 1: 0, 2: 0, 3: 8 },
      { 1: 0, 2: 4, 3: 0 },
    ]).toContainEqual(parsed.starts);
  });

  it('accepts a PSPLIB .sm file and reaches its optimum', async () => {
    const { code, stdout } = await run(sm);
    expect(code).toBe(0);
    const out = planSolution.parse(JSON.parse(stdout));
    expect(out).toMatchObject({ makespan: 43, lowerBound: 38, feasible: true });
    expect(Object.keys(out.starts)).toHaveLength(32);
  });

  it('converts PSPLIB text with a chosen time limit', () => {
    const p = psplibToProblem(sm, 250);
    expect(p.timeLimitMs).toBe(250);
    expect(p.tasks).toHaveLength(32);
    expect(p.resources.map((r) => r.capacity)).toEqual([12, 13, 4, 12]);
  });

  it('rejects bad JSON without printing a schedule', async () => {
    const { code, stdout, stderr } = await run('{"tasks": [');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/invalid JSON/);
  });

  it('names the path and the task on a schema error', async () => {
    const { code, stdout, stderr } = await run(
      problem([
        { id: 'a', duration: 1 },
        { id: 'b', duration: -2, predecessors: ['a'] },
      ]),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('tasks[1].duration (task "b")');
  });

  it('rejects a misspelt key instead of dropping it', async () => {
    const { code, stderr } = await run(problem([{ id: 'a', duration: 1, predecesors: ['x'] }]));
    expect(code).toBe(1);
    expect(stderr).toContain('tasks[0] (task "a")');
    expect(stderr).toContain('predecesors');
  });

  it.each([
    [
      'an unknown predecessor',
      [{ id: 'a', duration: 1, predecessors: ['ghost'] }],
      /task "a": unknown predecessor "ghost"/,
    ],
    [
      'a cycle',
      [
        { id: 'a', duration: 1, predecessors: ['b'] },
        { id: 'b', duration: 1, predecessors: ['a'] },
      ],
      /dependency cycle: "(a|b)" -> "(a|b)" -> "(a|b)"/,
    ],
    [
      'a demand above capacity',
      [{ id: 'big', duration: 1, demands: { R1: 13 } }],
      /task "big": demand 13 on "R1"/,
    ],
  ])('names the task on %s, printing no schedule', async (_label, tasks, message) => {
    const { code, stdout, stderr } = await run(problem(tasks));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('rejects text that is neither JSON nor PSPLIB', async () => {
    const { code, stdout, stderr } = await run('hello');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/neither a JSON problem .* nor a PSPLIB/);
  });
});
