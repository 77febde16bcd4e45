// Background jobs from the command line (issue #17): what is scheduled, run one now, read and retry the
// dead letters. Heavy modules load inside run().
import type { Command, CommandRun } from '../command.ts';

async function withJobDeps<T>(
  run: CommandRun,
  work: (deps: import('../../modules/jobs/index.ts').JobDeps) => Promise<T>,
) {
  const { createCoreRuntime } = await import('../../runtime.ts');
  const rt = await createCoreRuntime({ ...run.config, logLevel: 'warn' });
  try {
    return await work({
      db: rt.database.db,
      kind: rt.database.kind,
      env: rt.env,
      log: rt.log,
      now: () => new Date(),
    });
  } finally {
    await rt.close();
  }
}

const print = (run: CommandRun, value: unknown) => run.io.stdout(`${JSON.stringify(value, null, 2)}\n`);

export const jobsListCommand: Command = {
  path: ['jobs', 'list'],
  summary: 'list the scheduled background jobs (name, UTC cron schedule, what each does)',
  usage: 'jobs list',
  options: {},
  async run(run) {
    const { listJobs } = await import('../../modules/jobs/index.ts');
    print(run, listJobs());
    return 0;
  },
};

export const jobsRunCommand: Command = {
  path: ['jobs', 'run'],
  summary: 'run one background job now in this process and print its result',
  usage: 'jobs run NAME [--data-dir DIR] [--database-url URL]',
  options: {},
  positionals: [{ name: 'NAME (see closeloop jobs list)', required: true }],
  async run(run) {
    const { runJobNow } = await import('../../modules/jobs/index.ts');
    const result = await withJobDeps(run, (deps) => runJobNow(String(run.positionals[0]), deps));
    print(run, { job: run.positionals[0], result });
    return 0;
  },
};

export const jobsFailedCommand: Command = {
  path: ['jobs', 'failed'],
  summary:
    'list background jobs that failed after their last retry (the dead letters, with their organisation), newest first',
  usage: 'jobs failed [--data-dir DIR] [--database-url URL]',
  options: {},
  async run(run) {
    const { listFailedJobs } = await import('../../modules/jobs/index.ts');
    print(run, await withJobDeps(run, (deps) => listFailedJobs(deps.db)));
    return 0;
  },
};

export const jobsRetryCommand: Command = {
  path: ['jobs', 'retry'],
  summary:
    "run a failed job again (an organisation's: its part only, on its audit trail); on success its dead letter is removed, else exit 1",
  usage: 'jobs retry ID [--data-dir DIR] [--database-url URL]',
  options: {},
  positionals: [{ name: 'ID (see closeloop jobs failed)', required: true }],
  async run(run) {
    const { retryFailedJob } = await import('../../modules/jobs/index.ts');
    const result = await withJobDeps(run, (deps) => retryFailedJob(String(run.positionals[0]), deps));
    print(run, result);
    return result.outcome === 'succeeded' ? 0 : 1;
  },
};
