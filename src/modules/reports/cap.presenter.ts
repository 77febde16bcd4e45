import type { z } from 'zod';
import type { capRevision } from '../../contracts/reports.ts';
import type { CapRevisionTable } from '../../db/schema-reports.ts';

type RevisionFacts = Pick<
  CapRevisionTable,
  'number' | 'submitted_by' | 'submitted_at' | 'approved_by' | 'approved_at'
>;

/** A submitted CAP revision as the API and the `cap.submitted` webhook present it. */
export const presentCapRevision = (auditRef: string, r: RevisionFacts): z.infer<typeof capRevision> => ({
  audit: auditRef,
  number: Number(r.number),
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
});
