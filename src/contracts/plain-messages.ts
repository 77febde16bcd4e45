import { type core, z } from 'zod';

// Field messages in plain words, beside the field in the browser and at the field's path in a problem+json
// answer (issue #19 item 8): "required", "at most 200 characters", where zod says "Too small: expected
// string to have >=1 characters". A schema's own message (`'must be a date as YYYY-MM-DD'`) wins; a case
// not named here keeps zod's wording.

const things: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const count = (n: number | bigint, one: string) => `${n} ${Number(n) === 1 ? one : `${one}s`}`;

function sizeMessage(iss: core.$ZodRawIssue, at: 'least' | 'most'): string | undefined {
  const bound = (at === 'least' ? iss.minimum : iss.maximum) as number | bigint;
  switch (iss.origin) {
    case 'string':
      return at === 'least' && Number(bound) <= 1 ? 'required' : `at ${at} ${count(bound, 'character')}`;
    case 'array':
    case 'set':
      return at === 'least' && Number(bound) <= 1 ? 'give at least one' : `at ${at} ${count(bound, 'item')}`;
    case 'number':
    case 'int':
    case 'bigint':
      return iss.inclusive === false
        ? `must be ${at === 'least' ? 'more' : 'less'} than ${bound}`
        : `must be at ${at} ${bound}`;
    default:
      return undefined;
  }
}

export function plainMessage(iss: core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'too_small':
      return sizeMessage(iss, 'least');
    case 'too_big':
      return sizeMessage(iss, 'most');
    case 'invalid_type':
      if (iss.input === undefined) return 'required';
      return things[String(iss.expected)] ? `must be ${things[String(iss.expected)]}` : undefined;
    case 'invalid_value':
      return `must be one of: ${(iss.values as unknown[]).map(String).join(', ')}`;
    case 'invalid_format':
      if (iss.format === 'email') return 'must be an email address';
      if (iss.format === 'url') return 'must be a web address (https://…)';
      return undefined;
    case 'unrecognized_keys':
      return `not a field here: ${(iss.keys as string[]).join(', ')}`;
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
