import { type Kysely, PostgresAdapter } from 'kysely';

/** Column types that differ between the two engines; everything else is portable SQL. */
export function columnTypes(db: Kysely<unknown>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    postgres,
    // better-auth reads and writes these columns itself, so they follow its expectations per engine.
    authDate: postgres ? ('timestamptz' as const) : ('date' as const),
    authBool: postgres ? ('boolean' as const) : ('integer' as const),
  };
}
