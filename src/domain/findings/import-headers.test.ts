import { describe, expect, it } from 'vitest';
import { findHeaderRow, suggestMapping } from './import-headers.ts';

describe('suggesting a mapping from the headers of a CB report', () => {
  it.each([
    [
      ['NC No.', 'Clause', 'Finding', 'Objective evidence', 'Category'],
      {
        ref: 'NC No.',
        requirement: 'Clause',
        statement: 'Finding',
        evidence: 'Objective evidence',
        grade: 'Category',
      },
    ],
    [
      ['Finding No', 'Grade', 'ISO Clause', 'Description', 'Owner'],
      {
        ref: 'Finding No',
        grade: 'Grade',
        requirement: 'ISO Clause',
        statement: 'Description',
        owner_email: 'Owner',
      },
    ],
    [
      ['#', 'Type', 'Requirement reference', 'Finding description (as raised)', 'Audit evidence'],
      {
        grade: 'Type',
        requirement: 'Requirement reference',
        statement: 'Finding description (as raised)',
        evidence: 'Audit evidence',
      },
    ],
  ])('%j', (headers, expected) => {
    expect(suggestMapping(headers)).toEqual(expected);
  });

  it('finds the header row below title rows, and the row holding a chosen header', () => {
    const table = [
      ['Acme – Stage 2 report'],
      [],
      ['Ref', 'Grade', 'Clause', 'Finding'],
      ['1', 'minor', '9.2', 'x'],
    ];
    expect(findHeaderRow(table, {}, {})).toBe(2);
    expect(findHeaderRow([['Title'], ['Num', 'Text']], { ref: 'Num' }, {})).toBe(1);
    expect(findHeaderRow([[''], ['a', 'b']], {}, {})).toBe(1);
  });
});
