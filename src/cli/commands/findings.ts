import { createReadStream } from 'node:fs';
import { auditInput, findingStatus, grade } from '../../contracts/findings.ts';
import { templateColumns } from '../../domain/findings/import-columns.ts';
import { type StagedFile, stageStream } from '../../storage/file-content.ts';
import { type Command, stringOpt, UsageError } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

const org = { type: 'string' as const, description: 'organisation slug', required: true };

export const auditCreateCommand: Command = {
  path: ['audit', 'create'],
  summary: 'create an audit (certification, surveillance, internal …)',
  usage:
    'audit create --org S --ref R --type T --body NAME [--policy P] [--ends-on YYYY-MM-DD] [--report-received YYYY-MM-DD] [--recommendation X]',
  options: {
    org,
    ref: { type: 'string', description: 'audit reference', required: true },
    type: {
      type: 'string',
      description: 'internal|second_party|stage1|stage2|surveillance|recertification',
      required: true,
    },
    body: { type: 'string', description: 'certification body or auditor', required: true },
    policy: {
      type: 'string',
      description: "deadline policy key (default: the organisation's default, cb-90 on a new organisation)",
    },
    'ends-on': { type: 'string', description: 'last day of the audit (deadlines count from it by default)' },
    'report-received': { type: 'string', description: 'date the nonconformity report was received' },
    recommendation: {
      type: 'string',
      description: 'recommended|recommended_upon_action_plan|not_recommended',
    },
  },
  async run(run) {
    const parsed = auditInput.safeParse({
      ref: stringOpt(run, 'ref'),
      type: run.options.type,
      certificationBody: run.options.body,
      policyKey: run.options.policy,
      endsOn: run.options['ends-on'] ?? null,
      reportReceivedOn: run.options['report-received'] ?? null,
      recommendation: run.options.recommendation ?? null,
    });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const flag =
        {
          certificationBody: 'body',
          policyKey: 'policy',
          reportReceivedOn: 'report-received',
          endsOn: 'ends-on',
        }[String(i.path[0])] ?? String(i.path[0]);
      throw new UsageError(`--${flag}: ${i.message}`);
    }
    const { createAudit } = await import('../../modules/audits/index.ts');
    printJson(
      run,
      await withOrganisation(run, stringOpt(run, 'org'), (ctx) => createAudit(parsed.data, ctx)),
    );
    return 0;
  },
};

export const auditShowCommand: Command = {
  path: ['audit', 'show'],
  summary: 'show an audit with the recommendation its open findings imply',
  usage: 'audit show --org S --ref R --json',
  options: {
    org,
    ref: { type: 'string', description: 'audit reference', required: true },
    json: { type: 'boolean', description: 'JSON output (the only format)' },
  },
  async run(run) {
    const { showAudit } = await import('../../modules/audits/index.ts');
    printJson(
      run,
      await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
        showAudit({ ref: stringOpt(run, 'ref') }, ctx),
      ),
    );
    return 0;
  },
};

export const findingsListCommand: Command = {
  path: ['findings', 'list'],
  summary: 'list findings with their state, deadlines, overdue flag and escalation warnings',
  usage: 'findings list --org S [--audit R] [--grade G] [--status S] --json',
  options: {
    org,
    audit: { type: 'string', description: 'audit reference' },
    grade: { type: 'string', description: 'major|minor|ofi|observation|positive' },
    status: { type: 'string', description: 'lifecycle state' },
    json: { type: 'boolean', description: 'JSON output (the only format)' },
  },
  async run(run) {
    const g = run.options.grade === undefined ? undefined : grade.safeParse(run.options.grade);
    if (g && !g.success) throw new UsageError(`--grade: must be one of ${grade.options.join(', ')}`);
    const s = run.options.status === undefined ? undefined : findingStatus.safeParse(run.options.status);
    if (s && !s.success) throw new UsageError(`--status: must be one of ${findingStatus.options.join(', ')}`);
    const { listFindings } = await import('../../modules/findings/index.ts');
    const all = await withOrganisation(run, stringOpt(run, 'org'), async (ctx) => {
      const out = [];
      for (let page = 1; ; page++) {
        const res = await listFindings(
          {
            page,
            pageSize: 200,
            audit: run.options.audit as string | undefined,
            grade: g?.data,
            status: s?.data,
            sort: 'ref',
            direction: 'asc',
          },
          ctx,
        );
        out.push(...res.items);
        if (page * res.pageSize >= res.total) return out;
      }
    });
    printJson(run, all);
    return 0;
  },
};

export const importFindingsCommand: Command = {
  path: ['import', 'findings'],
  summary: 'import a nonconformity report (CSV or XLSX) into an audit',
  usage: 'import findings FILE --org S --audit R [--dry-run] [--map column=Header …]',
  options: {
    org,
    audit: { type: 'string', description: 'audit reference', required: true },
    'dry-run': { type: 'boolean', description: 'check every row and write nothing' },
    map: {
      type: 'string',
      multiple: true,
      description:
        'use another header, e.g. --map statement="Finding text" (column= leaves it empty); other columns are found by their usual names, the mapping remembered for the certification body or a synonym',
    },
  },
  positionals: [{ name: 'FILE', required: true }],
  async run(run) {
    const file = run.positionals[0]!;
    const mapping: Record<string, string> = {};
    for (const m of (run.options.map as string[] | undefined) ?? []) {
      const [k, ...v] = m.split('=');
      if (!k || v.length === 0) throw new UsageError(`--map: expected column=Header, got '${m}'`);
      if (!(templateColumns as readonly string[]).includes(k))
        throw new UsageError(`--map: '${k}' is not a template column (${templateColumns.join(', ')})`);
      mapping[k] = v.join('=');
    }
    // Staged as the server stages an upload, then read as a stream: a long report never sits in memory.
    let content: StagedFile;
    try {
      content = await stageStream(createReadStream(file));
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
    const { importFindings } = await import('../../modules/findings-import/index.ts');
    const report = await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
      importFindings(
        {
          auditRef: stringOpt(run, 'audit'),
          content,
          fileName: file,
          mapping,
          dryRun: Boolean(run.options['dry-run']),
        },
        ctx,
      ),
    ).finally(() => content.discard());
    if (report.errors.length > 0) {
      for (const e of report.errors) run.io.stderr(`row ${e.row}, column ${e.column}: ${e.message}\n`);
      if (report.problems > report.errors.length)
        run.io.stderr(`${report.problems - report.errors.length} more problems not listed\n`);
      printJson(run, report);
      return 1;
    }
    printJson(run, report);
    return 0;
  },
};
