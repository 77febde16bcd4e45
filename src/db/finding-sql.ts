import { sql } from 'kysely';
import { statusesBeforeEvidence, statusesBeforePlan } from '../domain/findings/overdue.ts';
import { finishedFindingStatuses } from '../vocabulary/index.ts';

// SQL fragments over the `finding` table that more than one module's repository needs (the findings list
// filters on the deadline in force, an audit's figures count by it), kept here so neither module reaches
// into the other (issue #16).

export const texts = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The deadline in force for the finding's status, as `currentDeadline` in src/domain/findings/overdue.ts. */
export const deadlineInForce = sql<string | null>`case
  when finding.status in (${texts(finishedFindingStatuses)}) then null
  when finding.status in (${texts(statusesBeforePlan)}) and finding.cap_due_on is not null then finding.cap_due_on
  when finding.status in (${texts(statusesBeforeEvidence)}) and finding.evidence_due_on is not null
    then finding.evidence_due_on
  else finding.close_by_on end`;

/** Which of the three deadlines that is: `cap`, `evidence` or `close` (null when none is in force). */
export const deadlineKindInForce = sql<string | null>`case
  when finding.status in (${texts(finishedFindingStatuses)}) then null
  when finding.status in (${texts(statusesBeforePlan)}) and finding.cap_due_on is not null then 'cap'
  when finding.status in (${texts(statusesBeforeEvidence)}) and finding.evidence_due_on is not null
    then 'evidence'
  else 'close' end`;
