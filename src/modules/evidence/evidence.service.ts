import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { evidenceFile } from '../../contracts/corrective-actions.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { EvidenceFileTable } from '../../db/schema.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import type { FileContent } from '../../storage/file-content.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { actionOf } from '../corrective-actions/index.ts';
import { findFinding, recordFindingEvent } from '../findings/index.ts';
import { acceptUpload } from './accept-upload.ts';
import * as repo from './evidence.repository.ts';

export const presentEvidence = (r: EvidenceFileTable): z.infer<typeof evidenceFile> => ({
  id: r.id,
  attachedTo: r.attached_to as 'finding',
  attachedId: r.attached_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  description: r.description,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

export interface EvidenceUpload {
  findingId: string;
  attachedTo: 'finding' | 'correction' | 'action' | 'review';
  attachedId: string | null;
  fileName: string;
  description: string;
  content: FileContent;
}

/**
 * Attaches a file to a finding's record (clause 7.5.3 control of documented information: who, when,
 * and a SHA-256 that the Evidence of Correction report repeats). Type is decided from the bytes.
 */
export async function attachEvidence(
  input: EvidenceUpload,
  ctx: OrgContext & { store: ContentStore; maxBytes: number },
) {
  authorize(ctx, 'evidence.attach', { findingId: input.findingId });
  const { fileName, mediaType } = acceptUpload(input, ctx.maxBytes);
  const finding = await findFinding(ctx.db, ctx.organisation.id, input.findingId);
  if (!finding) throw notFound('finding');
  // A closed finding still takes the evidence of its review of effectiveness (10.2 d), nothing else.
  if (finding.status === 'closed' && input.attachedTo !== 'review')
    throw new AppError('invalid_state', 'the finding is closed; evidence can no longer change');
  if (input.attachedTo === 'action') {
    if (!input.attachedId || !(await actionOf(ctx.db, ctx.organisation.id, finding.id, input.attachedId)))
      throw notFound('corrective action');
  }
  const stored = await ctx.store.putStream(input.content.open());
  const at = ctx.now().toISOString();
  const row: EvidenceFileTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    finding_id: finding.id,
    attached_to: input.attachedTo,
    attached_id: input.attachedTo === 'action' ? input.attachedId : null,
    file_name: fileName,
    media_type: mediaType,
    size_bytes: stored.size,
    sha256: stored.sha256,
    description: input.description.slice(0, 2000),
    uploaded_by: ctx.actor.label,
    uploaded_at: at,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertEvidence(tx.db, row);
    await recordFindingEvent(tx, {
      id: randomUUID(),
      organisation_id: ctx.organisation.id,
      finding_id: finding.id,
      kind: 'evidence',
      action: null,
      from_status: null,
      to_status: null,
      actor_id: ctx.actor.userId,
      actor_label: ctx.actor.label,
      body: fileName,
      details_json: JSON.stringify({ sha256: stored.sha256, attachedTo: input.attachedTo }),
      parent_id: null,
      at,
    });
    await tx.audit({
      action: 'evidence.attach',
      entityType: 'evidence_file',
      entityId: row.id,
      data: {
        finding: finding.ref,
        findingId: finding.id,
        fileName,
        sha256: stored.sha256,
        size: stored.size,
        attachedTo: input.attachedTo,
      },
    });
  });
  return presentEvidence(row);
}

export async function readEvidence(
  input: { findingId: string; evidenceId: string },
  ctx: OrgContext & { store: ContentStore },
) {
  authorize(ctx, 'finding.read', { findingId: input.findingId });
  const row = await repo.findEvidence(ctx.db, ctx.organisation.id, input.findingId, input.evidenceId);
  if (!row) throw notFound('evidence file');
  // Streamed and checked against the hash as it goes: a 25 MB file never sits whole in memory.
  return { file: presentEvidence(row), content: ctx.store.stream(row.sha256) };
}
