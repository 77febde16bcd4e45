import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/working-days.ts';
import { forecastPlan, type PlanTask } from './forecast.ts';

const cal = defaultCalendar(['2026-12-25']);
const task = (
  id: string,
  findingId: string,
  ownerId: string | null,
  effortDays: number,
  preds: string[] = [],
  done = false,
): PlanTask => ({
  id,
  title: `task ${id}`,
  findingId,
  ownerId,
  effortDays,
  done,
  predecessors: preds.map((p) => ({ id: p, lagDays: 0 })),
});
const base = { today: '2026-12-21', calendar: cal, timeLimitMs: 200, now: () => performance.now() };

describe('remediation forecast', () => {
  it('turns effort into working days at each owner share and skips weekends and holidays', () => {
    const f = forecastPlan({
      ...base,
      tasks: [task('a', 'F1', 'tom', 2), task('b', 'F1', 'tom', 1, ['a'])],
      people: [{ id: 'tom', share: 0.5 }],
      findings: [{ id: 'F1', ref: 'NC-01', evidenceDueOn: null, closeByOn: null }],
    });
    // a: 4 working days Mon 21, Tue 22, Wed 23, Thu 24 (25 is a holiday); b: 2 days Mon 28, Tue 29.
    expect(f.tasks.find((t) => t.id === 'a')).toMatchObject({
      startOn: '2026-12-21',
      finishOn: '2026-12-24',
      durationDays: 4,
    });
    expect(f.tasks.find((t) => t.id === 'b')).toMatchObject({
      startOn: '2026-12-28',
      finishOn: '2026-12-29',
    });
    expect(f.findings[0]!.finishOn).toBe('2026-12-29');
  });

  it('lets one person do one task at a time, and ignores finished tasks', () => {
    const f = forecastPlan({
      ...base,
      tasks: [task('a', 'F1', 'lena', 3), task('b', 'F2', 'lena', 3), task('c', 'F2', 'lena', 5, [], true)],
      people: [{ id: 'lena', share: 1 }],
      findings: [
        { id: 'F1', ref: 'NC-01', evidenceDueOn: null, closeByOn: null },
        { id: 'F2', ref: 'NC-02', evidenceDueOn: null, closeByOn: null },
      ],
    });
    expect(f.makespanDays).toBe(6);
    expect(f.tasks.map((t) => t.id).sort()).toEqual(['a', 'b']);
  });

  it('names the findings that miss a deadline and the chain of tasks that makes them late', () => {
    const tasks = [
      task('sla', 'F1', 'tom', 3),
      task('scan', 'F1', 'tom', 4, ['sla']),
      task('other', 'F2', 'tom', 2),
    ];
    const findings = [
      { id: 'F1', ref: 'NC-01', evidenceDueOn: '2026-12-24', closeByOn: '2027-01-15' },
      { id: 'F2', ref: 'NC-02', evidenceDueOn: '2027-01-31', closeByOn: null },
    ];
    const f = forecastPlan({ ...base, tasks, people: [{ id: 'tom', share: 1 }], findings });
    const nc1 = f.findings.find((x) => x.ref === 'NC-01')!;
    expect(nc1.misses).toHaveLength(1);
    expect(nc1.misses[0]).toMatchObject({ deadline: 'evidence', dueOn: '2026-12-24' });
    expect(nc1.misses[0]!.chain.at(-1)).toBe('task scan');
    expect(nc1.misses[0]!.chain).toContain('task sla');
    expect(f.findings.find((x) => x.ref === 'NC-02')!.misses).toEqual([]);
    expect(f.makespanDays).toBe(9);
    // What-if: a second person takes the scan; Tom's other task no longer queues behind it.
    const split = forecastPlan({
      ...base,
      tasks: [
        task('sla', 'F1', 'tom', 3),
        task('scan', 'F1', 'ravi', 4, ['sla']),
        task('other', 'F2', 'tom', 2),
      ],
      people: [
        { id: 'tom', share: 1 },
        { id: 'ravi', share: 1 },
      ],
      findings,
    });
    expect(split.makespanDays).toBe(7);
    // sla Mon 21–Wed 23, then the scan Thu 24, Mon 28–Wed 30 (25 is a holiday).
    expect(split.findings.find((x) => x.ref === 'NC-01')!.finishOn).toBe('2026-12-30');
  });

  it('respects lags and release dates', () => {
    const f = forecastPlan({
      ...base,
      tasks: [
        { ...task('a', 'F1', null, 1), earliestStart: '2026-12-23' },
        { ...task('b', 'F1', null, 1), predecessors: [{ id: 'a', lagDays: 2 }] },
      ],
      people: [],
      findings: [{ id: 'F1', ref: 'NC-01', evidenceDueOn: null, closeByOn: null }],
    });
    expect(f.tasks.find((t) => t.id === 'a')!.startOn).toBe('2026-12-23');
    // a ends Wed 23; two working days of lag (24, 28) then b on Tue 29.
    expect(f.tasks.find((t) => t.id === 'b')!.startOn).toBe('2026-12-29');
  });

  it('puts the task due first first when the makespan does not care', () => {
    for (const order of [
      ['long', 'short'],
      ['short', 'long'],
    ]) {
      const tasks = order.map((id) =>
        id === 'long'
          ? { ...task('long', 'F2', 'tom', 10), serves: 'close' as const }
          : task('short', 'F1', 'tom', 2),
      );
      const f = forecastPlan({
        ...base,
        tasks,
        people: [{ id: 'tom', share: 1 }],
        findings: [
          { id: 'F1', ref: 'NC-01', evidenceDueOn: '2026-12-23', closeByOn: null },
          { id: 'F2', ref: 'NC-02', evidenceDueOn: null, closeByOn: '2027-02-26' },
        ],
      });
      expect(f.findings.every((x) => x.status === 'on_track')).toBe(true);
      expect(f.tasks.find((x) => x.id === 'short')!.startOn).toBe('2026-12-21');
    }
  });
});
