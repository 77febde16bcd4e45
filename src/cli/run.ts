import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../contracts/errors.ts';
import { SchemaTooNewError } from '../db/migrate.ts';
import { type Command, helpText, type IO, parseCommandArgs, UsageError } from './command.ts';
import { commands } from './registry.ts';

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | null {
  let best: { cmd: Command; rest: string[] } | null = null;
  for (const cmd of commands) {
    if (cmd.path.every((w, i) => argv[i] === w) && (!best || cmd.path.length > best.cmd.path.length)) {
      best = { cmd, rest: argv.slice(cmd.path.length) };
    }
  }
  return best;
}

function overview(): string {
  const lines = ['closeloop — ISO/IEC 27001 audit follow-up', '', 'commands:'];
  for (const c of commands) lines.push(`  ${c.path.join(' ').padEnd(28)}${c.summary}`);
  lines.push('', "Run 'closeloop <command> --help' for a command's options.");
  return `${lines.join('\n')}\n`;
}

/**
 * Runs one `closeloop` invocation with the given streams and environment and returns its exit code
 * (-1: a server keeps running). The process entry is `main.ts`; tests call this in-process.
 */
export async function runCli(argv: string[], io: IO, env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout(overview());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    io.stdout(
      `${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`,
    );
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`closeloop: unknown command '${argv.join(' ')}'; run 'closeloop --help'\n`);
    return 2;
  }
  const { cmd, rest } = found;
  try {
    const parsed = parseCommandArgs(cmd, rest);
    if (parsed.help) {
      io.stdout(helpText(cmd));
      return 0;
    }
    const config = loadConfig(env, {
      ...(typeof parsed.values['data-dir'] === 'string' ? { dataDir: parsed.values['data-dir'] } : {}),
      ...(typeof parsed.values['database-url'] === 'string'
        ? { databaseUrl: parsed.values['database-url'] }
        : {}),
    });
    return await cmd.run({ options: parsed.values, positionals: parsed.positionals, config, io });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`closeloop ${cmd.path.join(' ')}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof SchemaTooNewError) {
      io.stderr(`closeloop: ${err.message}\n`);
      return 1;
    }
    if (err instanceof AppError) {
      const detail = err.issues.map((i) => `\n  ${i.path}: ${i.message}`).join('');
      io.stderr(`closeloop ${cmd.path.join(' ')}: ${err.message}${detail}\n`);
      return 1;
    }
    throw err;
  }
}
