import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import {
  type approveSoa,
  emptyScope,
  type IsmsScope,
  type SoaVersion,
  type soaComparison,
} from '../../contracts/isms-soa.ts';
import type { SoaEntryTable, SoaVersionTable } from '../../db/schema-isms.ts';
import { diffEntries } from '../../domain/isms/soa.ts';
import { approvalWarnings, type SoaWarning } from '../../domain/isms/soa-warnings.ts';
import { annexAControls } from '../../reference/catalogue.ts';
import { finishedFindingStatuses } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { ownTitles, presentEntry, presentSummary, sortedStates } from './soa.presenter.ts';
import * as repo from './soa.repository.ts';

// Versions of the Statement of Applicability (6.1.3 d): one draft at a time is edited, approved by a
// named person on a date and then read-only; the next version starts as a copy of the last approved one.

async function links(ctx: OrgContext) {
  return {
    risks: await repo.riskRefsByControl(ctx.db, ctx.organisation.id),
    findings: await repo.findingRefsByControl(ctx.db, ctx.organisation.id),
  };
}

export async function presentVersion(ctx: OrgContext, v: SoaVersionTable): Promise<SoaVersion> {
  const l = await links(ctx);
  const rows = await repo.listEntries(ctx.db, ctx.organisation.id, v.id);
  const titles = ownTitles(rows);
  const entries = sortedStates(rows).map((s) => presentEntry(s, l, titles.get(s.controlId)));
  const scope = { ...emptyScope, ...(JSON.parse(v.scope_json) as Partial<IsmsScope>) };
  return {
    ...presentSummary(v, entries),
    scope,
    entries,
    warnings:
      v.status === 'approved'
        ? (JSON.parse(v.approval_warnings_json ?? '[]') as SoaWarning[])
        : await warningsFor(ctx, entries, scope.statement),
  };
}

/** What approving now would warn about (6.1.3 d; scope 4.3 against the certificate and the audit). */
async function warningsFor(ctx: OrgContext, entries: SoaVersion['entries'], scopeStatement: string) {
  return approvalWarnings({
    entries,
    openNcsByControl: await repo.openNcRefsByControl(ctx.db, ctx.organisation.id, finishedFindingStatuses),
    scopeStatement,
    certificate: (await repo.currentCertificateScope(ctx.db, ctx.organisation.id)) ?? null,
    audit: (await repo.latestAuditScope(ctx.db, ctx.organisation.id)) ?? null,
  });
}

export async function listVersions(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'soa.read');
  const versions = await repo.listVersions(ctx.db, ctx.organisation.id);
  const out = [];
  for (const v of versions) {
    const { scope: _s, entries: _e, ...summary } = await presentVersion(ctx, v);
    out.push(summary);
  }
  return out;
}

export async function loadVersion(ctx: OrgContext, number: number) {
  const v = await repo.findVersion(ctx.db, ctx.organisation.id, number);
  if (!v) throw notFound(`SoA version ${number}`);
  return v;
}

export async function showVersion(input: { number?: number | undefined }, ctx: OrgContext) {
  authorize(ctx, 'soa.read');
  if (input.number === undefined) {
    const current = await repo.currentVersion(ctx.db, ctx.organisation.id);
    if (!current) throw notFound('Statement of Applicability (no version yet)');
    return presentVersion(ctx, current);
  }
  return presentVersion(ctx, await loadVersion(ctx, input.number));
}

/**
 * Starts a draft: a copy of the last approved version, or, for the first version, all 93 controls
 * applicable and not started (so every line is decided on purpose before approval).
 */
export async function createVersion(input: { changeNote: string }, ctx: OrgContext) {
  authorize(ctx, 'soa.manage');
  const number = await inTransaction(ctx, async (tx) => {
    const versions = await repo.listVersions(tx.db, tx.organisation.id);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft)
      throw new AppError(
        'conflict',
        `version ${draft.number} is still a draft: approve it before starting another`,
      );
    const base = versions.find((v) => v.status === 'approved');
    const at = tx.now().toISOString();
    const row: SoaVersionTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      number: (versions[0]?.number ?? 0) + 1,
      status: 'draft',
      scope_json: base?.scope_json ?? JSON.stringify(emptyScope),
      change_note: input.changeNote,
      based_on: base?.number ?? null,
      created_by: tx.actor.label,
      approved_by: null,
      approved_by_user_id: null,
      approved_on: null,
      approval_warnings_json: '[]',
      created_at: at,
      updated_at: at,
    };
    await repo.insertVersion(tx.db, row);
    const copied = base ? await repo.listEntries(tx.db, tx.organisation.id, base.id) : [];
    const entries: SoaEntryTable[] = base
      ? copied.map((e) => ({ ...e, id: randomUUID(), version_id: row.id, updated_at: at }))
      : annexAControls().map((c) => ({
          id: randomUUID(),
          organisation_id: tx.organisation.id,
          version_id: row.id,
          control_id: c.id,
          applicable: 1,
          reasons_json: '[]',
          justification: '',
          status: 'not_started',
          owner: '',
          implementation: '',
          evidence_json: '[]',
          documents_json: '[]',
          updated_at: at,
          title: '',
        }));
    await repo.insertEntries(tx.db, entries);
    await tx.audit({
      action: 'soa.version.create',
      entityType: 'soa_version',
      entityId: row.id,
      data: { number: row.number, basedOn: row.based_on, changeNote: input.changeNote },
    });
    return row.number;
  });
  return showVersion({ number }, ctx);
}

export async function loadDraft(ctx: OrgContext, number: number) {
  const v = await loadVersion(ctx, number);
  if (v.status !== 'draft')
    throw new AppError(
      'invalid_state',
      `SoA version ${number} is approved and read-only: start a new version to change it`,
    );
  return v;
}

/** Approval by the signed-in person; refused while an auditor would still find an issue in it. */
export async function approveVersion(
  input: z.infer<typeof approveSoa> & { number: number },
  ctx: OrgContext,
) {
  authorize(ctx, 'soa.approve');
  const before = await loadDraft(ctx, input.number);
  const shown = await presentVersion(ctx, before);
  const issues = shown.entries.flatMap((e) => e.issues);
  if (shown.scope.statement.trim() === '')
    issues.unshift({
      controlId: '',
      field: 'scope',
      message: 'the ISMS scope statement (clause 4.3) is empty',
    });
  if (issues.length > 0)
    throw new AppError(
      'invalid_state',
      `SoA version ${input.number} cannot be approved: ${issues.length} issue(s), first: ${issues[0]!.message}`,
      issues.map((i) => ({
        path: i.controlId ? `controls/${i.controlId}/${i.field}` : 'scope',
        message: i.message,
      })),
    );
  const today = ctx.now().toISOString().slice(0, 10);
  await inTransaction(ctx, async (tx) => {
    const patch = {
      status: 'approved',
      approved_by: tx.actor.label,
      approved_by_user_id: tx.actor.userId,
      approved_on: input.approvedOn ?? today,
      approval_warnings_json: JSON.stringify(shown.warnings),
      updated_at: tx.now().toISOString(),
    };
    await repo.updateVersion(tx.db, tx.organisation.id, before.id, patch);
    await tx.audit({
      action: 'soa.version.approve',
      entityType: 'soa_version',
      entityId: before.id,
      data: {
        number: input.number,
        approvedOn: patch.approved_on,
        note: input.note ?? '',
        warnings: shown.warnings.map((w) => w.message),
      },
    });
  });
  return showVersion({ number: input.number }, ctx);
}

/** What changed between two versions, and who changed it and why (the change log of the later ones). */
export async function compareVersions(
  input: { from: number; to: number },
  ctx: OrgContext,
): Promise<z.infer<typeof soaComparison>> {
  authorize(ctx, 'soa.read');
  const a = await loadVersion(ctx, input.from);
  const b = await loadVersion(ctx, input.to);
  const [ea, eb] = await Promise.all([
    repo.listEntries(ctx.db, ctx.organisation.id, a.id),
    repo.listEntries(ctx.db, ctx.organisation.id, b.id),
  ]);
  const changes: z.infer<typeof soaComparison>['changes'] = diffEntries(
    sortedStates(ea),
    sortedStates(eb),
  ).map((c) => ({ ...c, controlId: c.controlId }));
  if (a.scope_json !== b.scope_json)
    changes.unshift({
      controlId: null,
      field: 'scope',
      before: JSON.parse(a.scope_json),
      after: JSON.parse(b.scope_json),
    });
  const lo = Math.min(a.number, b.number);
  const hi = Math.max(a.number, b.number);
  const between = (await repo.listVersions(ctx.db, ctx.organisation.id)).filter(
    (v) => v.number > lo && v.number <= hi,
  );
  const log = (
    await repo.listChanges(
      ctx.db,
      ctx.organisation.id,
      between.map((v) => v.id),
    )
  ).map((r) => ({
    version: r.number,
    controlId: r.control_id,
    fields: Object.keys(JSON.parse(r.changes_json) as Record<string, unknown>),
    reason: r.reason,
    by: r.actor_label,
    at: r.at,
  }));
  return { from: a.number, to: b.number, changes, log };
}
