import { type Command, UsageError } from '../command.ts';
import { version } from './serve.ts';

const POSTGRES_HINT =
  'with PostgreSQL, back up with pg_dump -Fc (the files are inside the database) and restore with pg_restore: ' +
  'docs/guide/operations.md, "Backup and restore"';

export const backupCommand: Command = {
  path: ['backup'],
  summary: 'write a consistent online backup of a SQLite install (database, secret, files) to one ZIP',
  usage: 'backup --out FILE [--data-dir DIR]',
  options: {
    out: { type: 'string', description: 'the backup file to write (must not exist)', required: true },
  },
  async run({ config, io, options }) {
    if (config.databaseUrl) throw new UsageError(POSTGRES_HINT);
    const { backupSqlite, BackupError } = await import('../../db/backup.ts');
    try {
      const manifest = await backupSqlite(config.dataDir, String(options.out), version);
      io.stdout(`${JSON.stringify({ out: options.out, ...manifest }, null, 2)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof BackupError || (err as NodeJS.ErrnoException).code === 'EEXIST') {
        io.stderr(`backup refused: ${err instanceof BackupError ? err.message : `${options.out} exists`}\n`);
        return 1;
      }
      throw err;
    }
  },
};

export const restoreCommand: Command = {
  path: ['restore'],
  summary: 'restore a backup made by closeloop backup into an empty data folder, verifying every hash',
  usage: 'restore --from FILE [--data-dir DIR]',
  options: { from: { type: 'string', description: 'the backup file', required: true } },
  async run({ config, io, options }) {
    if (config.databaseUrl) throw new UsageError(POSTGRES_HINT);
    const { restoreSqlite, BackupError } = await import('../../db/backup.ts');
    try {
      const result = await restoreSqlite(String(options.from), config.dataDir, config.secret);
      io.stdout(`${JSON.stringify({ dataDir: config.dataDir, ...result }, null, 2)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof BackupError) {
        io.stderr(`restore refused: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
