// The policy table lives in the vocabulary (src/vocabulary/policy.ts), shared with the use-cases and the
// web app; the HTTP edge keeps only the gate (src/http/gate.ts).
export {
  isAllowed,
  isKnownPolicy,
  type OrgAction,
  policyTable,
  type RoutePolicy,
} from '../vocabulary/policy.ts';
