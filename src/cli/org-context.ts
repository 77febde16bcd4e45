import { AppError } from '../contracts/errors.ts';
import type { OrgContext } from '../modules/context.ts';
import type { CommandRun } from './command.ts';

/**
 * Runs a use-case for one organisation from the command line. The CLI acts as `cli`, an operator with
 * shell access to the server and its database, so with the administrator's role; the audit trail says so.
 */
export async function withOrganisation<T>(
  run: CommandRun,
  slug: string,
  work: (ctx: OrgContext) => Promise<T>,
): Promise<T> {
  const { createRuntime } = await import('../runtime.ts');
  const { findOrganisationBySlug } = await import('../modules/organisations/index.ts');
  const rt = await createRuntime({ ...run.config, logLevel: 'warn' });
  try {
    const org = await findOrganisationBySlug(rt.database.db, slug);
    if (!org) throw new AppError('not_found', `no organisation with slug '${slug}'`);
    return await work({
      actor: { userId: null, label: 'cli', via: 'cli' },
      organisation: { id: org.id, slug: org.slug, name: org.name },
      role: 'admin',
      db: rt.database.db,
      kind: rt.database.kind,
      now: () => new Date(),
      env: rt.env,
    });
  } finally {
    await rt.close();
  }
}

export const printJson = (run: CommandRun, value: unknown) =>
  run.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
