import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { certificateInput } from '../../contracts/certification.ts';
import { AppError } from '../../contracts/errors.ts';
import { bufferContent } from '../../storage/file-content.ts';
import { type Command, intOpt, stringOpt, UsageError } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

const flagOf: Record<string, string> = {
  certificationBody: 'body',
  issuedOn: 'issued',
  expiresOn: 'expires',
  decidedOn: 'decided',
  auditRef: 'audit',
  historicalReason: 'reason',
  cycle: 'interval',
};

export const certAddCommand: Command = {
  path: ['cert', 'add'],
  summary: 'record a certificate and plan its surveillance and recertification audits',
  usage:
    'cert add --org S --number N --body B --issued YYYY-MM-DD [--decided YYYY-MM-DD] [--audit REF] [--edition 2013|2022|2022-amd1] [--reason TEXT] [--expires YYYY-MM-DD] [--scope TEXT] [--interval MONTHS] [--policy P] [--file F]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    number: { type: 'string', description: 'certificate number', required: true },
    body: { type: 'string', description: 'certification body', required: true },
    issued: { type: 'string', description: 'issue date, YYYY-MM-DD', required: true },
    decided: {
      type: 'string',
      description: 'certification decision date, anchors the cycle (default: the issue date)',
    },
    audit: {
      type: 'string',
      description: 'the stage 2 or recertification audit decided on (refused while a major is unverified)',
    },
    reason: {
      type: 'string',
      description:
        'record a historical certificate the rules would refuse, saying why (kept in the audit trail)',
    },
    expires: {
      type: 'string',
      description: 'expiry printed on the certificate (default: 3 years less a day)',
    },
    scope: { type: 'string', description: 'scope statement' },
    standard: { type: 'string', description: 'standard (default ISO/IEC 27001)' },
    edition: { type: 'string', description: 'edition: 2013, 2022 or 2022-amd1 (default 2022)' },
    interval: { type: 'string', description: 'months between surveillance audits, 1–12 (default 12)' },
    policy: { type: 'string', description: 'deadline policy for closing findings (default cb-90)' },
    file: { type: 'string', description: 'the certificate document (PDF, PNG or JPEG)' },
  },
  async run(run) {
    const interval = intOpt(run, 'interval') ?? 12;
    const parsed = certificateInput.safeParse({
      number: stringOpt(run, 'number'),
      certificationBody: stringOpt(run, 'body'),
      issuedOn: stringOpt(run, 'issued'),
      expiresOn: run.options.expires ?? null,
      decidedOn: run.options.decided ?? null,
      auditRef: run.options.audit ?? null,
      historicalReason: run.options.reason ?? '',
      scope: run.options.scope ?? '',
      ...(run.options.standard ? { standard: run.options.standard } : {}),
      ...(run.options.edition ? { edition: run.options.edition } : {}),
      cycle: {
        surveillanceIntervalMonths: interval,
        windowMonths: Math.min(3, interval),
        recertificationLeadDays: 90,
        policyKey: run.options.policy ?? 'cb-90',
      },
    });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new UsageError(`--${flagOf[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    }
    const file = typeof run.options.file === 'string' ? run.options.file : null;
    const bytes = file ? await readFile(file).catch(() => null) : null;
    if (file && !bytes) throw new UsageError(`--file: cannot read ${file}`);
    // Checked before anything is recorded, so a wrong file leaves no certificate without its document.
    const { sniffType } = await import('../../domain/files/sniff.ts');
    if (
      file &&
      bytes &&
      !['application/pdf', 'image/png', 'image/jpeg'].includes(sniffType(bytes, file)?.mediaType ?? '')
    )
      throw new UsageError(`--file: ${file} is not a PDF, PNG or JPEG file`);
    const { addCertificate } = await import('../../modules/certificates/index.ts');
    const { attachCertificateFile } = await import('../../modules/certificates/index.ts');
    const { openContentStore } = await import('../../storage/open.ts');
    const result = await withOrganisation(run, stringOpt(run, 'org'), async (ctx) => {
      // Refused: one line naming the findings (the API lists them as field issues).
      const added = await addCertificate(parsed.data, ctx).catch((err: unknown) => {
        throw err instanceof AppError ? new AppError(err.code, err.message) : err;
      });
      if (!bytes || !file) return added;
      return attachCertificateFile(
        { certificateId: added.id, fileName: path.basename(file), content: bufferContent(bytes) },
        {
          ...ctx,
          store: openContentStore(ctx, run.config.dataDir),
          maxBytes: run.config.maxUploadBytes,
        },
      );
    });
    const { audits, ...cert } = result;
    printJson(run, {
      certificate: cert,
      audits: audits.map((a) => ({
        type: a.type,
        sequence: a.sequence,
        ref: a.auditRef,
        windowStart: a.windowStart,
        windowEnd: a.windowEnd,
        plannedOn: a.plannedOn,
        tasks: a.tasks.map((t) => ({ title: t.title, dueOn: t.dueOn })),
      })),
    });
    return 0;
  },
};

export const certRemindCommand: Command = {
  path: ['cert', 'remind'],
  summary: 'mail the certification cycle reminders due (run daily, e.g. from cron)',
  usage: 'cert remind --org S [--on YYYY-MM-DD]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    on: { type: 'string', description: 'the day to remind for (default today)' },
  },
  async run(run) {
    const on = typeof run.options.on === 'string' ? run.options.on : new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on))
      throw new UsageError(`--on: must be a date as YYYY-MM-DD, got '${on}'`);
    const { sendCycleReminders } = await import('../../modules/certificates/index.ts');
    printJson(
      run,
      await withOrganisation(run, stringOpt(run, 'org'), (ctx) => sendCycleReminders({ on }, ctx)),
    );
    return 0;
  },
};
