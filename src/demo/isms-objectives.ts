import type { OrgContext } from '../modules/context.ts';
import { createObjective, recordObjectiveResult, updateObjective } from '../modules/objectives/index.ts';
import { asDemoPerson } from './foundation.ts';

// The demo organisation's information security objectives (ISO/IEC 27001:2022 6.2), each with its
// indicator, target and plan, and monthly results: one achieved, one on target, one off target and past
// its due date, one not measured yet. Seeded before the management review, which reports on them
// (9.3.2 d 4). Dates are days from the demo's today.

const day = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const objectives = [
  {
    ref: 'OBJ-01',
    title: 'Keep the platform available for customers',
    policy: 'POL-01 §3: availability commitments to customers are met',
    measure: 'Monthly availability of the customer API (external probe)',
    target: 99.9,
    direction: 'at_least',
    unit: '%',
    plan: 'Multi-AZ database, failover drill each quarter, status page',
    resources: 'Platform team (0.5 FTE), probe service subscription',
    owner: 'Tom Becker',
    dueInDays: 200,
    evaluation: 'Monthly by the ISMS manager from the probe report; reviewed at each management review',
    results: [99.95, 99.92, 99.97, 99.91, 99.96],
  },
  {
    ref: 'OBJ-02',
    title: 'Patch critical vulnerabilities quickly',
    policy: 'POL-01 §5: technical vulnerabilities are remediated by severity',
    measure: 'Critical vulnerabilities patched within 14 days',
    target: 98,
    direction: 'at_least',
    unit: '%',
    plan: 'Automated patch pipeline for the fleet; weekly triage of scanner results (NC-01 corrective action)',
    resources: 'Platform team, scanner licence',
    owner: 'Tom Becker',
    dueInDays: -15,
    evaluation: 'Monthly from the scanner export; a miss is raised at the weekly operations meeting',
    results: [91.0, 93.5, 95.2, 96.8, 97.2],
  },
  {
    ref: 'OBJ-03',
    title: 'Every employee completes security awareness training',
    policy: 'POL-01 §7: people are aware of their information security responsibilities',
    measure: 'Share of employees with the annual training completed',
    target: 100,
    direction: 'at_least',
    unit: '%',
    plan: 'Annual e-learning, phishing simulation each quarter, onboarding session',
    resources: 'HR (training platform), 1 hour per employee',
    owner: 'Marcus Lee',
    dueInDays: -30,
    evaluation: 'From the training platform report at the due date',
    results: [72, 88, 100],
  },
  {
    ref: 'OBJ-04',
    title: 'Detect and contain incidents faster',
    policy: 'POL-01 §9: incidents are detected, reported and contained',
    measure: 'Median hours from detection to containment of security incidents',
    target: 4,
    direction: 'at_most',
    unit: 'hours',
    plan: 'Managed detection service for the Lyon office; runbooks for the five most frequent incident types',
    resources: 'MSSP contract, incident response team',
    owner: 'Isabel Martín',
    dueInDays: 300,
    evaluation: 'Quarterly from the incident register once the detection service is live',
    results: [],
  },
] as const;

export async function seedObjectives(base: OrgContext) {
  const isabel = await asDemoPerson(base, 'isabel.martin@demo.example');
  const today = base.now().toISOString().slice(0, 10);
  for (const { dueInDays, results, ...o } of objectives) {
    await createObjective(
      { ...o, dueOn: day(today, dueInDays), status: results.length > 0 ? 'in_progress' : 'planned' },
      isabel,
    );
    // One result a month, the newest a few days ago.
    for (const [i, value] of results.entries())
      await recordObjectiveResult(
        {
          ref: o.ref,
          measuredOn: day(today, -5 - 30 * (results.length - 1 - i)),
          value,
          note: 'Monthly figure',
        },
        isabel,
      );
    // The training objective met its target at the last figure: the owner marks it achieved.
    if (o.ref === 'OBJ-03') await updateObjective({ ref: o.ref, status: 'achieved' }, isabel);
  }
}
