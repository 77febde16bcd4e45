import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { accessEvent, accessEventKinds } from '../../contracts/trust.ts';
import type { Db } from '../../db/connection.ts';
import type { TrustAccessEventTable } from '../../db/schema.ts';
import { toCsv } from '../../domain/files/csv.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import * as repo from './trust-access.repository.ts';

// The trust page's access log (A.5.15, A.8.15): views, downloads, NDA acceptances, requests and
// decisions, per document and per viewer. Written in the same transaction as the change it records.

export interface AccessEventInput {
  kind: (typeof accessEventKinds)[number];
  document?: { id: string; title: string } | null;
  email?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function logAccess(db: Db, organisationId: string, at: Date, e: AccessEventInput) {
  await repo.insertEvent(db, {
    id: randomUUID(),
    organisation_id: organisationId,
    document_id: e.document?.id ?? null,
    document_title: e.document?.title ?? '',
    kind: e.kind,
    email: e.email ?? null,
    ip: e.ip ?? null,
    details_json: JSON.stringify(e.details ?? {}),
    at: at.toISOString(),
  });
}

const present = (r: TrustAccessEventTable): z.infer<typeof accessEvent> => ({
  id: r.id,
  at: r.at,
  kind: r.kind as z.infer<typeof accessEvent>['kind'],
  documentId: r.document_id,
  documentTitle: r.document_title,
  email: r.email,
  ip: r.ip,
  details: JSON.parse(r.details_json) as Record<string, unknown>,
});

export async function accessLog(
  input: { page: number; pageSize: number; documentId?: string | undefined; email?: string | undefined },
  ctx: OrgContext,
) {
  authorize(ctx, 'trust.read');
  const { rows, total } = await repo.events(ctx.db, ctx.organisation.id, input, input);
  return { items: rows.map(present), page: input.page, pageSize: input.pageSize, total };
}

/** The whole log as CSV (RFC 4180), oldest last as on screen. */
export async function accessLogCsv(
  input: { documentId?: string | undefined; email?: string | undefined },
  ctx: OrgContext,
) {
  authorize(ctx, 'trust.read');
  const { rows } = await repo.events(ctx.db, ctx.organisation.id, input, null);
  return toCsv(
    ['at', 'event', 'document', 'viewer', 'ip', 'details'],
    rows.map((r) => [r.at, r.kind, r.document_title, r.email ?? '', r.ip ?? '', r.details_json]),
  );
}
