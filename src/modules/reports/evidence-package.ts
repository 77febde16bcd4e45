// The evidence package: one ZIP a certification body can verify on its own — the Evidence of
// Correction PDF, every evidence file under its NC, and a manifest (CSV and JSON) with each file's full
// SHA-256 and size. Streamed with yazl: evidence files are read from the store one at a time, as the
// archive is written.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type Yazl from 'yazl';
import { toCsv } from '../../domain/files/csv.ts';
import { renderPdf } from '../../reports/pdf.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { buildAuditReport, reportFileName } from './audit-reports.ts';
import { isNc, loadAudit, loadReportData, peopleDirectory } from './report-data.ts';

// yazl loads with the first archive written, not at every start.
const loadYazl = () => createRequire(import.meta.url)('yazl') as typeof Yazl;

export interface ManifestEntry {
  path: string;
  sha256: string;
  sizeBytes: number;
  nc: string;
  description: string;
  proves: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A name safe inside a ZIP on every platform: no directories, no characters Windows refuses. */
function safeName(name: string) {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned === '' ? 'file' : cleaned.slice(0, 180);
}

export async function buildEvidencePackage(
  input: { auditRef?: string | undefined },
  ctx: OrgContext & { store: ContentStore },
) {
  authorize(ctx, 'report.read');
  const doc = await buildAuditReport({ kind: 'evidence', auditRef: input.auditRef }, ctx);
  const pdf = await renderPdf(doc);
  const audit = await loadAudit(ctx, input.auditRef);
  const data = await loadReportData(ctx, audit, await peopleDirectory(ctx));
  const reportPath = reportFileName('evidence-of-correction', doc, 'pdf', input.auditRef);
  const manifest: ManifestEntry[] = [
    {
      path: reportPath,
      sha256: sha256(pdf),
      sizeBytes: pdf.length,
      nc: '',
      description: doc.title,
      proves: '',
    },
  ];
  const files: { path: string; sha256: string }[] = [];
  const used = new Set<string>();
  for (const f of data.findings.filter(isNc)) {
    for (const e of f.evidence) {
      const base = `evidence/${safeName(f.auditRef)}/${safeName(f.ref)}/${safeName(e.fileName)}`;
      let path = base;
      for (let n = 2; used.has(path.toLowerCase()); n++) path = base.replace(/(\.[^./]*)?$/, ` (${n})$1`);
      used.add(path.toLowerCase());
      files.push({ path, sha256: e.sha256 });
      manifest.push({
        path,
        sha256: e.sha256,
        sizeBytes: e.sizeBytes,
        nc: f.ref,
        description: e.description,
        proves: e.proves,
      });
    }
  }
  const mtime = new Date(doc.meta.generatedAt);
  const zip = new (loadYazl().ZipFile)();
  zip.addBuffer(pdf, reportPath, { mtime });
  for (const file of files) {
    zip.addReadStreamLazy(file.path, { mtime }, (cb) => {
      // The store checks the bytes against their SHA-256 key, so the manifest is true of what is sent.
      ctx.store.get(file.sha256).then(
        (bytes) => cb(null, Readable.from([bytes])),
        (err: unknown) => cb(err, Readable.from([])),
      );
    });
  }
  const json = {
    organisation: ctx.organisation.name,
    audit: input.auditRef ?? null,
    generatedAt: doc.meta.generatedAt,
    algorithm: 'SHA-256',
    files: manifest,
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(json, null, 2)}\n`), 'manifest.json', { mtime });
  zip.addBuffer(
    Buffer.from(
      toCsv(
        ['path', 'sha256', 'size_bytes', 'nc', 'description', 'proves'],
        manifest.map((m) => [m.path, m.sha256, m.sizeBytes, m.nc, m.description, m.proves]),
      ),
    ),
    'manifest.csv',
    { mtime },
  );
  zip.end();
  return {
    fileName: reportFileName('evidence-package', doc, 'zip', input.auditRef),
    manifest,
    stream: zip.outputStream as Readable,
  };
}
