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

export const crosswalkSource = z.object({
  from: z.string(),
  fromKind: z.enum(['annex_a', 'clause']),
  title: z.string(),
  relationship: z.string(),
  origin: z.enum(['shipped', 'override']),
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
});

export const overrideInput = z
  .object({
    from: z.string().regex(/^\d{1,2}(\.\d{1,2}){1,2}$/),
    fromKind: z.enum(['annex_a', 'clause']),
    to: z.string().min(1).max(20),
    relationship: z.enum(relationships).nullable().describe('null removes the shipped row'),
    reason: z.string().trim().min(1, 'say why the shipped mapping is corrected').max(2000),
  })
  .strict();
export const crosswalkOverride = z.object({
  id: z.string(),
  from: z.string(),
  fromKind: z.enum(['annex_a', 'clause']),
  to: z.string(),
  relationship: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
