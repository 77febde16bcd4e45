import { type Command, UsageError } from '../command.ts';

export const storageMigrateCommand: Command = {
  path: ['storage', 'migrate'],
  summary: 'move the file store (evidence, certificates, trust documents) into PostgreSQL, verified',
  usage: 'storage migrate --to postgres [--data-dir DIR] [--database-url URL]',
  options: {
    to: { type: 'string', description: 'target store: postgres', required: true },
  },
  async run({ config, io, options }) {
    if (options.to !== 'postgres') throw new UsageError('--to: only postgres is supported');
    if (!config.databaseUrl)
      throw new UsageError('--to postgres needs DATABASE_URL (or --database-url) of the target database');
    const { openDatabase } = await import('../../db/connection.ts');
    const { existingSecret } = await import('../../http/secret.ts');
    const { migrateToLatest } = await import('../../db/migrate.ts');
    const { fileContentStore } = await import('../../storage/content-store.ts');
    const { fileStoreRoot } = await import('../../storage/open.ts');
    const { postgresContentStore } = await import('../../storage/postgres-content-store.ts');
    const { copyStore } = await import('../../storage/copy-store.ts');
    const database = openDatabase(config);
    try {
      await migrateToLatest(database.db, {
        serverSecret: existingSecret(config.dataDir, config.secret),
      });
      const root = fileStoreRoot(config.dataDir);
      const report = await copyStore(fileContentStore(root), postgresContentStore(database.db));
      for (const f of report.failed) io.stderr(`${f.sha256}: ${f.reason}\n`);
      io.stdout(
        `copied ${report.copied} file(s), ${report.alreadyPresent} already present, ` +
          `${report.bytes} bytes verified by SHA-256, ${report.failed.length} failed (from ${root})\n`,
      );
      // The files stay on disk: remove the folder once the instances run on PostgreSQL.
      return report.failed.length === 0 ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
