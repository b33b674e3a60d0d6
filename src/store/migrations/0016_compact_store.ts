// A smaller store for the same articles. Readings are laid out a column at a time and deflated against their article's
// text (see `encodeReading`), about two thirds of their former size. Statements (the attributions naming a known entity
// as their source) leave their own table, where each row repeated the entity, day and article: they are packed into the
// entity's row for the article in `entity_articles`, which has those already (see store/said). Stored readings are
// re-encoded and stored statements moved.
import { inflateRawSync } from "node:zlib";
import { sql, type Kysely } from "kysely";
import { decodeReading, encodeReading, readingIsCurrent, UNDATED_DAY } from "../annotations.js";
import { NOT_MENTIONED, packSaid, type SaidStatement } from "../said.js";
import { binaryCollation, blobType, clusteredByKey, engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// Articles re-encoded at a time.
const CHUNK = 200;

/** Re-encodes stored readings and moves statements into the entity rows of their articles. */
export async function up(db: AnyDb): Promise<void> {
  await reencodeReadings(db);
  await moveStatements(db);
}

// Statements, grouped by entity and article and packed, go into the entity's row for the article (a new row, marked as
// not mentioning it, where the article only quotes the entity). SQLite builds the table anew, its rows written in key
// order; PostgreSQL adds the column and fills it in place.
async function moveStatements(db: AnyDb): Promise<void> {
  const sqlite = engineOf(db) === "sqlite";
  const table = sqlite ? "entity_articles_said" : "entity_articles";
  if (sqlite) {
    await clusteredByKey(
      db,
      db.schema
        .createTable(table)
        .addColumn("entity_id", "text", (c) => c.notNull())
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"))
        .addColumn("mentions", "integer", (c) => c.notNull())
        .addColumn("said", blobType(db))
        .addPrimaryKeyConstraint("entity_articles_pk", ["entity_id", "day", "seq"]),
    ).execute();
  } else {
    await db.schema.alterTable("entity_articles").addColumn("said", blobType(db)).execute();
  }
  const entities = await sql<{ entity_id: string }>`select entity_id from entity_articles union select entity_id from statements order by entity_id`.execute(db);
  for (const { entity_id } of entities.rows) {
    const [mentions, statements] = await Promise.all([
      db.selectFrom("entity_articles").select(["day", "seq", "mentions"]).where("entity_id", "=", entity_id).execute(),
      db.selectFrom("statements").selectAll().where("entity_id", "=", entity_id).orderBy("seq").orderBy("idx").execute(),
    ]);
    // The entity's rows by article number; statements carry "~" for an undated article where these rows carry "".
    const rows = new Map<number, { day: string; seq: number; mentions: number; said: SaidStatement[]; stored: boolean }>();
    for (const m of mentions) rows.set(Number(m.seq), { day: m.day, seq: Number(m.seq), mentions: Number(m.mentions), said: [], stored: true });
    for (const s of statements) {
      const seq = Number(s.seq);
      let row = rows.get(seq);
      if (!row) rows.set(seq, (row = { day: s.day === UNDATED_DAY ? "" : s.day, seq, mentions: NOT_MENTIONED, said: [], stored: false }));
      row.said.push(s as SaidStatement);
    }
    const packed = [...rows.values()].map((r) => ({ ...r, packed: r.said.length ? packSaid(r.said) : null }));
    if (sqlite) {
      packed.sort((x, y) => (x.day !== y.day ? (x.day < y.day ? -1 : 1) : x.seq - y.seq));
      const values = packed.map((r) => ({ entity_id, day: r.day, seq: r.seq, mentions: r.mentions, said: r.packed }));
      for (let i = 0; i < values.length; i += 100) await db.insertInto(table).values(values.slice(i, i + 100)).execute();
    } else {
      for (const r of packed) {
        if (!r.packed) continue;
        if (r.stored) await db.updateTable(table).set({ said: r.packed }).where("entity_id", "=", entity_id).where("day", "=", r.day).where("seq", "=", r.seq).execute();
        else await db.insertInto(table).values({ entity_id, day: r.day, seq: r.seq, mentions: r.mentions, said: r.packed }).execute();
      }
    }
  }
  await db.schema.dropTable("statements").execute();
  if (sqlite) {
    await db.schema.dropTable("entity_articles").execute();
    await db.schema.alterTable(table).renameTo("entity_articles").execute();
  }
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
