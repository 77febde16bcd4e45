import type { WebhookSubject, WebhookSubjectKind } from '../../domain/webhooks/events.ts';
import type { OrgContext } from '../context.ts';

// A webhook payload is built by the same presenters as the API (issue #20): the module that owns a
// record registers how it presents one (its API presenter, read in the change's own transaction), and
// the payload keeps `id` and the changed fields of that presentation. The runtime registers the readers
// (src/runtime.ts), so the webhooks module depends on none of the modules whose changes it reports.

/** Reads one record of the organisation as the API presents it, or null when it is gone. */
export type SubjectReader = (ctx: OrgContext, id: string) => Promise<Record<string, unknown> | null>;

const readers = new Map<WebhookSubjectKind, SubjectReader>();

/** Registered once per kind by the runtime. */
export function registerWebhookSubject(kind: WebhookSubjectKind, read: SubjectReader): void {
  readers.set(kind, read);
}

const pick = (record: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));

/**
 * The record's `id` and its changed fields, as the API presents them. A kind nobody registered (a
 * context without the runtime) or a record already gone carries its id alone.
 */
export async function presentSubject(ctx: OrgContext, s: WebhookSubject): Promise<Record<string, unknown>> {
  const presented = s.presented ?? (await readers.get(s.kind)?.(ctx, s.id)) ?? null;
  return presented ? { id: s.id, ...pick(presented, s.fields) } : { id: s.id };
}
