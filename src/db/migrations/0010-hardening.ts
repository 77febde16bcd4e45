import type { Kysely } from 'kysely';
import { nearestRealDate } from '../../domain/calendar/iso-date.ts';

// Hardening (issue #18). Before it, dates such as 2026-02-30 or 2026-13-01 were accepted and stored; they
// made pages answer 500. Each stored impossible date is moved to the nearest real one in its month
// (2026-02-30 → 2026-02-28; month 13 → December, month 00 → January), so no page meets one again.
const dateColumns: Record<string, string[]> = {
  audit: ['starts_on', 'ends_on', 'report_received_on'],
  finding: ['cap_due_on', 'evidence_due_on', 'close_by_on'],
  corrective_action: ['due_on', 'earliest_start_on'],
  plan_task: ['earliest_start_on', 'due_on'],
  time_off: ['starts_on', 'ends_on'],
  soa_version: ['approved_on'],
  risk: ['review_on'],
  isms_document: ['approved_on', 'next_review_on', 'last_reminded_on'],
  certificate: ['issued_on', 'expires_on'],
  certification_audit: ['window_start', 'window_end', 'planned_on'],
  certification_task: ['due_on', 'done_on'],
  internal_audit: ['planned_on'],
  internal_audit_check: ['checked_on'],
  management_review: ['held_on'],
  posture_snapshot: ['recorded_on'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  // RFC 6238 §5.2: a TOTP code is accepted once; the last accepted time step of each user.
  await db.schema
    .createTable('totp_last_step')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('step', 'bigint', (c) => c.notNull())
    .execute();
  // Failed sign-ins per account and per (account, client address), for the back-off (OWASP ASVS 2.2.1).
  await db.schema
    .createTable('sign_in_failure')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text', (c) => c.notNull())
    .execute();
  // biome-ignore lint/suspicious/noExplicitAny: a migration walks tables by name, outside the typed schema
  const any = db as Kysely<any>;
  for (const [table, columns] of Object.entries(dateColumns)) {
    for (const column of columns) {
      const rows = await any
        .selectFrom(table)
        .select(column)
        .distinct()
        .where(column, 'is not', null)
        .execute();
      for (const row of rows) {
        const value = String(row[column]);
        const fixed = nearestRealDate(value);
        if (fixed && fixed !== value)
          await any
            .updateTable(table)
            .set({ [column]: fixed })
            .where(column, '=', value)
            .execute();
      }
    }
  }
}

export async function down(): Promise<void> {}
