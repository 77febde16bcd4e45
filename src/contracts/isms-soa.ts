import { z } from 'zod';
import { isoDate, isoDateTime, wholeNumber } from './common.ts';

// Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) and the ISMS scope (4.3) it carries.

export const implementationStatuses = ['not_started', 'planned', 'partial', 'implemented'] as const;
export const implementationStatus = z.enum(implementationStatuses);
export const inclusionReasons = ['risk_treatment', 'legal_regulatory', 'contractual', 'business'] as const;
export const inclusionReason = z.enum(inclusionReasons);
export const inclusionReasonLabels: Record<(typeof inclusionReasons)[number], string> = {
  risk_treatment: 'Risk treatment',
  legal_regulatory: 'Legal or regulatory',
  contractual: 'Contractual',
  business: 'Business requirement / best practice',
};
export const statusLabels: Record<(typeof implementationStatuses)[number], string> = {
  not_started: 'Not started',
  planned: 'Planned',
  partial: 'Partially implemented',
  implemented: 'Implemented',
};
export const themes = ['organizational', 'people', 'physical', 'technological'] as const;
export const controlId = z
  .string()
  .regex(/^[5-8]\.\d{1,2}$/, 'an Annex A 2022 control id such as 5.1 or 8.34');
export const versionNumber = wholeNumber(1, 100000);
/**
 * Another necessary control, beside Annex A (6.1.3 b NOTE 1: controls can be designed as required or
 * taken from any source; 6.1.3 c NOTE 2: Annex A is not exhaustive), under the organisation's own id.
 */
export const otherControlId = z
  .string()
  .regex(/^[A-Z]{1,10}-[A-Z0-9][A-Z0-9.-]{0,19}$/, 'an own control id such as ORG-1 or CSA-IAM-02');
/** Any control an SoA line may carry: an Annex A id (5.1 … 8.34) or an own id (ORG-1). */
export const entryControlId = z
  .string()
  .regex(
    /^(?:[5-8]\.\d{1,2}|[A-Z]{1,10}-[A-Z0-9][A-Z0-9.-]{0,19})$/,
    'an Annex A 2022 control id such as 5.1, or an own control id such as ORG-1',
  );

const text = (max: number) => z.string().trim().max(max);
const list = z.array(text(300).min(1)).max(50);

/** The ISMS scope (4.3): what is in, what is out and why, and the requirements of 4.2 c. */
export const ismsScope = z.object({
  statement: text(4000),
  locations: list,
  businessUnits: list,
  systems: list,
  processes: list,
  interfaces: list,
  dependencies: list,
  exclusions: z.array(z.object({ item: text(300).min(1), reason: text(1000).min(1) })).max(50),
  requirements: z
    .array(
      z.object({
        kind: z.enum(['legal', 'regulatory', 'contractual']),
        name: text(300).min(1),
        note: text(1000),
      }),
    )
    .max(100),
});
export type IsmsScope = z.infer<typeof ismsScope>;
export const emptyScope: IsmsScope = {
  statement: '',
  locations: [],
  businessUnits: [],
  systems: [],
  processes: [],
  interfaces: [],
  dependencies: [],
  exclusions: [],
  requirements: [],
};

export const soaIssue = z.object({
  controlId: z.string(),
  field: z.string(),
  message: z.string(),
});

/** ISO/IEC 27002:2022 attributes of a control (Table A.1), lower-case hashtags without `#`. */
export const controlAttributes = z.object({
  controlType: z.array(z.string()),
  informationSecurityProperties: z.array(z.string()),
  cybersecurityConcepts: z.array(z.string()),
  operationalCapabilities: z.array(z.string()),
  securityDomains: z.array(z.string()),
});

export const annexAControl = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.enum(themes),
  attributes: controlAttributes,
  newIn2022: z.boolean(),
  from2013: z.array(z.string()),
});
export type AnnexAControlDto = z.infer<typeof annexAControl>;

export const soaEntry = z.object({
  controlId: z.string(),
  title: z.string(),
  source: z
    .enum(['annex_a', 'other'])
    .describe('an Annex A control, or another necessary control under its own id (6.1.3 b NOTE 1)'),
  theme: z.enum([...themes, 'other']),
  attributes: controlAttributes,
  applicable: z.boolean(),
  reasons: z.array(inclusionReason),
  justification: z.string(),
  status: implementationStatus,
  owner: z.string(),
  implementation: z.string(),
  evidence: z.array(z.string()),
  documents: z.array(z.string()),
  risks: z.array(z.string()).describe('refs of risks whose treatment uses this control'),
  findings: z.array(z.string()).describe('audit/finding refs raised against this control'),
  issues: z.array(soaIssue),
});
export type SoaEntry = z.infer<typeof soaEntry>;

export const soaVersionSummary = z.object({
  number: z.number().int(),
  status: z.enum(['draft', 'approved']),
  basedOn: z.number().int().nullable(),
  changeNote: z.string(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  approvedBy: z.string().nullable(),
  approvedOn: isoDate.nullable(),
  counts: z.object({
    controls: z.number().int(),
    applicable: z.number().int(),
    excluded: z.number().int(),
    implemented: z.number().int(),
    partial: z.number().int(),
    planned: z.number().int(),
    notStarted: z.number().int(),
    issues: z.number().int(),
  }),
});
export type SoaVersionSummary = z.infer<typeof soaVersionSummary>;

export const soaWarning = z.object({
  kind: z.enum(['implemented_with_open_nc', 'certificate_scope', 'audit_scope']),
  controlId: z.string().nullable(),
  message: z.string(),
});
export const soaVersion = soaVersionSummary.extend({
  scope: ismsScope,
  entries: z.array(soaEntry),
  warnings: z
    .array(soaWarning)
    .describe('what approval warns about (a draft: as of now; approved: as recorded when it was approved)'),
});
export type SoaVersion = z.infer<typeof soaVersion>;

export const createSoaVersion = z.object({ changeNote: text(2000).min(1, 'say why a new version starts') });

/** Explicit update shape (no defaults), so a PATCH changes only what it names. */
export const soaEntryUpdate = z
  .object({
    applicable: z.boolean().optional(),
    reasons: z.array(inclusionReason).max(4).optional(),
    justification: text(4000).optional(),
    status: implementationStatus.optional(),
    owner: text(200).optional(),
    implementation: text(8000).optional(),
    evidence: list.optional(),
    documents: list.optional(),
    reason: text(2000).optional().describe('why this change is made (kept in the change log)'),
  })
  .strict();
export type SoaEntryUpdate = z.infer<typeof soaEntryUpdate>;

/** A line for another necessary control (not Annex A), added to a draft with its own id and title. */
export const otherControlInput = z
  .object({
    controlId: otherControlId,
    title: text(300).min(1),
    reasons: z.array(inclusionReason).min(1).max(4),
    status: implementationStatus.default('not_started'),
    owner: text(200).default(''),
    implementation: text(8000).default(''),
    reason: text(2000).optional().describe('why the control is added (kept in the change log)'),
  })
  .strict();
export type OtherControlInput = z.infer<typeof otherControlInput>;

export const scopeUpdate = z.object({ scope: ismsScope, reason: text(2000).optional() }).strict();

export const approveSoa = z
  .object({ approvedOn: isoDate.optional().describe('defaults to today'), note: text(2000).optional() })
  .strict();

export const soaChange = z.object({
  controlId: z.string().nullable(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const soaLogEntry = z.object({
  version: z.number().int(),
  controlId: z.string().nullable(),
  fields: z.array(z.string()),
  reason: z.string(),
  by: z.string(),
  at: isoDateTime,
});
export const soaComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(soaChange),
  log: z.array(soaLogEntry).describe('who changed what and why between the two versions'),
});

export const migration2013Input = z
  .object({
    entries: z
      .array(
        z.object({
          id: z.string().regex(/^A\.\d{1,2}\.\d{1,2}\.\d{1,2}$/, 'a 2013 control id such as A.9.2.5'),
          applicable: z.boolean(),
          status: implementationStatus.optional(),
          justification: text(4000).optional(),
          implementation: text(8000).optional(),
        }),
      )
      .min(1)
      .max(200),
    apply: z.boolean().optional().describe('write the proposal into the draft version'),
  })
  .strict();
export const migration2013Result = z.object({
  applied: z.boolean(),
  unknown: z.array(z.string()),
  proposals: z.array(
    z.object({
      controlId: z.string(),
      from: z.array(z.string()),
      applicable: z.boolean(),
      status: implementationStatus,
      justification: z.string(),
      implementation: z.string(),
      review: z.string().nullable(),
    }),
  ),
});

export const soaFormats = ['pdf', 'xlsx', 'json'] as const;
