import type { DatabaseKind, Db } from '../../db/connection.ts';
import { daysBetween } from '../../domain/calendar/iso-date.ts';
import type { AppEnv } from '../context.ts';
import { deadlineMissed, emitSystemEvent } from '../webhooks/index.ts';
import * as repo from './notifications.repository.ts';

// Deadline reminders (configurable days before, once each), overdue notices (once per due date) and a
// daily digest per person. Run by the server every quarter of an hour and by `closeloop notify`; the
// notification_sent table makes every message go out once however often it runs.

export const DEFAULT_REMINDER_DAYS = [7, 1];
export const DEFAULT_DIGEST_HOUR_UTC = 7;

// A deadline stops mattering once its step is done: the CAP once a plan is submitted, the evidence once
// it is submitted (clause 10.2 steps in the finding lifecycle).
const CAP_OWED = new Set(['open', 'analysing']);
const EVIDENCE_OWED = new Set(['open', 'analysing', 'plan_submitted', 'plan_accepted', 'implementing']);
function stillOwed(deadline: 'cap' | 'evidence' | 'close', status: string) {
  if (deadline === 'cap') return CAP_OWED.has(status);
  if (deadline === 'evidence') return EVIDENCE_OWED.has(status);
  return status !== 'closed';
}

interface Due {
  key: string;
  owner: string;
  what: string;
  dueOn: string;
}

function settingsOf(json: string) {
  const s = JSON.parse(json) as { reminderDaysBefore?: number[]; digestHourUtc?: number };
  return {
    days: [...(s.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS)].sort((a, b) => a - b),
    digestHour: s.digestHourUtc ?? DEFAULT_DIGEST_HOUR_UTC,
  };
}

interface NotifyDeps {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  now: () => Date;
}
type Counts = { reminders: number; overdue: number; digests: number };

/** Every organisation's reminders, notices and digests (`closeloop notify`). */
export async function sendDueNotifications(deps: NotifyDeps) {
  const counts: Counts = { reminders: 0, overdue: 0, digests: 0 };
  for (const org of await repo.allOrganisations(deps.db)) {
    const c = await sendDueNotificationsFor(deps, { ...org, settingsJson: org.settings_json });
    counts.reminders += c.reminders;
    counts.overdue += c.overdue;
    counts.digests += c.digests;
  }
  return counts;
}

/**
 * One organisation's due reminders, overdue notices and digests: the `notifications-due` job runs it
 * organisation by organisation, so one organisation's failure is its own dead letter (issue #17).
 */
export async function sendDueNotificationsFor(
  deps: NotifyDeps,
  org: { id: string; slug: string; name: string; settingsJson?: string | undefined },
): Promise<Counts> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const counts: Counts = { reminders: 0, overdue: 0, digests: 0 };
  const { days, digestHour } = settingsOf(
    org.settingsJson ?? (await repo.organisationSettings(deps.db, org.id)),
  );
  const items = await repo.dueItems(deps.db, org.id);
  const due: Due[] = [
    ...items.actions
      .filter((a) => a.due_on)
      .map((a) => ({
        key: `action:${a.id}`,
        owner: a.owner_user_id!,
        what: `${a.ref}: ${a.title}`,
        dueOn: a.due_on!,
      })),
    ...items.tasks
      .filter((t) => t.due_on)
      .map((t) => ({ key: `task:${t.id}`, owner: t.owner_user_id!, what: t.title, dueOn: t.due_on! })),
    ...items.findings.flatMap((f) =>
      (
        [
          ['cap', f.cap_due_on, 'corrective action plan'],
          ['evidence', f.evidence_due_on, 'Evidence of Correction'],
          ['close', f.close_by_on, 'closure'],
        ] as const
      )
        .filter(([k, d]) => d && stillOwed(k, f.status))
        .map(([k, d, label]) => ({
          key: `finding:${f.id}:${k}`,
          owner: f.owner_user_id!,
          what: `${f.ref} ${label}`,
          dueOn: d!,
        })),
    ),
  ];
  const send = async (userId: string, subject: string, text: string) => {
    const who = await repo.memberContact(deps.db, org.id, userId);
    if (!who) return;
    await deps.env.mailer.send({
      to: who.email,
      subject: `[${org.name}] ${subject}`,
      text: `Hello ${who.name},\n\n${text}\n\n— closeloop`,
      organisationId: org.id,
    });
  };
  for (const d of due) {
    const left = daysBetween(today, d.dueOn);
    if (left < 0) {
      if (await repo.claimNotification(deps.db, org.id, `overdue:${d.key}:${d.dueOn}`, now.toISOString())) {
        await emitSystemEvent(deps, org, deadlineMissed(d.key, d.dueOn));
        await send(d.owner, `Overdue: ${d.what}`, `"${d.what}" was due on ${d.dueOn}.`);
        counts.overdue++;
      }
      continue;
    }
    // Only the nearest reminder applies: a server that was down a week does not send both at once.
    const n = days.find((x) => left <= x);
    if (n === undefined) continue;
    if (await repo.claimNotification(deps.db, org.id, `remind:${d.key}:${d.dueOn}:${n}`, now.toISOString())) {
      await send(
        d.owner,
        `Due ${left === 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'}`}: ${d.what}`,
        `"${d.what}" is due on ${d.dueOn}.`,
      );
      counts.reminders++;
    }
  }
  if (now.getUTCHours() < digestHour) return counts;
  const owners = new Set(due.map((d) => d.owner));
  for (const userId of owners) {
    const mine = due.filter((d) => d.owner === userId).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const overdue = mine.filter((d) => d.dueOn < today);
    const soon = mine.filter((d) => d.dueOn >= today && daysBetween(today, d.dueOn) <= 7);
    const comments = await repo.unreadMentionsOf(deps.db, org.id, userId);
    if (overdue.length + soon.length + comments === 0) continue;
    if (!(await repo.claimNotification(deps.db, org.id, `digest:${userId}:${today}`, now.toISOString())))
      continue;
    const lines = [
      ...(overdue.length ? ['Overdue:', ...overdue.map((d) => `  - ${d.what} (due ${d.dueOn})`)] : []),
      ...(soon.length ? ['Due within 7 days:', ...soon.map((d) => `  - ${d.what} (due ${d.dueOn})`)] : []),
      ...(comments ? [`Comments mentioning you that you have not read: ${comments}`] : []),
      '',
      `Your plan: ${deps.env.publicUrl}/o/${org.slug}/plan`,
    ];
    await send(userId, `Daily digest for ${today}`, lines.join('\n'));
    counts.digests++;
  }
  return counts;
}
