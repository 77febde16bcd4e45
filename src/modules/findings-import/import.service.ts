import { AppError, notFound } from '../../contracts/errors.ts';
import { toCsv } from '../../domain/files/csv.ts';
import type {
  ColumnMapping,
  HeaderFacts,
  ImportedFinding,
  RowError,
  TemplateColumn,
} from '../../domain/findings/import-rows.ts';
import { FindingRowReader, templateColumns } from '../../domain/findings/import-rows.ts';
import { requirementCatalogue } from '../../reference/catalogue.ts';
import type { FileContent } from '../../storage/file-content.ts';
import { plural } from '../../vocabulary/labels.ts';
import { auditByRef } from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { existingRefs, insertFindingRows } from '../findings/index.ts';
import { memberByEmail } from '../members/index.ts';
import { ownControlIds } from '../soa/index.ts';
import { rememberedMapping, rememberMapping } from './import.repository.ts';
import { sheetRows } from './sheet.ts';

// Imports stream (issue #16): the file is read row by row, each row checked as it comes, and the good
// rows written in batches inside the one transaction of the import, which rolls back at the end if any
// row was bad: all or nothing, with memory bounded by a batch whatever the file's length.

/** Good rows a preview (or an import's answer) lists; `rows` counts them all. */
export const PREVIEW_ROWS = 100;
/** Problems an answer lists, the first by row; `problems` counts them all. */
export const LISTED_PROBLEMS = 200;
/** Rows checked against the database and written together. */
const BATCH_ROWS = 500;

export interface ImportReport {
  dryRun: boolean;
  imported: number;
  /** The first PREVIEW_ROWS findings read (none when a row is bad). */
  findings: ImportedFinding[];
  /** How many findings the file holds (good rows). */
  rows: number;
  /** The first LISTED_PROBLEMS problems by row. */
  errors: RowError[];
  /** How many problems were found in all. */
  problems: number;
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
 * Imports a nonconformity report into an audit. Every row is checked (cells, duplicates, refs already in
 * the audit, owners who are not members); with any error nothing is written. A preview (dryRun) checks
 * the same and writes nothing.
 */
export async function importFindings(
  input: {
    auditRef: string;
    content: FileContent;
    fileName: string;
    mapping: ColumnMapping;
    dryRun: boolean;
  },
  ctx: OrgContext,
): Promise<ImportReport> {
  authorize(ctx, 'finding.manage');
  const audit = await auditByRef(ctx.db, ctx.organisation.id, input.auditRef);
  if (!audit) throw notFound(`audit ${input.auditRef}`);
  const remembered = ((await rememberedMapping(ctx.db, ctx.organisation.id, audit.certification_body)) ??
    {}) as ColumnMapping;
  const answer = (read: ReadReport, dryRun: boolean): ImportReport => ({
    dryRun,
    imported: read.imported,
    findings: read.errors.count > 0 ? [] : read.preview,
    rows: read.rows,
    errors: read.errors.first(),
    problems: read.errors.count,
    headerRow: read.facts.headerRow,
    headers: read.facts.headers,
    mapping: read.facts.used,
    remembered: Object.keys(remembered).length > 0,
  });
  if (input.dryRun) return answer(await readReport(ctx, null, audit, input, remembered), true);
  const read = await inTransaction(ctx, async (tx) => {
    const r = await readReport(tx, tx, audit, input, remembered);
    if (r.errors.count > 0) {
      // Thrown inside the transaction: the batches already written roll back with it.
      const listed = r.errors.first();
      const more = r.errors.count > listed.length ? ` (the first ${listed.length} are listed)` : '';
      throw new AppError(
        'validation_failed',
        `${plural(r.errors.count, 'problem')} in ${input.fileName}; nothing was imported${more}`,
        listed.map((e) => ({ path: `row ${e.row}, column ${e.column}`, message: e.message })),
      );
    }
    // The next report from this certification body is read with the same headers.
    const used = Object.fromEntries(Object.entries(r.facts.used).map(([k, v]) => [k, v ?? '']));
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
    return r;
  });
  return answer(read, false);
}

/** The problems of a file, the first `max` by row kept, all counted (rows arrive nearly in order). */
class RowErrors {
  private list: RowError[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(e: RowError) {
    this.count += 1;
    this.list.push(e);
    if (this.list.length > 2 * this.max) this.trim();
  }
  first(): RowError[] {
    this.trim();
    return this.list;
  }
  private trim() {
    this.list.sort((a, b) => a.row - b.row);
    if (this.list.length > this.max) this.list.length = this.max;
  }
}

interface ReadReport {
  facts: HeaderFacts;
  errors: RowErrors;
  preview: ImportedFinding[];
  rows: number;
  imported: number;
}

type ImportAudit = NonNullable<Awaited<ReturnType<typeof auditByRef>>>;

/**
 * Reads the file row by row. Each batch of good rows is checked against the database (refs already in
 * the audit, owners) and, with `tx` and no problem so far, written; after the first problem the rest of
 * the file is still checked (to list what is wrong) but nothing more is written.
 */
async function readReport(
  ctx: OrgContext,
  tx: ChangeContext | null,
  audit: ImportAudit,
  input: { content: FileContent; fileName: string; mapping: ColumnMapping },
  remembered: ColumnMapping,
): Promise<ReadReport> {
  const errors = new RowErrors(LISTED_PROBLEMS);
  const own = await ownControlIds(ctx);
  const reader = new FindingRowReader(
    input.mapping,
    requirementCatalogue,
    remembered,
    (e) => errors.add(e),
    own,
  );
  const preview: ImportedFinding[] = [];
  const owners = new Map<string, Awaited<ReturnType<typeof memberByEmail>> | null>();
  let batch: ImportedFinding[] = [];
  let rows = 0;
  let imported = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const { used } = reader.facts();
    const taken = await existingRefs(
      ctx.db,
      ctx.organisation.id,
      audit.id,
      batch.map((f) => f.ref),
    );
    for (const f of batch) {
      if (taken.has(f.ref))
        errors.add({
          row: f.line,
          column: used.ref ?? 'ref',
          message: `${f.ref} already exists in audit ${audit.ref}`,
        });
      if (!f.ownerEmail) continue;
      if (!owners.has(f.ownerEmail))
        owners.set(f.ownerEmail, (await memberByEmail(ctx.db, ctx.organisation.id, f.ownerEmail)) ?? null);
      const owner = owners.get(f.ownerEmail);
      if (!owner || owner.role === 'external_auditor')
        errors.add({
          row: f.line,
          column: used.owner_email ?? 'owner_email',
          message: owner
            ? `${f.ownerEmail} is a guest (external auditor) and cannot own work`
            : `${f.ownerEmail} is not a member of this organisation`,
        });
    }
    if (tx && errors.count === 0) {
      await insertFindingRows(
        tx,
        audit,
        batch.map((f) => ({
          ref: f.ref,
          grade: f.grade,
          requirements: f.requirements,
          statement: f.statement,
          objectiveEvidence: f.objectiveEvidence,
          area: '',
          ownerEmail: f.ownerEmail,
        })),
        `import:${input.fileName}`,
        own,
      );
      imported += batch.length;
    }
    batch = [];
  };
  const take = async (found: ImportedFinding[]) => {
    for (const f of found) {
      rows += 1;
      if (preview.length < PREVIEW_ROWS) preview.push(f);
      batch.push(f);
      if (batch.length >= BATCH_ROWS) await flush();
    }
  };
  for await (const cells of sheetRows(input.content, input.fileName)) await take(reader.push(cells));
  await take(reader.end());
  await flush();
  return { facts: reader.facts(), errors, preview, rows, imported };
}
