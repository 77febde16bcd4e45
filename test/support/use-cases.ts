import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { expect } from 'vitest';
import type { Role } from '../../src/contracts/roles.ts';
import { createAccount } from '../../src/modules/accounts/accounts.service.ts';
import {
  makeContext as makeRealContext,
  type OrganisationRef,
  type OrgContext,
  type Who,
} from '../../src/modules/context.ts';
import { admitMember } from '../../src/modules/members/index.ts';
import { createOrganisation } from '../../src/modules/organisations/organisations.service.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { scopeOf } from '../../src/vocabulary/index.ts';
import { type Kind, migratedDatabase, PASSWORD, testConfig } from './harness.ts';

// Use-case tests: the service functions called with `(input, ctx)` against a real, migrated SQLite or
// PostgreSQL database, without Fastify. People are made through better-auth (test-only argon2 cost) and
// memberships through the repository: no sign-up, no invitation mail, no sign-in round trip.

export interface UseCaseDb {
  kind: Kind;
  rt: Runtime;
  close(): Promise<void>;
}

/** A fresh database of `kind` with every migration applied, and the runtime around it (mailer, auth). */
export async function startUseCaseDb(kind: Kind, env: Record<string, string> = {}): Promise<UseCaseDb> {
  const db = await migratedDatabase(kind);
  const rt = await createRuntime(testConfig(db, { PUBLIC_URL: 'http://localhost:3999', ...env }), {
    migrate: true,
    logger: pino({ level: 'silent' }),
  });
  return { kind, rt, close: () => rt.close() };
}

export interface Person {
  id: string;
  email: string;
}

export interface TestOrganisation extends OrganisationRef {
  admin: Person;
}

/** An organisation with its administrator `admin@<slug>.test`, made by the same use-case as setup. */
export async function makeOrganisation(u: { rt: Runtime }, slug: string): Promise<TestOrganisation> {
  const email = `admin@${slug}.test`;
  const admin = await createAccount(u.rt.auth, { name: `${slug} admin`, email, password: PASSWORD });
  const org = await createOrganisation(
    { slug, name: `${slug} Ltd`, adminUserId: admin.id, adminEmail: email },
    { database: u.rt.database, env: u.rt.env },
  );
  return { id: org.id, slug: org.slug, name: org.name, admin: { id: admin.id, email } };
}

/** A person who is a member of `org` with `role` (and, for a guest, a finding scope). */
export async function addPerson(
  u: { rt: Runtime },
  org: OrganisationRef,
  email: string,
  role: Role,
  scope: string[] | null = null,
): Promise<Person> {
  const user = await createAccount(u.rt.auth, { name: email.split('@')[0]!, email, password: PASSWORD });
  await admitMember(u.rt.database.db, {
    id: randomUUID(),
    organisationId: org.id,
    userId: user.id,
    role,
    createdAt: new Date().toISOString(),
    scope,
  });
  return { id: user.id, email };
}

/**
 * The context a use-case receives, built by the real `makeContext` as the gate builds it for a signed-in
 * member: `role` (and `scope`, a guest's finding ids) is what the use-case is checked against. The person
 * defaults to the organisation's administrator; `who` names another actor kind (the CLI, a job) instead.
 */
export function makeContext(
  u: { rt: Runtime },
  org: OrganisationRef & { admin?: Person },
  opts:
    | { role: Role; person?: Person; scope?: string[] | null; now?: () => Date }
    | { who: Exclude<Who, { kind: 'member' }>; now?: () => Date },
): OrgContext {
  const deps = {
    db: u.rt.database.db,
    kind: u.rt.database.kind,
    env: u.rt.env,
    ...(opts.now ? { now: opts.now } : {}),
  };
  const ref = { id: org.id, slug: org.slug, name: org.name };
  if ('who' in opts) return makeRealContext(opts.who, ref, deps);
  const person = opts.person ?? org.admin;
  if (!person) throw new Error('makeContext: name the person acting (the organisation has no admin here)');
  const who: Who = {
    kind: 'member',
    userId: person.id,
    email: person.email,
    via: 'session',
    role: opts.role,
    scope: scopeOf(opts.scope),
  };
  return makeRealContext(who, ref, deps);
}

/** How many entries the organisation's audit trail holds (a refused use-case adds none). */
export async function trailLength(u: { rt: Runtime }, org: OrganisationRef): Promise<number> {
  const rows = await u.rt.database.db
    .selectFrom('audit_entry')
    .select('seq')
    .where('organisation_id', '=', org.id)
    .execute();
  return rows.length;
}

/** The call is refused with `code` (`forbidden` unless told) and the audit trail is as it was. */
export async function expectRefused(
  u: { rt: Runtime },
  org: OrganisationRef,
  call: () => Promise<unknown>,
  code: 'forbidden' | 'not_found' = 'forbidden',
): Promise<void> {
  const before = await trailLength(u, org);
  await expect(call()).rejects.toMatchObject({ code });
  expect(await trailLength(u, org)).toBe(before);
}
