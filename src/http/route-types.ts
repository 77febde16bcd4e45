import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/connection.ts';
import type { AppEnv } from '../modules/context.ts';
import type { ContentStore } from '../storage/content-store.ts';
import type { Auth } from './auth.ts';

// What every `*.routes.ts` receives, kept apart from app.ts and routes.ts so that route files do not import
// the files that register them.

/** The Fastify instance with Zod schemas. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the composition root hands to the routes that need more than the app. */
export interface ModuleDeps {
  database: DatabaseHandle;
  auth: Auth;
  env: AppEnv;
  version: string;
  store: ContentStore;
  maxUploadBytes: number;
  /** CLOSELOOP_RATE_LIMIT: routes that limit their callers do so only when on. */
  rateLimit: boolean;
  /** The runtime's logger: what background work run from a route (a job retry) logs to. */
  log: Logger;
}
