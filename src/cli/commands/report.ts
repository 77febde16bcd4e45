import { writeFile } from 'node:fs/promises';
import { type Command, type CommandRun, intOpt, stringOpt, UsageError } from '../command.ts';
import { withOrganisation } from '../org-context.ts';

const reportKinds = ['cap', 'evidence', 'nc-statements', 'corrective-action-log', 'soa'] as const;
type ReportKind = (typeof reportKinds)[number];

export const reportCommand: Command = {
  path: ['report'],
  summary: 'write a report: cap | evidence | nc-statements | corrective-action-log | soa',
  usage:
    'report cap|evidence|nc-statements|corrective-action-log --org S [--audit R] --format pdf|xlsx|json --out FILE\n' +
    '       closeloop report soa --org S [--version N] --format pdf|xlsx|json --out FILE',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    audit: { type: 'string', description: 'audit reference (all audits when omitted)' },
    version: { type: 'string', description: 'SoA version (the one in force when omitted)' },
    format: { type: 'string', description: 'pdf, xlsx or json', required: true },
    out: { type: 'string', description: 'file to write', required: true },
  },
  positionals: [{ name: 'KIND', required: true }],
  async run(run) {
    const kind = run.positionals[0] as ReportKind;
    if (!reportKinds.includes(kind))
      throw new UsageError(`unknown report '${kind}'; one of ${reportKinds.join(', ')}`);
    const format = stringOpt(run, 'format');
    if (!['pdf', 'xlsx', 'json'].includes(format))
      throw new UsageError(`--format must be pdf, xlsx or json, got '${format}'`);
    if (kind === 'soa') return writeSoa(run, format as 'pdf' | 'xlsx' | 'json');
    const { buildAuditReport } = await import('../../modules/reports/index.ts');
    const { renderPdf } = await import('../../reports/pdf.ts');
    const { renderXlsx } = await import('../../reports/xlsx.ts');
    const doc = await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
      buildAuditReport({ kind, auditRef: run.options.audit as string | undefined }, ctx),
    );
    const bytes =
      format === 'json'
        ? Buffer.from(`${JSON.stringify(doc, null, 2)}\n`)
        : format === 'pdf'
          ? await renderPdf(doc)
          : await renderXlsx(doc);
    await writeFile(stringOpt(run, 'out'), bytes);
    run.io.stdout(`${JSON.stringify({ report: kind, format, out: run.options.out, bytes: bytes.length })}\n`);
    return 0;
  },
};

/** The Statement of Applicability of one version, or of the one in force (latest approved, else draft). */
async function writeSoa(run: CommandRun, format: 'pdf' | 'xlsx' | 'json') {
  const number = intOpt(run, 'version');
  const { soaExport } = await import('../../modules/soa/index.ts');
  const { version, bytes } = await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
    soaExport({ number, format }, ctx),
  );
  await writeFile(stringOpt(run, 'out'), bytes);
  run.io.stdout(
    `${JSON.stringify({ report: 'soa', version: version.number, status: version.status, format, out: run.options.out, bytes: bytes.length })}\n`,
  );
  return 0;
}
