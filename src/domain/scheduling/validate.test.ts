import { describe, expect, it } from 'vitest';
import type { Problem, Task } from './model.ts';
import { validateProblem } from './validate.ts';

const task = (id: string, predecessors: string[] = [], extra: Partial<Task> = {}): Task => ({
  id,
  duration: 1,
  demands: {},
  predecessors,
  ...extra,
});
const problem = (tasks: Task[]): Problem => ({ resources: [{ id: 'R', capacity: 3 }], tasks });

describe('validateProblem', () => {
  it('accepts a sound plan', () => {
    expect(validateProblem(problem([task('a'), task('b', ['a'], { demands: { R: 3 } })]))).toEqual([]);
  });

  it('names the task with an unknown predecessor', () => {
    const [e] = validateProblem(problem([task('a'), task('b', ['zz'])]));
    expect(e).toMatchObject({ code: 'unknown-predecessor', taskId: 'b' });
    expect(e!.message).toContain('"b"');
    expect(e!.message).toContain('"zz"');
  });

  it('names the tasks of a cycle in dependency order', () => {
    const errors = validateProblem(
      problem([task('s'), task('a', ['s', 'c']), task('b', ['a']), task('c', ['b'])]),
    );
    expect(errors).toHaveLength(1);
    const e = errors[0]!;
    expect(e.code).toBe('cycle');
    // Rotation depends on the walk; the ring itself must be a -> b -> c.
    const ring = e.cycle!;
    const at = ring.indexOf('a');
    expect([...ring.slice(at), ...ring.slice(0, at)]).toEqual(['a', 'b', 'c']);
    expect(e.message).toMatch(/"a" -> "b" -> "c" -> "a"|"b" -> "c" -> "a" -> "b"|"c" -> "a" -> "b" -> "c"/);
  });

  it('reports a self-dependency as a cycle of one', () => {
    const [e] = validateProblem(problem([task('a', ['a'])]));
    expect(e).toMatchObject({ code: 'cycle', taskId: 'a', cycle: ['a'] });
  });

  it('names the task whose demand exceeds the capacity', () => {
    const [e] = validateProblem(problem([task('big', [], { demands: { R: 4 } })]));
    expect(e).toMatchObject({ code: 'demand-above-capacity', taskId: 'big' });
    expect(e!.message).toContain('"big"');
  });

  it('names the task using an unknown resource', () => {
    const [e] = validateProblem(problem([task('a', [], { demands: { Q: 1 } })]));
    expect(e).toMatchObject({ code: 'unknown-resource', taskId: 'a' });
    expect(e!.message).toContain('"Q"');
  });

  it.each([-1, 1.5, Number.NaN])('names the task with duration %s', (duration) => {
    const [e] = validateProblem(problem([task('a', [], { duration })]));
    expect(e).toMatchObject({ code: 'invalid-duration', taskId: 'a' });
  });

  it('names duplicate task ids', () => {
    const [e] = validateProblem(problem([task('a'), task('a')]));
    expect(e).toMatchObject({ code: 'duplicate-id', taskId: 'a' });
  });

  it('rejects lags on non-predecessors, negative lags and bad release dates', () => {
    const errors = validateProblem(
      problem([
        task('a'),
        task('b', ['a'], { lags: { x: 1 } }),
        task('c', ['a'], { lags: { a: -2 } }),
        task('d', [], { earliestStart: -1 }),
      ]),
    );
    expect(errors.map((e) => [e.code, e.taskId])).toEqual([
      ['invalid-lag', 'b'],
      ['invalid-lag', 'c'],
      ['invalid-earliest-start', 'd'],
    ]);
  });

  it('refuses horizons too long for the profile arrays', () => {
    const [e] = validateProblem(problem([task('a', [], { duration: 20_000_000 })]));
    expect(e?.code).toBe('horizon-too-large');
    // 200,000 time units are fine for one resource but not for 100 of them.
    const long = [task('a', [], { duration: 150_000 }), task('b', ['a'], { lags: { a: 50_000 } })];
    expect(validateProblem(problem(long))).toEqual([]);
    const many = {
      resources: Array.from({ length: 100 }, (_, i) => ({ id: `R${i}`, capacity: 1 })),
      tasks: long,
    };
    expect(validateProblem(many)[0]?.code).toBe('horizon-too-large');
  });

  it('refuses capacities and demands beyond 32-bit arithmetic', () => {
    const huge = { resources: [{ id: 'R', capacity: 3e9 }], tasks: [task('a', [], { demands: { R: 2e9 } })] };
    expect(validateProblem(huge).map((e) => e.code)).toEqual(['invalid-capacity', 'invalid-demand']);
  });
});
