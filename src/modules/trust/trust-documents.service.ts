import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../contracts/errors.ts';
import { statusLabels } from '../../contracts/isms-soa.ts';
import type { generatedDocumentInput, trustDocument, trustDocumentUpdate } from '../../contracts/trust.ts';
import type { TrustDocumentTable } from '../../db/schema.ts';
import { safeFileName } from '../../domain/files/sniff.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import type { FileContent } from '../../storage/file-content.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { acceptUpload } from '../evidence/index.ts';
import { currentStatement } from '../soa/index.ts';
import * as repo from './trust.repository.ts';
import { canStamp } from './watermark.ts';

// Documents of the trust page: uploads kept in the content-addressed evidence store, and the SoA
// summary rendered from the current approved SoA at download time (so it never goes stale).

type Doc = z.infer<typeof trustDocument>;
type StoreCtx = OrgContext & { store: ContentStore; maxBytes: number };

export const presentDocument = (r: TrustDocumentTable): Doc => ({
  id: r.id,
  title: r.title,
  description: r.description,
  category: r.category as Doc['category'],
  accessLevel: r.access_level as Doc['accessLevel'],
  source: r.source as Doc['source'],
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  sha256: r.sha256,
  position: Number(r.position),
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

export async function listDocuments(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  return { items: (await repo.listDocuments(ctx.db, ctx.organisation.id)).map(presentDocument) };
}

/** nda and request downloads are watermarked: only a PDF pdf-lib can open may carry those levels. */
async function assertLevelFits(
  level: string,
  row: Pick<TrustDocumentTable, 'source' | 'sha256' | 'media_type'>,
  store: ContentStore,
) {
  if (level !== 'nda' && level !== 'request') return;
  if (row.source === 'soa_summary') return;
  const ok =
    row.media_type === 'application/pdf' &&
    row.sha256 !== null &&
    (await canStamp(await store.get(row.sha256)));
  if (!ok)
    throw new AppError(
      'validation_failed',
      'nda and request documents are served watermarked: upload an unencrypted PDF',
      [{ path: 'accessLevel', message: 'needs a PDF that can be watermarked' }],
    );
}

export async function uploadDocument(
  input: {
    title: string;
    description: string;
    category: string;
    accessLevel: string;
    fileName: string;
    content: FileContent;
  },
  ctx: StoreCtx,
) {
  authorize(ctx, 'trust.manage');
  const { fileName, mediaType } = acceptUpload(input, ctx.maxBytes);
  const stored = await ctx.store.putStream(input.content.open());
  const at = ctx.now().toISOString();
  const existing = await repo.listDocuments(ctx.db, ctx.organisation.id);
  const row: TrustDocumentTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    title: input.title,
    description: input.description,
    category: input.category,
    access_level: input.accessLevel,
    source: 'upload',
    file_name: fileName,
    media_type: mediaType,
    size_bytes: stored.size,
    sha256: stored.sha256,
    position: existing.length,
    created_by: ctx.actor.label,
    created_at: at,
    updated_at: at,
  };
  await assertLevelFits(row.access_level, row, ctx.store);
  await inTransaction(ctx, async (tx) => {
    await repo.insertDocument(tx.db, row);
    await tx.audit({
      action: 'trust_document.upload',
      entityType: 'trust_document',
      entityId: row.id,
      data: { title: row.title, accessLevel: row.access_level, fileName, sha256: stored.sha256 },
    });
  });
  return presentDocument(row);
}

export async function addGeneratedDocument(input: z.infer<typeof generatedDocumentInput>, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  const at = ctx.now().toISOString();
  const existing = await repo.listDocuments(ctx.db, ctx.organisation.id);
  const row: TrustDocumentTable = {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    title: input.title,
    description: input.description,
    category: 'soa',
    access_level: input.accessLevel,
    source: input.source,
    file_name: null,
    media_type: 'application/pdf',
    size_bytes: null,
    sha256: null,
    position: existing.length,
    created_by: ctx.actor.label,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertDocument(tx.db, row);
    await tx.audit({
      action: 'trust_document.add_generated',
      entityType: 'trust_document',
      entityId: row.id,
      data: { title: row.title, accessLevel: row.access_level, source: row.source },
    });
  });
  return presentDocument(row);
}

export async function updateDocument(
  input: { documentId: string } & z.infer<typeof trustDocumentUpdate>,
  ctx: OrgContext & { store: ContentStore },
) {
  authorize(ctx, 'trust.manage');
  const row = await repo.findDocument(ctx.db, ctx.organisation.id, input.documentId);
  if (!row) throw notFound('trust document');
  if (input.accessLevel) await assertLevelFits(input.accessLevel, row, ctx.store);
  const patch: Partial<TrustDocumentTable> = { updated_at: ctx.now().toISOString() };
  if (input.title !== undefined) patch.title = input.title;
  if (input.description !== undefined) patch.description = input.description;
  if (input.category !== undefined) patch.category = input.category;
  if (input.accessLevel !== undefined) patch.access_level = input.accessLevel;
  if (input.position !== undefined) patch.position = input.position;
  await inTransaction(ctx, async (tx) => {
    await repo.updateDocument(tx.db, tx.organisation.id, row.id, patch);
    await tx.audit({
      action: 'trust_document.update',
      entityType: 'trust_document',
      entityId: row.id,
      data: {
        title: patch.title ?? row.title,
        from: row.access_level,
        to: patch.access_level ?? row.access_level,
      },
    });
  });
  return presentDocument({ ...row, ...patch });
}

export async function removeDocument(input: { documentId: string }, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findDocument(tx.db, tx.organisation.id, input.documentId);
    if (!row || !(await repo.deleteDocument(tx.db, tx.organisation.id, row.id)))
      throw notFound('trust document');
    await tx.audit({
      action: 'trust_document.remove',
      entityType: 'trust_document',
      entityId: row.id,
      data: { title: row.title },
    });
  });
}

/** The SoA summary for outsiders: control, title, applicability and status; never owners or evidence. */
async function soaSummaryPdf(ctx: OrgContext): Promise<Buffer> {
  const v = await currentStatement(ctx);
  if (v?.status !== 'approved') throw notFound('approved Statement of Applicability');
  const { renderPdf } = await import('../../reports/pdf.ts');
  const c = v.counts;
  return renderPdf({
    title: 'Statement of Applicability — summary',
    subtitle: 'ISO/IEC 27001:2022 clause 6.1.3 d — Annex A controls',
    meta: {
      organisation: ctx.organisation.name,
      version: String(v.number),
      approvedOn: v.approvedOn ?? '',
      generatedAt: ctx
        .now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
    },
    blocks: [
      {
        kind: 'paragraph',
        text: `${c.controls} Annex A controls: ${c.applicable} applicable (${c.implemented} implemented), ${c.excluded} excluded.`,
      },
      {
        kind: 'table',
        caption: 'Annex A controls',
        columns: [
          { key: 'id', header: 'Control', width: 1 },
          { key: 'title', header: 'Title', width: 4 },
          { key: 'applicable', header: 'Applicable', width: 1 },
          { key: 'status', header: 'Status', width: 2 },
        ],
        rows: v.entries.map((e) => ({
          id: `A.${e.controlId}`,
          title: e.title,
          applicable: e.applicable,
          status: e.applicable ? statusLabels[e.status] : 'Excluded',
        })),
      },
    ],
  });
}

/** Bytes and file facts of a document, for the download route after the access decision. */
export async function documentContent(row: TrustDocumentTable, reader: OrgContext & { store: ContentStore }) {
  if (row.source === 'soa_summary')
    return {
      fileName: `${safeFileName(row.title)}.pdf`,
      mediaType: 'application/pdf',
      bytes: await soaSummaryPdf(reader),
    };
  if (!row.sha256) throw notFound('trust document');
  return {
    fileName: row.file_name ?? 'document',
    mediaType: row.media_type ?? 'application/octet-stream',
    bytes: await reader.store.get(row.sha256),
  };
}

/** A member reads the document as stored (no watermark): to check what the page serves. */
export async function readDocumentForMember(
  input: { documentId: string },
  ctx: OrgContext & { store: ContentStore },
) {
  authorize(ctx, 'trust.read');
  const row = await repo.findDocument(ctx.db, ctx.organisation.id, input.documentId);
  if (!row) throw notFound('trust document');
  return documentContent(row, ctx);
}
