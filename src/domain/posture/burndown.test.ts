import { describe, expect, it } from 'vitest';
import { burndown } from './burndown.ts';

describe('burn-down of open nonconformities', () => {
  const findings = [
    { raisedOn: '2026-11-01', closedOn: '2026-11-10', forecastDoneOn: null, closeByOn: '2026-12-31' },
    { raisedOn: '2026-11-01', closedOn: null, forecastDoneOn: '2026-12-05', closeByOn: '2026-12-31' },
    { raisedOn: '2026-11-01', closedOn: null, forecastDoneOn: null, closeByOn: '2026-12-31' },
  ];
  const points = burndown(findings, '2026-11-20');
  const on = (d: string) => points.find((p) => p.date === d)!;

  it('counts what was open on past days and what the forecast leaves open on coming days', () => {
    expect(on('2026-11-05')).toMatchObject({ open: 3, forecast: null });
    expect(on('2026-11-15')).toMatchObject({ open: 2, forecast: null });
    expect(on('2026-11-20')).toMatchObject({ open: 2, forecast: 2 });
    expect(on('2026-12-10')).toMatchObject({ open: null, forecast: 1 });
  });

  it('draws the target from the count at the report to zero at the last closure deadline', () => {
    expect(points[0]).toMatchObject({ date: '2026-11-01', target: 3 });
    expect(points.at(-1)).toMatchObject({ date: '2026-12-31', target: 0 });
  });

  it('samples long windows but keeps the last day', () => {
    const long = burndown([{ ...findings[1]!, closeByOn: '2028-01-01' }], '2026-11-20');
    expect(long.length).toBeLessThanOrEqual(181);
    expect(long.at(-1)!.date).toBe('2028-01-01');
  });
});
