import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { notFound } from '../../contracts/errors.ts';
import type { migration2013Input, SoaEntryUpdate, scopeUpdate } from '../../contracts/isms-soa.ts';
import type { SoaEntryTable } from '../../db/schema-isms.ts';
import { migrate2013 } from '../../domain/isms/migration-2013.ts';
import { diffEntries, type SoaEntryState } from '../../domain/isms/soa.ts';
import { annexAControls, mapping2013to2022 } from '../../reference/catalogue.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { entryState, presentEntry } from './soa.presenter.ts';
import * as repo from './soa.repository.ts';
import { loadDraft, showVersion } from './soa.service.ts';

// Edits of a draft SoA. Every change is written to the SoA change log (who, what, why) and to the
// organisation's hash-chained audit trail in the same transaction.

function toRow(s: SoaEntryState): Partial<SoaEntryTable> {
  return {
    applicable: s.applicable ? 1 : 0,
    reasons_json: JSON.stringify(s.reasons),
    justification: s.justification,
    status: s.status,
    owner: s.owner,
    implementation: s.implementation,
    evidence_json: JSON.stringify(s.evidence),
    documents_json: JSON.stringify(s.documents),
  };
}

async function writeEntry(
  tx: ChangeContext,
  versionId: string,
  number: number,
  before: SoaEntryState,
  after: SoaEntryState,
  reason: string,
) {
  const changes = diffEntries([before], [after]);
  if (changes.length === 0) return;
  const at = tx.now().toISOString();
  await repo.updateEntry(tx.db, tx.organisation.id, versionId, before.controlId, {
    ...toRow(after),
    updated_at: at,
  });
  const fields = Object.fromEntries(changes.map((c) => [c.field, { before: c.before, after: c.after }]));
  await repo.insertChange(tx.db, {
    id: randomUUID(),
    organisation_id: tx.organisation.id,
    version_id: versionId,
    control_id: before.controlId,
    changes_json: JSON.stringify(fields),
    reason,
    actor_label: tx.actor.label,
    at,
  });
  await tx.audit({
    action: 'soa.control.update',
    entityType: 'soa_version',
    entityId: versionId,
    data: { version: number, control: before.controlId, reason, changes: fields },
  });
}

export async function updateEntry(
  input: SoaEntryUpdate & { number: number; controlId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'soa.manage');
  const v = await loadDraft(ctx, input.number);
  await inTransaction(ctx, async (tx) => {
    const row = (await repo.listEntries(tx.db, tx.organisation.id, v.id)).find(
      (e) => e.control_id === input.controlId,
    );
    if (!row) throw notFound(`control ${input.controlId} in SoA version ${input.number}`);
    const before = entryState(row);
    const after: SoaEntryState = { ...before };
    if (input.applicable !== undefined) after.applicable = input.applicable;
    if (input.reasons !== undefined) after.reasons = [...new Set(input.reasons)];
    if (input.justification !== undefined) after.justification = input.justification;
    if (input.status !== undefined) after.status = input.status;
    if (input.owner !== undefined) after.owner = input.owner;
    if (input.implementation !== undefined) after.implementation = input.implementation;
    if (input.evidence !== undefined) after.evidence = input.evidence;
    if (input.documents !== undefined) after.documents = input.documents;
    await writeEntry(tx, v.id, v.number, before, after, input.reason ?? '');
  });
  const row = (await repo.listEntries(ctx.db, ctx.organisation.id, v.id)).find(
    (e) => e.control_id === input.controlId,
  )!;
  const risks = await repo.riskRefsByControl(ctx.db, ctx.organisation.id);
  const findings = await repo.findingRefsByControl(ctx.db, ctx.organisation.id);
  return presentEntry(entryState(row), { risks, findings }, row.title);
}

export async function updateScope(input: z.infer<typeof scopeUpdate> & { number: number }, ctx: OrgContext) {
  authorize(ctx, 'soa.manage');
  const v = await loadDraft(ctx, input.number);
  await inTransaction(ctx, async (tx) => {
    const at = tx.now().toISOString();
    const before = JSON.parse(v.scope_json) as unknown;
    await repo.updateVersion(tx.db, tx.organisation.id, v.id, {
      scope_json: JSON.stringify(input.scope),
      updated_at: at,
    });
    await repo.insertChange(tx.db, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      version_id: v.id,
      control_id: null,
      changes_json: JSON.stringify({ scope: { before, after: input.scope } }),
      reason: input.reason ?? '',
      actor_label: tx.actor.label,
      at,
    });
    await tx.audit({
      action: 'soa.scope.update',
      entityType: 'soa_version',
      entityId: v.id,
      data: { version: v.number, reason: input.reason ?? '', scope: input.scope },
    });
  });
  return (await showVersion({ number: input.number }, ctx)).scope;
}

/**
 * Proposes 2022 SoA lines from a 2013 SoA (ISO/IEC 27002:2022 Annex B); with `apply`, writes them into
 * the draft, one logged change per control, reason "migrated from the 2013 SoA".
 */
export async function migrateFrom2013(
  input: z.infer<typeof migration2013Input> & { number: number },
  ctx: OrgContext,
) {
  authorize(ctx, 'soa.manage');
  const result = migrate2013(
    annexAControls(),
    mapping2013to2022(),
    input.entries.map((e) => ({
      id: e.id,
      applicable: e.applicable,
      status: e.status ?? (e.applicable ? 'implemented' : 'not_started'),
      justification: e.justification ?? '',
      implementation: e.implementation ?? '',
    })),
  );
  if (!input.apply) return { applied: false, ...result };
  const v = await loadDraft(ctx, input.number);
  const given = new Set(input.entries.map((e) => e.id));
  await inTransaction(ctx, async (tx) => {
    const rows = await repo.listEntries(tx.db, tx.organisation.id, v.id);
    for (const p of result.proposals) {
      const row = rows.find((r) => r.control_id === p.controlId);
      if (!row || p.from.length === 0 || p.review?.startsWith('no 2013')) continue;
      const before = entryState(row);
      const after: SoaEntryState = {
        ...before,
        applicable: p.applicable,
        status: p.status,
        justification: p.justification || before.justification,
        implementation: p.implementation || before.implementation,
      };
      await writeEntry(
        tx,
        v.id,
        v.number,
        before,
        after,
        `migrated from the 2013 SoA (${p.from.filter((id) => given.has(id)).join(', ')})`,
      );
    }
  });
  return { applied: true, ...result };
}
