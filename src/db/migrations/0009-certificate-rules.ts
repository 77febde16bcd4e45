import { type Kysely, sql } from 'kysely';

// Certificates follow the certification rules (issue #13): the certification decision date that anchors
// the cycle (ISO/IEC 17021-1 9.1.3.2), the stage 2 / recertification audit it was decided on, the stated
// reason of a historical record, the SoA version in force at the decision, the date and kind of a
// suspension or withdrawal (9.6.5), and the renewal chain with the days not certified before a
// restoration (9.6.3). Existing certificates: decided on their issue date. Also the renamed mandatory-
// document key (ISO/IEC 27001:2022 7.5.1 b).
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = (column: string, type: 'text' | 'integer', notNullDefault?: string) =>
    db.schema
      .alterTable('certificate')
      .addColumn(column, type, (c) =>
        notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault),
      )
      .execute();
  await add('decided_on', 'text');
  await add('audit_id', 'text');
  await add('historical_reason', 'text', '');
  await add('soa_version', 'integer');
  await add('status_on', 'text');
  await add('suspension_reason', 'text', '');
  await add('renews_certificate_id', 'text');
  await add('not_certified_from', 'text');
  await add('not_certified_to', 'text');
  await sql`update certificate set decided_on = issued_on where decided_on is null`.execute(db);
  // The mandatory-document list names 7.5.1 b (documented information determined as necessary) where it
  // had 7.5.3 "external origin": documents registered against the old key keep their place.
  await sql`update isms_document set requirement_key = 'determined-necessary' where requirement_key = 'external-documents'`.execute(
    db,
  );
  await sql`update certificate set status_on = substr(updated_at, 1, 10) where status <> 'valid'`.execute(db);
}
