import { sql } from 'kysely';
import type { DatabaseKind, Db } from './connection.ts';

/**
 * Refreshes the statistics the query planner chooses its indexes by. SQLite keeps none until asked: with
 * none, it read a finding's earlier verified findings (the repeat warning) by scanning the organisation's
 * whole requirement index instead of starting from the finding's own rows, 25 ms for one finding of the
 * 100,000-finding organisation instead of 0.1 ms (#16). `PRAGMA optimize` analyses only the tables whose
 * statistics are missing or stale (grown or shrunk tenfold), and `analysis_limit` bounds each analysis
 * to a sample, so a run costs milliseconds whatever the size (sqlite.org/lang_analyze.html). PostgreSQL's
 * autovacuum analyses on its own; an explicit `ANALYZE` after bulk work (an import, a restore) only
 * brings that forward.
 */
export async function refreshPlannerStatistics(
  db: Db,
  kind: DatabaseKind,
): Promise<{ engine: DatabaseKind }> {
  if (kind === 'sqlite') {
    await sql`pragma analysis_limit = 1000`.execute(db);
    // 0x10002: consider every table, not only those this connection has queried.
    await sql`pragma optimize = 0x10002`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
  return { engine: kind };
}
