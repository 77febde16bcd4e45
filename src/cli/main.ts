import type { IO } from './command.ts';
import { runCli } from './run.ts';

const io: IO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const code = await runCli(process.argv.slice(2), io, process.env);
// Commands that started a server keep the process alive themselves; the rest exit with their code.
if (code >= 0) process.exit(code);
