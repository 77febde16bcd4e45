import { AppError, notFound } from '../../contracts/errors.ts';
import { toCsv } from '../../domain/files/csv.ts';
import type {
  ColumnMapping,
  ImportedFinding,
  RowError,
  TemplateColumn,
} from '../../domain/findings/import-rows.ts';
import { readFindingRows, templateColumns } from '../../domain/findings/import-rows.ts';
import { requirementCatalogue } from '../../reference/catalogue.ts';
import { plural } from '../../vocabulary/labels.ts';
import { findAuditByRef } from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { findFindingByRef, insertFindingRow } from '../findings/index.ts';
import { memberByEmail } from '../members/index.ts';
import { rememberedMapping, rememberMapping } from './import.repository.ts';
import { readSheet } from './sheet.ts';

export interface ImportReport {
  dryRun: boolean;
  imported: number;
  findings: ImportedFinding[];
  errors: RowError[];
  /** Row number of the header row (title rows above it are skipped). */
  headerRow: number;
  /** The headers found in that row. */
  headers: string[];
  /** The header read for each template column (chosen, remembered or suggested); null: not imported. */
  mapping: Record<TemplateColumn, string | null>;
  /** Whether a mapping remembered for this audit's certification body was applied. */
  remembered: boolean;
}

export const templateCsv = () =>
  toCsv(
    [...templateColumns],
    [
      [
        'NC-01',
        'major',
        'A.8.8',
        'Technical vulnerabilities are not evaluated within a defined time.',
        'Scanner report of 10 Feb shows 14 critical findings older than 90 days.',
        'owner@example.com',
      ],
    ],
  );

/**
 * Imports a nonconformity report into an audit. Every row is checked first (cells, duplicates, refs
 * already in the audit, owners who are not members); with any error nothing is written.
 */
export async function importFindings(
  input: { auditRef: string; bytes: Buffer; fileName: string; mapping: ColumnMapping; dryRun: boolean },
  ctx: OrgContext,
): Promise<ImportReport> {
  authorize(ctx, 'finding.manage');
  const audit = await findAuditByRef(ctx.db, ctx.organisation.id, input.auditRef);
  if (!audit) throw notFound(`audit ${input.auditRef}`);
  const table = await readSheet(input.bytes, input.fileName);
  const remembered = (await rememberedMapping(ctx.db, ctx.organisation.id, audit.certification_body)) ?? {};
  const read = readFindingRows(table, input.mapping, requirementCatalogue, remembered as ColumnMapping);
  const { findings, errors } = read;
  const refColumn = read.used.ref ?? 'ref';
  const ownerColumn = read.used.owner_email ?? 'owner_email';
  for (const f of findings) {
    if (await findFindingByRef(ctx.db, ctx.organisation.id, audit.id, f.ref)) {
      errors.push({
        row: f.line,
        column: refColumn,
        message: `${f.ref} already exists in audit ${audit.ref}`,
      });
    }
    const owner = f.ownerEmail ? await memberByEmail(ctx.db, ctx.organisation.id, f.ownerEmail) : null;
    if (f.ownerEmail && (!owner || owner.role === 'external_auditor')) {
      errors.push({
        row: f.line,
        column: ownerColumn,
        message: owner
          ? `${f.ownerEmail} is a guest (external auditor) and cannot own work`
          : `${f.ownerEmail} is not a member of this organisation`,
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const about = {
    headerRow: read.headerRow,
    headers: read.headers,
    mapping: read.used,
    remembered: Object.keys(remembered).length > 0,
  };
  if (input.dryRun)
    return { dryRun: true, imported: 0, findings: errors.length ? [] : findings, errors, ...about };
  if (errors.length > 0) {
    throw new AppError(
      'validation_failed',
      `${plural(errors.length, 'problem')} in ${input.fileName}; nothing was imported`,
      errors.map((e) => ({ path: `row ${e.row}, column ${e.column}`, message: e.message })),
    );
  }
  await inTransaction(ctx, async (tx) => {
    for (const f of findings) {
      await insertFindingRow(
        tx,
        audit,
        {
          ref: f.ref,
          grade: f.grade,
          requirements: f.requirements,
          statement: f.statement,
          objectiveEvidence: f.objectiveEvidence,
          area: '',
          ownerEmail: f.ownerEmail,
        },
        `import:${input.fileName}`,
      );
    }
    // The next report from this certification body is read with the same headers.
    const used = Object.fromEntries(Object.entries(read.used).map(([k, v]) => [k, v ?? '']));
    await rememberMapping(tx.db, {
      organisationId: tx.organisation.id,
      certificationBody: audit.certification_body,
      mapping: used,
      by: tx.actor.userId,
      at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'import_mapping.remember',
      entityType: 'audit',
      entityId: audit.id,
      data: { certificationBody: audit.certification_body, mapping: used },
    });
  });
  return { dryRun: false, imported: findings.length, findings, errors: [], ...about };
}
