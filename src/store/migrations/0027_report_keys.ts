// Reports without the ids they repeat. A report's id is its article's id and its event's ("17d967619f5d1b67:e9"), as
// the linker writes it: the row kept it in full (~20 bytes) and again in its key's index, and named its article by id
// (16 bytes) in the row and in the index of reports by article. A report now names its article by number (`seq`, as
// readings and entity rows do) and keeps its id only when it is not that one (`id` is empty otherwise; see
// store/report-ids). One index, by article number, event and kept id, serves the reads by article and the look-ups of
// such ids, and keeps them unique; another, of the ids kept, keeps those unique and finds them.
import { sql, type Kysely } from "kysely";
import { engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// The columns kept as they were, in their order.
const KEPT = [
  "claim_id",
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

// The id a report keeps: none when it is its article's and its event's (an event id holds no colon, so the split of
// such an id at its last colon gives them back), else the id itself.
const keptId = sql`case when r.event_id is not null and r.event_id not like '%:%' and r.id = r.article_id || ':' || r.event_id then '' else r.id end`;

/** Names each report's article by number, keeps only the ids that are not `article:event`, and re-indexes `reports`. */
export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`alter table reports add column seq integer`.execute(db);
    await sql`alter table reports drop constraint reports_pkey`.execute(db);
    await sql`update reports r set seq = a.seq, id = ${keptId} from articles a where a.id = r.article_id`.execute(db);
    await sql`alter table reports alter column seq set not null`.execute(db);
    await sql`alter table reports alter column id set default ''`.execute(db);
    await sql`alter table reports add constraint reports_seq_fkey foreign key (seq) references articles (seq) on delete cascade`.execute(db);
    await sql`drop index reports_article`.execute(db);
    await sql`alter table reports drop column article_id`.execute(db);
    await indexes(db);
    return;
  }
  // SQLite keeps a table's key and foreign keys for its life: the table is written anew, rows in their order.
  await db.schema
    .createTable("reports_keyed")
    .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id").onDelete("cascade"))
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
  const columns = sql.join(KEPT.map((c) => sql.id(c)));
  const kept = sql.join(KEPT.map((c) => sql.ref(`r.${c}`)));
  await sql`insert into reports_keyed (seq, id, ${columns}) select a.seq, ${keptId}, ${kept} from reports r join articles a on a.id = r.article_id order by r.rowid`.execute(db);
  await db.schema.dropTable("reports").execute();
  await db.schema.alterTable("reports_keyed").renameTo("reports").execute();
  await db.schema.createIndex("reports_claim").on("reports").column("claim_id").execute();
  await indexes(db);
}

async function indexes(db: AnyDb): Promise<void> {
  await sql`create unique index reports_article on reports (seq, event_id, id)`.execute(db);
  await sql`create unique index reports_id on reports (id) where id <> ''`.execute(db);
}

/** One way: the ids are not written out again (reads work them out). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0027_report_keys cannot be undone");
}
