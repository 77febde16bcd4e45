import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';

// Context of the organisation (ISO/IEC 27001:2022 4.1, 4.2) with the climate-change determination of
// Amd 1:2024. One record per organisation, replaced as a whole.

const text = (max: number) => z.string().trim().min(1).max(max);

export const contextIssue = z.object({
  kind: z.enum(['external', 'internal']),
  text: text(2000),
  climate: z.boolean().default(false).describe('part of the climate-change determination (4.1, Amd 1:2024)'),
  recordedOn: isoDate,
});
export const interestedParty = z.object({
  name: text(200),
  requirements: z.string().trim().max(4000).default(''),
  climateRequirements: z
    .string()
    .trim()
    .max(4000)
    .default('')
    .describe('requirements related to climate change (4.2 NOTE 2, Amd 1:2024)'),
  recordedOn: isoDate,
});
export const partyFeedback = z.object({
  party: text(200),
  receivedOn: isoDate,
  summary: text(4000),
});
export const climateDetermination = z.object({
  relevant: z.boolean().nullable().describe('is climate change a relevant issue? null: not determined yet'),
  statement: z.string().trim().max(4000).default(''),
  determinedOn: isoDate.nullable().default(null),
});

export const contextInput = z
  .object({
    issues: z.array(contextIssue).max(200),
    parties: z.array(interestedParty).max(200),
    feedback: z.array(partyFeedback).max(500).default([]),
    climate: climateDetermination,
  })
  .strict();
export type ContextInput = z.infer<typeof contextInput>;

export const ismsContext = z.object({
  issues: z.array(contextIssue),
  parties: z.array(interestedParty),
  feedback: z.array(partyFeedback),
  climate: climateDetermination,
  climateLine: z.string(),
  gaps: z.array(z.string()).describe('what is still missing for 4.1, 4.2 and Amd 1:2024'),
  updatedBy: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
});
export type IsmsContextDto = z.infer<typeof ismsContext>;
