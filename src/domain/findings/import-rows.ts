import type { Grade } from '../../vocabulary/grades.ts';
import { type Catalogue, parseRequirementRef } from './requirement-ref.ts';

// Rows of a nonconformity report as certification bodies send them (CSV or a spreadsheet). Every bad
// cell is reported with its row and column; the caller writes nothing when any row is bad.

export const templateColumns = [
  'ref',
  'grade',
  'requirement',
  'statement',
  'evidence',
  'owner_email',
] as const;
export type TemplateColumn = (typeof templateColumns)[number];
/** Which header in the file feeds each template column; the template headers map to themselves. */
export type ColumnMapping = Partial<Record<TemplateColumn, string>>;

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
  /** Row number as a spreadsheet shows it: the header is row 1. */
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
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readFindingRows(
  table: string[][],
  mapping: ColumnMapping,
  catalogue: Catalogue,
): { findings: ImportedFinding[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const [header, ...body] = table;
  if (!header) return { findings: [], errors: [{ row: 1, column: '-', message: 'the file is empty' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<TemplateColumn, number>;
  for (const col of templateColumns) {
    const wanted = (mapping[col] ?? col).trim().toLowerCase();
    index[col] = names.indexOf(wanted);
    if (index[col] < 0 && col !== 'evidence' && col !== 'owner_email') {
      errors.push({
        row: 1,
        column: mapping[col] ?? col,
        message: `missing column "${mapping[col] ?? col}"`,
      });
    }
  }
  if (errors.length > 0) return { findings: [], errors };
  const findings: ImportedFinding[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: TemplateColumn) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const colName = (c: TemplateColumn) => mapping[c] ?? c;
    const err = (c: TemplateColumn, message: string) => errors.push({ row, column: colName(c), message });
    const ref = cell('ref');
    if (!ref) err('ref', 'required');
    else if (ref.length > 60) err('ref', 'at most 60 characters');
    else if (seen.has(ref)) err('ref', `duplicate of row ${seen.get(ref)}`);
    else seen.set(ref, row);
    const grade = gradeWords[cell('grade').toLowerCase()];
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
    errors.push({ row: 2, column: '-', message: 'no findings in the file' });
  return { findings: errors.length > 0 ? [] : findings, errors };
}
