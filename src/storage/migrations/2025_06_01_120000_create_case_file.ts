/**
 * @module 2025_06_01_120000_create_case_file
 * Case files and their append-only event log. Written once for SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they are typed against an untyped database (Kysely's advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('treaty', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('incident', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('record', 'user')`))
    .addColumn('record_id', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('case_file_treaty').on('case_file').column('treaty').execute();
  await db.schema
    .createTable('case_event')
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_file.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_event_pk', ['case_id', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_event').execute();
  await db.schema.dropTable('case_file').execute();
}

