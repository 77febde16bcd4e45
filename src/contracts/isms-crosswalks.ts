import { z } from 'zod';

// Crosswalks from ISO/IEC 27001:2022 to SOC 2 (2017 TSC) and NIST CSF 2.0, read through the SoA.

export const frameworks = ['soc2', 'nist-csf'] as const;
export const framework = z.enum(frameworks);
export type Framework = z.infer<typeof framework>;
export const frameworkLabels: Record<Framework, string> = {
  soc2: 'SOC 2 (2017 Trust Services Criteria)',
  'nist-csf': 'NIST Cybersecurity Framework 2.0',
};
export const coverageLevels = ['covered', 'partial', 'gap', 'unmapped'] as const;
export const relationships = ['equal', 'subset', 'superset', 'intersect'] as const;
/** An Annex A control, a clause of 4–10, or an own control of the SoA (6.1.3 b NOTE 1): never shipped. */
export const sourceKind = z.enum(['annex_a', 'clause', 'own_control']);

/** How a source is cited on the page and in the report: `A.8.8`, `clause 9.2`, `ORG-1 (own control)`. */
export const sourceLabel = (s: { fromKind: string; from: string }) =>
  s.fromKind === 'annex_a'
    ? `A.${s.from}`
    : s.fromKind === 'clause'
      ? `clause ${s.from}`
      : `${s.from} (own control)`;
/** Who says a row holds: nothing for shipped data. */
export const originNote: Record<string, string> = {
  shipped: '',
  override: 'corrected',
  organisation: "the organisation's own mapping",
};

export const crosswalkSource = z.object({
  from: z.string(),
  fromKind: sourceKind,
  title: z.string(),
  relationship: z.string(),
  origin: z
    .enum(['shipped', 'override', 'organisation'])
    .describe("shipped data, a correction of it, or the organisation's own mapping of an own control"),
  reason: z.string().nullable(),
  soaStatus: z.string().nullable().describe('status in the SoA in force; excluded controls say so'),
  score: z.number(),
});
export const crosswalkTarget = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string(),
  level: z.enum(coverageLevels),
  percent: z.number(),
  sources: z.array(crosswalkSource),
});
export const crosswalk = z.object({
  framework,
  title: z.string(),
  soaVersion: z.number().int().nullable(),
  soaApproved: z.boolean(),
  percent: z.number().describe('mean coverage over all targets, 0–100'),
  counts: z.object({
    covered: z.number().int(),
    partial: z.number().int(),
    gap: z.number().int(),
    unmapped: z.number().int(),
  }),
  provenance: z.object({
    file: z.string(),
    source: z.string(),
    trust: z.string(),
    overrides: z.number().int(),
  }),
  targets: z.array(crosswalkTarget),
  gaps: z.array(z.string()).describe('ids of targets not fully covered'),
  ownControls: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        soaStatus: z.string().describe('status in the SoA in force; excluded controls say so'),
        mappedTo: z.array(z.string()).describe('targets the organisation itself maps it to; none is shipped'),
        note: z.string().describe('"own control — not mapped" unless the organisation states a mapping'),
      }),
    )
    .describe("the organisation's own controls of the SoA (6.1.3 b NOTE 1): no official mapping exists"),
});

export const overrideInput = z
  .object({
    from: z
      .string()
      .regex(
        /^(?:\d{1,2}(\.\d{1,2}){1,2}|[A-Z]{1,10}-[A-Z0-9][A-Z0-9.-]{0,19})$/,
        'a clause (9.2), an Annex A control (8.8) or an own control id (ORG-1)',
      ),
    fromKind: sourceKind.describe("own_control: the organisation's own mapping of one of its own controls"),
    to: z.string().min(1).max(20),
    relationship: z.enum(relationships).nullable().describe('null removes the shipped row'),
    reason: z.string().trim().min(1, 'say why the shipped mapping is corrected').max(2000),
  })
  .strict();
export const crosswalkOverride = z.object({
  id: z.string(),
  from: z.string(),
  fromKind: sourceKind,
  to: z.string(),
  relationship: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
