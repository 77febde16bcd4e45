import { type Kysely, sql } from 'kysely';

// ISMS an auditor checks and honest figures (issue #13):
// - each risk records its owner's approval of the treatment plan and acceptance of the residual risk
//   (ISO/IEC 27001:2022 6.1.3 f), name and date;
// - SoA approval warnings kept with the version (6.1.3 d);
// - the context of the organisation (4.1 issues, 4.2 interested parties) with the climate-change
//   determination of ISO/IEC 27001:2022/Amd 1:2024;
// - recorded figures on closeloop's own 0–100 scales: `implementation` holds the implementation score.
//   Snapshots of models /1 and /2 kept a 0–950 posture; they are carried over as posture ÷ 9.5 so that the
//   history still renders on the same axis, and keep the model version they were computed with.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'treatment_approved_by',
    'treatment_approved_on',
    'residual_accepted_by',
    'residual_accepted_on',
  ])
    await db.schema.alterTable('risk').addColumn(column, 'text').execute();

  await db.schema
    .createTable('isms_context')
    .addColumn('organisation_id', 'text', (c) =>
      c.primaryKey().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('issues_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('parties_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('feedback_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('climate_relevant', 'integer')
    .addColumn('climate_statement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('determined_on', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The warnings an SoA version was approved with (implemented control with an open NC, scope differing
  // from the certificate or the audit): approval warns, it does not refuse.
  await db.schema
    .alterTable('soa_version')
    .addColumn('approval_warnings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  // Other necessary controls beside Annex A (6.1.3 b NOTE 1, 6.1.3 c NOTE 2) carry their own id and title;
  // an Annex A entry keeps '' and takes its title from the catalogue.
  await db.schema
    .alterTable('soa_entry')
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema.alterTable('posture_snapshot').addColumn('implementation', 'real').execute();
  await sql`update posture_snapshot set implementation = round(posture / 9.5, 1) where implementation is null`.execute(
    db,
  );
}
