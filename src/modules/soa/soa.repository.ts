import type { Db } from '../../db/connection.ts';
import type { SoaChangeTable, SoaEntryTable, SoaVersionTable } from '../../db/schema-isms.ts';
import { controlIdOfLabel } from '../../vocabulary/controls.ts';
import type { FindingStatus } from '../../vocabulary/index.ts';

// The only SQL of the Statement of Applicability; every query is filtered by organisation.

export async function listVersions(db: Db, organisationId: string) {
  return db
    .selectFrom('soa_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('number', 'desc')
    .execute();
}

export async function findVersion(db: Db, organisationId: string, number: number) {
  return db
    .selectFrom('soa_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The version in force: the latest approved one, else the draft (an organisation starting out). */
export async function currentVersion(db: Db, organisationId: string) {
  const approved = await db
    .selectFrom('soa_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .executeTakeFirst();
  if (approved) return approved;
  return db
    .selectFrom('soa_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('number', 'desc')
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: SoaVersionTable) {
  await db.insertInto('soa_version').values(row).execute();
}

export async function updateVersion(
  db: Db,
  organisationId: string,
  versionId: string,
  patch: Partial<SoaVersionTable>,
) {
  await db
    .updateTable('soa_version')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', versionId)
    .execute();
}

export async function listEntries(db: Db, organisationId: string, versionId: string) {
  return db
    .selectFrom('soa_entry')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('version_id', '=', versionId)
    .execute();
}

export async function insertEntries(db: Db, rows: SoaEntryTable[]) {
  // Chunks keep PostgreSQL and SQLite well under their bound-parameter limits.
  for (let i = 0; i < rows.length; i += 40)
    await db
      .insertInto('soa_entry')
      .values(rows.slice(i, i + 40))
      .execute();
}

export async function updateEntry(
  db: Db,
  organisationId: string,
  versionId: string,
  controlId: string,
  patch: Partial<SoaEntryTable>,
) {
  await db
    .updateTable('soa_entry')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('version_id', '=', versionId)
    .where('control_id', '=', controlId)
    .execute();
}

export async function deleteEntry(db: Db, organisationId: string, versionId: string, controlId: string) {
  await db
    .deleteFrom('soa_entry')
    .where('organisation_id', '=', organisationId)
    .where('version_id', '=', versionId)
    .where('control_id', '=', controlId)
    .execute();
}

export async function insertChange(db: Db, row: SoaChangeTable) {
  await db.insertInto('soa_change').values(row).execute();
}

export async function listChanges(db: Db, organisationId: string, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('soa_change')
    .innerJoin('soa_version', 'soa_version.id', 'soa_change.version_id')
    .select([
      'soa_version.number',
      'soa_change.control_id',
      'soa_change.changes_json',
      'soa_change.reason',
      'soa_change.actor_label',
      'soa_change.at',
    ])
    .where('soa_change.organisation_id', '=', organisationId)
    .where('soa_change.version_id', 'in', versionIds)
    .orderBy('soa_change.at')
    .execute();
}

/** Refs of findings raised against each Annex A control (requirements are stored as canonical ids). */
/**
 * Back-references for the SoA's links column: the risks whose treatment relies on each control, in risk
 * order. Read here, beside findingRefsByControl, because the risks module depends on soa (a risk shows the
 * SoA status of its controls); soa calling risks would close a cycle. Read-only.
 */
export async function riskRefsByControl(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('risk')
    .select(['ref', 'controls_json'])
    .where('organisation_id', '=', organisationId)
    .orderBy('ref')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows)
    for (const c of JSON.parse(r.controls_json) as string[]) map.set(c, [...(map.get(c) ?? []), r.ref]);
  return map;
}

export async function findingRefsByControl(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select(['finding.ref', 'audit.ref as audit_ref', 'finding.requirements_json'])
    .where('finding.organisation_id', '=', organisationId)
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) {
    // Canonical labels: `A.8.8` for an Annex A control, `ORG-1` for an own one, `9.2` for a clause.
    for (const label of JSON.parse(r.requirements_json) as string[]) {
      const id = controlIdOfLabel(label);
      if (id !== null) map.set(id, [...(map.get(id) ?? []), `${r.audit_ref}/${r.ref}`]);
    }
  }
  return map;
}

/**
 * For the approval warnings (read-only, like the back-references above: certificates and audits depend
 * on soa, so soa reads their rows here rather than calling them): open major and minor nonconformities
 * per control, the current certificate's scope, and the scope of the latest certification audit.
 */
export async function openNcRefsByControl(
  db: Db,
  organisationId: string,
  finished: readonly FindingStatus[],
) {
  const rows = await db
    .selectFrom('finding')
    .innerJoin('audit', 'audit.id', 'finding.audit_id')
    .select(['finding.ref', 'audit.ref as audit_ref', 'finding.requirements_json'])
    .where('finding.organisation_id', '=', organisationId)
    .where('finding.grade', 'in', ['major', 'minor'])
    .where('finding.status', 'not in', [...finished])
    .orderBy('audit.ref')
    .orderBy('finding.ref')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows)
    for (const label of JSON.parse(r.requirements_json) as string[]) {
      const id = controlIdOfLabel(label);
      if (id !== null) map.set(id, [...(map.get(id) ?? []), `${r.audit_ref}/${r.ref}`]);
    }
  return map;
}

export async function currentCertificateScope(db: Db, organisationId: string) {
  return db
    .selectFrom('certificate')
    .select(['number', 'scope'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'valid')
    .orderBy('issued_on', 'desc')
    .executeTakeFirst();
}

export async function latestAuditScope(db: Db, organisationId: string) {
  return db
    .selectFrom('audit')
    .select(['ref', 'scope'])
    .where('organisation_id', '=', organisationId)
    .where('type', 'not in', ['internal', 'second_party'])
    .where('starts_on', 'is not', null)
    .orderBy('starts_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}
