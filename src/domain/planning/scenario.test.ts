import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isoWeekday } from '../calendar/iso-date.ts';
import { defaultCalendar, isWorkingDay } from '../calendar/working-days.ts';
import { forecastPlan } from './forecast.ts';
import type { PlanInput, PlanTask } from './model.ts';
import { applyChanges, compareForecasts, dependencyCycle, PlanChangeError } from './scenario.ts';

const cal = defaultCalendar(['2026-12-25', '2027-01-01']);
const base = { today: '2026-12-21', calendar: cal, timeLimitMs: 100, now: () => performance.now() };
const t = (id: string, ownerId: string | null, effortDays: number, preds: string[] = []): PlanTask => ({
  id,
  title: `task ${id}`,
  findingId: 'F1',
  ownerId,
  effortDays,
  done: false,
  predecessors: preds.map((p) => ({ id: p, lagDays: 0 })),
});

describe('person calendars', () => {
  it('skips a person’s time off and the weekdays they do not work, and says what decided a start', () => {
    const f = forecastPlan({
      ...base,
      tasks: [t('a', 'ana', 2), t('b', 'ana', 1), t('c', null, 1, ['a'])],
      people: [
        { id: 'ana', share: 1, weekdays: [1, 2, 3], timeOff: [{ from: '2026-12-22', to: '2026-12-22' }] },
      ],
      findings: [{ id: 'F1', ref: 'NC-01', evidenceDueOn: '2026-12-24', closeByOn: null }],
    });
    const byId = new Map(f.tasks.map((x) => [x.id, x]));
    // Ana works Mon–Wed, is off Tue 22: the two-day task takes Mon 21 and Wed 23.
    const first = [byId.get('a')!, byId.get('b')!].sort((x, y) => x.startOn.localeCompare(y.startOn));
    expect(first[0]!.startOn).toBe('2026-12-21');
    expect(first[1]!.cause).toEqual({ kind: 'owner', taskId: first[0]!.id });
    expect(byId.get('c')!.cause).toEqual({ kind: 'predecessor', taskId: 'a' });
    expect(f.workload[0]!.weeks[0]).toMatchObject({ weekStart: '2026-12-21', capacityDays: 2 });
  });
});

describe('what-if scenarios', () => {
  const plan: PlanInput = {
    tasks: [t('a', 'tom', 5), t('b', 'tom', 5), t('c', 'tom', 5, ['a'])],
    people: [{ id: 'tom', share: 1 }],
    findings: [{ id: 'F1', ref: 'NC-01', evidenceDueOn: '2027-01-08', closeByOn: null }],
  };

  it('adding a person who takes over a task turns an at-risk finding green, without touching the plan', () => {
    const current = forecastPlan({ ...base, ...plan });
    expect(current.findings[0]!.status).toBe('at_risk');
    expect(current.findings[0]!.misses[0]!.chainIds.length).toBeGreaterThan(1);
    const scenario = applyChanges(plan, [
      { kind: 'add_person', personId: 'new', name: 'New hire', share: 1 },
      { kind: 'owner', taskId: 'b', ownerId: 'new' },
    ]);
    expect(plan.tasks[1]!.ownerId).toBe('tom');
    const cmp = compareForecasts(current, forecastPlan({ ...base, ...scenario }));
    expect(cmp.findings[0]!.scenario.status).toBe('on_track');
    expect(cmp.findings[0]!.shiftDays).toBeLessThan(0);
    expect(cmp).toMatchObject({ current: { atRisk: 1 }, scenario: { atRisk: 0 } });
  });

  it('refuses a dependency that forms a cycle and names it', () => {
    expect(dependencyCycle(plan.tasks, 'c', 'a')).toEqual(['c', 'a']);
    const chain = [t('x', null, 1), t('y', null, 1, ['x']), t('z', null, 1, ['y'])];
    expect(dependencyCycle(chain, 'z', 'x')).toEqual(['z', 'x', 'y']);
    expect(dependencyCycle(chain, 'x', 'z')).toBeUndefined();
    expect(() =>
      applyChanges(plan, [{ kind: 'add_dependency', predecessorId: 'c', successorId: 'a', lagDays: 0 }]),
    ).toThrow(PlanChangeError);
    expect(() => applyChanges(plan, [{ kind: 'estimate', taskId: 'nope', effortDays: 1 }])).toThrow(
      /no task nope/,
    );
  });
});

describe('every forecast is feasible (fast-check)', () => {
  const arb = fc
    .record({
      n: fc.integer({ min: 1, max: 25 }),
      people: fc.array(
        fc.record({ share: fc.constantFrom(0.25, 0.5, 1), off: fc.integer({ min: 0, max: 20 }) }),
        { minLength: 1, maxLength: 4 },
      ),
      seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
    })
    .map(({ n, people, seed }) => {
      const ppl = people.map((p, i) => ({
        id: `p${i}`,
        share: p.share,
        timeOff: [{ from: addCalendarDays(base.today, p.off), to: addCalendarDays(base.today, p.off + 3) }],
      }));
      const tasks: PlanTask[] = Array.from({ length: n }, (_, i) => ({
        ...t(`t${i}`, seed[i]! % 5 === 0 ? null : `p${seed[i]! % ppl.length}`, seed[i + 25]! % 6),
        predecessors: Array.from({ length: i }, (_, j) => j)
          .filter((j) => seed[(i * 7 + j) % 80]! % 4 === 0)
          .map((j) => ({ id: `t${j}`, lagDays: seed[(i + j) % 80]! % 3 })),
      }));
      return { tasks, people: ppl, findings: [] };
    });

  it('keeps precedences with lags, one task at a time per person, and only their available days', () => {
    fc.assert(
      fc.property(arb, (plan) => {
        const f = forecastPlan({ ...base, ...plan, timeLimitMs: 20 });
        const at = new Map(f.tasks.map((x) => [x.id, x]));
        for (const task of plan.tasks) {
          const me = at.get(task.id)!;
          for (const p of task.predecessors) {
            const pred = at.get(p.id)!;
            let d = pred.durationDays > 0 ? addCalendarDays(pred.finishOn, 1) : pred.startOn;
            for (let n = 0; n < p.lagDays; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) n++;
            expect(me.startOn >= d).toBe(true);
          }
          if (me.durationDays > 0) {
            expect(isWorkingDay(me.startOn, cal) && isoWeekday(me.startOn) <= 5).toBe(true);
            const person = plan.people.find((p) => p.id === task.ownerId);
            if (person)
              expect(me.startOn < person.timeOff[0]!.from || me.startOn > person.timeOff[0]!.to).toBe(true);
          }
        }
        for (const person of plan.people) {
          const mine = plan.tasks
            .filter((x) => x.ownerId === person.id && at.get(x.id)!.durationDays > 0)
            .map((x) => at.get(x.id)!)
            .sort((a, b) => a.startOn.localeCompare(b.startOn));
          for (let i = 1; i < mine.length; i++) expect(mine[i]!.startOn > mine[i - 1]!.finishOn).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
