import type { Db } from '../../db/connection.ts';
import type { EvidenceFileTable } from '../../db/schema.ts';

export async function insertEvidence(db: Db, row: EvidenceFileTable) {
  await db.insertInto('evidence_file').values(row).execute();
}

export async function listEvidence(db: Db, organisationId: string, findingIds: string[]) {
  if (findingIds.length === 0) return [];
  return db
    .selectFrom('evidence_file')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('finding_id', 'in', findingIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function findEvidence(db: Db, organisationId: string, findingId: string, evidenceId: string) {
  return db
    .selectFrom('evidence_file')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('finding_id', '=', findingId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

export async function findEvidenceById(db: Db, organisationId: string, evidenceId: string) {
  return db
    .selectFrom('evidence_file')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}
