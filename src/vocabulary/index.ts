// The vocabulary of closeloop: the terms every layer shares (grades, statuses, audit types, roles, actor
// kinds, the deadline-policy schema and the policy table). It imports only zod, so the domain, the
// contracts, the server, the CLI and the web app may all import it.
export * from './actors.ts';
export * from './audit-types.ts';
export * from './controls.ts';
export * from './deadline-policy.ts';
export * from './grades.ts';
export * from './labels.ts';
export * from './objectives.ts';
export * from './policy.ts';
export * from './roles.ts';
export * from './statuses.ts';
export * from './trust.ts';
export * from './units.ts';
export * from './webhooks.ts';
