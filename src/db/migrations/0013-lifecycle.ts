import { type Kysely, sql } from 'kysely';

// Nonconformity handling by audit type (issue #13):
// - effectiveness_review: the review of effectiveness (ISO/IEC 27001:2022 10.2 d) as its own record;
//   results already written into a corrective action record are carried over;
// - audit.closing_meeting_on: an anchor deadline policies may count from;
// - deadline policies: the preset `guide-14-30-60` is now `fast-14-30-60` (stored copies and the audits
//   that follow them move with it); stored definitions keep counting from the report's receipt, as they
//   did; `strict-90` is no longer a preset and stays as the organisation's own policy; an organisation
//   that already has policies keeps the tight schedule as its default (new organisations get `cb-90`).

const OLD_NOTES_PREFIX = 'Common certification-body practice';
const FAST_NOTES =
  "The seed guide's tight schedule, counted from the day the report was received: corrective action plan within 14 days, Evidence of Correction within 30, closure within 60, for majors and minors alike. Stricter than most certification bodies ask for minors, whose implementation is usually verified at the next audit.";

interface PolicyRow {
  id: string;
  organisation_id: string;
  key: string;
  name: string;
  definition_json: string;
}

function upgradeDefinition(json: string): string {
  const d = JSON.parse(json) as {
    anchor?: string;
    notes?: string;
    minorPlanVerifiedAtNextAudit?: boolean;
    grades?: Record<string, Record<string, unknown>>;
  };
  d.anchor ??= 'report_received';
  if (d.minorPlanVerifiedAtNextAudit) {
    d.grades ??= {};
    d.grades.minor = { ...(d.grades.minor ?? {}), verifiedAtNextAudit: true };
  }
  delete d.minorPlanVerifiedAtNextAudit;
  if (d.notes?.startsWith(OLD_NOTES_PREFIX)) d.notes = FAST_NOTES;
  return JSON.stringify(d);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const orgFk = 'organisation.id';
  await db.schema
    .createTable('effectiveness_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('finding.id').onDelete('cascade'))
    .addColumn('criteria', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'text')
    .addColumn('reviewer_user_id', 'text')
    .addColumn('result', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reviewed_on', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('effectiveness_review_finding_idx')
    .on('effectiveness_review')
    .columns(['organisation_id', 'finding_id'])
    .execute();
  await db.schema.alterTable('audit').addColumn('closing_meeting_on', 'text').execute();

  const now = new Date().toISOString();
  // Results recorded in the corrective action record before this release become review records.
  const { rows: records } = await sql<{
    finding_id: string;
    organisation_id: string;
    effectiveness_json: string;
  }>`
    select finding_id, organisation_id, effectiveness_json from corrective_action_record`.execute(db);
  for (const r of records) {
    const e = JSON.parse(r.effectiveness_json) as {
      criteria?: string;
      reviewerEmail?: string | null;
      reviewedOn?: string | null;
      result?: string | null;
      notes?: string;
    };
    if (!e.criteria?.trim() && !e.result) continue;
    const { rows: users } = e.reviewerEmail
      ? await sql<{ id: string }>`select id from "user" where email = ${e.reviewerEmail}`.execute(db)
      : { rows: [] };
    await sql`insert into effectiveness_review
      (id, organisation_id, finding_id, criteria, due_on, reviewer_user_id, result, notes, evidence_json,
       reviewed_on, recorded_by, created_at, updated_at, superseded_at)
      values (${`migrated-${r.finding_id}`}, ${r.organisation_id}, ${r.finding_id}, ${e.criteria ?? ''},
       ${e.result ? (e.reviewedOn ?? null) : null}, ${users[0]?.id ?? null}, ${e.result ?? null},
       ${e.notes ?? ''}, '[]', ${e.result ? (e.reviewedOn ?? null) : null}, null, ${now}, ${now}, null)`.execute(
      db,
    );
  }

  const { rows: policies } = await sql<PolicyRow>`
    select id, organisation_id, key, name, definition_json from deadline_policy`.execute(db);
  const orgs = new Set<string>();
  for (const p of policies) {
    orgs.add(p.organisation_id);
    const definition = upgradeDefinition(p.definition_json);
    if (p.key === 'guide-14-30-60') {
      const name =
        p.name === 'CAP 14 days, evidence 30 days, closure 60 days'
          ? 'Tight schedule: CAP 14 days, evidence 30 days, closure 60 days'
          : p.name;
      await sql`update deadline_policy set key = 'fast-14-30-60', name = ${name}, definition_json = ${definition}
        where id = ${p.id}`.execute(db);
      await sql`update audit set policy_key = 'fast-14-30-60'
        where organisation_id = ${p.organisation_id} and policy_key = 'guide-14-30-60'`.execute(db);
    } else {
      const preset = p.key === 'strict-90' ? sql`, preset = 0` : sql``;
      await sql`update deadline_policy set definition_json = ${definition}${preset} where id = ${p.id}`.execute(
        db,
      );
    }
  }
  for (const id of orgs) {
    const { rows } = await sql<{ settings_json: string }>`
      select settings_json from organisation where id = ${id}`.execute(db);
    const settings = JSON.parse(rows[0]?.settings_json ?? '{}') as Record<string, unknown>;
    settings.defaultPolicyKey ??= 'fast-14-30-60';
    await sql`update organisation set settings_json = ${JSON.stringify(settings)} where id = ${id}`.execute(
      db,
    );
  }
}
