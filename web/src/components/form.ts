import { schemaResolver } from '@mantine/form';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

type FormErrors = Record<string, ReactNode>;

/**
 * `@mantine/form` validation by a contract schema (Mantine's Standard Schema resolver; Zod 4 is one):
 * each issue lands beside its field, keyed by the path (`items.0.name`). `toInput` maps the
 * form's values (empty strings for blank inputs) to the request body, the same mapping the submit
 * handler applies, so the form checks exactly what is sent.
 */
export function contractResolver<V>(schema: z.ZodType, toInput: (values: V) => unknown = (v) => v) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: V): FormErrors => resolve(toInput(values));
}

/** A refusal from the server with field paths (problem+json `errors`) shown beside the same fields. */
export function showServerErrors(form: { setErrors: (errors: FormErrors) => void }, e: unknown) {
  if (e instanceof ApiError) form.setErrors(e.fieldErrors());
}
