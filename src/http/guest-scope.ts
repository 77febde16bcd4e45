import type { FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../contracts/errors.ts';

// A guest (e.g. the external auditor invited to some findings) reaches only routes about a finding in
// their scope, and the findings list (which the use-case narrows to that scope). Everything else is
// denied, so a new route is closed to guests until someone decides otherwise (deny by default).
const GUEST_LISTS = new Set(['GET /api/v1/orgs/:org/findings']);

export function enforceGuestScope(req: FastifyRequest, scope: string[]) {
  const findingId = (req.params as { findingId?: string }).findingId;
  if (findingId !== undefined) {
    // The same answer as for a finding that does not exist: ids outside the scope are not confirmed.
    if (!scope.includes(findingId)) throw notFound('finding');
    return;
  }
  if (GUEST_LISTS.has(`${req.method} ${req.routeOptions.url}`)) return;
  throw forbidden('a guest sees only the findings they were invited to');
}
