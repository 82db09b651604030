/**
 * @module 2026_12_07_000000_add_case_event_uid
 * A stable identity for each case event: `uid`, unique across the database and never reused, so a
 * reader can tell that a case file changed (an append, or `casus record load` replacing its log)
 * from its last event alone, and serve an unchanged one from a cache. Written once for SQLite and
 * PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they are typed against an untyped database (Kysely's advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_event').addColumn('uid', 'text').execute();
  // Existing events: unique by their (case_id, seq) key; new events get random UUIDs, which never
  // take this shape, so a log replaced later cannot repeat an old identity.
  await sql`update case_event set uid = 'm-' || case_id || '-' || seq where uid is null`.execute(db);
  await db.schema.createIndex('case_event_uid').on('case_event').column('uid').unique().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_event_uid').execute();
  await db.schema.alterTable('case_event').dropColumn('uid').execute();
}
