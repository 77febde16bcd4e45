import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addYears,
  daysBetween,
  endOfMonth,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  parseIsoDate,
} from './iso-date.ts';

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('ISO dates', () => {
  it('reads only real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(() => parseIsoDate('2026-13-01')).toThrow(/no such date/);
    expect(() => parseIsoDate('yesterday')).toThrow(/not an ISO date/);
  });
  it('keeps years below 100 as written', () => {
    expect(addCalendarDays('0050-12-31', 1)).toBe('0051-01-01');
  });
  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(() => addCalendarDays('2028-03-01', 1.5)).toThrow(/whole number/);
  });
  it('does not drift over daylight-saving changes, whatever the server zone', () => {
    // Europe's 2026 clock changes fall on 29 March and 25 October.
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
  });
  it('counts days between dates, negative when backwards', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-05-10', '2026-05-01')).toBe(-9);
  });
  it('clamps month ends instead of spilling into the next month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', 1)).toBe('2027-04-30');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-01-15', 12)).toBe('2028-01-15');
    expect(addMonths('2027-01-31', 9)).toBe('2027-10-31');
  });
  it('moves a leap day to 28 February in common years', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(() => addYears('2028-02-29', 0.5)).toThrow(/whole number/);
  });
  it('knows month ends, leap years and ISO weekdays', () => {
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2100-02-10')).toBe('2100-02-28');
    expect(endOfMonth('2027-12-01')).toBe('2027-12-31');
    expect([2024, 2028, 2000, 2100, 2027].map(isLeapYear)).toEqual([true, true, true, false, false]);
    expect(isoWeekday('2026-03-02')).toBe(1); // a Monday
    expect(isoWeekday('2026-03-08')).toBe(7); // a Sunday
  });
  it('adding n days then counting gives n back', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        expect(daysBetween(d, addCalendarDays(d, n))).toBe(n);
      }),
    );
  });
  it('adding months lands in the right month, never past its last day', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -60, max: 60 }), (d, k) => {
        const r = addMonths(d, k);
        const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
        expect(months(r) - months(d)).toBe(k);
        expect(Number(r.slice(8))).toBe(Math.min(Number(d.slice(8)), Number(endOfMonth(r).slice(8))));
      }),
    );
  });
});
