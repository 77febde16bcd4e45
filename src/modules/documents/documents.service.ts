import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, invalid, notFound } from '../../contracts/errors.ts';
import type { documentInput, documentUpdate, IsmsDocument } from '../../contracts/isms-documents.ts';
import type { IsmsDocumentTable } from '../../db/schema-isms.ts';
import {
  type DocumentState,
  documentState,
  dueForReminder,
  mandatoryDocuments,
  readiness,
} from '../../domain/isms/documents.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { objectivesAsOf } from '../objectives/index.ts';
import * as repo from './documents.repository.ts';

// The register of documented information (7.5): each mandatory item of ISO/IEC 27001:2022 maps to the
// documents that satisfy it; owners are reminded by email before a review falls due.

const requirements = new Map(mandatoryDocuments.map((m) => [m.key, m]));
const today = (ctx: OrgContext) => ctx.now().toISOString().slice(0, 10);

const asRegistered = (r: IsmsDocumentTable) => ({
  ref: r.ref,
  title: r.title,
  requirementKey: r.requirement_key,
  approvedOn: r.approved_on,
  nextReviewOn: r.next_review_on,
});

export function presentDocument(r: IsmsDocumentTable, day: string): IsmsDocument {
  const req = r.requirement_key ? requirements.get(r.requirement_key) : undefined;
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    requirementKey: r.requirement_key,
    requirement: req ? `${req.clause} ${req.title}` : null,
    owner: r.owner,
    ownerEmail: r.owner_email,
    version: r.version,
    location: r.location,
    approvedBy: r.approved_by,
    approvedOn: r.approved_on,
    nextReviewOn: r.next_review_on,
    lastRemindedOn: r.last_reminded_on,
    state: documentState(asRegistered(r), day),
    updatedAt: r.updated_at,
  };
}

function checkKey(key: string | null | undefined) {
  if (key && !requirements.has(key))
    throw invalid(`unknown mandatory item ${key}`, [
      { path: 'body/requirementKey', message: `one of ${[...requirements.keys()].join(', ')}` },
    ]);
}

export async function listDocuments(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'document.read');
  const { rows, total } = await repo.pageDocuments(ctx.db, ctx.organisation.id, input);
  return {
    items: rows.map((r) => presentDocument(r, today(ctx))),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

export async function showDocument(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'document.read');
  const r = await repo.findDocumentByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!r) throw notFound(`document ${input.ref}`);
  return presentDocument(r, today(ctx));
}

export async function createDocument(input: z.infer<typeof documentInput>, ctx: OrgContext) {
  authorize(ctx, 'document.manage');
  checkKey(input.requirementKey);
  await inTransaction(ctx, async (tx) => {
    if (await repo.findDocumentByRef(tx.db, tx.organisation.id, input.ref))
      throw new AppError('conflict', `a document ${input.ref} already exists`, [
        { path: 'body/ref', message: 'taken' },
      ]);
    const at = tx.now().toISOString();
    const row: IsmsDocumentTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      ref: input.ref,
      title: input.title,
      requirement_key: input.requirementKey,
      owner: input.owner,
      owner_email: input.ownerEmail,
      version: input.version,
      location: input.location,
      approved_by: input.approvedBy,
      approved_on: input.approvedOn,
      next_review_on: input.nextReviewOn,
      last_reminded_on: null,
      created_at: at,
      updated_at: at,
    };
    await repo.insertDocument(tx.db, row);
    await tx.audit({ action: 'document.create', entityType: 'isms_document', entityId: row.id, data: input });
  });
  return showDocument({ ref: input.ref }, ctx);
}

export async function updateDocument(
  input: z.infer<typeof documentUpdate> & { ref: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'document.manage');
  checkKey(input.requirementKey);
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findDocumentByRef(tx.db, tx.organisation.id, input.ref);
    if (!before) throw notFound(`document ${input.ref}`);
    const patch: Partial<IsmsDocumentTable> = { updated_at: tx.now().toISOString() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.requirementKey !== undefined) patch.requirement_key = input.requirementKey;
    if (input.owner !== undefined) patch.owner = input.owner;
    if (input.ownerEmail !== undefined) patch.owner_email = input.ownerEmail;
    if (input.version !== undefined) patch.version = input.version;
    if (input.location !== undefined) patch.location = input.location;
    if (input.approvedBy !== undefined) patch.approved_by = input.approvedBy;
    if (input.approvedOn !== undefined) patch.approved_on = input.approvedOn;
    if (input.nextReviewOn !== undefined) {
      patch.next_review_on = input.nextReviewOn;
      patch.last_reminded_on = null; // a new review date earns a new reminder
    }
    await repo.updateDocument(tx.db, tx.organisation.id, before.id, patch);
    const { ref: _r, ...changes } = input;
    await tx.audit({
      action: 'document.update',
      entityType: 'isms_document',
      entityId: before.id,
      data: { ref: before.ref, ...changes },
    });
  });
  return showDocument({ ref: input.ref }, ctx);
}

/** What an auditor checks first: every mandatory item has an approved document whose review is in date. */
export async function documentReadiness(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'document.read');
  const rows = await repo.listDocuments(ctx.db, ctx.organisation.id);
  // 6.2: the objectives register is the documented information on the objectives; a withdrawn one is not.
  const objectives = (await objectivesAsOf(ctx, today(ctx))).filter((o) => o.status !== 'withdrawn');
  const kept = { objectives: objectives.map((o) => ({ ref: o.ref, title: `Objective: ${o.title}` })) };
  const items = readiness(rows.map(asRegistered), today(ctx), kept).map((i) => ({
    key: i.requirement.key,
    clause: i.requirement.clause,
    title: i.requirement.title,
    kind: i.requirement.kind,
    state: i.state,
    documents: i.documents,
  }));
  const counts = { ok: 0, missing: 0, unapproved: 0, review_overdue: 0, review_due: 0 } as Record<
    DocumentState,
    number
  >;
  for (const i of items) counts[i.state] += 1;
  return { items, counts };
}

/**
 * Emails each document owner whose review is due within `days` (or overdue), once a day at most, so it
 * can run from cron (`closeloop documents remind`) as well as from the register page.
 */
export async function sendReviewReminders(input: { days?: number | undefined }, ctx: OrgContext) {
  authorize(ctx, ['document.manage', 'reminder.send']);
  const day = today(ctx);
  const rows = await repo.listDocuments(ctx.db, ctx.organisation.id);
  const registered = rows.map((r) => ({ ...asRegistered(r), lastRemindedOn: r.last_reminded_on }));
  const due = dueForReminder(registered, day, input.days ?? 14);
  const sent: { ref: string; to: string; nextReviewOn: string }[] = [];
  // A document shown due or overdue whose owner was already reminded today is named, not left out: the
  // answer must agree with the register (issue #19).
  const skipped: { ref: string; why: string }[] = dueForReminder(
    registered.map((d) => ({ ...d, lastRemindedOn: null })),
    day,
    input.days ?? 14,
  )
    .filter((d) => !due.some((x) => x.ref === d.ref))
    .map((d) => ({ ref: d.ref, why: 'owner already reminded today (one reminder a day)' }));
  for (const d of due) {
    const row = rows.find((r) => r.ref === d.ref)!;
    if (!row.owner_email) {
      skipped.push({ ref: d.ref, why: 'no owner email' });
      continue;
    }
    const overdue = d.nextReviewOn! < day;
    await ctx.env.mailer.send({
      to: row.owner_email,
      organisationId: ctx.organisation.id,
      subject: `[${ctx.organisation.name}] Review ${overdue ? 'overdue' : 'due'}: ${row.ref} ${row.title}`,
      text: [
        `Hello ${row.owner || ''},`.trim(),
        '',
        `The document ${row.ref} "${row.title}" (version ${row.version || 'unversioned'}) is due for review on ${d.nextReviewOn}${overdue ? ', which has passed' : ''}.`,
        'ISO/IEC 27001:2022 clause 7.5.2 expects documented information to be reviewed and approved for suitability and adequacy.',
        '',
        `Document register: ${ctx.env.publicUrl}/o/${ctx.organisation.slug}/documents`,
      ].join('\n'),
    });
    await inTransaction(ctx, async (tx) => {
      await repo.updateDocument(tx.db, tx.organisation.id, row.id, { last_reminded_on: day });
      await tx.audit({
        action: 'document.review_reminder',
        entityType: 'isms_document',
        entityId: row.id,
        data: { ref: row.ref, to: row.owner_email, nextReviewOn: d.nextReviewOn },
      });
    });
    sent.push({ ref: row.ref, to: row.owner_email, nextReviewOn: d.nextReviewOn! });
  }
  return { sent, skipped };
}
