import { describe, expect, it } from 'vitest';
import { addMonths, addYears, daysBetween } from '../calendar/iso-date.ts';
import { addWorkingDays, defaultCalendar } from '../calendar/working-days.ts';
import { deriveFindingDeadlines, presetPolicies } from './policy.ts';

const preset = (key: string) => presetPolicies.find((p) => p.key === key)!.definition;
const cal = defaultCalendar();
/** The audit's last day and the report's receipt on one day: the anchor does not matter here. */
const on = (d: string | null) => ({ endsOn: d, reportReceivedOn: d });
// The former strict-90 preset, which organisations keep as their own policy (migration 0013).
const strict90 = {
  dayKind: 'calendar' as const,
  grades: {
    major: { capDays: 90, evidenceDays: 90, closeDays: 90 },
    minor: { capDays: 90, evidenceDays: null, closeDays: null },
  },
  minorPlanVerifiedAtNextAudit: true,
  notes: '',
};

describe('fast-14-30-60', () => {
  const p = preset('fast-14-30-60');
  it('counts calendar days from the report date', () => {
    expect(deriveFindingDeadlines(p, 'major', on('2026-03-02'), cal)).toEqual({
      capDueOn: '2026-03-16',
      evidenceDueOn: '2026-04-01',
      closeByOn: '2026-05-01',
    });
  });
  it('crosses month ends and a leap day', () => {
    expect(deriveFindingDeadlines(p, 'minor', on('2028-02-15'), cal)).toEqual({
      capDueOn: '2028-02-29',
      evidenceDueOn: '2028-03-16',
      closeByOn: '2028-04-15',
    });
    expect(deriveFindingDeadlines(p, 'minor', on('2027-02-15'), cal).capDueOn).toBe('2027-03-01');
  });
  it('crosses the year end', () => {
    expect(deriveFindingDeadlines(p, 'major', on('2027-12-20'), cal)).toEqual({
      capDueOn: '2028-01-03',
      evidenceDueOn: '2028-01-19',
      closeByOn: '2028-02-18',
    });
  });
  it('sets no deadline for OFIs, observations, positives or a missing report date', () => {
    for (const g of ['ofi', 'observation', 'positive'] as const) {
      expect(deriveFindingDeadlines(p, g, on('2026-03-02'), cal)).toEqual({
        capDueOn: null,
        evidenceDueOn: null,
        closeByOn: null,
      });
    }
    expect(deriveFindingDeadlines(p, 'major', on(null), cal).capDueOn).toBeNull();
  });
});

describe('a stored strict-90 policy (legacy minor flag)', () => {
  const p = strict90;
  it('closes majors with evidence in 90 days', () => {
    expect(deriveFindingDeadlines(p, 'major', on('2027-12-01'), cal)).toEqual({
      capDueOn: '2028-02-29',
      evidenceDueOn: '2028-02-29',
      closeByOn: '2028-02-29',
    });
  });
  it('counts 90 calendar days across the leap day and the year end', () => {
    expect(deriveFindingDeadlines(p, 'major', on('2028-02-15'), cal).closeByOn).toBe('2028-05-15');
    expect(deriveFindingDeadlines(p, 'major', on('2027-12-20'), cal)).toEqual({
      capDueOn: '2028-03-19',
      evidenceDueOn: '2028-03-19',
      closeByOn: '2028-03-19',
    });
    expect(deriveFindingDeadlines(p, 'minor', on('2027-12-20'), cal)).toEqual({
      capDueOn: '2028-03-19',
      evidenceDueOn: null,
      closeByOn: null,
    });
  });
  it('leaves minors to the next audit even when an edited policy gives them days', () => {
    const edited = { ...p, grades: { ...p.grades, minor: { capDays: 30, evidenceDays: 60, closeDays: 90 } } };
    expect(deriveFindingDeadlines(edited, 'minor', on('2026-03-02'), cal)).toEqual({
      capDueOn: '2026-04-01',
      evidenceDueOn: null,
      closeByOn: null,
    });
    expect(
      deriveFindingDeadlines(
        { ...edited, minorPlanVerifiedAtNextAudit: false },
        'minor',
        on('2026-03-02'),
        cal,
      ),
    ).toMatchObject({ closeByOn: '2026-05-31' });
  });
  it('asks only a plan of minors, verified at the next audit', () => {
    expect(deriveFindingDeadlines(p, 'minor', on('2026-01-31'), cal)).toEqual({
      capDueOn: '2026-05-01',
      evidenceDueOn: null,
      closeByOn: null,
    });
  });
});

describe('working-days-10-21', () => {
  const p = preset('working-days-10-21');
  it('skips weekends', () => {
    // Friday 2026-03-06 + 10 working days = Friday 2026-03-20
    expect(deriveFindingDeadlines(p, 'major', on('2026-03-06'), cal).capDueOn).toBe('2026-03-20');
    expect(deriveFindingDeadlines(p, 'minor', on('2026-03-06'), cal).capDueOn).toBe('2026-04-06');
  });
  it('skips the organisation holidays, across the year end', () => {
    const holidays = defaultCalendar(['2027-12-24', '2027-12-25', '2027-12-27', '2027-12-31', '2028-01-03']);
    // Mon 20 Dec 2027: 21, 22, 23 (3), 28, 29, 30 (6), 4, 5, 6, 7 Jan (10)
    expect(deriveFindingDeadlines(p, 'major', on('2027-12-20'), holidays).capDueOn).toBe('2028-01-07');
    expect(deriveFindingDeadlines(p, 'major', on('2027-12-20'), cal).capDueOn).toBe('2028-01-03');
  });
  it('lands on a leap day when it is a working day', () => {
    // Tue 2028-02-15 + 10 working days = Tue 2028-02-29; 30 = six weeks; 60 = twelve weeks.
    expect(deriveFindingDeadlines(p, 'major', on('2028-02-15'), cal)).toEqual({
      capDueOn: '2028-02-29',
      evidenceDueOn: '2028-03-28',
      closeByOn: '2028-05-09',
    });
    // 21 = four weeks and a day; 42 = eight weeks and two days; 90 = eighteen weeks.
    expect(deriveFindingDeadlines(p, 'minor', on('2028-02-15'), cal)).toEqual({
      capDueOn: '2028-03-15',
      evidenceDueOn: '2028-04-13',
      closeByOn: '2028-06-20',
    });
  });
  it('moves every deadline by the holidays that fall inside it', () => {
    // Good Friday and Easter Monday: the evidence date falls before them, the closure two days later.
    const easter = defaultCalendar(['2028-04-14', '2028-04-17']);
    expect(deriveFindingDeadlines(p, 'minor', on('2028-02-15'), easter)).toEqual({
      capDueOn: '2028-03-15',
      evidenceDueOn: '2028-04-13',
      closeByOn: '2028-06-22',
    });
  });
  it('offers no deadline for OFIs', () => {
    expect(deriveFindingDeadlines(p, 'ofi', on('2028-02-15'), cal)).toEqual({
      capDueOn: null,
      evidenceDueOn: null,
      closeByOn: null,
    });
  });
});

describe('custom policies', () => {
  it('derive deadlines for any grade the policy names, observations included', () => {
    const p = {
      dayKind: 'calendar' as const,
      grades: { observation: { capDays: null, evidenceDays: null, closeDays: 120 } },
      notes: '',
    };
    expect(deriveFindingDeadlines(p, 'observation', on('2026-01-01'), cal)).toEqual({
      capDueOn: null,
      evidenceDueOn: null,
      closeByOn: '2026-05-01',
    });
    expect(deriveFindingDeadlines(p, 'major', on('2026-01-01'), cal).closeByOn).toBeNull();
  });
});

describe('calendar arithmetic', () => {
  it('clamps month ends and leap days', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
  it('refuses impossible input', () => {
    expect(() => addMonths('2027-02-30', 1)).toThrow(/no such date/);
    expect(() =>
      addWorkingDays('2026-01-01', 3, { weekend: new Set([1, 2, 3, 4, 5, 6, 7]), holidays: new Set() }),
    ).toThrow();
  });
});

describe('cb-90 (the default) and the policy anchor', () => {
  const p = preset('cb-90');
  it('counts from the last day of the audit, across the year end and the leap day', () => {
    const d = deriveFindingDeadlines(
      p,
      'major',
      { endsOn: '2027-12-31', reportReceivedOn: '2028-01-20' },
      cal,
    );
    expect(d).toEqual({ capDueOn: '2028-01-30', evidenceDueOn: '2028-03-30', closeByOn: null });
  });
  it('asks minors for a plan only, verified at the next audit', () => {
    expect(deriveFindingDeadlines(p, 'minor', on('2028-01-31'), cal)).toEqual({
      capDueOn: '2028-03-01',
      evidenceDueOn: null,
      closeByOn: null,
    });
  });
  it('counts from the closing meeting or the report when the policy says so', () => {
    const anchors = { endsOn: '2028-02-28', closingMeetingOn: '2028-02-29', reportReceivedOn: '2028-03-31' };
    const at = (anchor: 'closing_meeting' | 'report_received') =>
      deriveFindingDeadlines({ ...p, anchor }, 'major', anchors, cal).capDueOn;
    expect(at('closing_meeting')).toBe('2028-03-30');
    expect(at('report_received')).toBe('2028-04-30');
    // no closing meeting recorded: it is held on the last day of the audit
    expect(
      deriveFindingDeadlines({ ...p, anchor: 'closing_meeting' }, 'major', on('2028-02-28'), cal).capDueOn,
    ).toBe('2028-03-29');
  });
  it('sets no deadline for stage 1 areas of concern', () => {
    expect(deriveFindingDeadlines(p, 'major', on('2028-02-29'), cal, { areasOfConcern: true })).toEqual({
      capDueOn: null,
      evidenceDueOn: null,
      closeByOn: null,
    });
  });
});
