import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run.ts';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a `closeloop` command in this process: the same argument parsing, configuration, exit codes and
 * messages as the binary (`src/cli/run.ts`), with stdout and stderr captured. An error the CLI does not
 * handle becomes exit code 1 with its stack on stderr, as node would print it.
 */
export async function cli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => {
      stdout += s;
    },
    stderr: (s: string) => {
      stderr += s;
    },
    readStdin: async () => stdin,
  };
  try {
    const code = await runCli(args, io, { ...process.env, LOG_LEVEL: 'silent', ...env });
    return { code, stdout, stderr };
  } catch (err) {
    return { code: 1, stdout, stderr: `${stderr}${err instanceof Error ? err.stack : String(err)}\n` };
  }
}

/**
 * Runs the `closeloop` command as a separate process, as automation would (bin/closeloop.js through
 * tsx). One smoke test per command uses this; everything else goes through `cli`.
 */
export async function cliProcess(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const r = await run('node', ['bin/closeloop.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
