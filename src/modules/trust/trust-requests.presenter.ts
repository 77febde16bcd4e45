import type { z } from 'zod';
import type { trustRequest } from '../../contracts/trust.ts';
import type { TrustAccessRequestTable } from '../../db/schema.ts';

type Request = z.infer<typeof trustRequest>;

/** An access request as the API's queue and the `trust_request.received` webhook present it. */
export const presentRequest = (r: TrustAccessRequestTable, documentTitle: string | null): Request => ({
  id: r.id,
  documentId: r.document_id,
  documentTitle: r.document_id ? documentTitle : null,
  name: r.name,
  email: r.email,
  company: r.company,
  message: r.message,
  status: r.status as Request['status'],
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
  createdAt: r.created_at,
});
