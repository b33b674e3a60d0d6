// Reports without what they need not keep. A report's publication date is always its article's (the linker writes the
// article's), so it is read from the article, which every read of reports joins already. Its origin is no longer a
// foreign key: deleting an origin made the engine look for the reports pointing at it, through an index on
// `reports.origin_id` that no query reads by (~0.2 KB an article); the linker moves an origin's reports before it
// drops the origin, in the same transaction. The claim index orders nothing by date any more and keeps the claim alone.
import { sql, type Kysely } from "kysely";
import { engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// The columns kept, in their order.
const KEPT = [
  "id",
  "claim_id",
  "article_id",
  "event_id",
  "sentence",
  "trigger",
  "factuality",
  "chain",
  "root",
  "origin_id",
  "stance",
  "background",
  "time",
  "source",
  "trigger_start",
  "trigger_end",
  "place",
];

/** Drops `reports.published`, the foreign key on `reports.origin_id` and its index; `reports_claim` keys the claim alone. */
export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`drop index reports_origin`.execute(db);
    await sql`drop index reports_claim`.execute(db);
    await sql`alter table reports drop constraint if exists reports_origin_id_fkey`.execute(db);
    await db.schema.alterTable("reports").dropColumn("published").execute();
    await db.schema.createIndex("reports_claim").on("reports").column("claim_id").execute();
    return;
  }
  // SQLite keeps a foreign key for the table's life: the table is written anew without it, rows in their order.
  await db.schema
    .createTable("reports_kept")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete("cascade"))
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("event_id", "text")
    .addColumn("sentence", "integer", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("factuality", "text", (c) => c.notNull())
    .addColumn("chain", "text", (c) => c.notNull())
    .addColumn("root", "text")
    .addColumn("origin_id", "text")
    .addColumn("stance", "text", (c) => c.notNull().defaultTo("unknown"))
    .addColumn("background", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("time", "text")
    .addColumn("source", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("trigger_start", "integer")
    .addColumn("trigger_end", "integer")
    .addColumn("place", "text")
    .execute();
  const columns = sql.join(KEPT.map((c) => sql.ref(c)));
  await sql`insert into reports_kept (${columns}) select ${columns} from reports order by rowid`.execute(db);
  await db.schema.dropTable("reports").execute();
  await db.schema.alterTable("reports_kept").renameTo("reports").execute();
  await db.schema.createIndex("reports_claim").on("reports").column("claim_id").execute();
  await db.schema.createIndex("reports_article").on("reports").column("article_id").execute();
}

/** One way: the dates are not written again (reads take the article's). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0021_report_columns cannot be undone");
}
