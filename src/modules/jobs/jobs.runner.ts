import type { OrganisationRef } from '../context.ts';
import { organisationsAfter } from '../organisations/index.ts';
import type { JobDefinition, JobDeps, OrganisationJobDeps } from './jobs.catalogue.ts';
import { recordJobFailure } from './jobs.repository.ts';

/** How many times a job is tried before it becomes a dead letter, and the first retry delay. */
export const RETRY = { attempts: 4, firstDelaySeconds: 30 } as const;

/** Delay before attempt `next` (2, 3, …): 30 s, 60 s, 120 s — exponential back-off. */
export const retryDelayMs = (next: number) => RETRY.firstDelaySeconds * 1000 * 2 ** (next - 2);

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A sweep in which some organisations' work failed; each of them got (or will get) its own dead letter. */
export class OrganisationsFailed extends Error {
  constructor(
    job: string,
    readonly failures: { organisation: OrganisationRef; message: string }[],
  ) {
    super(
      `${job} failed for ${failures.length} organisation${failures.length === 1 ? '' : 's'}: ` +
        failures.map((f) => `${f.organisation.slug}: ${f.message}`).join('; '),
    );
  }
}

interface Attempt {
  attempt: number;
  attempts: number;
  data?: unknown;
}

/**
 * One attempt of a job, the same on both drivers: logs the outcome; on the last attempt a failure is
 * recorded as a dead letter (`closeloop jobs failed`) before it is rethrown. A failure is never swallowed.
 * An organisation job goes through every organisation even when one fails; each organisation still failing
 * at the last attempt gets a dead letter of its own, which that organisation's admins see.
 */
export async function attempt(def: JobDefinition, deps: JobDeps, at: Attempt): Promise<unknown> {
  const started = Date.now();
  const last = at.attempt >= at.attempts;
  try {
    const result = def.scope === 'instance' ? await def.run(deps) : await sweep(def, deps, at);
    deps.log.info({ job: def.name, attempt: at.attempt, ms: Date.now() - started, result }, 'job done');
    return result;
  } catch (err) {
    deps.log.error({ job: def.name, attempt: at.attempt, attempts: at.attempts, err }, 'job failed');
    if (last && !(err instanceof OrganisationsFailed))
      await deadLetter(deps, def, { data: at.data ?? {}, error: messageOf(err), attempts: at.attempt }, null);
    throw err;
  }
}

/** One organisation's part of an organisation job, once: a retry from that organisation's dead letter. */
export function runForOrganisation(def: JobDefinition, deps: OrganisationJobDeps, org: OrganisationRef) {
  if (def.scope !== 'organisation') throw new Error(`${def.name} is not an organisation job`);
  return def.runFor(deps, org);
}

async function sweep(def: Extract<JobDefinition, { scope: 'organisation' }>, deps: JobDeps, at: Attempt) {
  const failures: { organisation: OrganisationRef; message: string }[] = [];
  let after = '';
  let count = 0;
  // A page of organisations at a time: a sweep never loads every organisation at once.
  for (;;) {
    const page = await organisationsAfter(deps.db, after, 100);
    for (const org of page) {
      count++;
      try {
        await def.runFor(deps, org);
      } catch (err) {
        failures.push({ organisation: org, message: messageOf(err) });
        deps.log.error({ job: def.name, organisation: org.slug, err }, 'job failed for an organisation');
      }
    }
    if (page.length < 100) break;
    after = page.at(-1)!.id;
  }
  if (failures.length === 0) return { organisations: count };
  if (at.attempt >= at.attempts)
    for (const f of failures)
      await deadLetter(
        deps,
        def,
        { data: { organisation: f.organisation.slug }, error: f.message, attempts: at.attempt },
        f.organisation.id,
      );
  throw new OrganisationsFailed(def.name, failures);
}

async function deadLetter(
  deps: JobDeps,
  def: JobDefinition,
  row: { data: unknown; error: string; attempts: number },
  organisationId: string | null,
) {
  await recordJobFailure(deps.db, {
    job: def.name,
    ...row,
    failedAt: deps.now().toISOString(),
    organisationId,
  }).catch((e) => deps.log.error({ job: def.name, err: e }, 'could not record the dead letter'));
}
