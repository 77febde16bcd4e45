import { type ColumnMapping, type TemplateColumn, templateColumns } from './import-columns.ts';

// Certification bodies send their nonconformity reports with their own headers ("NC No.", "Clause",
// "Objective evidence"…) and often a title row or two above them. These rules find the header row and
// decide which column of the file feeds each template column: what the person chose, else what was
// remembered for that certification body, else the template name, else a known synonym.

/** Lower case, punctuation to spaces: "NC No." → "nc no", "Owner (e-mail)" → "owner e mail". */
export const normaliseHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Words CBs use for each template column, normalised; a header is matched whole first, then by words. */
export const columnSynonyms: Record<TemplateColumn, readonly string[]> = {
  ref: [
    'ref',
    'reference',
    'nc no',
    'nc nr',
    'nc number',
    'nc ref',
    'nc id',
    'nc',
    'ncr',
    'ncr no',
    'ncr number',
    'no',
    'nr',
    'number',
    'finding no',
    'finding nr',
    'finding number',
    'finding ref',
    'finding id',
    'id',
    'item',
    'item no',
    'nonconformity no',
    'nonconformity number',
    'issue no',
    'observation no',
    'reference no',
    'ref no',
  ],
  grade: [
    'grade',
    'category',
    'classification',
    'type',
    'severity',
    'finding type',
    'finding category',
    'finding grade',
    'nc type',
    'nc grade',
    'nc category',
    'level',
    'rating',
    'finding classification',
  ],
  requirement: [
    'requirement',
    'requirements',
    'clause',
    'clauses',
    'clause ref',
    'clause no',
    'clause reference',
    'standard clause',
    'iso clause',
    'control',
    'controls',
    'annex a control',
    'standard reference',
    'requirement reference',
    'iso 27001 clause',
    'clause control',
  ],
  statement: [
    'statement',
    'finding',
    'findings',
    'finding description',
    'description',
    'nonconformity',
    'nonconformity statement',
    'statement of nonconformity',
    'nc statement',
    'nc description',
    'details',
    'finding details',
    'observation',
    'issue',
    'description of finding',
    'finding text',
  ],
  evidence: [
    'evidence',
    'objective evidence',
    'audit evidence',
    'evidence observed',
    'supporting evidence',
    'evidence seen',
  ],
  owner_email: [
    'owner email',
    'owner e mail',
    'owner',
    'email',
    'e mail',
    'responsible',
    'responsible person',
    'assigned to',
    'assignee',
    'action owner',
  ],
};

/** What each template column holds, for messages and the web form. */
export const columnMeaning: Record<TemplateColumn, string> = {
  ref: "the finding's number",
  grade: 'major, minor, OFI, observation or positive',
  requirement: 'the clause or Annex A control',
  statement: 'the statement of the finding',
  evidence: 'the objective evidence',
  owner_email: 'the owner’s email address',
};

/** A template column the import cannot do without; the others stay empty when not mapped. */
export const requiredColumns: readonly TemplateColumn[] = ['ref', 'grade', 'requirement', 'statement'];

const known = (mapping: ColumnMapping, remembered: ColumnMapping) =>
  new Set(
    [
      ...templateColumns,
      ...Object.values(columnSynonyms).flat(),
      ...Object.values(mapping),
      ...Object.values(remembered),
    ]
      .filter((v): v is string => typeof v === 'string')
      .map(normaliseHeader)
      .filter(Boolean),
  );

/**
 * Index of the header row among the first 20: the one naming most known headers, a header the person
 * chose counting most (title rows sit above it). Without any known header, the first row with text.
 */
export function findHeaderRow(table: string[][], mapping: ColumnMapping, remembered: ColumnMapping): number {
  const names = known(mapping, remembered);
  const chosen = new Set(
    Object.values(mapping)
      .map((v) => normaliseHeader(v ?? ''))
      .filter(Boolean),
  );
  let best = -1;
  let bestScore = 0;
  table.slice(0, 20).forEach((cells, i) => {
    const hits = new Set(cells.map(normaliseHeader).filter((c) => names.has(c)));
    const score = [...hits].reduce((sum, c) => sum + (chosen.has(c) ? 10 : 1), 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  return Math.max(
    0,
    table.findIndex((cells) => cells.some((c) => c.trim() !== '')),
  );
}

/** A mapping suggested from the headers found: the template name, then a synonym, each header used once. */
export function suggestMapping(headers: string[]): Partial<Record<TemplateColumn, string>> {
  const names = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const out: Partial<Record<TemplateColumn, string>> = {};
  const claim = (col: TemplateColumn, i: number) => {
    if (i < 0 || taken.has(i) || out[col] !== undefined || !names[i]) return;
    taken.add(i);
    out[col] = headers[i]!.trim();
  };
  for (const col of templateColumns) claim(col, names.indexOf(col));
  for (const col of templateColumns)
    for (const s of columnSynonyms[col])
      claim(
        col,
        names.findIndex((n, i) => n === s && !taken.has(i)),
      );
  // Then by whole words: "Finding description (what was seen)" holds "finding description".
  const order: TemplateColumn[] = ['evidence', 'owner_email', 'ref', 'requirement', 'grade', 'statement'];
  for (const col of order)
    for (const s of columnSynonyms[col].filter((x) => x.length >= 5))
      claim(
        col,
        names.findIndex((n, i) => !taken.has(i) && ` ${n} `.includes(` ${s} `)),
      );
  return out;
}

export interface ResolvedColumns {
  /** Column index in the file per template column, -1 when not imported. */
  index: Record<TemplateColumn, number>;
  /** The header used per template column, null when not imported. */
  used: Record<TemplateColumn, string | null>;
  problems: { column: string; message: string }[];
}

/**
 * Which column feeds each template column. An explicit empty string means "not imported"; a column the
 * person did not mention takes the remembered header, the template name or a synonym, in that order.
 */
export function resolveColumns(
  headers: string[],
  mapping: ColumnMapping,
  remembered: ColumnMapping,
): ResolvedColumns {
  const names = headers.map(normaliseHeader);
  const found = headers.map((h) => h.trim()).filter(Boolean);
  const list = found.length ? found.map((h) => `"${h}"`).join(', ') : 'none';
  const suggested = suggestMapping(headers);
  const index = {} as Record<TemplateColumn, number>;
  const used = {} as Record<TemplateColumn, string | null>;
  const problems: ResolvedColumns['problems'] = [];
  const at = (h: string | undefined) => (h ? names.indexOf(normaliseHeader(h)) : -1);
  for (const col of templateColumns) {
    const chosen = mapping[col];
    let i = -1;
    if (chosen !== undefined) {
      i = chosen.trim() === '' ? -1 : at(chosen);
      if (chosen.trim() !== '' && i < 0)
        problems.push({
          column: chosen,
          message: `no column "${chosen}" in the file (for ${col}); the headers found are ${list}`,
        });
    } else {
      i = [at(remembered[col]), at(col), at(suggested[col])].find((x) => x >= 0) ?? -1;
    }
    index[col] = i;
    used[col] = i >= 0 ? headers[i]!.trim() : null;
    if (i < 0 && requiredColumns.includes(col) && (chosen === undefined || chosen.trim() === ''))
      problems.push({
        column: col,
        message: `the required column ${col} (${columnMeaning[col]}) is not mapped; the headers found are ${list}`,
      });
  }
  return { index, used, problems };
}
