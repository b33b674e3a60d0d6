// The entity page lists the articles that mention an entity, newest first, with how often each does. Mentions are kept
// inside each article's compact reading, so one row per entity and article holds what that list needs, keyed so an
// entity's articles are read newest first without sorting. Stored articles are carried over from their readings.
import { inflateRawSync } from "node:zlib";
import type { Kysely } from "kysely";
import { binaryCollation, clusteredByKey } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

const CHUNK = 500;

/** Creates the table and fills it from the stored readings. */
export async function up(db: AnyDb): Promise<void> {
  await clusteredByKey(
    db,
    db.schema
      .createTable("entity_articles")
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete("cascade"))
      .addColumn("mentions", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("entity_articles_pk", ["entity_id", "day", "seq"]),
  ).execute();
  await binaryCollation(db);
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("readings")
      .innerJoin("articles", "articles.seq", "readings.seq")
      .select(["readings.seq", "readings.data", "articles.published"])
      .where("readings.seq", ">", after)
      .orderBy("readings.seq")
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1].seq;
    const values = rows.flatMap((r: { seq: number; data: Uint8Array; published: string | null }) => {
      // The encoded reading's entities are [id, name, type, spans (three numbers a mention), texts].
      const reading = JSON.parse(inflateRawSync(r.data).toString("utf8")) as { e: [string, string, string, number[]][] };
      const counts = new Map<string, number>();
      for (const [id, , , spans] of reading.e) counts.set(id, (counts.get(id) ?? 0) + spans.length / 3);
      return [...counts].map(([entity_id, mentions]) => ({ entity_id, day: r.published ?? "", seq: r.seq, mentions }));
    });
    for (let i = 0; i < values.length; i += 200) await db.insertInto("entity_articles").values(values.slice(i, i + 200)).execute();
  }
}

/** Drops the table. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("entity_articles").execute();
}
