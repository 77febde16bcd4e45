// Body of `closeloop plan solve`: a JSON problem (or a PSPLIB .sm file) in, one JSON line out.
// The caller reads the file or stdin and parses arguments; this only decides and prints.
import type { z } from 'zod';
import { type PlanProblem, type PlanSolution, planProblem } from '../../contracts/plan-problem.ts';
import { PsplibFormatError, parsePsplib } from '../../domain/scheduling/psplib.ts';
import { solve } from '../../domain/scheduling/solve.ts';
import { validateProblem } from '../../domain/scheduling/validate.ts';

export interface PlanSolveIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** A PSPLIB single-mode `.sm` text as a plan problem (job numbers become task ids, R1..Rk resources). */
export function psplibToProblem(text: string, timeLimitMs = 1000): PlanProblem {
  const p = parsePsplib(text);
  return { resources: p.resources, tasks: p.tasks, timeLimitMs };
}

/** "tasks[3].duration (task "x")": the JSON path, plus the task id when the element has one. */
function describePath(path: readonly PropertyKey[], raw: unknown): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  if (path[0] === 'tasks' && typeof path[1] === 'number' && raw && typeof raw === 'object') {
    const id = (raw as { tasks?: { id?: unknown }[] }).tasks?.[path[1]]?.id;
    if (typeof id === 'string') text += ` (task "${id}")`;
  }
  return text || '(top level)';
}

function schemaErrors(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `: unknown key(s) ${issue.keys.join(', ')}` : '';
    return `${describePath(issue.path, raw)}: ${issue.message}${keys}`;
  });
}

export async function runPlanSolve(input: string, io: PlanSolveIO): Promise<number> {
  const text = input.replace(/^\uFEFF/, '').trimStart();
  const fail = (lines: string[]) => {
    for (const line of lines) io.stderr(`plan solve: ${line}\n`);
    return 1;
  };
  let problem: PlanProblem;
  if (text.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return fail([`invalid JSON: ${(e as Error).message}`]);
    }
    const parsed = planProblem.safeParse(raw);
    if (!parsed.success) return fail(schemaErrors(parsed.error, raw));
    problem = parsed.data;
  } else {
    try {
      problem = psplibToProblem(text);
    } catch (e) {
      if (!(e instanceof PsplibFormatError)) throw e;
      return fail([
        `input is neither a JSON problem (starting with "{") nor a PSPLIB .sm file: ${e.message}`,
      ]);
    }
  }
  const errors = validateProblem(problem);
  if (errors.length > 0) return fail(errors.map((e) => e.message));
  const result = solve(problem, {
    timeLimitMs: problem.timeLimitMs,
    seed: problem.seed,
    now: () => performance.now(),
  });
  const out: PlanSolution = {
    makespan: result.makespan,
    starts: result.starts,
    lowerBound: result.lowerBound,
    feasible: result.feasible,
  };
  io.stdout(`${JSON.stringify(out)}\n`);
  return 0;
}
