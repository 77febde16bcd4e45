import { readFile } from 'node:fs/promises';
import type { Command } from '../command.ts';

export const planSolveCommand: Command = {
  path: ['plan', 'solve'],
  summary: 'schedule a resource-constrained problem (JSON or PSPLIB .sm) and print the schedule as JSON',
  usage: 'plan solve FILE|-',
  options: {},
  positionals: [{ name: 'FILE (or - for standard input)', required: true }],
  async run({ positionals, io }) {
    const file = positionals[0]!;
    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      io.stderr(`plan solve: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      return 1;
    }
    const { runPlanSolve } = await import('./plan-solve.ts');
    return runPlanSolve(text, io);
  },
};
