// The entity page's rows (`entity_articles`, ~29 an article) named their entity by its id, ~14 bytes in the key of
// every row; they now name it by a number (`entity_numbers`, one row an entity), one or two bytes. The numbers of the
// entities already filed are given in the order of their ids; entities filed later take the next ones.
import { sql, type Kysely } from "kysely";
import { binaryCollation, blobType } from "../dialect.js";
import { keyByEntityNumber } from "./entity-number-key.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Numbers the filed entities and files `entity_articles` by number. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("entity_numbers")
    .addColumn("num", "integer", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .execute();
  await binaryCollation(db);
  await sql`insert into entity_numbers (num, id) select row_number() over (order by entity_id), entity_id from (select distinct entity_id from entity_articles) e`.execute(db);
  await keyByEntityNumber(db, "entity_articles", ["entity", "day", "seq"], ["day", "seq", "mentions", "said"], (t) =>
    t
      .addColumn("day", "integer", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"))
      .addColumn("mentions", "integer", (c) => c.notNull())
      .addColumn("said", blobType(db)),
  );
}

/** One way: the ids are not written into every row again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0024_entity_numbers cannot be undone");
}
