import type { Role } from './roles.ts';

// Who can act on an organisation's data. Only members have a role; the others act for closeloop itself
// and are granted actions one by one in the policy table (src/vocabulary/policy.ts).
//   member   a person (session or personal API token) with a role and a scope
//   cli      the `closeloop` command: an operator with shell access to the server and its database
//   visitor  someone on a published trust page (not an account)
//   feed     a calendar application fetching a private feed (a capability URL)
//   system   the server's own jobs (reminders, daily figures)
export const actorKinds = ['member', 'cli', 'visitor', 'feed', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];
export type OutsideActorKind = Exclude<ActorKind, 'member'>;

/**
 * Which findings a member reaches: all of the organisation's, the ones they were invited to (a guest,
 * e.g. the certification body's auditor), or the ones they own.
 */
export type MemberScope =
  | { kind: 'all' }
  | { kind: 'invited'; findingIds: readonly string[] }
  | { kind: 'own'; userId: string };

export type ActorAccess = { kind: 'member'; role: Role; scope: MemberScope } | { kind: OutsideActorKind };

export const allFindings: MemberScope = { kind: 'all' };

/** The membership's stored scope: a list of finding ids (a guest) or none (all findings). */
export const scopeOf = (findingIds: readonly string[] | null | undefined): MemberScope =>
  findingIds ? { kind: 'invited', findingIds } : allFindings;

export const actorKindLabels: Record<ActorKind, string> = {
  member: 'member',
  cli: 'cli',
  visitor: 'trust page visitor',
  feed: 'calendar feed',
  system: 'system',
};
