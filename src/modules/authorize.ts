import { forbidden, notFound } from '../contracts/errors.ts';
import { type Action, mayDo } from '../vocabulary/policy.ts';
import type { OrgContext } from './context.ts';

/** What a use-case acts on, when the actor's scope may limit it. */
export type Subject =
  /** One finding (and its owner, for members limited to their own findings). */
  | { findingId: string; ownerId?: string | null }
  /** A list the use-case itself narrows to the actor's findings (`findingScope`). */
  | 'scoped-list';

/**
 * The policy table, checked inside every use-case (the gate checks it first at the HTTP edge; the CLI,
 * jobs and other modules reach use-cases without it). Deny by default: an action the table does not grant
 * the actor is `forbidden`; a finding outside a member's scope is `not_found`, the same answer as a
 * finding that does not exist. A member limited to some findings reaches nothing but them.
 */
export function authorize(
  ctx: Pick<OrgContext, 'access' | 'actor'>,
  action: Action | readonly Action[],
  subject?: Subject,
): void {
  const access = ctx.access;
  // A list: any one of the actions will do (review reminders: a document manager, or the reminder job).
  const actions: readonly Action[] = typeof action === 'string' ? [action] : action;
  if (!actions.some((a) => mayDo(access, a)))
    throw forbidden(`${whoActs(ctx)} may not ${actions[0]!.replace('.', ' ')}`);
  if (access.kind !== 'member' || access.scope.kind === 'all') return;
  if (subject === 'scoped-list') return;
  if (!subject) throw forbidden('a guest sees only the findings they were invited to');
  const scope = access.scope;
  const inScope =
    scope.kind === 'invited'
      ? scope.findingIds.includes(subject.findingId)
      : subject.ownerId !== undefined && subject.ownerId === scope.userId;
  if (!inScope) throw notFound('finding');
}

/** The findings a list may show the actor: null for all, else the ids of the invited or owned ones. */
export function findingScope(ctx: Pick<OrgContext, 'access'>): { ids?: readonly string[]; ownerId?: string } {
  const a = ctx.access;
  if (a.kind !== 'member') return {};
  if (a.scope.kind === 'invited') return { ids: a.scope.findingIds };
  if (a.scope.kind === 'own') return { ownerId: a.scope.userId };
  return {};
}

const whoActs = (ctx: Pick<OrgContext, 'access' | 'actor'>) =>
  ctx.access.kind === 'member' ? `the ${ctx.access.role.replaceAll('_', ' ')} role` : ctx.actor.label;
