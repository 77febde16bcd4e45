import { addCalendarDays, daysBetween } from '../calendar/iso-date.ts';

// Burn-down of open nonconformities against the certification body's deadlines: the count actually open
// each past day, the count the planner's forecast leaves open each coming day (a nonconformity drops out
// when its last corrective action is forecast to finish), and a straight target line from the count at
// the report to zero at the last closure deadline.

export interface BurndownFinding {
  raisedOn: string;
  closedOn: string | null;
  /** Forecast end of its corrective work (null: no planned work, stays open in the forecast). */
  forecastDoneOn: string | null;
  closeByOn: string | null;
}

export interface BurndownPoint {
  date: string;
  open: number | null;
  forecast: number | null;
  target: number;
}

/** At most this many points: long windows are sampled every n days (the last day is always kept). */
const MAX_POINTS = 180;

export function burndown(findings: readonly BurndownFinding[], today: string): BurndownPoint[] {
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
