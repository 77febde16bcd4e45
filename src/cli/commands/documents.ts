import { type Command, intOpt, stringOpt } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

// Review reminders for the document register (ISO/IEC 27001:2022 7.5.2), meant to run daily from cron:
// each owner is written to at most once a day per document.
export const documentsRemindCommand: Command = {
  path: ['documents', 'remind'],
  summary: 'email owners of documents whose review is due within N days or overdue',
  usage: 'documents remind --org S [--days N]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    days: { type: 'string', description: 'days ahead of the review date (default 14)' },
  },
  async run(run) {
    const { sendReviewReminders } = await import('../../modules/documents/index.ts');
    const result = await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
      sendReviewReminders({ days: intOpt(run, 'days') }, ctx),
    );
    printJson(run, result);
    return 0;
  },
};
