import type { Db } from '../../db/connection.ts';

export async function listTeams(db: Db, organisationId: string) {
  const teams = await db
    .selectFrom('team')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
  const members = await db
    .selectFrom('team_member')
    .select(['team_id', 'user_id'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id),
  }));
}

export async function findTeam(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('team')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findTeamByName(db: Db, organisationId: string, name: string) {
  return db
    .selectFrom('team')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertTeam(
  db: Db,
  row: { id: string; organisation_id: string; name: string; created_at: string },
) {
  await db.insertInto('team').values(row).execute();
}

export async function renameTeam(db: Db, organisationId: string, id: string, name: string) {
  await db
    .updateTable('team')
    .set({ name })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function setTeamMembers(db: Db, organisationId: string, teamId: string, userIds: string[]) {
  await db
    .deleteFrom('team_member')
    .where('organisation_id', '=', organisationId)
    .where('team_id', '=', teamId)
    .execute();
  if (userIds.length > 0)
    await db
      .insertInto('team_member')
      .values(userIds.map((user_id) => ({ team_id: teamId, organisation_id: organisationId, user_id })))
      .execute();
}

export async function deleteTeam(db: Db, organisationId: string, id: string) {
  await db.deleteFrom('team').where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}
