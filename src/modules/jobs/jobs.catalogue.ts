import type { Logger } from 'pino';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import { refreshPlannerStatistics } from '../../db/statistics.ts';
import { sendCycleReminders } from '../certificates/index.ts';
import { type AppEnv, makeContext, type OrganisationRef } from '../context.ts';
import { sendReviewReminders } from '../documents/index.ts';
import { sendDueNotificationsFor } from '../notifications/index.ts';
import { recordDailySnapshotFor, refreshChangedPostures } from '../posture/index.ts';
import { pruneEndedWindows } from '../rate-limits/index.ts';
import { deliverDueWebhooks } from '../webhooks/index.ts';

/** What a background job may use: the database, the mailer and the clock. Never a request. */
export interface JobDeps {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  log: Logger;
  now: () => Date;
}

/** What one organisation's part of a job may use (a retry from the admins' page has no job log). */
export type OrganisationJobDeps = Omit<JobDeps, 'log'>;

interface JobCommon {
  name: string;
  summary: string;
  /** Five-field cron expression in UTC. */
  cron: string;
  /** Run once when an instance starts (catching up after downtime); the queue keeps it to one run. */
  atStart: boolean;
}

/**
 * A job is either the instance's own work (`run`), whose dead letter only an instance operator sees, or
 * one organisation's work done for every organisation in turn (`runFor`): one organisation's failure
 * does not stop the others, and its dead letter names the organisation, whose admins see and retry it.
 */
export type JobDefinition = JobCommon &
  (
    | { scope: 'instance'; run(deps: JobDeps): Promise<unknown> }
    | { scope: 'organisation'; runFor(deps: OrganisationJobDeps, org: OrganisationRef): Promise<unknown> }
  );

const systemContext = (deps: OrganisationJobDeps, org: OrganisationRef, label: string) =>
  makeContext({ kind: 'system', label }, org, { db: deps.db, kind: deps.kind, env: deps.env, now: deps.now });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// The scheduled work of closeloop (issue #17). On PostgreSQL each runs on the pg-boss queue, once per
// schedule however many instances run; on SQLite the same definitions run in-process. Every job is safe to
// run twice: reminders and notices claim their once-per-event record before a message goes out.
export const jobCatalogue: readonly JobDefinition[] = [
  {
    name: 'notifications-due',
    summary: 'deadline reminders, overdue notices and daily digests',
    cron: '*/15 * * * *',
    atStart: true,
    scope: 'organisation',
    runFor: (deps, org) => sendDueNotificationsFor(deps, org),
  },
  {
    // A committed change marks its organisation (one upsert in the request); this records the trend point
    // off the request path, at most one per organisation per minute however many changes it coalesces
    // (issue #16). Trust page visitors and calendar feeds mark nothing.
    name: 'posture-refresh',
    summary: 'posture trend points of the organisations changed since their last one (at most one a minute)',
    cron: '* * * * *',
    atStart: true,
    // Instance-wide: it claims the organisations marked changed; one that fails is logged and stays marked.
    scope: 'instance',
    run: (deps) => refreshChangedPostures(deps),
  },
  {
    name: 'posture-daily-snapshots',
    summary: 'one posture point a day per organisation, even when nothing changed',
    cron: '7 * * * *',
    atStart: true,
    scope: 'organisation',
    runFor: (deps, org) => recordDailySnapshotFor(deps, org),
  },
  {
    name: 'certification-cycle-reminders',
    summary: 'surveillance, recertification and expiry reminders of the certification cycle',
    cron: '0 6 * * *',
    atStart: false,
    scope: 'organisation',
    runFor: (deps, org) =>
      sendCycleReminders({ on: isoDay(deps.now()) }, systemContext(deps, org, 'cycle reminders')),
  },
  {
    name: 'document-review-reminders',
    summary: 'mail owners of documents whose review is due or overdue',
    cron: '10 6 * * *',
    atStart: false,
    scope: 'organisation',
    runFor: (deps, org) => sendReviewReminders({}, systemContext(deps, org, 'review reminders')),
  },
  {
    // Also asked for after every committed event (onDeliveryRequested); the schedule catches retries.
    name: 'webhooks-deliver',
    summary: 'send due webhook deliveries, retry failed ones with back-off for 24 h',
    cron: '* * * * *',
    atStart: true,
    // Instance-wide sweep: a delivery's failure is on the endpoint's own log (webhooks page), not a dead letter.
    scope: 'instance',
    run: (deps) => deliverDueWebhooks(deps),
  },
  {
    // The query planner's statistics, at start and hourly: bulk imports and a growing organisation change
    // which index is the right one (src/db/statistics.ts, #16).
    name: 'database-statistics',
    summary: "refresh the query planner's statistics of tables that grew or shrank",
    cron: '41 * * * *',
    atStart: true,
    scope: 'instance',
    run: (deps) => refreshPlannerStatistics(deps.db, deps.kind),
  },
  {
    name: 'expired-records-cleanup',
    summary: 'delete rate-limit windows that have expired',
    cron: '23 * * * *',
    atStart: false,
    scope: 'instance',
    run: async (deps) => ({
      rateLimitWindows: await pruneEndedWindows(deps.db, deps.now().getTime()),
    }),
  },
];

export const jobNames = jobCatalogue.map((j) => j.name);

export function jobByName(name: string): JobDefinition | undefined {
  return jobCatalogue.find((j) => j.name === name);
}
