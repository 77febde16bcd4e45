import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../calendar/iso-date.ts';
import { planCertificationCycle, windowInOneYear, yearsWithoutAudit } from './cycle.ts';
import { certificationBlockers } from './decision.ts';
import { lastValidDay, reinstateBy, renewal, standingOn } from './standing.ts';

const years = (dates: string[]) => dates.map((d) => Number(d.slice(0, 4)));

describe('cycle anchored on the certification decision (17021-1 9.1.3.2, 9.6.2.2)', () => {
  it('leaves no calendar year without an audit for a decision early in January (regression)', () => {
    const c = planCertificationCycle({ issuedOn: '2027-01-05' });
    // Before: windows 2027-10-05–2028-01-05 and 2028-10-05–2029-01-05 allowed 2027-10-05 and 2029-01-04.
    const surv = c.audits.filter((a) => a.type === 'surveillance');
    expect(surv.map((a) => [a.windowStart, a.windowEnd])).toEqual([
      ['2027-10-05', '2027-12-31'],
      ['2028-10-05', '2028-12-31'],
    ]);
    expect(
      yearsWithoutAudit('2027-01-05', [
        { type: 'surveillance', on: '2027-10-05' },
        { type: 'surveillance', on: '2029-01-04' },
        { type: 'recertification', on: '2029-09-01' },
      ]),
    ).toEqual([2028]);
  });

  it('anchors on the decision date, not the issue date', () => {
    const c = planCertificationCycle({ issuedOn: '2027-02-10', decidedOn: '2027-01-05' });
    expect(c.decidedOn).toBe('2027-01-05');
    expect(c.expiresOn).toBe('2030-01-04');
    expect(c.audits[0]!.windowEnd <= '2028-01-05').toBe(true);
  });

  it('handles a leap-day decision, month ends and year ends', () => {
    const leap = planCertificationCycle({ issuedOn: '2028-02-29' });
    expect(leap.expiresOn).toBe('2031-02-28');
    expect(leap.audits.map((a) => [a.type, a.windowStart, a.windowEnd])).toEqual([
      ['surveillance', '2029-01-01', '2029-02-28'],
      ['surveillance', '2030-01-01', '2030-02-28'],
      ['recertification', '2030-08-30', '2030-11-30'],
    ]);
    const newYearsEve = planCertificationCycle({ issuedOn: '2027-12-31' });
    expect(years(newYearsEve.audits.map((a) => a.plannedOn))).toEqual([2028, 2029, 2030]);
    expect(newYearsEve.audits[0]!.windowEnd).toBe('2028-12-31');
    const endOfMonth = planCertificationCycle({ issuedOn: '2027-08-31', surveillanceIntervalMonths: 6 });
    expect(endOfMonth.audits[0]!.windowEnd).toBe('2028-02-29');
  });

  it('cuts a window straddling new year to the year holding its larger part', () => {
    expect(windowInOneYear('2027-10-20', '2028-01-20')).toEqual({
      year: 2027,
      start: '2027-10-20',
      end: '2027-12-31',
    });
    expect(windowInOneYear('2027-12-20', '2028-03-20')).toEqual({
      year: 2028,
      start: '2028-01-01',
      end: '2028-03-20',
    });
    expect(windowInOneYear('2027-03-01', '2027-06-01')).toEqual({
      year: 2027,
      start: '2027-03-01',
      end: '2027-06-01',
    });
  });

  it('every non-recertification calendar year of the cycle has an audit, wherever each is moved in its window', () => {
    const day = fc
      .date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2045-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    let checkedYears = 0;
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        (decidedOn, interval, windowMonths, lead, atStart) => {
          const c = planCertificationCycle({
            issuedOn: decidedOn,
            surveillanceIntervalMonths: interval,
            windowMonths: Math.min(windowMonths, interval),
            recertificationLeadDays: lead,
          });
          // Move every audit to one edge of its window: the calendar years stay covered.
          const held = c.audits.map((a) => ({ type: a.type, on: atStart ? a.windowStart : a.windowEnd }));
          expect(yearsWithoutAudit(decidedOn, held)).toEqual([]);
          const recertYear = Number(held.at(-1)!.on.slice(0, 4));
          checkedYears += recertYear - Number(decidedOn.slice(0, 4));
          for (const a of c.audits) expect(a.windowStart.slice(0, 4)).toBe(a.windowEnd.slice(0, 4));
          expect(c.audits[0]!.windowEnd <= addMonths(decidedOn, 12)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
    expect(checkedYears).toBeGreaterThan(400);
  });
});

describe('certification decision blockers (17021-1 9.5)', () => {
  it('names every unverified major and every minor without an accepted plan', () => {
    const b = certificationBlockers([
      { ref: 'NC-01', grade: 'major', status: 'verified_internally' },
      { ref: 'NC-02', grade: 'major', status: 'closed' },
      { ref: 'NC-03', grade: 'minor', status: 'plan_submitted' },
      { ref: 'NC-04', grade: 'minor', status: 'plan_accepted' },
      { ref: 'NC-05', grade: 'minor', status: 'implementing' },
      { ref: 'OFI-1', grade: 'ofi', status: 'open' },
    ]);
    expect(b.map((x) => x.ref)).toEqual(['NC-01', 'NC-03']);
    expect(b[0]!.reason).toMatch(/not verified by the certification body/);
  });
});

describe('standing of a certificate (17021-1 9.6.3, 9.6.5; IAF MD 26)', () => {
  it('lapses a 2013 certificate after 2025-10-31', () => {
    const c = { status: 'valid', expiresOn: '2026-06-30', edition: '2013' };
    expect(lastValidDay(c)).toBe('2025-10-31');
    expect(standingOn(c, '2025-10-31').status).toBe('valid');
    expect(standingOn(c, '2025-11-01')).toMatchObject({ status: 'expired', note: /IAF MD 26/ });
    expect(standingOn({ ...c, edition: '2022' }, '2025-11-01').status).toBe('valid');
  });

  it('continues the expiry when recertification is decided in time', () => {
    expect(renewal('2030-01-30', '2030-01-30')).toEqual({
      kind: 'continued',
      expiresOn: '2033-01-30',
      notCertified: null,
    });
    expect(renewal('2031-02-28', '2030-12-31').expiresOn).toBe('2034-02-28');
  });

  it('restores within six months of expiry, the gap shown as not certified', () => {
    expect(renewal('2030-01-30', '2030-03-15')).toEqual({
      kind: 'restored',
      expiresOn: '2033-01-30',
      notCertified: { from: '2030-01-31', to: '2030-03-14' },
    });
    expect(renewal('2029-12-31', '2030-01-01').notCertified).toBeNull();
    expect(renewal('2030-08-31', '2031-02-28').kind).toBe('restored'); // six months, month end clamped
    expect(() => renewal('2030-08-31', '2031-03-01')).toThrow(/new initial certification/);
    expect(renewal('2031-02-28', '2031-08-28').expiresOn).toBe('2034-02-28');
  });

  it('allows reinstatement within six months of suspension', () => {
    expect(reinstateBy('2028-08-31')).toBe('2029-02-28');
    expect(reinstateBy('2027-08-31')).toBe('2028-02-29');
  });
});
