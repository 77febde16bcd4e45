import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditInput } from './findings.ts';
import './plain-messages.ts';

// Issue #19 item 8: an empty form answered "body/name: Too small: expected string to have >=1 characters".
const messages = (schema: z.ZodType, value: unknown) =>
  Object.fromEntries((schema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('/'), i.message]));

describe('field messages in plain words', () => {
  it('says what an empty or oversized field needs', () => {
    expect(messages(auditInput, { ref: '', type: 'stage2', certificationBody: 'x'.repeat(201) })).toEqual({
      ref: 'required',
      certificationBody: 'at most 200 characters',
    });
  });

  it('names a missing field, the choices of a closed list, and a number out of range', () => {
    const s = z.object({ name: z.string(), kind: z.enum(['a', 'b']), n: z.number().min(1).max(5) });
    expect(messages(s, { kind: 'c', n: 9 })).toEqual({
      name: 'required',
      kind: 'must be one of: a, b',
      n: 'must be at most 5',
    });
    expect(messages(z.array(z.string()).min(1), [])).toEqual({ '': 'give at least one' });
  });

  it("keeps a schema's own message", () => {
    expect(messages(z.string().min(3, 'three letters, please'), 'ab')).toEqual({
      '': 'three letters, please',
    });
  });
});
