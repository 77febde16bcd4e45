import { z } from 'zod';
import annexAData from './data/iso27001-2022-annex-a.json' with { type: 'json' };
import clausesData from './data/iso27001-2022-clauses.json' with { type: 'json' };

// Typed access to the shipped reference data (see PROVENANCE.md). Shapes are checked once at load, so a
// damaged data file stops the process at start instead of producing wrong reports later.

const annexAControl = z.object({
  id: z.string().regex(/^[5-8]\.\d{1,2}$/),
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
  from2013: z.array(z.string()),
});
export type AnnexAControl = z.infer<typeof annexAControl>;

const clause = z.object({
  id: z.string().regex(/^\d+(\.\d+)*$/),
  title: z.string().min(1),
  parent: z.string().nullable(),
  level: z.number().int(),
  requirement: z.boolean(),
});
export type Clause = z.infer<typeof clause>;

const controls = z.array(annexAControl).length(93).parse(annexAData);
const clauseList = z.array(clause).parse(clausesData);

export const annexAControls = (): readonly AnnexAControl[] => controls;
export const clauses = (): readonly Clause[] => clauseList;

export interface RequirementCatalogue {
  annexA: ReadonlyMap<string, string>;
  clauses: ReadonlyMap<string, string>;
}

/** Ids and titles of every ISO/IEC 27001:2022 requirement a finding can point at. */
export const requirementCatalogue: RequirementCatalogue = {
  annexA: new Map(controls.map((c) => [c.id, c.title])),
  clauses: new Map(clauseList.map((c) => [c.id, c.title])),
};
