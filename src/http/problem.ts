import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from '../contracts/errors.ts';

// RFC 9457 problem details. Known errors keep their stable code; anything else becomes a generic 500
// carrying only a log id, so internals never reach the client (OWASP ASVS 7.4.1).
export const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  origin_rejected: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  not_risk_owner: 409,
  setup_already_done: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  request_timeout: 408,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  origin_rejected: 'Cross-site request refused',
  not_found: 'Not found',
  conflict: 'Conflict',
  invalid_state: 'Not possible in the current state',
  not_risk_owner: 'Signed by someone other than the risk owner',
  setup_already_done: 'Setup already done',
  payload_too_large: 'Too large',
  headers_too_large: 'Request headers too large',
  request_timeout: 'Request too slow',
  unsupported_media_type: 'Unsupported file type',
  rate_limited: 'Too many requests',
  unavailable: 'Not ready to serve',
  internal: 'Internal error',
};

export function problemBody(code: ErrorCode, detail: string, instance: string, errors?: FieldIssue[]) {
  return {
    type: `https://closeloop.dev/problems/${code.replaceAll('_', '-')}`,
    title: titles[code],
    status: statusOf[code],
    detail,
    code,
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function zodIssues(err: FastifyError): FieldIssue[] {
  const validation = (err.validation ?? []) as {
    instancePath?: string;
    message?: string;
    params?: unknown;
  }[];
  const where = err.validationContext ?? 'body';
  return validation.map((v) => {
    const issue = (v.params as { issue?: { path?: (string | number)[]; message?: string } } | undefined)
      ?.issue;
    const p = issue?.path?.join('/') ?? v.instancePath?.replace(/^\//, '') ?? '';
    return { path: p ? `${where}/${p}` : where, message: issue?.message ?? v.message ?? 'invalid' };
  });
}

/**
 * Constraint violations are the database's last word on an invariant that the use-case checked first but
 * a concurrent request won (two creations of one reference at once): a 409, not a 500. Codes: PostgreSQL
 * SQLSTATE (Appendix A of its manual) and SQLite extended result codes as better-sqlite3 names them.
 */
function databaseProblem(err: { code?: unknown }): { code: ErrorCode; detail: string } | null {
  const c = typeof err.code === 'string' ? err.code : '';
  if (c === '23505' || c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return { code: 'conflict', detail: 'this already exists (a concurrent request created it first)' };
  if (c === '40001' || c === '40P01' || c === 'SQLITE_BUSY')
    return { code: 'conflict', detail: 'a concurrent change won; reload and try again' };
  // 22003: a number out of the column's range, e.g. a denormal 9.4e-323 days in a `real` (found by the fuzzer).
  if (c === '22021' || c === '22P05' || c === '22007' || c === '22008' || c === '22003')
    return { code: 'validation_failed', detail: 'a value cannot be stored as given' };
  return null;
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (
      code: ErrorCode,
      detail: string,
      errors?: FieldIssue[],
      extra: Record<string, string> = {},
    ) =>
      reply
        .status(statusOf[code])
        .type('application/problem+json')
        .send({ ...problemBody(code, detail, req.url.split('?')[0] ?? req.url, errors), ...extra });
    if (err instanceof AppError) return send(err.code, err.message, err.issues);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = zodIssues(err);
      return send('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      return send('payload_too_large', 'the request body is larger than allowed');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send('unsupported_media_type', err.message);
    if (err.statusCode === 429) return send('rate_limited', 'slow down and try again in a minute');
    const db = databaseProblem(err);
    if (db) return send(db.code, db.detail);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send('validation_failed', err.message);
    }
    const logId = randomUUID();
    req.log.error({ err, logId }, 'unhandled error');
    return send('internal', `something went wrong; quote log id ${logId} to your administrator`, undefined, {
      logId,
    });
  });
  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .type('application/problem+json')
      .send(problemBody('not_found', `no route for ${req.method} ${req.url.split('?')[0]}`, req.url));
  });
}
