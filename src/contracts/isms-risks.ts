import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';

// Risk register (ISO/IEC 27001:2022 6.1.2 assessment, 6.1.3 treatment, 8.2/8.3 results).

export const riskTreatments = ['modify', 'retain', 'avoid', 'share'] as const;
export const riskTreatment = z.enum(riskTreatments);
export const riskTreatmentLabels: Record<(typeof riskTreatments)[number], string> = {
  modify: 'Modify (apply controls)',
  retain: 'Retain (accept)',
  avoid: 'Avoid',
  share: 'Share (insure, outsource)',
};
export const riskRef = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');

const level = z.number().int().min(1).max(10);
const annexId = z.string().regex(/^[5-8]\.\d{1,2}$/, 'an Annex A 2022 control id such as 8.8');

export const riskBand = z.object({
  key: z.string().min(1).max(30),
  label: z.string().min(1).max(60),
  max: z.number().int().min(1),
  colour: z.string().min(1).max(30),
});
export const riskMatrix = z.object({
  likelihood: z.array(z.string().trim().min(1).max(60)).min(2).max(10),
  impact: z.array(z.string().trim().min(1).max(60)).min(2).max(10),
  bands: z.array(riskBand).min(1).max(10),
  acceptableMax: z.number().int().min(1),
});
export type RiskMatrixDto = z.infer<typeof riskMatrix>;

const rating = z.object({ likelihood: level, impact: level });

/** The risk owner's signature (ISO/IEC 27001:2022 6.1.3 f): who, on which day. */
export const ownerSignature = z.object({ by: z.string().trim().min(1).max(200), on: isoDate });
export const signOffStates = ['complete', 'awaiting_approval', 'awaiting_acceptance'] as const;
export const signOffLabels: Record<(typeof signOffStates)[number], string> = {
  complete: 'Approved and accepted',
  awaiting_approval: 'Treatment plan awaiting the owner’s approval',
  awaiting_acceptance: 'Residual risk awaiting the owner’s acceptance',
};
const ratingOut = rating.extend({ score: z.number().int(), band: z.string(), bandLabel: z.string() });

export const riskInput = z.object({
  ref: riskRef,
  title: z.string().trim().min(1).max(300),
  asset: z.string().trim().max(300).default(''),
  threat: z.string().trim().max(1000).default(''),
  vulnerability: z.string().trim().max(1000).default(''),
  owner: z.string().trim().max(200).default(''),
  inherent: rating,
  residual: rating,
  treatment: riskTreatment,
  treatmentPlan: z.string().trim().max(4000).default(''),
  controls: z.array(annexId).max(93).default([]),
  actions: z.array(z.string().trim().min(1).max(64)).max(50).default([]).describe('corrective action ids'),
  reviewOn: isoDate.nullable().default(null),
  treatmentApproval: ownerSignature
    .nullable()
    .default(null)
    .describe('the risk owner approved the treatment plan (6.1.3 f)'),
  residualAcceptance: ownerSignature
    .nullable()
    .default(null)
    .describe('the risk owner accepted the residual risk (6.1.3 f)'),
});

/** Explicit update shape (no defaults), so a PATCH changes only what it names. */
export const riskUpdate = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    asset: z.string().trim().max(300).optional(),
    threat: z.string().trim().max(1000).optional(),
    vulnerability: z.string().trim().max(1000).optional(),
    owner: z.string().trim().max(200).optional(),
    inherent: rating.optional(),
    residual: rating.optional(),
    treatment: riskTreatment.optional(),
    treatmentPlan: z.string().trim().max(4000).optional(),
    controls: z.array(annexId).max(93).optional(),
    actions: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
    reviewOn: isoDate.nullable().optional(),
    treatmentApproval: ownerSignature.nullable().optional(),
    residualAcceptance: ownerSignature.nullable().optional(),
  })
  .strict();

export const risk = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  asset: z.string(),
  threat: z.string(),
  vulnerability: z.string(),
  owner: z.string(),
  inherent: ratingOut,
  residual: ratingOut,
  acceptable: z.boolean().describe('residual score within the acceptance criteria (6.1.2 a)'),
  treatment: riskTreatment,
  treatmentPlan: z.string(),
  controls: z.array(z.object({ id: z.string(), title: z.string(), soaStatus: z.string().nullable() })),
  actions: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), finding: z.string() })),
  reviewOn: isoDate.nullable(),
  reviewOverdue: z.boolean(),
  treatmentApproval: ownerSignature.nullable(),
  residualAcceptance: ownerSignature.nullable(),
  signOff: z.enum(signOffStates).describe('where the risk owner’s sign-off stands (6.1.3 f)'),
  updatedAt: isoDateTime,
});
export type Risk = z.infer<typeof risk>;

export const heatCell = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  band: z.string(),
  count: z.number().int(),
  refs: z.array(z.string()),
});
export const heatMaps = z.object({
  matrix: riskMatrix,
  inherent: z.array(z.array(heatCell)),
  residual: z.array(z.array(heatCell)),
});
