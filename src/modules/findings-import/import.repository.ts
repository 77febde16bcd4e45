import type { Db } from '../../db/connection.ts';

// The column mapping remembered per organisation and certification body (migration 0019).

export const cbKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

export async function rememberedMapping(
  db: Db,
  organisationId: string,
  certificationBody: string,
): Promise<Record<string, string> | null> {
  const row = await db
    .selectFrom('import_mapping')
    .select('mapping_json')
    .where('organisation_id', '=', organisationId)
    .where('certification_body', '=', cbKey(certificationBody))
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping_json) as Record<string, string>) : null;
}

export async function rememberMapping(
  db: Db,
  row: {
    organisationId: string;
    certificationBody: string;
    mapping: Record<string, string>;
    by: string | null;
    at: string;
  },
) {
  const values = {
    organisation_id: row.organisationId,
    certification_body: cbKey(row.certificationBody),
    mapping_json: JSON.stringify(row.mapping),
    updated_by_user_id: row.by,
    updated_at: row.at,
  };
  await db
    .insertInto('import_mapping')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'certification_body']).doUpdateSet({
        mapping_json: values.mapping_json,
        updated_by_user_id: values.updated_by_user_id,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}
