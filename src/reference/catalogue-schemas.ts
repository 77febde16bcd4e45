import { z } from 'zod';

// Shapes of the shipped reference files (see PROVENANCE.md). Ids are checked by pattern so that a file
// swapped for another edition, or damaged by hand, is refused instead of read as something else.

const ANNEX_A_ID = /^[5-8]\.\d{1,2}$/;
const CLAUSE_ID = /^(?:[4-9]|10)(?:\.\d+){0,2}$/;
const CONTROL_2013_ID = /^A\.\d{1,2}\.\d{1,2}\.\d{1,2}$/;
const SOC2_ID = /^(?:CC|A|C|PI|P)\d\.\d{1,2}$/;
const NIST_SUBCATEGORY_ID = /^[A-Z]{2}\.[A-Z]{2}-\d{2}$/;

/** One ISO/IEC 27001:2022 Annex A control with its ISO/IEC 27002:2022 attributes (Table A.1). */
export const annexAControlSchema = z.object({
  id: z.string().regex(ANNEX_A_ID),
  title: z.string().min(1),
  theme: z.enum(['organizational', 'people', 'physical', 'technological']),
  attributes: z.object({
    controlType: z.array(z.string()),
    informationSecurityProperties: z.array(z.string()),
    cybersecurityConcepts: z.array(z.string()),
    operationalCapabilities: z.array(z.string()),
    securityDomains: z.array(z.string()),
  }),
  newIn2022: z.boolean(),
  from2013: z.array(z.string().regex(CONTROL_2013_ID)),
});
export type AnnexAControl = z.infer<typeof annexAControlSchema>;

/** A node of clauses 4–10; `requirement` is true on the leaves an auditor can raise a finding against. */
export const clauseSchema = z.object({
  id: z.string().regex(CLAUSE_ID),
  title: z.string().min(1),
  parent: z.string().regex(CLAUSE_ID).nullable(),
  level: z.number().int().min(1).max(3),
  requirement: z.boolean(),
});
export type Clause = z.infer<typeof clauseSchema>;

export const control2013Schema = z.object({
  id: z.string().regex(CONTROL_2013_ID),
  title: z.string().min(1),
  domain: z.string().regex(/^A\.\d{1,2}$/),
  domainTitle: z.string().min(1),
});
export type Control2013 = z.infer<typeof control2013Schema>;

/** A row of the ISO/IEC 27002:2022 Annex B correspondence between the 2013 and 2022 controls. */
export const mapping2013Schema = z.object({
  from: z.string().regex(CONTROL_2013_ID),
  to: z.string().regex(ANNEX_A_ID),
  relationship: z.enum(['one_to_one', 'merged', 'split']),
  intuitemRelationship: z.enum(['equal', 'subset', 'superset', 'intersect']).optional(),
});
export type Mapping2013 = z.infer<typeof mapping2013Schema>;

export const transitionFileSchema = z.object({
  controls2013: z.array(control2013Schema),
  mappings: z.array(mapping2013Schema),
  newIn2022: z.array(z.string().regex(ANNEX_A_ID)),
  notes: z.string(),
  intuitemPairsNotInCorrespondenceTable: z.array(
    z.object({ from: z.string(), to: z.string(), relationship: z.string() }),
  ),
});

export const soc2CriterionSchema = z.object({
  id: z.string().regex(SOC2_ID),
  category: z.enum(['security', 'availability', 'confidentiality', 'processing_integrity', 'privacy']),
  series: z.string().min(1),
  seriesTitle: z.string().min(1),
  /** Editorial label, not AICPA text. */
  title: z.string().min(1),
  cosoPrinciple: z.number().int().min(1).max(17).optional(),
  pointsOfFocus: z.array(
    z.object({ id: z.string().min(1), title: z.string().min(1), tags: z.array(z.string()) }),
  ),
});
export type Soc2Criterion = z.infer<typeof soc2CriterionSchema>;

export const soc2FileSchema = z.object({
  framework: z.string(),
  note: z.string(),
  criteria: z.array(soc2CriterionSchema),
});

export const nistCsfSchema = z.object({
  framework: z.string(),
  license: z.string(),
  functions: z.array(
    z.object({ id: z.string().regex(/^[A-Z]{2}$/), name: z.string().min(1), description: z.string() }),
  ),
  categories: z.array(
    z.object({
      id: z.string().regex(/^[A-Z]{2}\.[A-Z]{2}$/),
      function: z.string(),
      name: z.string().min(1),
      description: z.string(),
    }),
  ),
  subcategories: z.array(
    z.object({
      id: z.string().regex(NIST_SUBCATEGORY_ID),
      category: z.string(),
      function: z.string(),
      title: z.string().min(1),
    }),
  ),
});
export type NistCsf = z.infer<typeof nistCsfSchema>;

const mappingRow = {
  from: z.string().min(1),
  /** Annex A and clause ids overlap (`5.1`), so each row says which one it means. */
  fromKind: z.enum(['annex_a', 'clause']),
  relationship: z.enum(['equal', 'subset', 'superset', 'intersect']),
};

export const soc2MappingSchema = z.object({
  ...mappingRow,
  to: z.string().regex(SOC2_ID),
  viaPointsOfFocus: z.array(z.string().min(1)),
});
export type Soc2MappingRow = z.infer<typeof soc2MappingSchema>;

export const nistMappingSchema = z.object({ ...mappingRow, to: z.string().regex(NIST_SUBCATEGORY_ID) });
export type NistMappingRow = z.infer<typeof nistMappingSchema>;
