import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  amendmentInput,
  correctiveActionInput,
  correctiveActionUpdate,
  recordUpdate,
} from '../../contracts/corrective-actions.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import { isNonconformity } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { findFinding, recordFindingEvent } from '../findings/index.ts';
import { assignableOwner } from '../members/index.ts';
import { presentAction, presentAmendment } from './corrective-actions.presenter.ts';
import * as repo from './corrective-actions.repository.ts';

// Once verified internally, the record is what the certification body reviews: it changes only after a
// transition sends it back (clause 10.2 and 9.2: verify, then submit).
const LOCKED = new Set(['verified_internally', 'closed']);

async function editableFinding(tx: ChangeContext, findingId: string) {
  const finding = await findFinding(tx.db, tx.organisation.id, findingId);
  if (!finding) throw notFound('finding');
  if (!isNonconformity(finding.grade)) {
    throw new AppError(
      'invalid_state',
      'only nonconformities (major or minor) have a corrective action record',
    );
  }
  if (LOCKED.has(finding.status)) {
    throw new AppError(
      'invalid_state',
      `the record is ${finding.status.replace('_', ' ')}; send it back before editing`,
    );
  }
  return finding;
}

async function ownerId(tx: OrgContext, email: string | null | undefined, path: string) {
  if (!email) return null;
  return (await assignableOwner(tx.db, tx.organisation.id, email, path)).id;
}

/** An edit of the record, in the finding's timeline. */
export async function noteEdit(
  tx: ChangeContext,
  findingId: string,
  what: string,
  details: Record<string, unknown>,
) {
  await recordFindingEvent(tx, {
    id: randomUUID(),
    organisation_id: tx.organisation.id,
    finding_id: findingId,
    kind: 'edit',
    action: what,
    from_status: null,
    to_status: null,
    actor_id: tx.actor.userId,
    actor_label: tx.actor.label,
    body: '',
    details_json: JSON.stringify(details),
    parent_id: null,
    at: tx.now().toISOString(),
  });
}

/**
 * Sets fields of a finding's record inside another use-case's transaction (the workflow's verification and
 * decision, the reopening after an ineffective review). The caller has authorised the change and writes the
 * audit entry; the transaction context scopes the write to its organisation.
 */
export async function saveRecordFields(
  tx: ChangeContext,
  findingId: string,
  fields: Omit<repo.RecordPatch, 'updated_at'>,
) {
  await repo.upsertRecord(tx.db, tx.organisation.id, findingId, {
    ...fields,
    updated_at: tx.now().toISOString(),
  });
}

export async function updateRecord(
  input: z.infer<typeof recordUpdate> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.work', { findingId: input.findingId });
  return inTransaction(ctx, async (tx) => {
    const finding = await editableFinding(tx, input.findingId);
    const patch: repo.RecordPatch = { updated_at: tx.now().toISOString() };
    if (input.correction) patch.correction_json = JSON.stringify(input.correction);
    if (input.rootCause) patch.root_cause_json = JSON.stringify(input.rootCause);
    if (input.expectedEffect !== undefined) patch.expected_effect = input.expectedEffect;
    if (input.effectiveness) patch.effectiveness_json = JSON.stringify(input.effectiveness);
    await repo.upsertRecord(tx.db, tx.organisation.id, finding.id, patch);
    const parts = Object.keys(input).filter((k) => k !== 'findingId');
    await noteEdit(tx, finding.id, 'record.update', { parts });
    await tx.audit({
      action: 'corrective_action_record.update',
      entityType: 'finding',
      entityId: finding.id,
      data: { ref: finding.ref, ...input },
    });
  });
}

export async function addAction(
  input: z.infer<typeof correctiveActionInput> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.work', { findingId: input.findingId });
  return inTransaction(ctx, async (tx) => {
    const finding = await editableFinding(tx, input.findingId);
    const at = tx.now().toISOString();
    const id = randomUUID();
    await repo.insertAction(tx.db, {
      id,
      organisation_id: tx.organisation.id,
      finding_id: finding.id,
      title: input.title,
      description: input.description,
      owner_user_id: await ownerId(tx, input.ownerEmail, 'body/ownerEmail'),
      due_on: input.dueOn,
      status: 'open',
      effort_days: input.effortDays,
      earliest_start_on: null,
      serves: 'evidence',
      completed_by: null,
      completed_at: null,
      created_at: at,
      updated_at: at,
    });
    await noteEdit(tx, finding.id, 'action.add', { title: input.title });
    await tx.audit({
      action: 'corrective_action.create',
      entityType: 'corrective_action',
      entityId: id,
      data: { finding: finding.ref, ...input },
    });
    const row = await repo.findAction(tx.db, tx.organisation.id, finding.id, id);
    return presentAction(row!, at.slice(0, 10));
  });
}

export async function updateAction(
  input: z.infer<typeof correctiveActionUpdate> & { findingId: string; actionId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.work', { findingId: input.findingId });
  return inTransaction(ctx, async (tx) => {
    const finding = await editableFinding(tx, input.findingId);
    const before = await repo.findAction(tx.db, tx.organisation.id, finding.id, input.actionId);
    if (!before) throw notFound('corrective action');
    const at = tx.now().toISOString();
    const patch: Parameters<typeof repo.updateAction>[3] = { updated_at: at };
    if (input.title !== undefined) patch.title = input.title;
    if (input.description !== undefined) patch.description = input.description;
    if (input.ownerEmail !== undefined)
      patch.owner_user_id = await ownerId(tx, input.ownerEmail, 'body/ownerEmail');
    if (input.dueOn !== undefined) patch.due_on = input.dueOn;
    if (input.effortDays !== undefined) patch.effort_days = input.effortDays;
    if (input.earliestStart !== undefined) patch.earliest_start_on = input.earliestStart;
    if (input.serves !== undefined) patch.serves = input.serves;
    if (input.status !== undefined && input.status !== before.status) {
      patch.status = input.status;
      // Who completed an action matters: that person may not verify the finding (independence, 9.2).
      patch.completed_by = input.status === 'done' ? tx.actor.userId : null;
      patch.completed_at = input.status === 'done' ? at : null;
    }
    await repo.updateAction(tx.db, tx.organisation.id, before.id, patch);
    await noteEdit(tx, finding.id, 'action.update', { title: before.title, ...input });
    await tx.audit({
      action: 'corrective_action.update',
      entityType: 'corrective_action',
      entityId: before.id,
      data: { finding: finding.ref, ...input },
    });
    const row = await repo.findAction(tx.db, tx.organisation.id, finding.id, before.id);
    return presentAction(row!, at.slice(0, 10));
  });
}

export async function removeAction(input: { findingId: string; actionId: string }, ctx: OrgContext) {
  authorize(ctx, 'finding.work', { findingId: input.findingId });
  await inTransaction(ctx, async (tx) => {
    const finding = await editableFinding(tx, input.findingId);
    const before = await repo.findAction(tx.db, tx.organisation.id, finding.id, input.actionId);
    if (!before) throw notFound('corrective action');
    await repo.deleteAction(tx.db, tx.organisation.id, before.id);
    await noteEdit(tx, finding.id, 'action.remove', { title: before.title });
    await tx.audit({
      action: 'corrective_action.delete',
      entityType: 'corrective_action',
      entityId: before.id,
      data: { finding: finding.ref, title: before.title },
    });
  });
}

export async function addAmendment(
  input: z.infer<typeof amendmentInput> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.work', { findingId: input.findingId });
  return inTransaction(ctx, async (tx) => {
    const finding = await editableFinding(tx, input.findingId);
    const row = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      finding_id: finding.id,
      kind: input.kind,
      reference: input.reference,
      description: input.description,
      created_at: tx.now().toISOString(),
    };
    await repo.insertAmendment(tx.db, row);
    await noteEdit(tx, finding.id, 'amendment.add', { kind: input.kind, reference: input.reference });
    await tx.audit({
      action: 'isms_amendment.create',
      entityType: 'isms_amendment',
      entityId: row.id,
      data: { finding: finding.ref, ...input },
    });
    return presentAmendment(row);
  });
}

export async function removeAmendment(input: { findingId: string; amendmentId: string }, ctx: OrgContext) {
  authorize(ctx, 'finding.work', { findingId: input.findingId });
  await inTransaction(ctx, async (tx) => {
    const finding = await editableFinding(tx, input.findingId);
    if (!(await repo.deleteAmendment(tx.db, tx.organisation.id, finding.id, input.amendmentId)))
      throw notFound('amendment');
    await noteEdit(tx, finding.id, 'amendment.remove', { id: input.amendmentId });
    await tx.audit({
      action: 'isms_amendment.delete',
      entityType: 'isms_amendment',
      entityId: input.amendmentId,
      data: { finding: finding.ref },
    });
  });
}
