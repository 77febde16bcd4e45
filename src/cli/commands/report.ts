import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Command, type CommandRun, intOpt, stringOpt, UsageError } from '../command.ts';
import { withOrganisation } from '../org-context.ts';

const reportKinds = ['cap', 'evidence', 'nc-statements', 'corrective-action-log', 'soa'] as const;
type ReportKind = (typeof reportKinds)[number];

export const reportCommand: Command = {
  path: ['report'],
  summary: 'write a report: cap | evidence | nc-statements | corrective-action-log | soa',
  usage:
    'report cap|evidence|nc-statements|corrective-action-log --org S [--audit R] --format pdf|xlsx|json [--revision N] --out FILE\n' +
    '       closeloop report evidence --org S [--audit R] --format zip --out FILE   (PDF, every evidence file, manifest)\n' +
    '       closeloop report soa --org S [--version N] --format pdf|xlsx|json --out FILE',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    audit: { type: 'string', description: 'audit reference (all audits when omitted)' },
    version: { type: 'string', description: 'SoA version (the one in force when omitted)' },
    revision: { type: 'string', description: 'a submitted CAP revision (cap only; needs --audit)' },
    format: { type: 'string', description: 'pdf, xlsx or json; zip for evidence', required: true },
    out: { type: 'string', description: 'file to write', required: true },
  },
  positionals: [{ name: 'KIND', required: true }],
  async run(run) {
    const kind = run.positionals[0] as ReportKind;
    if (!reportKinds.includes(kind))
      throw new UsageError(`unknown report '${kind}'; one of ${reportKinds.join(', ')}`);
    const format = stringOpt(run, 'format');
    const zip = format === 'zip' && kind === 'evidence';
    if (!['pdf', 'xlsx', 'json'].includes(format) && !zip)
      throw new UsageError(
        `--format must be pdf, xlsx or json${kind === 'evidence' ? ' or zip' : ''}, got '${format}'`,
      );
    if (kind === 'soa') return writeSoa(run, format as 'pdf' | 'xlsx' | 'json');
    if (zip) return writeEvidencePackage(run);
    const revision = intOpt(run, 'revision');
    const { buildAuditReport } = await import('../../modules/reports/index.ts');
    const { renderPdf } = await import('../../reports/pdf.ts');
    const { renderXlsx } = await import('../../reports/xlsx.ts');
    const doc = await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
      buildAuditReport({ kind, auditRef: run.options.audit as string | undefined, revision }, ctx),
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

/** The evidence package, streamed to the file: report PDF, evidence files, manifest CSV and JSON. */
async function writeEvidencePackage(run: CommandRun) {
  const { buildEvidencePackage } = await import('../../modules/reports/index.ts');
  const { fileContentStore } = await import('../../storage/content-store.ts');
  const out = stringOpt(run, 'out');
  const files = await withOrganisation(run, stringOpt(run, 'org'), async (ctx) => {
    const pkg = await buildEvidencePackage(
      { auditRef: run.options.audit as string | undefined },
      { ...ctx, store: fileContentStore(path.join(run.config.dataDir, 'evidence')) },
    );
    await pipeline(pkg.stream, createWriteStream(out));
    return pkg.manifest.length;
  });
  run.io.stdout(`${JSON.stringify({ report: 'evidence', format: 'zip', out, files })}\n`);
  return 0;
}

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
