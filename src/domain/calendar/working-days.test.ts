import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isoWeekday } from './iso-date.ts';
import { addWorkingDays, countWorkingDays, defaultCalendar, isWorkingDay } from './working-days.ts';

const cal = defaultCalendar();

describe('working days', () => {
  it('skips Saturday and Sunday by default', () => {
    expect(isWorkingDay('2026-03-06', cal)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', cal)).toBe(false);
    expect(isWorkingDay('2026-03-08', cal)).toBe(false);
    expect(addWorkingDays('2026-03-06', 1, cal)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 1, cal)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 5, cal)).toBe('2026-03-13');
  });
  it('does not count the start day, and 0 days is the start day itself', () => {
    expect(addWorkingDays('2026-03-02', 1, cal)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-07', 0, cal)).toBe('2026-03-07');
  });
  it('skips the organisation holidays', () => {
    const easter = defaultCalendar(['2026-04-03', '2026-04-06']); // Good Friday, Easter Monday
    expect(isWorkingDay('2026-04-03', easter)).toBe(false);
    expect(addWorkingDays('2026-04-02', 1, easter)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-02', 1, cal)).toBe('2026-04-03');
  });
  it('honours another weekend (Friday and Saturday)', () => {
    const gulf = { weekend: new Set([5, 6]), holidays: new Set<string>() };
    expect(addWorkingDays('2026-03-05', 1, gulf)).toBe('2026-03-08'); // Thursday → Sunday
    expect(isWorkingDay('2026-03-08', gulf)).toBe(true);
  });
  it('crosses a leap day and the year end', () => {
    expect(addWorkingDays('2028-02-25', 2, cal)).toBe('2028-02-29'); // Fri → Mon 28 → Tue 29
    const winter = defaultCalendar(['2027-12-24', '2027-12-31', '2028-01-03']);
    expect(addWorkingDays('2027-12-23', 3, winter)).toBe('2027-12-29');
    expect(addWorkingDays('2027-12-30', 2, winter)).toBe('2028-01-05');
  });
  it('refuses negative or fractional counts and calendars without working days', () => {
    expect(() => addWorkingDays('2026-03-02', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, cal)).toThrow(RangeError);
    expect(() =>
      addWorkingDays('2026-03-02', 1, { weekend: new Set([1, 2, 3, 4, 5, 6, 7]), holidays: new Set() }),
    ).toThrow(/at least one working weekday/);
  });
  it('always lands on a working day, counted back exactly', () => {
    const holidays = new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2027-04-05']);
    const c = { weekend: new Set([6, 7]), holidays };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const from = addCalendarDays('2026-11-01', offset);
        const due = addWorkingDays(from, n, c);
        expect(isWorkingDay(due, c)).toBe(true);
        expect(holidays.has(due) || isoWeekday(due) > 5).toBe(false);
        expect(countWorkingDays(from, due, c)).toBe(n);
      }),
    );
  });
});
