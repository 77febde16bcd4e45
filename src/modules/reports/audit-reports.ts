import { AppError, notFound } from '../../contracts/errors.ts';
import type { ReportDocument } from '../../reports/document.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { capDocument } from './cap.report.ts';
import { nextCapRevision, submittedCap } from './cap.service.ts';
import { evidenceDocument } from './evidence.report.ts';
import { actionLogDocument, ncStatementsDocument } from './registers.report.ts';
import { type AuditInfo, loadAudit, loadReportData, peopleDirectory } from './report-data.ts';

export const reportKinds = ['cap', 'evidence', 'nc-statements', 'corrective-action-log'] as const;
export type ReportKind = (typeof reportKinds)[number];

/**
 * Builds one report from the records (or, for a submitted CAP revision, from what was submitted); the
 * same model renders to PDF, XLSX and JSON, so the web, the API and the CLI give the same content.
 */
export async function buildAuditReport(
  input: { kind: ReportKind; auditRef?: string | undefined; revision?: number | undefined },
  ctx: OrgContext,
): Promise<ReportDocument> {
  authorize(ctx, 'report.read');
  const audit = await loadAudit(ctx, input.auditRef);
  if (input.auditRef && !audit) throw notFound(`audit ${input.auditRef}`);
  const people = await peopleDirectory(ctx);
  const generatedAt = ctx
    .now()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  const meta = {
    organisation: ctx.organisation.name,
    generatedAt,
    generatedBy: people.byId(ctx.actor.userId) ?? generatorName(ctx, people),
  };
  if (input.revision !== undefined) {
    if (input.kind !== 'cap')
      throw new AppError('validation_failed', 'only the corrective action plan has revisions', [
        { path: 'revision', message: 'only with cap' },
      ]);
    if (!input.auditRef)
      throw new AppError('validation_failed', 'a CAP revision belongs to one audit: name the audit', [
        { path: 'audit', message: 'required with revision' },
      ]);
    return submittedCap({ auditRef: input.auditRef, number: input.revision }, ctx, meta);
  }
  const cache = new Map<string, Promise<AuditInfo | null>>();
  const auditByRef = (ref: string) => {
    if (!cache.has(ref)) cache.set(ref, loadAudit(ctx, ref));
    return cache.get(ref)!;
  };
  const data = await loadReportData(ctx, audit, people, auditByRef);
  const today = generatedAt.slice(0, 10);
  switch (input.kind) {
    case 'cap': {
      const next = await nextCapRevision(ctx, audit);
      return capDocument(data, meta, {
        revision: next
          ? `draft, not submitted (it becomes revision ${next} when submitted)`
          : 'draft, not submitted',
      });
    }
    case 'evidence':
      return evidenceDocument(data, meta);
    case 'nc-statements':
      return ncStatementsDocument(data, meta);
    case 'corrective-action-log':
      return actionLogDocument(data, meta, today);
  }
}

/** A file name for a report download: kind, audit, revision, date; only safe characters. */
export function reportFileName(
  kind: string,
  doc: ReportDocument,
  ext: string,
  auditRef?: string,
  revision?: number,
) {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
  return [kind, auditRef && safe(auditRef), revision && `rev${revision}`, doc.meta.generatedAt.slice(0, 10)]
    .filter(Boolean)
    .join('-')
    .concat(`.${ext}`);
}

/** Who produced a report when no member did: the operator's command line or a scheduled job, in words. */
function generatorName(ctx: OrgContext, people: Awaited<ReturnType<typeof peopleDirectory>>): string {
  const { kind } = ctx.access;
  const label = ctx.actor.label;
  if (kind === 'cli') return `closeloop command line${label && label !== 'cli' ? ` (${label})` : ''}`;
  if (kind === 'system') return 'closeloop (scheduled job)';
  return people.named(label);
}
