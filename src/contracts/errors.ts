// Stable error codes shared by server, web and CLI. The HTTP status for each is decided only at the edge
// (src/http/problem.ts); the web and the CLI branch on `code`, never on message text.
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'not_risk_owner',
  'origin_rejected',
  'rate_limited',
  'payload_too_large',
  'headers_too_large',
  'request_timeout',
  'unsupported_media_type',
  'setup_already_done',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** JSON-pointer-like path of the offending field, e.g. `members/0/email` or `row 4, column grade`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'your role does not allow this action') => new AppError('forbidden', why);
export const invalid = (message: string, issues: FieldIssue[] = []) =>
  new AppError('validation_failed', message, issues);
