import { AppError } from '../contracts/errors.ts';
import { makeContext, type OrgContext } from '../modules/context.ts';
import type { CommandRun } from './command.ts';

/**
 * Runs a use-case for one organisation from the command line. The CLI acts as `cli`, an operator with
 * shell access to the server and its database, allowed what the policy table grants `cli`; the audit
 * trail says so.
 */
export async function withOrganisation<T>(
  run: CommandRun,
  slug: string,
  work: (ctx: OrgContext) => Promise<T>,
): Promise<T> {
  const { createCoreRuntime } = await import('../runtime.ts');
  const { organisationBySlug } = await import('../modules/organisations/index.ts');
  const rt = await createCoreRuntime({ ...run.config, logLevel: 'warn' });
  try {
    const org = await organisationBySlug(rt.database.db, slug);
    if (!org) throw new AppError('not_found', `no organisation with slug '${slug}'`);
    const organisation = { id: org.id, slug: org.slug, name: org.name };
    return await work(makeContext({ kind: 'cli' }, organisation, { ...rt.database, env: rt.env }));
  } finally {
    await rt.close();
  }
}

export const printJson = (run: CommandRun, value: unknown) =>
  run.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
