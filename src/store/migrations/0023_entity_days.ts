// The day an entity's row for an article is filed under (`entity_articles.day`, in the key of every row: ~29 rows an
// article) was the publication date as text, ten bytes; it is now the days from 1970-01-01 (see `rowDay`), two or
// three bytes in the same order, the undated filed below every day (`UNDATED_ROW`) as the empty text was.
import { sql, type Kysely } from "kysely";
import { blobType, clusteredByKey, engineOf } from "../dialect.js";
import { UNDATED_ROW } from "../said.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Files every entity row by its day as a number. */
export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) === "postgres") {
    // A date that is not YYYY-MM-DD (never stored by ingest) is filed with the undated, as `rowDay` files it.
    await sql`alter table entity_articles alter column day type integer using (
      case when day ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
        then (make_date(substr(day, 1, 4)::int, substr(day, 6, 2)::int, 1) + (substr(day, 9, 2)::int - 1)) - date '1970-01-01'
        else ${sql.lit(UNDATED_ROW)} end)`.execute(db);
    return;
  }
  // SQLite keeps a column's type for the table's life: the table is written anew, rows in key order.
  await clusteredByKey(
    db,
    db.schema
      .createTable("entity_articles_by_day")
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addColumn("day", "integer", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"))
      .addColumn("mentions", "integer", (c) => c.notNull())
      .addColumn("said", blobType(db))
      .addPrimaryKeyConstraint("entity_articles_pk", ["entity_id", "day", "seq"]),
  ).execute();
  await sql`insert into entity_articles_by_day (entity_id, day, seq, mentions, said)
    select entity_id, case when day glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' and substr(day, 6, 2) between '01' and '12' and substr(day, 9, 2) between '01' and '31'
      then cast(julianday(substr(day, 1, 8) || '01') - 2440587.5 as integer) + cast(substr(day, 9, 2) as integer) - 1 else ${sql.lit(UNDATED_ROW)} end as d, seq, mentions, said
    from entity_articles order by entity_id, d, seq`.execute(db);
  await db.schema.dropTable("entity_articles").execute();
  await db.schema.alterTable("entity_articles_by_day").renameTo("entity_articles").execute();
}

/** One way: the days are not written as text again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0023_entity_days cannot be undone");
}
