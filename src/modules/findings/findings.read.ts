// Read model of the findings module for other modules: a finding, a page of findings, its timeline and who
// implemented its actions. The repositories stay private; these are the published shapes.
import type { Db } from '../../db/connection.ts';
import type { OrgContext } from '../context.ts';
import * as events from './events.repository.ts';
import { presentFinding } from './findings.presenter.ts';
import * as repo from './findings.repository.ts';

export type { FindingFilter } from './findings.repository.ts';
export type FindingRecordRow = NonNullable<Awaited<ReturnType<typeof repo.findFinding>>>;
export type FindingEventRow = Awaited<ReturnType<typeof events.listEvents>>[number];
type ListArgs = Parameters<typeof repo.listFindings>;

/** A finding of the organisation, or undefined (another organisation's id reads as unknown). */
export function findFinding(
  db: Db,
  organisationId: string,
  findingId: string,
): Promise<FindingRecordRow | undefined> {
  return repo.findFinding(db, organisationId, findingId);
}

/** Findings matching a filter, in the order asked, a page at a time (all of them without a page). */
export function listFindingRows(
  db: Db,
  organisationId: string,
  filter: ListArgs[2],
  order: ListArgs[3],
  page?: ListArgs[4],
): Promise<{ rows: FindingRecordRow[]; total: number }> {
  return repo.listFindings(db, organisationId, filter, order, page);
}

/** Which of these references an audit already uses (an import refuses duplicates). */
export function existingRefs(db: Db, organisationId: string, auditId: string, refs: readonly string[]) {
  return repo.existingRefs(db, organisationId, auditId, refs);
}

/** A finding's timeline (transitions, edits, comments), oldest first. */
export function listEvents(db: Db, organisationId: string, findingId: string): Promise<FindingEventRow[]> {
  return events.listEvents(db, organisationId, findingId);
}

/** Whether an event belongs to this finding (a reply names the comment it answers). */
export async function hasEvent(db: Db, organisationId: string, findingId: string, eventId: string) {
  return (await events.findEvent(db, organisationId, findingId, eventId)) !== undefined;
}

/** Everyone who did the work on a finding: its verifier must be none of them (9.2.2). */
export function implementerIds(db: Db, organisationId: string, findingId: string): Promise<string[]> {
  return events.implementerIds(db, organisationId, findingId);
}

/**
 * One finding as the API presents it, without its escalation flags and effectiveness summary (what a
 * webhook payload may carry: its ids and changed fields, never those).
 */
export async function presentedFinding(ctx: OrgContext, findingId: string) {
  const row = await repo.findFinding(ctx.db, ctx.organisation.id, findingId);
  return row ? presentFinding(row, ctx.now().toISOString().slice(0, 10), []) : null;
}
