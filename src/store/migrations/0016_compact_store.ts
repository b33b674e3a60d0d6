// A smaller store for the same articles. Readings are laid out a column at a time and deflated against their article's
// text (see `encodeReading`), about two thirds of their former size; statements name their article by its number alone
// (the id is read from `articles`), where each row also carried the id's sixteen characters. Stored readings are
// re-encoded and stored statements carried over.
import { inflateRawSync } from "node:zlib";
import { sql, type Kysely } from "kysely";
import { decodeReading, encodeReading, readingIsCurrent } from "../annotations.js";
import { binaryCollation, blobType, clusteredByKey, engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// Articles re-encoded at a time.
const CHUNK = 200;

const OFFSET_COLUMNS = ["idx", "sentence", "sentence_start", "sentence_end", "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end"];

/** Re-encodes stored readings and rebuilds statements without the article id. */
export async function up(db: AnyDb): Promise<void> {
  await reencodeReadings(db);
  if (engineOf(db) === "postgres") {
    // PostgreSQL drops the column (and its reference to articles) in place; the number refers to articles instead.
    await db.schema.alterTable("statements").dropColumn("article_id").execute();
    await sql`alter table statements add constraint statements_seq_fk foreign key (seq) references articles (seq) on delete cascade`.execute(db);
    return;
  }
  // SQLite cannot drop a column that refers to another table: the table is built anew and the rows copied in key order.
  let statements = db.schema
    .createTable("statements_compact")
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"));
  for (const col of OFFSET_COLUMNS) statements = statements.addColumn(col, "integer", (c) => c.notNull());
  await clusteredByKey(
    db,
    statements.addColumn("event_types", "text", (c) => c.notNull()).addPrimaryKeyConstraint("statements_pk", ["entity_id", "day", "seq", "idx"] as never),
  ).execute();
  const columns = ["entity_id", "day", "seq", ...OFFSET_COLUMNS, "event_types"].map((c) => sql.ref(c));
  await sql`insert into statements_compact (${sql.join(columns)}) select ${sql.join(columns)} from statements`.execute(db);
  await db.schema.dropTable("statements").execute();
  await db.schema.alterTable("statements_compact").renameTo("statements").execute();
  await binaryCollation(db);
}

// Each stored reading, decoded with its article's text and encoded again in the current layout, into a table of its
// own: rewritten in place, the smaller rows would leave the pages they shrank in part empty.
async function reencodeReadings(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("readings_compact")
    .addColumn("seq", "integer", (c) => c.primaryKey().references("articles.seq").onDelete("cascade"))
    .addColumn("data", blobType(db), (c) => c.notNull())
    .execute();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("readings")
      .innerJoin("articles", "articles.seq", "readings.seq")
      .select(["readings.seq", "readings.data", "articles.text", "articles.body"])
      .where("readings.seq", ">", after)
      .orderBy("readings.seq")
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].seq;
    const values = (rows as { seq: number; data: Uint8Array; text: string; body: Uint8Array | null }[]).map((r) => {
      if (readingIsCurrent(r.data)) return { seq: r.seq, data: r.data };
      const text = r.body ? inflateRawSync(r.body).toString("utf8") : r.text;
      return { seq: r.seq, data: encodeReading(decodeReading(r.data, text), text) };
    });
    for (let i = 0; i < values.length; i += 50) await db.insertInto("readings_compact").values(values.slice(i, i + 50)).execute();
  }
  await db.schema.dropTable("readings").execute();
  await db.schema.alterTable("readings_compact").renameTo("readings").execute();
}

/** One way: the former layouts are not written again (the store reads former readings still). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0016_compact_store cannot be undone");
}
