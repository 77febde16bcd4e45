import { describe, expect, it } from 'vitest';
import { cycleCalendar, preparationTasks, taskDueOn } from './calendar.ts';
import { planCertificationCycle } from './cycle.ts';
import {
  buildChecklist,
  isNonconformity,
  programmeCoverage,
  type Requirement,
  requirementsToRecheck,
} from './programme.ts';

const reqs: Requirement[] = [
  { ref: '9.2', kind: 'clause', title: 'Internal audit' },
  { ref: '10.1', kind: 'clause', title: 'Continual improvement' },
  { ref: 'A.8.8', kind: 'annex_a', title: 'Management of technical vulnerabilities' },
];

describe('internal audit checklist', () => {
  it('asks one question per requirement and re-checks earlier findings on it', () => {
    const items = buildChecklist(
      [...reqs, reqs[0]!],
      [
        { ref: 'NC-01', auditRef: 'S2', requirements: ['A.8.8', 'A.5.7'], grade: 'major', status: 'closed' },
        { ref: 'P-1', auditRef: 'S2', requirements: ['A.8.8'], grade: 'positive', status: 'noted' },
      ],
    );
    expect(items.map((i) => i.requirement)).toEqual(['9.2', '10.1', 'A.8.8']);
    expect(items[2]!.followUp).toEqual(['S2/NC-01 (major, closed)']);
    expect(items[0]!.followUp).toEqual([]);
    expect(items[0]!.question).toMatch(/^Clause 9\.2 Internal audit/);
    expect(items[2]!.question).toMatch(/Statement of Applicability/);
  });
  it("re-checks the requirements of an area's earlier internal nonconformities", () => {
    const earlier = [
      {
        ref: 'IA-1',
        auditRef: 'IA-A',
        requirements: ['A.8.8', '9.2'],
        grade: 'minor',
        status: 'closed',
        area: 'IT ops',
        internal: true,
      },
      {
        ref: 'IA-2',
        auditRef: 'IA-A',
        requirements: ['A.5.15'],
        grade: 'ofi',
        status: 'open',
        area: 'IT ops',
        internal: true,
      },
      {
        ref: 'IA-3',
        auditRef: 'IA-B',
        requirements: ['A.6.1'],
        grade: 'major',
        status: 'open',
        area: 'HR',
        internal: true,
      },
      {
        ref: 'NC-1',
        auditRef: 'S2',
        requirements: ['A.8.9'],
        grade: 'major',
        status: 'open',
        area: 'IT ops',
        internal: false,
      },
      {
        ref: 'IA-4',
        auditRef: 'IA-C',
        requirements: ['A.8.8', 'A.8.32'],
        grade: 'major',
        status: 'open',
        area: ' it OPS ',
        internal: true,
      },
    ];
    expect(requirementsToRecheck('IT ops', earlier)).toEqual(['A.8.8', '9.2', 'A.8.32']);
    expect(requirementsToRecheck('Facilities', earlier)).toEqual([]);
  });
  it('treats only major and minor as nonconformities', () => {
    expect(
      (['major', 'minor', 'ofi', 'observation', 'positive', 'conform', null] as const).map((r) =>
        isNonconformity(r),
      ),
    ).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('programme coverage', () => {
  it('counts a requirement as covered only when a result was recorded inside the period', () => {
    const c = programmeCoverage(
      reqs,
      [
        { requirement: '9.2', auditedOn: '2027-03-01', result: 'conform' },
        { requirement: '9.2', auditedOn: '2028-03-01', result: 'minor' },
        { requirement: '10.1', auditedOn: '2027-03-01', result: null },
        { requirement: 'A.8.8', auditedOn: '2026-12-31', result: 'conform' },
      ],
      { from: '2027-01-01', to: '2029-12-31' },
    );
    expect(c).toMatchObject({ total: 3, covered: 1, percent: 33 });
    expect(c.items[0]).toMatchObject({ timesAudited: 2, lastAuditedOn: '2028-03-01', lastResult: 'minor' });
    expect(c.gaps.map((g) => g.ref)).toEqual(['10.1', 'A.8.8']);
  });
  it('counts an audited clause as covering its sub-clauses, and nothing else', () => {
    const leaves: Requirement[] = [
      { ref: '9.2.1', kind: 'clause', title: 'General' },
      { ref: '9.2.2', kind: 'clause', title: 'Internal audit programme' },
      { ref: '9.3.1', kind: 'clause', title: 'General' },
      { ref: 'A.5.10', kind: 'annex_a', title: 'Acceptable use' },
    ];
    const c = programmeCoverage(
      leaves,
      [
        { requirement: '9.2', auditedOn: '2027-03-01', result: 'conform' },
        { requirement: 'A.5.1', auditedOn: '2027-03-01', result: 'conform' },
      ],
      { from: '2027-01-01', to: '2027-12-31' },
    );
    expect(c.gaps.map((g) => g.ref)).toEqual(['9.3.1', 'A.5.10']);
  });
});

describe('cycle calendar', () => {
  it('lists issue, windows, audits, open preparation tasks, reminders and expiry in date order', () => {
    const cycle = planCertificationCycle({ issuedOn: '2027-01-31' });
    const audits = cycle.audits.map((a) => ({
      ...a,
      tasks: preparationTasks(a.type).map((t, i) => ({
        key: t.key,
        title: t.title,
        dueOn: taskDueOn(a.plannedOn, t),
        doneOn: i === 0 && a.sequence === 1 && a.type === 'surveillance' ? '2027-11-01' : null,
      })),
    }));
    const events = cycleCalendar({
      certificate: { number: 'C-1', issuedOn: cycle.issuedOn, expiresOn: cycle.expiresOn },
      audits,
    });
    expect(events[0]).toMatchObject({ date: '2027-01-31', kind: 'certificate_issued' });
    expect(events.at(-1)).toMatchObject({ date: '2030-01-30', kind: 'certificate_expires' });
    expect(events.filter((e) => e.kind === 'audit').map((e) => e.date)).toEqual([
      '2027-12-17',
      '2028-12-17',
      '2029-10-18',
    ]);
    // 5 tasks per surveillance (one done), 6 for the recertification
    expect(events.filter((e) => e.kind === 'preparation_task')).toHaveLength(4 + 5 + 6);
    expect(events.find((e) => e.key === 'C-1/surveillance-1/internal_audit')!.date).toBe('2027-11-02');
    expect(events.find((e) => e.key === 'C-1/expiry-reminder-90')!.date).toBe('2029-11-01');
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  });
});
