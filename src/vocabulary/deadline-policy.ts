import { z } from 'zod';
import { type Grade, grades } from './grades.ts';
import { unitNames } from './units.ts';

// THE deadline-policy schema: the API validates requests and responses with it and the domain derives
// deadlines from policies it accepted. A policy is data an administrator can edit, so its shape and its
// internal consistency are checked before any deadline is derived from it. Days count from the policy's
// anchor: the last day of the audit (the default), the closing meeting, or the day the report was received
// (ISO/IEC 17021-1 9.4.9: the certification body sets the time for correction and corrective action).

/** The day deadlines count from. */
export const policyAnchors = ['audit_end', 'closing_meeting', 'report_received'] as const;
export const policyAnchor = z.enum(policyAnchors);
export type PolicyAnchor = z.infer<typeof policyAnchor>;

const days = z.number().int().min(0).max(3650).nullable().optional();

export const policyKey = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

export const gradeDeadlinesSchema = z
  .object({
    /** Corrective action plan (correction, root cause, corrective actions) due. */
    capDays: days,
    /** Evidence of Correction due. */
    evidenceDays: days,
    /** Nonconformity closed (remediation window). */
    closeDays: days,
    /** Only an accepted plan is due; the certification body verifies implementation at the next audit. */
    verifiedAtNextAudit: z.boolean().optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.verifiedAtNextAudit)
      for (const key of ['evidenceDays', 'closeDays'] as const)
        if (g[key] !== null && g[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'verified at the next audit: leave this empty',
          });
    // Evidence of an action cannot be due before its plan, nor closure before its evidence.
    const order: [keyof typeof g, number | null | undefined][] = [
      ['capDays', g.capDays],
      ['evidenceDays', g.evidenceDays],
      ['closeDays', g.closeDays],
    ];
    let previous: [string, number] | null = null;
    for (const [key, value] of order) {
      if (value === null || value === undefined) continue;
      if (previous && value < previous[1]) {
        ctx.addIssue({ code: 'custom', path: [key], message: `must not be earlier than ${previous[0]}` });
      }
      previous = [key, value];
    }
  });
export type GradeDeadlines = z.infer<typeof gradeDeadlinesSchema>;

const perGrade = Object.fromEntries(grades.map((g) => [g, gradeDeadlinesSchema.optional()])) as {
  [G in Grade]: z.ZodOptional<typeof gradeDeadlinesSchema>;
};

export const deadlinePolicyDefinition = z
  .object({
    dayKind: z.enum(['calendar', 'working']),
    anchor: policyAnchor.default('audit_end'),
    /**
     * A stage 2 major not verified within this many months of the last day of stage 2 means stage 2 is
     * repeated (common CB practice under ISO/IEC 17021-1 9.4.9 and ISO/IEC 27006-1).
     */
    stage2MajorLimitMonths: z.number().int().min(1).max(24).default(6),
    grades: z.object(perGrade).strict(),
    /** Legacy form of `grades.minor.verifiedAtNextAudit`, still read. */
    minorPlanVerifiedAtNextAudit: z.boolean().optional(),
    notes: z.string().max(2000).default(''),
  })
  .superRefine((p, ctx) => {
    const minor = p.grades.minor;
    if (!p.minorPlanVerifiedAtNextAudit || !minor) return;
    for (const key of ['evidenceDays', 'closeDays'] as const) {
      if (minor[key] !== null && minor[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['grades', 'minor', key],
          message: 'minors are verified at the next audit under this policy: leave this empty',
        });
      }
    }
  });
export type DeadlinePolicyDefinition = z.infer<typeof deadlinePolicyDefinition>;
/** A definition as written (anchor and stage 2 limit may be left to their defaults). */
export type DeadlinePolicyDefinitionInput = z.input<typeof deadlinePolicyDefinition>;

/** A policy as stored and served: presets ship with closeloop, the others are an organisation's own. */
export const deadlinePolicy = z.object({
  key: policyKey,
  name: z.string().min(1).max(120),
  preset: z.boolean(),
  definition: deadlinePolicyDefinition,
});
export type DeadlinePolicy = z.infer<typeof deadlinePolicy>;

export const upsertDeadlinePolicy = z.object({
  name: z.string().trim().min(1).max(120),
  definition: deadlinePolicyDefinition,
});

export const dayKindLabels: Record<DeadlinePolicyDefinition['dayKind'], string> = {
  calendar: unitNames.calendar_day.other,
  working: unitNames.working_day.other,
};

export const anchorLabels: Record<PolicyAnchor, string> = {
  audit_end: 'last day of the audit',
  closing_meeting: 'closing meeting',
  report_received: 'report received',
};
