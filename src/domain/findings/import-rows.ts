import type { Grade } from '../../vocabulary/grades.ts';
import { type ColumnMapping, type TemplateColumn, templateColumns } from './import-columns.ts';
import { findHeaderRow, normaliseHeader, resolveColumns } from './import-headers.ts';
import { type Catalogue, parseRequirementRef } from './requirement-ref.ts';

// Rows of a nonconformity report as certification bodies send them (CSV or a spreadsheet). Every bad
// cell is reported with its row and column; the caller writes nothing when any row is bad.

export { type ColumnMapping, type TemplateColumn, templateColumns } from './import-columns.ts';

export interface ImportedFinding {
  line: number;
  ref: string;
  grade: Grade;
  requirements: string[];
  statement: string;
  objectiveEvidence: string;
  ownerEmail: string | null;
}

export interface RowError {
  /** Row number as a spreadsheet shows it (title rows above the header count). */
  row: number;
  column: string;
  message: string;
}

const gradeWords: Record<string, ImportedFinding['grade']> = {
  major: 'major',
  'major nc': 'major',
  'major nonconformity': 'major',
  minor: 'minor',
  'minor nc': 'minor',
  'minor nonconformity': 'minor',
  ofi: 'ofi',
  'opportunity for improvement': 'ofi',
  observation: 'observation',
  positive: 'positive',
  'positive finding': 'positive',
  'good practice': 'positive',
  // As CBs write them (normalised: lower case, punctuation to spaces).
  'major non conformity': 'major',
  'major nonconformance': 'major',
  'major non conformance': 'major',
  'nc major': 'major',
  'minor non conformity': 'minor',
  'minor nonconformance': 'minor',
  'minor non conformance': 'minor',
  'nc minor': 'minor',
  'improvement opportunity': 'ofi',
  'opportunity for improvement ofi': 'ofi',
  obs: 'observation',
  'area of concern': 'observation',
  strength: 'positive',
  'noteworthy practice': 'positive',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface FindingRows {
  findings: ImportedFinding[];
  errors: RowError[];
  /** Row number of the header row as a spreadsheet shows it. */
  headerRow: number;
  headers: string[];
  /** The header used per template column, null when the column is not imported. */
  used: Record<TemplateColumn, string | null>;
}

export function readFindingRows(
  table: string[][],
  mapping: ColumnMapping,
  catalogue: Catalogue,
  remembered: ColumnMapping = {},
): FindingRows {
  const errors: RowError[] = [];
  const at = findHeaderRow(table, mapping, remembered);
  const header = table[at];
  const headers = (header ?? []).map((h) => h.trim());
  const nothing = Object.fromEntries(templateColumns.map((c) => [c, null])) as FindingRows['used'];
  if (!header || headers.every((h) => h === ''))
    return {
      findings: [],
      errors: [{ row: 1, column: '-', message: 'the file is empty' }],
      headerRow: 1,
      headers: [],
      used: nothing,
    };
  const headerRow = at + 1;
  const { index, used, problems } = resolveColumns(headers, mapping, remembered);
  for (const p of problems) errors.push({ row: headerRow, column: p.column, message: p.message });
  if (errors.length > 0) return { findings: [], errors, headerRow, headers, used };
  const body = table.slice(at + 1);
  const findings: ImportedFinding[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = headerRow + 1 + i;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: TemplateColumn) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const colName = (c: TemplateColumn) => used[c] ?? c;
    const err = (c: TemplateColumn, message: string) => errors.push({ row, column: colName(c), message });
    const ref = cell('ref');
    if (!ref) err('ref', 'required');
    else if (ref.length > 60) err('ref', 'at most 60 characters');
    else if (seen.has(ref)) err('ref', `duplicate of row ${seen.get(ref)}`);
    else seen.set(ref, row);
    const grade = gradeWords[normaliseHeader(cell('grade'))];
    if (!grade) err('grade', `"${cell('grade')}" is not a grade (major, minor, ofi, observation, positive)`);
    const requirements: string[] = [];
    const rawReqs = cell('requirement')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (rawReqs.length === 0) err('requirement', 'required (e.g. A.8.8 or 9.2)');
    for (const r of rawReqs) {
      const parsed = parseRequirementRef(r, catalogue);
      if (parsed.ok) requirements.push(parsed.ref.label);
      else err('requirement', parsed.message);
    }
    const statement = cell('statement');
    if (!statement) err('statement', 'required');
    const owner = cell('owner_email').toLowerCase();
    if (owner && !EMAIL.test(owner)) err('owner_email', `"${owner}" is not an email address`);
    if (ref && grade && statement && rawReqs.length > 0) {
      findings.push({
        line: row,
        ref,
        grade,
        requirements,
        statement,
        objectiveEvidence: cell('evidence'),
        ownerEmail: owner || null,
      });
    }
  });
  if (findings.length === 0 && errors.length === 0)
    errors.push({ row: headerRow + 1, column: '-', message: 'no findings in the file' });
  return { findings: errors.length > 0 ? [] : findings, errors, headerRow, headers, used };
}
