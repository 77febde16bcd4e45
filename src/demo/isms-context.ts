import type { ContextInput } from '../contracts/isms-context.ts';

// The demo organisation's context (ISO/IEC 27001:2022 4.1, 4.2) with the climate-change determination
// of Amd 1:2024: a cloud platform whose data centres sit in regions exposed to heat waves and floods, so
// climate change is a relevant issue, and two interested parties state climate-related requirements.
// Dates are days before the demo's today; the last two entries are newer than the previous management
// review, so the review shows them as changes (9.3.2 b, c).

const entry = <const T>(daysAgo: number, x: T) => ({ ...x, daysAgo });

export const demoIssues = [
  entry(200, {
    kind: 'external',
    text: 'NIS2 transposition brings incident reporting within 24 hours for our customers in the EU',
    climate: false,
  }),
  entry(200, {
    kind: 'external',
    text: 'Ransomware against SaaS providers in the sector keeps rising (ISAC reports)',
    climate: false,
  }),
  entry(200, {
    kind: 'external',
    text: 'Heat waves and river floods threaten the availability of the Frankfurt region data centres (cooling, power)',
    climate: true,
  }),
  entry(200, {
    kind: 'internal',
    text: 'Platform team grew from 8 to 15 engineers in a year; onboarding is manual',
    climate: false,
  }),
  entry(20, {
    kind: 'internal',
    text: 'Customer support moved part of its team to the Lyon office',
    climate: false,
  }),
] as const;

export const demoParties = [
  entry(200, {
    name: 'Enterprise customers',
    requirements:
      'ISO/IEC 27001 certificate, SOC 2 report, 99.9 % availability, breach notice within 24 hours',
    climateRequirements: 'Evidence that the hosting regions have continuity plans for extreme-weather events',
  }),
  entry(200, {
    name: 'Data protection authority (CNIL)',
    requirements: 'GDPR: records of processing, breach notification within 72 hours',
    climateRequirements: '',
  }),
  entry(200, {
    name: 'Cloud hosting provider',
    requirements: 'Shared-responsibility model and the provider’s acceptable use policy',
    climateRequirements: '',
  }),
  entry(15, {
    name: 'Investors',
    requirements: 'Quarterly security reporting to the board',
    climateRequirements: 'Climate-related risks disclosed in the annual report (CSRD)',
  }),
] as const;

export const demoFeedback = [
  entry(40, {
    party: 'Enterprise customers',
    summary: 'Two customer questionnaires asked for the results of the last restore test',
  }),
  entry(10, {
    party: 'Investors',
    summary: 'Board asked for a yearly figure on climate-related downtime risk',
  }),
] as const;

export function demoContext(dayFrom: (days: number) => string): ContextInput {
  return {
    issues: demoIssues.map(({ daysAgo, ...i }) => ({ ...i, recordedOn: dayFrom(-daysAgo) })),
    parties: demoParties.map(({ daysAgo, ...p }) => ({ ...p, recordedOn: dayFrom(-daysAgo) })),
    feedback: demoFeedback.map(({ daysAgo, ...f }) => ({ ...f, receivedOn: dayFrom(-daysAgo) })),
    climate: {
      relevant: true,
      statement:
        'Climate change is relevant: extreme weather can interrupt the hosting regions (availability, A.5.30, A.7.5) and customers and investors ask for climate-related continuity evidence.',
      determinedOn: dayFrom(-200),
    },
  };
}
