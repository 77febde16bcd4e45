import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../../vocabulary/grades.ts';
import { implementationStatuses } from '../isms/soa.ts';
import { fastestPath } from './fastest-path.ts';
import type { PostureFinding, PostureInput } from './model.ts';
import { applySelection } from './projection.ts';
import { Projector } from './projector.ts';
import { rankActions } from './ranking.ts';
import { scorePosture } from './score.ts';

// Properties the issue asks of the model (#6): completing an action never lowers a score; closing a major
// raises the scores more than closing a minor on the same requirement; scores stay in range; and the
// contributions shown on the explanation page add up to the figures.

const themes = ['organizational', 'people', 'physical', 'technological'] as const;
const docStates = ['ok', 'missing', 'unapproved', 'review_overdue', 'review_due'] as const;
const statuses = [
  'open',
  'analysing',
  'plan_submitted',
  'plan_accepted',
  'implementing',
  'evidence_submitted',
  'evidence_rejected',
  'verified_internally',
  'closed',
] as const;
const requirements = ['A.5.1', 'A.8.8', 'A.6.3', '9.2', '6.1.3', '10.2'];

const control = (i: number) =>
  fc.record({
    id: fc.constant(['5.1', '8.8', '6.3', '7.4', '8.13', '5.29'][i]!),
    title: fc.constant(`Control ${i}`),
    theme: fc.constantFrom(...themes),
    applicable: fc.boolean(),
    status: fc.constantFrom(...implementationStatuses),
    concepts: fc.subarray(['identify', 'protect', 'detect', 'respond', 'recover']),
    properties: fc.subarray(['confidentiality', 'integrity', 'availability']),
  });

const finding = (i: number) =>
  fc.record({
    id: fc.constant(`f${i}`),
    ref: fc.constant(`NC-${i}`),
    grade: fc.constantFrom('major', 'minor', 'ofi', 'observation'),
    status: fc.constantFrom(...statuses),
    requirements: fc.subarray(requirements, { minLength: 1, maxLength: 2 }),
    overdue: fc.boolean(),
    tasks: fc.array(
      fc.record({
        // Whole days, and any value the API accepts (0–1000 with fractions; the fuzzer found 5e-324).
        effortDays: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 1000, noNaN: true })),
        done: fc.boolean(),
        dueOn: fc.constant(null),
      }),
      { maxLength: 4 },
    ),
  });

const inputArb: fc.Arbitrary<PostureInput> = fc
  .record({
    controls: fc.tuple(...[0, 1, 2, 3, 4, 5].map(control)),
    documents: fc.array(
      fc.record({
        key: fc.string(),
        clause: fc.constantFrom('4.3', '5.2', '6.1.3 d', '9.2.2', '10.2'),
        title: fc.constant('doc'),
        state: fc.constantFrom(...docStates),
      }),
      { maxLength: 6 },
    ),
    risks: fc.array(
      fc.record({
        ref: fc.constant('R'),
        residualScore: fc.integer({ min: 1, max: 25 }),
        maxScore: fc.constant(25),
        controls: fc.subarray(['5.1', '8.8', '6.3', '7.4']),
      }),
      { maxLength: 4 },
    ),
    findings: fc.tuple(...[0, 1, 2, 3, 4].map(finding)),
  })
  .map((r) => {
    // Ids and dependencies: a task may wait for any earlier task of the plan (no cycles).
    let n = 0;
    const findings: PostureFinding[] = r.findings.map((f) => ({
      ...f,
      tasks: f.tasks.map((t) => {
        const id = `t${n++}`;
        return { ...t, id, title: id, predecessors: n > 1 && n % 3 === 0 ? [`t${n - 2}`] : [] };
      }),
    }));
    return { ...r, controls: [...r.controls], findings };
  });

const exact = (i: PostureInput) => scorePosture(i).exact;
const undoneTasks = (i: PostureInput) =>
  i.findings.flatMap((f) => f.tasks.filter((t) => !t.done).map((t) => t.id));

describe('posture model (properties)', () => {
  it('never moves a score for an OFI: raising, accepting or declining one never raises or lowers it', () => {
    let withOfis = 0;
    fc.assert(
      fc.property(inputArb, fc.constantFrom('open', 'accepted', 'planned', 'declined'), (input, status) => {
        const ofis = input.findings.filter((f) => f.grade === 'ofi');
        if (ofis.length === 0) return;
        withOfis++;
        const without = { ...input, findings: input.findings.filter((f) => f.grade !== 'ofi') };
        const toggled = {
          ...input,
          findings: input.findings.map((f) => (f.grade === 'ofi' ? { ...f, status } : f)),
        };
        expect(exact(input)).toEqual(exact(without));
        expect(exact(toggled)).toEqual(exact(without));
      }),
      { numRuns: 300 },
    );
    expect(withOfis).toBeGreaterThan(50);
  });

  it('scores 0 with nothing implemented and no document, whatever the findings (regression: was 50 %)', () => {
    let withFindings = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const empty: PostureInput = {
          ...input,
          controls: input.controls.map((c) => ({ ...c, status: 'not_started' as const })),
          documents: input.documents.map((d) => ({ ...d, state: 'missing' as const })),
        };
        if (input.findings.length > 0) withFindings++;
        expect(exact(empty)).toEqual({ readinessScore: 0, implementationScore: 0 });
        expect(scorePosture({ ...empty, findings: [] })).toMatchObject({
          readinessScore: 0,
          implementationScore: 0,
        });
      }),
      { numRuns: 200 },
    );
    expect(withFindings).toBeGreaterThan(50);
  });

  it('never raises a score by raising a finding, of any grade and status', () => {
    let moved = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.findings.length > 0);
        const without = exact({ ...input, findings: [] });
        const withAll = exact(input);
        if (withAll.readinessScore < without.readinessScore - 1e-9) moved++;
        expect(withAll.readinessScore).toBeLessThanOrEqual(without.readinessScore + 1e-9);
        expect(withAll.implementationScore).toBeLessThanOrEqual(without.implementationScore + 1e-9);
      }),
      { numRuns: 300 },
    );
    expect(moved).toBeGreaterThan(10);
  });

  it('keeps both scores and every area in range', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const s = scorePosture(input);
        expect(s.readinessScore).toBeGreaterThanOrEqual(0);
        expect(s.readinessScore).toBeLessThanOrEqual(100);
        expect(s.implementationScore).toBeGreaterThanOrEqual(0);
        expect(s.implementationScore).toBeLessThanOrEqual(100);
        for (const a of [...s.byClause, ...s.byTheme])
          if (a.score !== null) expect(a.score >= 0 && a.score <= 100).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a score when a corrective action is completed', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const open = undoneTasks(input);
        fc.pre(open.length > 0);
        const before = exact(input);
        const after = exact(applySelection(input, { tasks: [open[pick % open.length]!] }));
        expect(after.readinessScore).toBeGreaterThanOrEqual(before.readinessScore - 1e-9);
        expect(after.implementationScore).toBeGreaterThanOrEqual(before.implementationScore - 1e-9);
      }),
      { numRuns: 400 },
    );
  });

  it('raises both scores more by closing a major than a minor raised on the same requirement', () => {
    const extra = (grade: Grade) =>
      fc.record({
        id: fc.constant(grade),
        ref: fc.constant(grade.toUpperCase()),
        grade: fc.constant(grade),
        status: fc.constantFrom(...statuses.filter((s) => s !== 'closed')),
        requirements: fc.constant(['A.8.8']).map((r) => [...r]),
        overdue: fc.boolean(),
        tasks: fc.array(
          fc.record({
            id: fc.uuid(),
            title: fc.constant('x'),
            effortDays: fc.integer({ min: 0, max: 5 }),
            done: fc.boolean(),
            predecessors: fc.constant<string[]>([]),
            dueOn: fc.constant(null),
          }),
          { maxLength: 3 },
        ),
      });
    fc.assert(
      fc.property(inputArb, extra('major'), extra('minor'), (input, major, minor) => {
        const both: PostureInput = { ...input, findings: [...input.findings, major, minor] };
        const base = exact(both);
        const closeMajor = exact(applySelection(both, { findings: ['major'] }));
        const closeMinor = exact(applySelection(both, { findings: ['minor'] }));
        // With nothing in place there is nothing for a finding to take away (model /3): no move at all.
        const inPlace = scorePosture(both).contributions.bases;
        for (const k of ['readinessScore', 'implementationScore'] as const)
          if (inPlace[k] > 1e-9) expect(closeMajor[k] - base[k]).toBeGreaterThan(closeMinor[k] - base[k]);
          else expect(closeMajor[k] - base[k]).toBeCloseTo(0, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('lists contributions that add up to the figures, whatever the order of the input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const s = scorePosture(input);
        const c = s.contributions;
        const add = (
          xs: { readinessScore?: number; implementationScore?: number }[],
          k: 'readinessScore' | 'implementationScore',
        ) => xs.reduce((sum, x) => sum + (x[k] ?? 0), 0);
        const readinessScore = add(c.controls, 'readinessScore') + add(c.documents, 'readinessScore');
        const implementationScore =
          add(c.controls, 'implementationScore') + add(c.attributes, 'implementationScore');
        expect(readinessScore).toBeCloseTo(c.bases.readinessScore, 9);
        expect(implementationScore).toBeCloseTo(c.bases.implementationScore, 9);
        expect(readinessScore + add(c.findings, 'readinessScore')).toBeCloseTo(s.exact.readinessScore, 9);
        expect(implementationScore + add(c.findings, 'implementationScore')).toBeCloseTo(
          s.exact.implementationScore,
          9,
        );
        const reversed = scorePosture({ ...input, findings: [...input.findings].reverse() });
        expect(reversed.exact.readinessScore).toBeCloseTo(s.exact.readinessScore, 9);
        expect(reversed.exact.implementationScore).toBeCloseTo(s.exact.implementationScore, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('projects a selection exactly as scoring the changed input would', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), (input, a, b) => {
        const tasks = input.findings.flatMap((f) => f.tasks.map((t) => t.id));
        const sel = {
          tasks: tasks.filter((_, i) => (a >> i) & 1),
          findings: input.findings.filter((_, i) => (b >> i) & 1).map((f) => f.id),
        };
        const projected = new Projector(input).project(sel);
        const scored = exact(applySelection(input, sel));
        expect(projected.readinessScore).toBeCloseTo(scored.readinessScore, 9);
        expect(projected.implementationScore).toBeCloseTo(scored.implementationScore, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks and orders actions after their unfinished predecessors', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const done = new Set(input.findings.flatMap((f) => f.tasks.filter((t) => t.done).map((t) => t.id)));
        const preds = new Map(input.findings.flatMap((f) => f.tasks.map((t) => [t.id, t.predecessors])));
        for (const r of rankActions(input)) {
          expect(Number.isFinite(r.impactPerDay)).toBe(true);
          for (const p of preds.get(r.taskId) ?? []) if (!done.has(p)) expect(r.prerequisites).toContain(p);
        }
        const path = fastestPath(input);
        const at = new Map(path.map((s, i) => [s.taskId, i]));
        for (const s of path)
          for (const p of preds.get(s.taskId) ?? [])
            if (!done.has(p)) expect(at.get(p)!).toBeLessThan(at.get(s.taskId)!);
        const firstOther = path.findIndex((s) => !s.forNonconformity);
        if (firstOther >= 0) expect(path.slice(firstOther).every((s) => !s.forNonconformity)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
