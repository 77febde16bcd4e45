import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths } from '../calendar/iso-date.ts';
import { defaultCalendar, isWorkingDay } from '../calendar/working-days.ts';
import { closureDueOn, latestAuditFor } from './closure-window.ts';
import { certificateExpiry, planCertificationCycle, recertificationRisk } from './cycle.ts';

describe('certification cycle', () => {
  it('plans two surveillance audits and a recertification over three years (month end)', () => {
    expect(planCertificationCycle({ issuedOn: '2027-01-31' })).toEqual({
      issuedOn: '2027-01-31',
      decidedOn: '2027-01-31',
      expiresOn: '2030-01-30',
      audits: [
        {
          type: 'surveillance',
          sequence: 1,
          windowStart: '2027-10-31',
          windowEnd: '2027-12-31',
          plannedOn: '2027-12-17',
        },
        {
          type: 'surveillance',
          sequence: 2,
          windowStart: '2028-10-31',
          windowEnd: '2028-12-31',
          plannedOn: '2028-12-17',
        },
        {
          type: 'recertification',
          sequence: 1,
          windowStart: '2029-08-01',
          windowEnd: '2029-11-01',
          plannedOn: '2029-10-18',
        },
      ],
    });
  });

  it('expires on the day before the anniversary, across leap years and month ends', () => {
    const cases: [string, number, string][] = [
      ['2027-01-31', 3, '2030-01-30'],
      ['2028-02-29', 3, '2031-02-28'], // anniversary 1 March of a common year
      ['2028-02-29', 4, '2032-02-28'], // anniversary 29 February again
      ['2029-03-01', 3, '2032-02-29'], // the day before 1 March of a leap year
      ['2027-02-28', 3, '2030-02-27'],
      ['2027-02-28', 1, '2028-02-27'],
      ['2096-02-29', 4, '2100-02-28'], // 2100 is not a leap year
      ['2026-12-31', 3, '2029-12-30'],
      ['2027-04-30', 3, '2030-04-29'],
    ];
    for (const [issued, years, expiry] of cases)
      expect(certificateExpiry(issued, years), `${issued} + ${years}`).toBe(expiry);
  });

  it('follows the 28 February anniversary of a leap-day certificate', () => {
    const cycle = planCertificationCycle({ issuedOn: '2028-02-29', planningMarginDays: 0 });
    expect(cycle.expiresOn).toBe('2031-02-28');
    expect(cycle.audits.map((a) => [a.type, a.windowEnd])).toEqual([
      ['surveillance', '2029-02-28'],
      ['surveillance', '2030-02-28'],
      ['recertification', '2030-11-30'],
    ]);
    expect(cycle.audits[0]!.plannedOn).toBe('2029-02-28');
    expect(planCertificationCycle({ issuedOn: '2028-02-29', validityYears: 4 }).expiresOn).toBe('2032-02-28');
  });

  it('plans surveillance every 9 months without drifting at month ends', () => {
    const cycle = planCertificationCycle({ issuedOn: '2027-01-31', surveillanceIntervalMonths: 9 });
    expect(cycle.audits.map((a) => `${a.type} ${a.sequence} ${a.windowEnd}`)).toEqual([
      'surveillance 1 2027-10-31',
      'surveillance 2 2028-07-31',
      'surveillance 3 2029-04-30',
      'recertification 1 2029-11-01',
    ]);
  });

  it('brings the recertification forward when the policy needs longer to close findings', () => {
    const calendarDays = planCertificationCycle({
      issuedOn: '2027-01-31',
      closure: { days: 120, dayKind: 'calendar' },
    });
    expect(calendarDays.audits.at(-1)!.windowEnd).toBe('2029-10-02');
    const short = planCertificationCycle({
      issuedOn: '2027-01-31',
      closure: { days: 30, dayKind: 'calendar' },
    });
    expect(short.audits.at(-1)!.windowEnd).toBe('2029-11-01');
    const cal = defaultCalendar(['2029-12-24', '2029-12-25', '2029-12-26', '2029-12-31', '2030-01-01']);
    const working = planCertificationCycle({
      issuedOn: '2027-01-31',
      closure: { days: 90, dayKind: 'working', calendar: cal },
      calendar: cal,
    });
    const recert = working.audits.at(-1)!;
    expect(
      closureDueOn(recert.windowEnd, { days: 90, dayKind: 'working', calendar: cal }) <= '2030-01-30',
    ).toBe(true);
    expect(recert.windowEnd < '2029-11-01').toBe(true);
    expect(isWorkingDay(recert.plannedOn, cal)).toBe(true);
  });

  it('keeps one audit a calendar year when the policy brings the recertification forward', () => {
    const cycle = planCertificationCycle({
      issuedOn: '2027-01-31',
      closure: { days: 300, dayKind: 'calendar' },
    });
    expect(cycle.audits.map((a) => [a.type, a.windowStart, a.windowEnd])).toEqual([
      ['surveillance', '2027-10-31', '2027-12-31'],
      ['surveillance', '2028-10-31', '2028-12-31'],
      ['recertification', '2029-01-05', '2029-04-05'],
    ]);
  });

  it('plans on working days when given the calendar', () => {
    const cal = defaultCalendar();
    // With a 13-day margin the plan would fall on Saturday 2027-12-18 and moves to Friday 17.
    const cycle = planCertificationCycle({ issuedOn: '2027-01-31', planningMarginDays: 13, calendar: cal });
    expect(cycle.audits[0]!.plannedOn).toBe('2027-12-17');
    for (const a of cycle.audits) expect(isWorkingDay(a.plannedOn, cal)).toBe(true);
  });

  it('accepts the expiry printed on the certificate', () => {
    const cycle = planCertificationCycle({ issuedOn: '2027-01-31', expiresOn: '2030-01-31' });
    expect(cycle.expiresOn).toBe('2030-01-31');
    expect(cycle.audits.at(-1)!.windowEnd).toBe('2029-11-02');
  });

  it('refuses settings outside the scheme', () => {
    expect(() => planCertificationCycle({ issuedOn: '2027-01-31', surveillanceIntervalMonths: 13 })).toThrow(
      /interval/,
    );
    expect(() => planCertificationCycle({ issuedOn: '2027-01-31', validityYears: 0 })).toThrow(/validity/);
    expect(() => planCertificationCycle({ issuedOn: '2027-02-30' })).toThrow(/no such date/);
    expect(() => planCertificationCycle({ issuedOn: '2027-01-31', expiresOn: '2027-03-01' })).toThrow(
      /recertification/,
    );
  });

  it('keeps every audit in order, inside its window and before expiry', () => {
    const issued = fc
      .date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        issued,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 400 }),
        (issuedOn, interval, windowMonths, closeDays) => {
          const c = planCertificationCycle({
            issuedOn,
            surveillanceIntervalMonths: interval,
            windowMonths: Math.min(windowMonths, interval),
            closure: { days: closeDays, dayKind: 'calendar' },
          });
          const recert = c.audits.at(-1)!;
          expect(recert.type).toBe('recertification');
          expect(recertificationRisk(recert.windowEnd, c.expiresOn, closeDays)).toBeNull();
          let previous = issuedOn;
          for (const a of c.audits) {
            expect(a.windowStart <= a.plannedOn && a.plannedOn <= a.windowEnd).toBe(true);
            expect(a.windowStart > issuedOn && a.plannedOn > previous).toBe(true);
            previous = a.plannedOn;
          }
          // Never more than one interval between audits, the first within 12 months (9.6.2.2).
          c.audits.forEach((a, i) => {
            expect(a.windowEnd <= addMonths(issuedOn, interval * (i + 1))).toBe(true);
          });
          expect(c.audits[0]!.windowEnd <= addMonths(issuedOn, 12)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('recertification risk', () => {
  it('is silent when findings can close by the expiry day', () => {
    expect(recertificationRisk('2029-12-01', '2030-01-30', 60)).toBeNull();
    expect(recertificationRisk('2029-12-01', '2030-01-30', null)).toBeNull();
  });
  it('warns when closure would fall after expiry, with the latest safe date', () => {
    expect(recertificationRisk('2029-12-02', '2030-01-30', 60)).toMatchObject({
      code: 'closure_after_expiry',
      latestSafeAuditOn: '2029-12-01',
      shortfallDays: 1,
    });
    const r = recertificationRisk('2030-01-10', '2030-01-30', 60)!;
    expect(r.shortfallDays).toBe(40);
    expect(r.message).toMatch(/2030-03-11.*2030-01-30.*2029-12-01/);
  });
  it('counts working days when the policy does', () => {
    const cal = defaultCalendar(['2029-12-25', '2030-01-01']);
    const closure = { days: 10, dayKind: 'working' as const, calendar: cal };
    const latest = latestAuditFor('2030-01-04', closure);
    expect(latest).toBe('2029-12-19');
    expect(recertificationRisk(latest, '2030-01-04', closure)).toBeNull();
    expect(recertificationRisk(addCalendarDays(latest, 1), '2030-01-04', closure)).toMatchObject({
      code: 'closure_after_expiry',
      latestSafeAuditOn: '2029-12-19',
    });
  });
  it('flags an audit planned after expiry', () => {
    expect(recertificationRisk('2030-02-03', '2030-01-30', 60)).toMatchObject({
      code: 'audit_after_expiry',
      shortfallDays: 4,
    });
  });
});

describe('closure window', () => {
  it('latest audit date and closure due date agree, on any calendar', () => {
    const cal = defaultCalendar(['2029-12-24', '2029-12-25', '2029-12-31', '2030-01-01', '2030-04-19']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 80 }), (offset, days) => {
        const deadline = addCalendarDays('2029-11-01', offset);
        const c = { days, dayKind: 'working' as const, calendar: cal };
        const latest = latestAuditFor(deadline, c);
        expect(closureDueOn(latest, c) <= deadline).toBe(true);
        expect(closureDueOn(addCalendarDays(latest, 1), c) > deadline || days === 0).toBe(true);
      }),
    );
  });
});
