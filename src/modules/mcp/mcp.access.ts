import { AppError } from '../../contracts/errors.ts';
import { role as roleSchema } from '../../contracts/roles.ts';
import { scopeOf } from '../../vocabulary/index.ts';
import { verifyToken } from '../api-tokens/index.ts';
import { type ContextDeps, makeContext, type OrgContext } from '../context.ts';
import { membershipById } from '../organisations/index.ts';

/** A person acting through one of their API tokens, as the gate resolves it (src/http/principal.ts). */
export interface TokenCaller {
  userId: string;
  email: string;
  organisationId: string;
  token: { name: string; prefix: string };
}

/**
 * The organisation context of an MCP session: the token's organisation, the member's role and scope there,
 * as the gate builds it for `/api/v1/orgs/:org/…`. A token whose owner left the organisation acts nowhere.
 */
export async function tokenCallerContext(caller: TokenCaller, deps: ContextDeps): Promise<OrgContext> {
  const row = await membershipById(deps.db, caller.organisationId, caller.userId);
  if (!row)
    throw new AppError('unauthenticated', 'the token’s owner is no longer a member of its organisation');
  const scope = row.scope_json ? (JSON.parse(row.scope_json) as string[]) : null;
  return makeContext(
    {
      kind: 'member',
      userId: caller.userId,
      email: caller.email,
      via: 'token',
      token: caller.token,
      role: roleSchema.parse(row.role),
      scope: scopeOf(scope),
    },
    { id: row.id, slug: row.slug, name: row.name },
    deps,
  );
}

/** `closeloop mcp`: the secret from the command line or environment selects organisation and person. */
export async function tokenContext(secret: string, deps: ContextDeps): Promise<OrgContext> {
  const holder = await verifyToken(deps.db, secret, (deps.now ?? (() => new Date()))());
  if (!holder) throw new AppError('unauthenticated', 'the API token is unknown, revoked or expired');
  return tokenCallerContext(holder, deps);
}
