import { notFound } from '../../contracts/errors.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import type { FileContent } from '../../storage/file-content.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { acceptUpload } from '../evidence/index.ts';
import * as repo from './certificates.repository.ts';
import { showCertificate } from './certificates.service.ts';

type FileCtx = OrgContext & { store: ContentStore; maxBytes: number };

// The certificate document itself (clause 7.5.3: controlled documented information): kept in the same
// content-addressed store as evidence, so its SHA-256 identifies the exact copy on record.
const ACCEPTED = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export async function attachCertificateFile(
  input: { certificateId: string; fileName: string; content: FileContent },
  ctx: FileCtx,
) {
  authorize(ctx, 'certificate.manage');
  const { fileName, mediaType } = acceptUpload(input, ctx.maxBytes, {
    mediaTypes: ACCEPTED,
    refusal: 'a certificate is a PDF, PNG or JPEG file',
  });
  const c = await repo.findCertificate(ctx.db, ctx.organisation.id, input.certificateId);
  if (!c) throw notFound('certificate');
  const stored = await ctx.store.putStream(input.content.open());
  await inTransaction(ctx, async (tx) => {
    await repo.updateCertificate(tx.db, tx.organisation.id, c.id, {
      file_name: fileName,
      file_media_type: mediaType,
      file_size_bytes: stored.size,
      file_sha256: stored.sha256,
      updated_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'certificate.attach_file',
      entityType: 'certificate',
      entityId: c.id,
      data: { number: c.number, fileName, sha256: stored.sha256, size: stored.size },
    });
  });
  return showCertificate(input, ctx);
}

export async function readCertificateFile(
  input: { certificateId: string },
  ctx: OrgContext & { store: ContentStore },
) {
  authorize(ctx, 'certificate.read');
  const c = await repo.findCertificate(ctx.db, ctx.organisation.id, input.certificateId);
  if (!c?.file_sha256 || !c.file_name) throw notFound('certificate file');
  return {
    fileName: c.file_name,
    mediaType: c.file_media_type ?? 'application/octet-stream',
    sha256: c.file_sha256,
    bytes: await ctx.store.get(c.file_sha256),
  };
}
