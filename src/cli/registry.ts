import type { Command } from './command.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { demoCommand, migrateCommand, notifyCommand } from './commands/basics.ts';
import { certAddCommand, certRemindCommand } from './commands/certification.ts';
import { documentsRemindCommand } from './commands/documents.ts';
import {
  auditCreateCommand,
  auditShowCommand,
  findingsListCommand,
  importFindingsCommand,
} from './commands/findings.ts';
import { jobsFailedCommand, jobsListCommand, jobsRetryCommand, jobsRunCommand } from './commands/jobs.ts';
import { mcpCommand } from './commands/mcp.ts';
import {
  objectivesAddCommand,
  objectivesListCommand,
  objectivesRecordCommand,
} from './commands/objectives.ts';
import { auditLogVerifyCommand, orgCreateCommand } from './commands/org.ts';
import { planSolveCommand } from './commands/plan.ts';
import { postureCommand } from './commands/posture.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { storageMigrateCommand } from './commands/storage.ts';
import { trustLinksCommand } from './commands/trust.ts';
import {
  webhooksDeliveriesCommand,
  webhooksListCommand,
  webhooksRedeliverCommand,
} from './commands/webhooks.ts';

/** Every `closeloop` command. Names are a contract with automation: never rename one. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  storageMigrateCommand,
  demoCommand,
  orgCreateCommand,
  auditLogVerifyCommand,
  auditCreateCommand,
  auditShowCommand,
  importFindingsCommand,
  findingsListCommand,
  reportCommand,
  planSolveCommand,
  notifyCommand,
  certAddCommand,
  certRemindCommand,
  trustLinksCommand,
  documentsRemindCommand,
  objectivesListCommand,
  objectivesAddCommand,
  objectivesRecordCommand,
  postureCommand,
  mcpCommand,
  jobsListCommand,
  jobsRunCommand,
  jobsFailedCommand,
  jobsRetryCommand,
  webhooksListCommand,
  webhooksDeliveriesCommand,
  webhooksRedeliverCommand,
  backupCommand,
  restoreCommand,
];
