import type { Role } from '../contracts/roles.ts';
import { accountByEmail, createAccount } from '../modules/accounts/index.ts';
import { inTransaction, makeContext, type OrgContext } from '../modules/context.ts';
import { inviteMember } from '../modules/invitations/index.ts';
import { admitMember } from '../modules/members/index.ts';
import { createOrganisation, organisationBySlug } from '../modules/organisations/index.ts';
import type { Runtime } from '../runtime.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_PASSWORD = 'closeloop-demo-2026';
/** The demo company; the NDA, the trust page and the reports name it. */
export const DEMO_COMPANY = 'Northwind Cloud Services Ltd';

/** The people of the demo organisation: one per role, as a real ISMS would have them. */
export const demoPeople: { name: string; email: string; role: Role }[] = [
  { name: 'Priya Shah', email: 'priya.shah@demo.example', role: 'admin' },
  { name: 'Isabel Martín', email: 'isabel.martin@demo.example', role: 'isms_manager' },
  { name: 'Tom Becker', email: 'tom.becker@demo.example', role: 'action_owner' },
  { name: 'Lena Okafor', email: 'lena.okafor@demo.example', role: 'action_owner' },
  { name: 'Ravi Iyer', email: 'ravi.iyer@demo.example', role: 'internal_auditor' },
  { name: 'Claire Dubois', email: 'claire.dubois@certbody.example', role: 'external_auditor' },
  { name: 'Marcus Lee', email: 'marcus.lee@demo.example', role: 'viewer' },
];

export async function seedFoundation(rt: Runtime): Promise<OrgContext> {
  const deps = { database: rt.database, env: rt.env, who: { kind: 'cli', label: 'demo loader' } as const };
  const users = new Map<string, string>();
  for (const p of demoPeople) {
    const existing = await accountByEmail(rt.database.db, p.email);
    const user =
      existing ?? (await createAccount(rt.auth, { name: p.name, email: p.email, password: DEMO_PASSWORD }));
    users.set(p.email, user.id);
  }
  const admin = demoPeople[0]!;
  const org = await createOrganisation(
    {
      slug: DEMO_SLUG,
      name: DEMO_COMPANY,
      adminUserId: users.get(admin.email)!,
      adminEmail: admin.email,
    },
    deps,
  );
  const organisation = { id: org.id, slug: org.slug, name: org.name };
  const ctx = makeContext(deps.who, organisation, { ...rt.database, env: rt.env });
  await inTransaction(ctx, async (tx) => {
    for (const p of demoPeople.slice(1)) {
      const id = crypto.randomUUID();
      await admitMember(tx.db, {
        id,
        organisationId: org.id,
        userId: users.get(p.email)!,
        role: p.role,
        createdAt: ctx.now().toISOString(),
      });
      await tx.audit({
        action: 'member.add',
        entityType: 'membership',
        entityId: id,
        data: { email: p.email, role: p.role },
      });
    }
  });
  // The administrator invites, as in the product: the loader itself is granted no member's action.
  const invite = { email: 'sam.new@demo.example', role: 'action_owner' as const, expiresInDays: 7 };
  await inviteMember(invite, await asDemoPerson(ctx, admin.email));
  return ctx;
}

export async function demoExists(rt: Runtime): Promise<boolean> {
  return Boolean(await organisationBySlug(rt.database.db, DEMO_SLUG));
}

/** The context of one demo person, acting with their role (the demo data is made through the use-cases). */
export async function asDemoPerson(base: OrgContext, email: string): Promise<OrgContext> {
  const person = demoPeople.find((p) => p.email === email)!;
  const user = await accountByEmail(base.db, email);
  const who = { kind: 'member', userId: user!.id, email, via: 'session', role: person.role } as const;
  return makeContext(who, base.organisation, base);
}
