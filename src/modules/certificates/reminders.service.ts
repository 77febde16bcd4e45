import { addCalendarDays } from '../../domain/calendar/iso-date.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import * as repo from './certificates.repository.ts';
import { certificationCalendar } from './cycle-history.service.ts';

// Reminders of the certification cycle by mail: what falls due today (or in the last `catchUpDays`, so
// a missed run is not lost) among reminders, preparation tasks and audit windows opening. Each event is
// sent once per date: a key holds the event and its date, so a task moved to a new date reminds again.
const REMINDED = new Set(['reminder', 'preparation_task', 'audit_window_opens']);

export async function sendCycleReminders(input: { on: string; catchUpDays?: number }, ctx: OrgContext) {
  authorize(ctx, 'reminder.send');
  const from = addCalendarDays(input.on, -(input.catchUpDays ?? 7));
  const due = (await certificationCalendar({}, ctx)).filter(
    (e) => REMINDED.has(e.kind) && e.date <= input.on && e.date >= from,
  );
  const keyed = due.map((e) => ({ ...e, sentKey: `${e.key}@${e.date}` }));
  const sent = await repo.sentReminderKeys(
    ctx.db,
    ctx.organisation.id,
    keyed.map((e) => e.sentKey),
  );
  const fresh = keyed.filter((e) => !sent.has(e.sentKey));
  const recipients = (await repo.cycleRecipients(ctx.db, ctx.organisation.id)).map((r) => r.email);
  if (fresh.length === 0 || recipients.length === 0) return { reminded: [], recipients };
  const text = [
    `Certification cycle of ${ctx.organisation.name}:`,
    '',
    ...fresh.map((e) => `- ${e.date}: ${e.title}`),
    '',
    `Plan and tasks: ${ctx.env.publicUrl}/o/${ctx.organisation.slug}/certification`,
  ].join('\n');
  // Recorded first, in one transaction with the audit entry: a failed mail is in the outbox, not re-sent.
  await inTransaction(ctx, async (tx) => {
    await repo.markRemindersSent(
      tx.db,
      tx.organisation.id,
      fresh.map((e) => e.sentKey),
      tx.now().toISOString(),
    );
    await tx.audit({
      action: 'certificate.reminders_sent',
      entityType: 'organisation',
      entityId: tx.organisation.id,
      data: { on: input.on, events: fresh.map((e) => e.sentKey), recipients },
    });
  });
  for (const to of recipients)
    await ctx.env.mailer.send({
      to,
      subject: `Certification cycle: ${fresh.length} reminder${fresh.length === 1 ? '' : 's'}`,
      text,
      organisationId: ctx.organisation.id,
    });
  return { reminded: fresh.map((e) => ({ date: e.date, title: e.title, kind: e.kind })), recipients };
}
