import { z } from 'zod';

// A deadline policy is data an administrator can edit, so its shape and its internal consistency are
// checked before any deadline is derived from it. Days count from the policy's anchor: the last day of the
// audit (the default), the closing meeting, or the day the report was received (ISO/IEC 17021-1 9.4.9: the
// certification body sets the time for correction and corrective action).
// [lifecycle, issue #13] anchor, stage2MajorLimitMonths and per-grade verifiedAtNextAudit were added here;
// the schema moves to src/vocabulary with issue #15.

/** The day deadlines count from. */
export const policyAnchors = ['audit_end', 'closing_meeting', 'report_received'] as const;

const days = z.number().int().min(0).max(3650).nullable().optional();

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

export const deadlinePolicyDefinitionSchema = z
  .object({
    dayKind: z.enum(['calendar', 'working']),
    anchor: z.enum(policyAnchors).default('audit_end'),
    /**
     * A stage 2 major not verified within this many months of the last day of stage 2 means stage 2 is
     * repeated (common CB practice under ISO/IEC 17021-1 9.4.9 and ISO/IEC 27006-1).
     */
    stage2MajorLimitMonths: z.number().int().min(1).max(24).default(6),
    grades: z
      .object({
        major: gradeDeadlinesSchema.optional(),
        minor: gradeDeadlinesSchema.optional(),
        ofi: gradeDeadlinesSchema.optional(),
        observation: gradeDeadlinesSchema.optional(),
        positive: gradeDeadlinesSchema.optional(),
      })
      .strict(),
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

export const deadlinePolicySchema = z.object({
  key: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).max(120),
  definition: deadlinePolicyDefinitionSchema,
});
