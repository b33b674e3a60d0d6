// The entity page's rows (`entity_articles`, ~29 an article) named their entity by its id, ~14 bytes in the key of
// every row; they now name it by a number (`entity_numbers`, one row an entity), one or two bytes. The numbers of the
// entities already filed are given in the order of their ids; entities filed later take the next ones.
import { sql, type Kysely } from "kysely";
import { binaryCollation, blobType, clusteredByKey, engineOf } from "../dialect.js";

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
  if (engineOf(db) === "postgres") {
    await sql`alter table entity_articles add column entity integer`.execute(db);
    await sql`update entity_articles set entity = n.num from entity_numbers n where n.id = entity_articles.entity_id`.execute(db);
    await sql`alter table entity_articles alter column entity set not null`.execute(db);
    await sql`alter table entity_articles drop constraint entity_articles_pk`.execute(db);
    await sql`alter table entity_articles drop column entity_id`.execute(db);
    await sql`alter table entity_articles add constraint entity_articles_pk primary key (entity, day, seq)`.execute(db);
    return;
  }
  // SQLite keeps a table's key for its life: the table is written anew, rows in the new key's order.
  await clusteredByKey(
    db,
    db.schema
      .createTable("entity_articles_numbered")
      .addColumn("entity", "integer", (c) => c.notNull())
      .addColumn("day", "integer", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"))
      .addColumn("mentions", "integer", (c) => c.notNull())
      .addColumn("said", blobType(db))
      .addPrimaryKeyConstraint("entity_articles_pk", ["entity", "day", "seq"]),
  ).execute();
  await sql`insert into entity_articles_numbered (entity, day, seq, mentions, said)
    select n.num, e.day, e.seq, e.mentions, e.said from entity_articles e join entity_numbers n on n.id = e.entity_id order by n.num, e.day, e.seq`.execute(db);
  await db.schema.dropTable("entity_articles").execute();
  await db.schema.alterTable("entity_articles_numbered").renameTo("entity_articles").execute();
}

/** One way: the ids are not written into every row again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0024_entity_numbers cannot be undone");
}
