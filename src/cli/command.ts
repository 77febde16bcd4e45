import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';

export type OptionSpec = {
  type: 'string' | 'boolean';
  description: string;
  required?: boolean;
  multiple?: boolean;
};

export interface IO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export interface CommandRun {
  options: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  config: Config;
  io: IO;
}

export interface Command {
  /** Words that select the command, e.g. ['org', 'create']. */
  path: string[];
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  positionals?: { name: string; required: boolean }[];
  run(run: CommandRun): Promise<number>;
}

/** Bad command-line input: the CLI prints one line and exits 2 (the contract in issue #2). */
export class UsageError extends Error {}

export const globalOptions: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', description: 'data folder (default ./data, or CLOSELOOP_DATA_DIR)' },
  'database-url': { type: 'string', description: 'postgres://… to use PostgreSQL instead of SQLite' },
  help: { type: 'boolean', description: 'show help for this command' },
};

export function parseCommandArgs(cmd: Command, argv: string[]) {
  const spec = { ...globalOptions, ...cmd.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(spec).map(([k, v]) => [
          k,
          { type: v.type, ...(v.multiple ? { multiple: true } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
  if (parsed.values.help)
    return { help: true as const, values: parsed.values, positionals: parsed.positionals };
  for (const [k, v] of Object.entries(cmd.options)) {
    if (v.required && parsed.values[k] === undefined)
      throw new UsageError(`missing --${k} (${v.description})`);
  }
  const wanted = cmd.positionals ?? [];
  if (parsed.positionals.length > wanted.length) {
    throw new UsageError(`unexpected argument '${parsed.positionals[wanted.length]}'`);
  }
  wanted.forEach((p, i) => {
    if (p.required && parsed.positionals[i] === undefined) throw new UsageError(`missing ${p.name}`);
  });
  return { help: false as const, values: parsed.values, positionals: parsed.positionals };
}

export function helpText(cmd: Command): string {
  const lines = [
    `closeloop ${cmd.path.join(' ')} — ${cmd.summary}`,
    '',
    `usage: closeloop ${cmd.usage}`,
    '',
    'options:',
  ];
  for (const [k, v] of Object.entries({ ...cmd.options, ...globalOptions })) {
    lines.push(
      `  --${k}${v.type === 'string' ? ' VALUE' : ''}`.padEnd(30) +
        v.description +
        (v.required ? ' (required)' : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Strings and numbers from options, with the CLI's one-line errors. */
export function stringOpt(run: CommandRun, name: string): string {
  const v = run.options[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${name}`);
  return v;
}

export function intOpt(run: CommandRun, name: string): number | undefined {
  const v = run.options[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number, got '${String(v)}'`);
  return n;
}
