// What migrations 0024 and 0025 both do: a table that named an entity by its id (`entity_id`) names it by its number
// in `entity_numbers` (column `entity`), with the number first in its key. PostgreSQL swaps the column in place;
// SQLite keeps a table's key for its life, so the table is written anew from the table it gives, rows in key order.
import { sql, type CreateTableBuilder, type Kysely } from "kysely";
import { clusteredByKey, engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/**
 * Re-keys `table` by entity number. `key` is the new primary key (named `<table>_pk`), `entity` first; `columns` the
 * columns the rows keep besides the entity; `rebuilt` the SQLite table to write them into, named `<table>_numbered`.
 */
export async function keyByEntityNumber(
  db: AnyDb,
  table: string,
  key: string[],
  columns: string[],
  rebuilt: (create: CreateTableBuilder<any, any>) => CreateTableBuilder<any, any>,
): Promise<void> {
  const pk = `${table}_pk`;
  if (engineOf(db) === "postgres") {
    await sql`alter table ${sql.table(table)} add column entity integer`.execute(db);
    await sql`update ${sql.table(table)} set entity = n.num from entity_numbers n where n.id = ${sql.ref(`${table}.entity_id`)}`.execute(db);
    await sql`alter table ${sql.table(table)} alter column entity set not null`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(pk)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column entity_id`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(pk)} primary key (${sql.join(key.map((k) => sql.id(k)))})`.execute(db);
    return;
  }
  const numbered = `${table}_numbered`;
  await clusteredByKey(db, rebuilt(db.schema.createTable(numbered).addColumn("entity", "integer", (c) => c.notNull())).addPrimaryKeyConstraint(pk, key)).execute();
  const kept = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
  const order = sql.join(key.map((k) => (k === "entity" ? sql.ref("n.num") : sql.ref(`t.${k}`))));
  await sql`insert into ${sql.table(numbered)} (entity, ${sql.join(columns.map((c) => sql.id(c)))})
    select n.num, ${kept} from ${sql.table(table)} t join entity_numbers n on n.id = t.entity_id order by ${order}`.execute(db);
  await db.schema.dropTable(table).execute();
  await db.schema.alterTable(numbered).renameTo(table).execute();
}
