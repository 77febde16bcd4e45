import { readFileSync } from 'node:fs';
import type { JobTimer } from '../../jobs/registry.ts';
import { type Command, intOpt } from '../command.ts';

export const version: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'run the web application and API',
  usage: 'serve [--port N] [--host H] [--demo]',
  options: {
    port: { type: 'string', description: 'TCP port (default 3000, or PORT)' },
    host: { type: 'string', description: 'interface to listen on (default 127.0.0.1, or HOST)' },
    demo: { type: 'boolean', description: 'load the demo organisation before starting' },
  },
  async run(run) {
    const port = intOpt(run, 'port');
    const host = typeof run.options.host === 'string' ? run.options.host : undefined;
    const config = {
      ...run.config,
      ...(port !== undefined ? { port } : {}),
      ...(host ? { host } : {}),
    };
    if (port !== undefined && !process.env.PUBLIC_URL) config.publicUrl = `http://localhost:${port}`;
    const { createRuntime } = await import('../../runtime.ts');
    const { buildApp } = await import('../../http/app.ts');
    const { loadDemo } = await import('../../demo/index.ts');
    const rt = await createRuntime(config);
    if (run.options.demo) {
      const demo = await loadDemo(rt);
      rt.log.info(
        { people: demo.people.map((p) => `${p.email} (${p.role})`) },
        `demo organisation '${demo.slug}' ${demo.created ? 'loaded' : 'already present'}; every demo person's password is ${demo.password}`,
      );
    }
    const app = await buildApp(rt, { version });
    let closing = false;
    let jobs: JobTimer | undefined;
    // Graceful shutdown, fit for a load balancer: fail readiness at once, keep serving for the drain
    // period (CLOSELOOP_DRAIN_SECONDS) so the balancer notices, then stop accepting, let in-flight
    // requests and the running background jobs finish, and close the database.
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      rt.lifecycle.draining = true;
      rt.log.info({ signal, drainSeconds: config.drainSeconds }, 'shutting down: not ready any more');
      if (config.drainSeconds > 0) await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
      rt.log.info('closing the listener; in-flight requests finish');
      await app.close();
      await jobs?.stop();
      await rt.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    await app.listen({ port: config.port, host: config.host });
    // Deadline reminders and daily digests (each message goes out once), loaded when they first run.
    rt.jobs.register('notifications.due', async (deps) => {
      const { sendDueNotifications } = await import('../../modules/notifications/index.ts');
      const sent = await sendDueNotifications(deps);
      deps.log.info(sent, 'due notifications');
      return sent;
    });
    const { startJobTimer } = await import('../../jobs/registry.ts');
    jobs = startJobTimer(
      rt.jobs,
      [
        { name: 'notifications.due', everyMs: 15 * 60_000 },
        { name: 'posture.daily', everyMs: 15 * 60_000 },
        // Organisations marked by a change get their trend point here, at most once a minute each.
        { name: 'posture.refresh', everyMs: 15_000 },
      ],
      rt.jobDeps(),
    );
    rt.log.info(
      { url: config.publicUrl, database: rt.database.kind, location: rt.database.location },
      `closeloop is running at ${config.publicUrl}`,
    );
    return -1;
  },
};
