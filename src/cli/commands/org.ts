import { z } from 'zod';
import { slug } from '../../contracts/common.ts';
import { AppError } from '../../contracts/errors.ts';
import { email, password } from '../../contracts/foundation.ts';
import { type Command, stringOpt, UsageError } from '../command.ts';

const orgInput = z.object({
  slug,
  name: z.string().trim().min(1).max(120),
  adminEmail: email,
  adminPassword: password,
});

export const orgCreateCommand: Command = {
  path: ['org', 'create'],
  summary: 'create an organisation and its first administrator',
  usage: 'org create --slug S --name N --admin-email E --admin-password P',
  options: {
    slug: { type: 'string', description: 'URL name of the organisation', required: true },
    name: { type: 'string', description: 'display name', required: true },
    'admin-email': { type: 'string', description: 'email of the administrator', required: true },
    'admin-password': {
      type: 'string',
      description: 'password for a new administrator account',
      required: true,
    },
  },
  async run(run) {
    const parsed = orgInput.safeParse({
      slug: stringOpt(run, 'slug'),
      name: stringOpt(run, 'name'),
      adminEmail: stringOpt(run, 'admin-email'),
      adminPassword: stringOpt(run, 'admin-password'),
    });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const flag = String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      throw new UsageError(`--${flag}: ${i.message}`);
    }
    const input = parsed.data;
    const { createRuntime } = await import('../../runtime.ts');
    const { createAccount, accountByEmail } = await import('../../modules/accounts/index.ts');
    const { createOrganisation } = await import('../../modules/organisations/index.ts');
    const rt = await createRuntime({ ...run.config, logLevel: 'warn' });
    try {
      const existing = await accountByEmail(rt.database.db, input.adminEmail);
      const user =
        existing ??
        (await createAccount(rt.auth, {
          name: input.adminEmail.split('@')[0]!,
          email: input.adminEmail,
          password: input.adminPassword,
        }));
      const org = await createOrganisation(
        { slug: input.slug, name: input.name, adminUserId: user.id, adminEmail: user.email },
        { database: rt.database, env: rt.env, who: { kind: 'cli' } },
      );
      run.io.stdout(`${JSON.stringify({ ...org, admin: { id: user.id, email: user.email } })}\n`);
      return 0;
    } finally {
      await rt.close();
    }
  },
};

export const auditLogVerifyCommand: Command = {
  path: ['audit-log', 'verify'],
  summary: "recompute an organisation's audit hash chain",
  usage: 'audit-log verify --org S',
  options: { org: { type: 'string', description: 'organisation slug', required: true } },
  async run(run) {
    const { createCoreRuntime } = await import('../../runtime.ts');
    const { verifyOrganisationTrail } = await import('../../modules/audit-log/index.ts');
    const { makeContext } = await import('../../modules/context.ts');
    const { organisationBySlug } = await import('../../modules/organisations/index.ts');
    const rt = await createCoreRuntime({ ...run.config, logLevel: 'warn' }, { migrate: false });
    try {
      const org = await organisationBySlug(rt.database.db, stringOpt(run, 'org'));
      if (!org) throw new AppError('not_found', `no organisation with slug '${String(run.options.org)}'`);
      const organisation = { id: org.id, slug: org.slug, name: org.name };
      const ctx = makeContext({ kind: 'cli' }, organisation, { ...rt.database, env: rt.env });
      const result = await verifyOrganisationTrail({}, ctx);
      if (result.firstBroken) {
        run.io.stdout(`broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason}\n`);
        return 1;
      }
      run.io.stdout(`ok ${result.entries} entries\n`);
      return 0;
    } finally {
      await rt.close();
    }
  },
};
