import { objectiveInput, objectiveResultInput } from '../../contracts/isms-objectives.ts';
import { type Command, stringOpt, UsageError } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

// Information security objectives from the shell (ISO/IEC 27001:2022 6.2): the register, a new objective,
// and a result of its indicator (e.g. from a monthly job that computes the figure).

const flagOf: Record<string, string> = { dueOn: 'due', measuredOn: 'on', target: 'target', value: 'value' };

function parsed<T>(
  r:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const field = String(i.path[0] ?? '');
  throw new UsageError(`--${flagOf[field] ?? field}: ${i.message}`);
}

const number = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);

export const objectivesListCommand: Command = {
  path: ['objectives', 'list'],
  summary: 'list the information security objectives with their targets and latest results',
  usage: 'objectives list --org S',
  options: { org: { type: 'string', description: 'organisation slug', required: true } },
  async run(run) {
    const { listObjectives } = await import('../../modules/objectives/index.ts');
    printJson(
      run,
      await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
        listObjectives({ page: 1, pageSize: 200 }, ctx),
      ),
    );
    return 0;
  },
};

export const objectivesAddCommand: Command = {
  path: ['objectives', 'add'],
  summary: 'plan an information security objective (6.2)',
  usage:
    'objectives add --org S --ref R --title T --measure M --target N [--direction at_least|at_most] [--unit U] [--plan TEXT] [--resources TEXT] [--owner NAME] [--due YYYY-MM-DD] [--evaluation TEXT] [--status S]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    ref: { type: 'string', description: 'reference, e.g. OBJ-01', required: true },
    title: { type: 'string', description: 'the objective', required: true },
    measure: { type: 'string', description: 'the indicator (6.2 b)', required: true },
    target: { type: 'string', description: 'the target value', required: true },
    direction: { type: 'string', description: 'at_least (default) or at_most the target' },
    unit: { type: 'string', description: 'unit, e.g. % or days' },
    policy: { type: 'string', description: 'the policy statement it is consistent with (6.2 a)' },
    plan: { type: 'string', description: 'what will be done' },
    resources: { type: 'string', description: 'what resources will be required' },
    owner: { type: 'string', description: 'who will be responsible' },
    due: { type: 'string', description: 'when it will be completed, YYYY-MM-DD' },
    evaluation: { type: 'string', description: 'how the results will be evaluated' },
    status: {
      type: 'string',
      description: 'planned (default), in_progress, achieved, not_achieved, withdrawn',
    },
  },
  async run(run) {
    const o = run.options;
    const input = parsed(
      objectiveInput.safeParse({
        ref: o.ref,
        title: o.title,
        measure: o.measure,
        target: number(o.target),
        ...Object.fromEntries(
          (['direction', 'unit', 'policy', 'plan', 'resources', 'owner', 'evaluation', 'status'] as const)
            .filter((k) => o[k] !== undefined)
            .map((k) => [k, o[k]]),
        ),
        ...(o.due !== undefined ? { dueOn: o.due } : {}),
      }),
    );
    const { createObjective } = await import('../../modules/objectives/index.ts');
    printJson(run, await withOrganisation(run, stringOpt(run, 'org'), (ctx) => createObjective(input, ctx)));
    return 0;
  },
};

export const objectivesRecordCommand: Command = {
  path: ['objectives', 'record'],
  summary: 'record a result of an objective’s indicator (6.2 d)',
  usage: 'objectives record REF --org S --value N [--on YYYY-MM-DD] [--note TEXT]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    value: { type: 'string', description: 'the indicator’s value', required: true },
    on: { type: 'string', description: 'the day it was measured (default today)' },
    note: { type: 'string', description: 'a note on the figure (source, method)' },
  },
  positionals: [{ name: 'REF (see closeloop objectives list)', required: true }],
  async run(run) {
    const ref = String(run.positionals[0]);
    const { recordObjectiveResult } = await import('../../modules/objectives/index.ts');
    const result = await withOrganisation(run, stringOpt(run, 'org'), (ctx) => {
      const input = parsed(
        objectiveResultInput.safeParse({
          measuredOn: run.options.on ?? ctx.now().toISOString().slice(0, 10),
          value: number(run.options.value),
          ...(run.options.note !== undefined ? { note: run.options.note } : {}),
        }),
      );
      return recordObjectiveResult({ ...input, ref }, ctx);
    });
    printJson(run, result);
    return 0;
  },
};
