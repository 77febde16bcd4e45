import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween } from '../calendar/iso-date.ts';
import { type BurndownFinding, type BurndownPoint, burndown } from './burndown.ts';

const MAX_POINTS = 180;

// The burn-down counts with sorted dates and binary searches (#16). Its definition, as it was written
// before (a pass over every finding for every point), is the reference: on any findings and any today,
// both give the same points.
function reference(findings: readonly BurndownFinding[], today: string): BurndownPoint[] {
  if (findings.length === 0) return [];
  const start = findings.map((f) => f.raisedOn).sort()[0]!;
  const ends = [today, ...findings.flatMap((f) => [f.closeByOn, f.forecastDoneOn])].filter(
    (d): d is string => d !== null,
  );
  const end = ends.sort().at(-1)!;
  const targetEnd =
    findings
      .map((f) => f.closeByOn)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? end;
  const openOn = (d: string) =>
    findings.filter((f) => f.raisedOn <= d && (f.closedOn === null || f.closedOn > d));
  const initial = openOn(start).length;
  const span = Math.max(1, daysBetween(start, targetEnd));
  const total = daysBetween(start, end);
  const step = Math.max(1, Math.ceil((total + 1) / MAX_POINTS));
  const points: BurndownPoint[] = [];
  for (let i = 0; i <= total; i += step) {
    points.push(point(addCalendarDays(start, i)));
    if (i + step > total && i !== total) points.push(point(end));
  }
  return points;

  function point(date: string): BurndownPoint {
    const target = Math.max(0, Math.round(initial * (1 - daysBetween(start, date) / span) * 10) / 10);
    const open = openOn(date);
    return {
      date,
      open: date <= today ? open.length : null,
      forecast:
        date >= today
          ? openOn(today).filter((f) => f.forecastDoneOn === null || f.forecastDoneOn >= date).length
          : null,
      target,
    };
  }
}

// Dates within a few months, so that raisings, closings, forecasts and deadlines often fall on one day.
const day = fc.integer({ min: 0, max: 120 }).map((n) => addCalendarDays('2026-09-01', n));
const finding = fc.record({
  raisedOn: day,
  closedOn: fc.option(day, { nil: null }),
  forecastDoneOn: fc.option(day, { nil: null }),
  closeByOn: fc.option(day, { nil: null }),
});

describe('burn-down counts', () => {
  it('equal the reference definition on every point', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 40 }), day, (findings, today) => {
        const points = burndown(findings, today);
        expect(points).toEqual(reference(findings, today));
        compared += points.filter((p) => p.open !== null || p.forecast !== null).length;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: points were compared, open and forecast counts both.
    expect(compared).toBeGreaterThan(1000);
  });
});
