import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { OtherControlInput } from '../../contracts/isms-soa.ts';
import type { SoaEntryTable } from '../../db/schema-isms.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { controlsById, entryState, presentEntry } from './soa.presenter.ts';
import * as repo from './soa.repository.ts';
import { loadDraft } from './soa.service.ts';

// Other necessary controls beside Annex A. ISO/IEC 27001:2022 6.1.3 b NOTE 1: "Organizations can design
// controls as required, or identify them from any source"; 6.1.3 c NOTE 2: Annex A is not exhaustive and
// additional controls can be included. The SoA lists them with their own id and title, in a draft only,
// each addition and removal in the SoA change log and the audit trail.

async function logChange(
  tx: ChangeContext,
  v: { id: string; number: number },
  controlId: string,
  changes: Record<string, { before: unknown; after: unknown }>,
  reason: string,
  action: 'soa.control.add' | 'soa.control.remove',
) {
  await repo.insertChange(tx.db, {
    id: randomUUID(),
    organisation_id: tx.organisation.id,
    version_id: v.id,
    control_id: controlId,
    changes_json: JSON.stringify(changes),
    reason,
    actor_label: tx.actor.label,
    at: tx.now().toISOString(),
  });
  await tx.audit({
    action,
    entityType: 'soa_version',
    entityId: v.id,
    data: { version: v.number, control: controlId, reason, changes },
  });
}

export async function addOtherControl(input: OtherControlInput & { number: number }, ctx: OrgContext) {
  authorize(ctx, 'soa.manage');
  const v = await loadDraft(ctx, input.number);
  const row = await inTransaction(ctx, async (tx) => {
    const rows = await repo.listEntries(tx.db, tx.organisation.id, v.id);
    if (rows.some((r) => r.control_id === input.controlId))
      throw new AppError('conflict', `SoA version ${v.number} already lists ${input.controlId}`, [
        { path: 'body/controlId', message: 'already listed in this version' },
      ]);
    const at = tx.now().toISOString();
    const entry: SoaEntryTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      version_id: v.id,
      control_id: input.controlId,
      title: input.title,
      applicable: 1,
      reasons_json: JSON.stringify([...new Set(input.reasons)]),
      justification: '',
      status: input.status,
      owner: input.owner,
      implementation: input.implementation,
      evidence_json: '[]',
      documents_json: '[]',
      updated_at: at,
    };
    await repo.insertEntries(tx.db, [entry]);
    const { reason: _r, number: _n, ...added } = input;
    await logChange(
      tx,
      v,
      input.controlId,
      { added: { before: null, after: added } },
      input.reason ?? '',
      'soa.control.add',
    );
    return entry;
  });
  const links = {
    risks: await repo.riskRefsByControl(ctx.db, ctx.organisation.id),
    findings: await repo.findingRefsByControl(ctx.db, ctx.organisation.id),
  };
  return presentEntry(entryState(row), links, row.title);
}

/** Removes another necessary control from a draft; Annex A lines stay (exclude them with a justification). */
export async function removeOtherControl(
  input: { number: number; controlId: string; reason?: string | undefined },
  ctx: OrgContext,
) {
  authorize(ctx, 'soa.manage');
  if (controlsById.has(input.controlId))
    throw new AppError(
      'conflict',
      `A.${input.controlId} is an Annex A control: every SoA lists all 93; exclude it with a justification instead`,
    );
  const v = await loadDraft(ctx, input.number);
  await inTransaction(ctx, async (tx) => {
    const row = (await repo.listEntries(tx.db, tx.organisation.id, v.id)).find(
      (r) => r.control_id === input.controlId,
    );
    if (!row) throw notFound(`control ${input.controlId} in SoA version ${v.number}`);
    await repo.deleteEntry(tx.db, tx.organisation.id, v.id, input.controlId);
    await logChange(
      tx,
      v,
      input.controlId,
      { removed: { before: { title: row.title, ...entryState(row) }, after: null } },
      input.reason ?? '',
      'soa.control.remove',
    );
  });
}
