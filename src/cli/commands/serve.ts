import { readFileSync } from 'node:fs';
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
    // Background work (reminders, digests, snapshots, cycle and document reminders, clean-up): on
    // PostgreSQL a queue shared by every instance runs each job once; on SQLite it runs in this process.
    const { createJobQueue } = await import('../../modules/jobs/index.ts');
    const jobs = createJobQueue(
      { db: rt.database.db, kind: rt.database.kind, env: rt.env, log: rt.log, now: () => new Date() },
      config.databaseUrl,
    );
    // A committed webhook event asks for a delivery run at once; the minute schedule catches the rest.
    const { onDeliveryRequested } = await import('../../modules/webhooks/index.ts');
    onDeliveryRequested(() => {
      jobs.runNow('webhooks-deliver').catch((err) => rt.log.error({ err }, 'webhook delivery not queued'));
    });
    let closing = false;
    // Graceful shutdown, fit for a load balancer: fail readiness at once, keep serving for the drain
    // period (CLOSELOOP_DRAIN_SECONDS) so the balancer notices, then stop accepting, let in-flight
    // requests and running jobs finish, and close the database.
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      rt.lifecycle.draining = true;
      rt.log.info({ signal, drainSeconds: config.drainSeconds }, 'shutting down: not ready any more');
      if (config.drainSeconds > 0) await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
      rt.log.info('closing the listener; in-flight requests and jobs finish');
      // Closing drops the connections idle at that moment. One whose request finishes later would stay
      // open for the client's keep-alive (fetch keeps it 72 s on the server's own hint), and the process
      // with it: each is closed as soon as it falls idle.
      const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
      await Promise.all([app.close(), jobs.stop()]);
      clearInterval(closeIdle);
      await rt.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    await app.listen({ port: config.port, host: config.host });
    // A queue that cannot start (database busy, a pg-boss upgrade in progress elsewhere) does not take the
    // instance down: the failure is logged and the start retried; requests are served meanwhile.
    const startJobs = (): Promise<void> =>
      jobs.start().catch((err) => {
        rt.log.error({ err }, 'background jobs could not start; retrying in 30 s');
        if (!closing) setTimeout(() => void startJobs(), 30_000).unref();
      });
    await startJobs();
    rt.log.info(
      { url: config.publicUrl, database: rt.database.kind, location: rt.database.location },
      `closeloop is running at ${config.publicUrl}`,
    );
    return -1;
  },
};
