/**
 * @module 2026_12_06_230000_create_dataset
 * Imported datasets and their findings (`casus import`). Written once for SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are typed against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dataset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'complete')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    .execute();
  await db.schema
    .createTable('dataset_finding')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('dataset.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('attacker', 'text')
    .addColumn('target', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('against', 'text', (c) => c.notNull())
    .addColumn('treaty', 'text', (c) => c.notNull())
    .addColumn('provision', 'text', (c) => c.notNull())
    .addColumn('recognized', 'text', (c) => c.check(sql`recognized in ('triggered', 'undetermined', 'not-triggered')`))
    .addColumn('administered', 'text', (c) => c.check(sql`administered in ('triggered', 'undetermined', 'not-triggered')`))
    .addColumn('claimed', 'text', (c) => c.check(sql`claimed in ('triggered', 'undetermined', 'not-triggered')`))
    .addColumn('delimited', 'text', (c) => c.check(sql`delimited in ('triggered', 'undetermined', 'not-triggered')`))
    .addPrimaryKeyConstraint('dataset_finding_pk', ['dataset_id', 'line', 'treaty', 'provision'])
    .execute();
  await db.schema.createIndex('dataset_finding_date').on('dataset_finding').columns(['dataset_id', 'date']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dataset_finding').execute();
  await db.schema.dropTable('dataset').execute();
}
