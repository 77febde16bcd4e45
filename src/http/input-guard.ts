import type { FastifyInstance } from 'fastify';
import { AppError } from '../contracts/errors.ts';

const NUL = '\u0000';

/** The path (field) of the first string or key holding a NUL character, walked without recursion. */
export function firstNul(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  let visited = 0;
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (++visited > 1_000_000) return null; // bounded; the body limit bounds it well before this
    if (typeof v === 'string') {
      if (v.includes(NUL)) return at;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], `${at}/${i}`]);
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes(NUL)) return at;
        stack.push([child, `${at}/${k}`]);
      }
    }
  }
  return null;
}

const refuse = (path: string) =>
  new AppError('validation_failed', `${path} contains a NUL character`, [
    { path, message: 'must not contain the NUL character (U+0000)' },
  ]);

/**
 * No text in closeloop holds U+0000, and PostgreSQL cannot store it (text and jsonb refuse it, which
 * surfaced as a 500 on 296 operations, issue #18): a NUL anywhere in the path, query, cookies or JSON
 * body is refused with a 400 before anything reads it. Registered before the gate, so even the session
 * lookup never sees one.
 */
export function registerInputGuard(app: FastifyInstance) {
  const hasNul = (s: string) => s.includes(NUL) || s.includes('%00');
  // Synchronous: nothing is awaited, so no promise per request (#16).
  app.addHook('onRequest', (req, _reply, done) => {
    if (hasNul(req.url)) throw refuse(req.url.includes('?') ? 'query' : 'path');
    if (req.headers.cookie && hasNul(req.headers.cookie)) throw refuse('cookie');
    done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const at = req.body === undefined ? null : firstNul(req.body, 'body');
    if (at) throw refuse(at);
    done();
  });
}
