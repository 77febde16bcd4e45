import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type managementReview,
  type managementReviewInput,
  type managementReviewUpdate,
  reviewDecision,
  reviewInputSection,
} from '../../contracts/certification-reviews.ts';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { ManagementReviewTable } from '../../db/schema.ts';
import { gatherReviewInputs } from '../../domain/certification/review-inputs.ts';
import { objectiveLines } from '../../domain/isms/objectives.ts';
import type { ReportDocument } from '../../reports/model.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { contextOf } from '../isms-context/index.ts';
import { objectivesAsOf } from '../objectives/index.ts';
import { scoresForReview } from '../posture/index.ts';
import { risksInForce } from '../risks/index.ts';
import * as repo from './management-review.repository.ts';

type Review = z.infer<typeof managementReview>;

function present(r: ManagementReviewTable): Review {
  return {
    id: r.id,
    ref: r.ref,
    heldOn: r.held_on,
    chair: r.chair,
    attendees: r.attendees,
    inputs: reviewInputSection.array().parse(JSON.parse(r.inputs_json)),
    decisions: reviewDecision.array().parse(JSON.parse(r.decisions_json)),
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Clause 9.3.2 inputs from the records as they stand now; kept with the review as a snapshot. */
async function gather(ctx: OrgContext, heldOn: string) {
  const previous = await repo.previousReview(ctx.db, ctx.organisation.id, heldOn);
  const findings = await repo.findingsSnapshot(ctx.db, ctx.organisation.id);
  const audits = await repo.auditsSnapshot(ctx.db, ctx.organisation.id);
  const internal = await repo.internalResultsSnapshot(ctx.db, ctx.organisation.id);
  const context = await contextOf(ctx);
  const previousHeldOn = previous?.held_on ?? null;
  return gatherReviewInputs({
    heldOn,
    previousHeldOn,
    previousDecisions: previous ? reviewDecision.array().parse(JSON.parse(previous.decisions_json)) : null,
    findings: findings.map((f) => ({
      ref: f.ref,
      auditRef: f.audit_ref,
      grade: f.grade,
      status: f.status,
      closeByOn: f.close_by_on,
    })),
    audits: audits.map((a) => ({
      ref: a.ref,
      type: a.type,
      startsOn: a.starts_on,
      recommendation: a.recommendation,
    })),
    internalResults: internal.map((r) => ({ result: r.result ?? '', checkedOn: r.checked_on })),
    context,
    risks: await risksInForce(ctx),
    // Fulfilment of the information security objectives (6.2), as measured up to the day of the review.
    objectives: objectiveLines(await objectivesAsOf(ctx, heldOn), heldOn),
    scores: await scoresForReview(ctx, previousHeldOn),
  });
}

export async function createReview(input: z.infer<typeof managementReviewInput>, ctx: OrgContext) {
  authorize(ctx, 'management_review.manage');
  const id = await inTransaction(ctx, async (tx) => {
    if (await repo.findReviewByRef(tx.db, tx.organisation.id, input.ref))
      throw new AppError('conflict', `a management review ${input.ref} already exists`, [
        { path: 'body/ref', message: 'taken' },
      ]);
    const at = tx.now().toISOString();
    const row: ManagementReviewTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      ref: input.ref,
      held_on: input.heldOn,
      chair: input.chair,
      attendees: input.attendees,
      inputs_json: JSON.stringify(await gather(tx, input.heldOn)),
      decisions_json: '[]',
      notes: '',
      created_by: tx.actor.label,
      created_at: at,
      updated_at: at,
    };
    await repo.insertReview(tx.db, row);
    await tx.audit({
      action: 'management_review.create',
      entityType: 'management_review',
      entityId: row.id,
      data: input,
    });
    return row.id;
  });
  return showReview({ reviewId: id }, ctx);
}

export async function showReview(input: { reviewId: string }, ctx: OrgContext) {
  authorize(ctx, 'management_review.read');
  const r = await repo.findReview(ctx.db, ctx.organisation.id, input.reviewId);
  if (!r) throw notFound('management review');
  return present(r);
}

export async function listReviews(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'management_review.read');
  const { rows, total } = await repo.listReviews(ctx.db, ctx.organisation.id, input);
  return { items: rows.map(present), page: input.page, pageSize: input.pageSize, total };
}

/** Records decisions and actions (9.3.3) and notes; `refreshInputs` gathers the inputs again. */
export async function updateReview(
  input: z.infer<typeof managementReviewUpdate> & { reviewId: string; refreshInputs?: boolean },
  ctx: OrgContext,
) {
  authorize(ctx, 'management_review.manage');
  await inTransaction(ctx, async (tx) => {
    const r = await repo.findReview(tx.db, tx.organisation.id, input.reviewId);
    if (!r) throw notFound('management review');
    const patch: Partial<ManagementReviewTable> = { updated_at: tx.now().toISOString() };
    if (input.attendees !== undefined) patch.attendees = input.attendees;
    if (input.decisions !== undefined) patch.decisions_json = JSON.stringify(input.decisions);
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.refreshInputs) patch.inputs_json = JSON.stringify(await gather(tx, r.held_on));
    await repo.updateReview(tx.db, tx.organisation.id, r.id, patch);
    const { reviewId: _r, ...changes } = input;
    await tx.audit({
      action: 'management_review.update',
      entityType: 'management_review',
      entityId: r.id,
      data: { ref: r.ref, ...changes },
    });
  });
  return showReview(input, ctx);
}

/** The minutes: attendance, each input with its clause, decisions and actions, notes. */
export async function reviewMinutes(input: { reviewId: string }, ctx: OrgContext): Promise<ReportDocument> {
  authorize(ctx, 'management_review.read');
  const r = await showReview(input, ctx);
  const doc: ReportDocument = {
    title: `Management review ${r.ref} — minutes`,
    subtitle: 'ISO/IEC 27001:2022 clause 9.3',
    meta: {
      organisation: ctx.organisation.name,
      version: r.heldOn,
      generatedAt: ctx
        .now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
      generatedBy: ctx.actor.label,
    },
    blocks: [
      {
        kind: 'fields',
        items: [
          { label: 'Held on', value: r.heldOn },
          { label: 'Chair', value: r.chair },
          { label: 'Attendees', value: r.attendees || '—' },
        ],
      },
      { kind: 'heading', level: 2, text: 'Inputs (9.3.2)' },
    ],
  };
  for (const s of r.inputs) {
    doc.blocks.push({ kind: 'heading', level: 3, text: `${s.clause} — ${s.title}` });
    doc.blocks.push(
      s.lines.length ? { kind: 'list', items: s.lines } : { kind: 'paragraph', text: 'Nothing to report.' },
    );
  }
  doc.blocks.push({ kind: 'heading', level: 2, text: 'Decisions and actions (9.3.3)' });
  if (r.decisions.length === 0) doc.blocks.push({ kind: 'paragraph', text: 'No decision recorded.' });
  else
    doc.blocks.push({
      kind: 'table',
      columns: [
        { key: 'topic', header: 'Topic', width: 1.5 },
        { key: 'decision', header: 'Decision or action', width: 3 },
        { key: 'owner', header: 'Owner' },
        { key: 'dueOn', header: 'Due' },
      ],
      rows: r.decisions.map((d) => ({
        topic: d.topic,
        decision: d.decision,
        owner: d.owner,
        dueOn: d.dueOn,
      })),
    });
  if (r.notes)
    doc.blocks.push({ kind: 'heading', level: 2, text: 'Notes' }, { kind: 'paragraph', text: r.notes });
  return doc;
}
