// Heavy modules load inside run(): `--help` and argument errors answer without loading them.
import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'apply pending database migrations',
  usage: 'migrate [--data-dir DIR] [--database-url URL]',
  options: {},
  async run({ config, io }) {
    const { openDatabase } = await import('../../db/connection.ts');
    const { existingSecret } = await import('../../http/secret.ts');
    const { migrateToLatest, migrationLevel } = await import('../../db/migrate.ts');
    const database = openDatabase(config);
    try {
      const applied = await migrateToLatest(database.db, {
        serverSecret: existingSecret(config.dataDir, config.secret),
      });
      const level = await migrationLevel(database.db);
      io.stdout(
        `${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`} (${database.kind}, at ${level.current})\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};

export const demoCommand: Command = {
  path: ['demo'],
  summary: 'load the demo organisation (slug demo)',
  usage: 'demo [--data-dir DIR] [--database-url URL]',
  options: {},
  async run({ config, io }) {
    const { createRuntime } = await import('../../runtime.ts');
    const { loadDemo } = await import('../../demo/index.ts');
    const rt = await createRuntime({ ...config, logLevel: 'warn' });
    try {
      const result = await loadDemo(rt);
      io.stdout(
        `${result.created ? 'loaded' : 'already present:'} demo organisation '${result.slug}'\n` +
          `sign in at ${config.publicUrl} with any of these (password ${result.password}):\n` +
          result.people.map((p) => `  ${p.email.padEnd(34)} ${p.role}\n`).join(''),
      );
      return 0;
    } finally {
      await rt.close();
    }
  },
};

export const notifyCommand: Command = {
  path: ['notify'],
  summary: 'send due deadline reminders, overdue notices and daily digests now (each goes out once)',
  usage: 'notify [--data-dir DIR] [--database-url URL]',
  options: {},
  async run({ config, io }) {
    const { createCoreRuntime } = await import('../../runtime.ts');
    const { sendDueNotifications } = await import('../../modules/notifications/index.ts');
    const rt = await createCoreRuntime({ ...config, logLevel: 'warn' });
    try {
      const sent = await sendDueNotifications({
        db: rt.database.db,
        kind: rt.database.kind,
        env: rt.env,
        now: () => new Date(),
      });
      io.stdout(`${JSON.stringify(sent)}\n`);
      return 0;
    } finally {
      await rt.close();
    }
  },
};
