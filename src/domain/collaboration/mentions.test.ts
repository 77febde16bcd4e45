import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.ts';

const people = [
  { id: '1', name: 'Ana Silva', email: 'ana@acme.test' },
  { id: '2', name: 'Ravi Patel', email: 'r.patel@acme.test' },
  { id: '3', name: 'Ravi Kumar', email: 'rk@acme.test' },
];

describe('mentions', () => {
  it('finds members by email, email local part or unique first name', () => {
    expect(findMentions('@ana please check, cc @r.patel@acme.test.', people).map((p) => p.id)).toEqual([
      '1',
      '2',
    ]);
    expect(findMentions('thanks @Ana', people).map((p) => p.id)).toEqual(['1']);
    expect(findMentions('@rk', people).map((p) => p.id)).toEqual(['3']);
  });

  it('ignores ambiguous names, unknown handles and addresses that are not mentions', () => {
    expect(findMentions('@ravi can you', people)).toEqual([]);
    expect(findMentions('@nobody', people)).toEqual([]);
    expect(findMentions('mail ana@acme.test', people)).toEqual([]);
  });
});
