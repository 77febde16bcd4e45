import { type Command, stringOpt } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

// `closeloop posture`: the figures a dashboard shows, for scripts and for a quick look from the shell.
// `--record` also records them as a daily snapshot (for installations that prefer cron to the server).
export const postureCommand: Command = {
  path: ['posture'],
  summary: 'print the readiness and implementation scores (0–100), readiness and the top 10 ranked actions',
  usage: 'posture --org S [--json] [--record]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    json: { type: 'boolean', description: 'print JSON instead of text' },
    record: { type: 'boolean', description: "record today's figures in the trend as well" },
  },
  async run(run) {
    const { getPosture } = await import('../../modules/posture/index.ts');
    const { recordSnapshot } = await import('../../modules/posture/index.ts');
    const p = await withOrganisation(run, stringOpt(run, 'org'), async (ctx) => {
      if (run.options.record === true) await recordSnapshot(ctx, 'daily');
      return getPosture(undefined, ctx);
    });
    const result = {
      model: p.model,
      computedAt: p.computedAt,
      readinessScore: p.readinessScore,
      implementationScore: p.implementationScore,
      byClause: Object.fromEntries(p.byClause.map((a) => [a.key, a.score])),
      byTheme: Object.fromEntries(p.byTheme.map((a) => [a.key, a.score])),
      readiness: {
        implied: p.readiness.implied,
        recommendedBy: p.readiness.recommendedBy,
        blockers: p.readiness.blockers.map((b) => `${b.ref} (${b.grade}): ${b.reason}`),
      },
      actions: p.ranked.map((a, i) => ({
        rank: i + 1,
        title: a.title,
        finding: a.findingRef,
        grade: a.grade,
        effortDays: a.effortDays,
        prerequisites: a.prerequisites.length,
        delta: {
          readinessScore: round(a.delta.readinessScore, 2),
          implementationScore: round(a.delta.implementationScore, 2),
        },
      })),
    };
    if (run.options.json === true) {
      printJson(run, result);
      return 0;
    }
    const lines = [
      `${run.options.org}: readiness score ${p.readinessScore.toFixed(1)}/100, implementation score ${p.implementationScore.toFixed(1)}/100 (${p.model})`,
      `implied recommendation: ${p.readiness.implied}; can be recommended by ${p.readiness.recommendedBy ?? 'no date (a nonconformity has no plan)'}`,
      ...result.readiness.blockers.map((b) => `  blocker: ${b}`),
      'top actions (effect per day of effort):',
      ...result.actions.map(
        (a) =>
          `  ${String(a.rank).padStart(2)}. ${a.finding} ${a.title} — ${a.effortDays} d, readiness ${sign(a.delta.readinessScore)}, implementation ${sign(a.delta.implementationScore)}`,
      ),
    ];
    run.io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const sign = (x: number) => `${x >= 0 ? '+' : ''}${x}`;
