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

/** What the header row says: where it is, what it holds, which column feeds each template column. */
export interface HeaderFacts {
  /** Row number of the header row as a spreadsheet shows it. */
  headerRow: number;
  headers: string[];
  /** The header used per template column, null when the column is not imported. */
  used: Record<TemplateColumn, string | null>;
}

/** How many rows the header row is looked for in (title rows sit above it). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Reads a report row by row as it streams in (issue #16): the first rows are held until the header row
 * is found among them, then each row is checked on its own and, when good, handed back as a finding.
 * Every bad cell goes to `report` with its row and column; a row with any bad cell yields no finding.
 * Memory: the first HEADER_SEARCH_ROWS rows and the refs seen (for duplicates), never the whole file.
 */
export class FindingRowReader {
  private held: string[][] = [];
  private heldText = false;
  private header: (HeaderFacts & { index: Record<TemplateColumn, number> }) | null = null;
  /** No header could be read (an empty file or a required column missing): the rest is not checked. */
  private refused = false;
  private next = 1;
  private readonly seen = new Map<string, number>();
  /** Problems reported so far (the caller may keep only some of them). */
  problems = 0;
  /** Good rows handed back so far. */
  findings = 0;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly catalogue: Catalogue,
    private readonly remembered: ColumnMapping,
    private readonly report: (e: RowError) => void,
    /** Own control ids of the SoA in force (6.1.3 b NOTE 1, e.g. `ORG-1`), cited as they are. */
    private readonly ownControls: ReadonlySet<string> = new Set(),
  ) {}

  /** The next row of the file (rows numbered from 1 as a spreadsheet shows them); the findings it completes. */
  push(cells: string[]): ImportedFinding[] {
    if (this.refused) return [];
    if (this.header) return this.body(cells, this.next++);
    this.held.push(cells);
    this.heldText ||= cells.some((c) => c.trim() !== '');
    // Blank rows on top are held on: the header is the first row with text when none names a column.
    return this.heldText && this.held.length >= HEADER_SEARCH_ROWS ? this.start() : [];
  }

  /** The end of the file: the findings still held, and the file-wide problems (empty, no findings). */
  end(): ImportedFinding[] {
    const out = this.header || this.refused ? [] : this.start();
    if (this.header && this.findings === 0 && this.problems === 0)
      this.error({ row: this.header.headerRow + 1, column: '-', message: 'no findings in the file' });
    return out;
  }

  /** The header row and the columns read, once known (after HEADER_SEARCH_ROWS rows or the end). */
  facts(): HeaderFacts {
    const nothing = Object.fromEntries(templateColumns.map((c) => [c, null])) as HeaderFacts['used'];
    return this.header ?? { headerRow: 1, headers: [], used: nothing };
  }

  private error(e: RowError) {
    this.problems += 1;
    this.report(e);
  }

  private start(): ImportedFinding[] {
    const table = this.held;
    this.held = [];
    const at = findHeaderRow(table, this.mapping, this.remembered);
    const header = table[at];
    const headers = (header ?? []).map((h) => h.trim());
    if (!header || headers.every((h) => h === '')) {
      this.refused = true;
      this.error({ row: 1, column: '-', message: 'the file is empty' });
      return [];
    }
    const headerRow = at + 1;
    const { index, used, problems } = resolveColumns(headers, this.mapping, this.remembered);
    this.header = { headerRow, headers, used, index };
    for (const p of problems) this.error({ row: headerRow, column: p.column, message: p.message });
    if (problems.length > 0) {
      this.refused = true;
      return [];
    }
    this.next = headerRow + 1;
    return table.slice(at + 1).flatMap((cells) => this.body(cells, this.next++));
  }

  private body(cells: string[], row: number): ImportedFinding[] {
    const { index, used } = this.header!;
    if (cells.every((c) => c.trim() === '')) return [];
    const before = this.problems;
    const cell = (c: TemplateColumn) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const err = (c: TemplateColumn, message: string) => this.error({ row, column: used[c] ?? c, message });
    const ref = cell('ref');
    if (!ref) err('ref', 'required');
    else if (ref.length > 60) err('ref', 'at most 60 characters');
    else if (this.seen.has(ref)) err('ref', `duplicate of row ${this.seen.get(ref)}`);
    else this.seen.set(ref, row);
    const grade = gradeWords[normaliseHeader(cell('grade'))];
    if (!grade) err('grade', `"${cell('grade')}" is not a grade (major, minor, ofi, observation, positive)`);
    const requirements: string[] = [];
    const rawReqs = cell('requirement')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (rawReqs.length === 0) err('requirement', 'required (e.g. A.8.8 or 9.2)');
    for (const r of rawReqs) {
      if (this.ownControls.has(r)) {
        requirements.push(r);
        continue;
      }
      const parsed = parseRequirementRef(r, this.catalogue);
      if (parsed.ok) requirements.push(parsed.ref.label);
      else err('requirement', parsed.message);
    }
    const statement = cell('statement');
    if (!statement) err('statement', 'required');
    const owner = cell('owner_email').toLowerCase();
    if (owner && !EMAIL.test(owner)) err('owner_email', `"${owner}" is not an email address`);
    if (this.problems > before || !grade) return [];
    this.findings += 1;
    return [
      {
        line: row,
        ref,
        grade,
        requirements,
        statement,
        objectiveEvidence: cell('evidence'),
        ownerEmail: owner || null,
      },
    ];
  }
}
