// The store keeps each article's reading as one compact record instead of a row per sentence, mention, time,
// attribution and event (those rows were four fifths of the store and only ever read an article at a time). What
// queries look up across articles stays in rows of its own: a running total of mentions on each entity, the
// attributions to known entities (the entity page, in order), each report's sources and trigger offsets (the linker and
// the forecasts read them with the report). LSH buckets name the article by its number and are keyed by bucket alone;
// bodies and story features are kept deflated; MinHash signatures keep 16 bits a value. Stored articles are carried
// over.
import { deflateRawSync } from "node:zlib";
import { sql, type Kysely } from "kysely";
import type { DecodedReading } from "../annotations.js";
import { encodeFormerReading, UNDATED_DAY } from "../annotations.js";
import { binaryCollation, blobType, clusteredByKey } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

const cascade = "cascade" as const;
// Articles carried over at a time.
const CHUNK = 200;

/** Creates the compact tables, carries stored articles over, and drops the per-annotation tables. */
export async function up(db: AnyDb): Promise<void> {
  const s = db.schema;
  // Keyed by the article's number: on SQLite the key is the row id, so rows of a few kilobytes fill whole pages (a
  // clustered table would spill each to an overflow page of its own).
  await s
    .createTable("readings")
    .addColumn("seq", "integer", (c) => c.primaryKey().references("articles.seq").onDelete(cascade))
    .addColumn("data", blobType(db), (c) => c.notNull())
    .execute();
  let statements = s
    .createTable("statements")
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete(cascade));
  for (const col of ["idx", "sentence", "sentence_start", "sentence_end", "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end"]) {
    statements = statements.addColumn(col, "integer", (c) => c.notNull());
  }
  await clusteredByKey(
    db,
    statements.addColumn("event_types", "text", (c) => c.notNull()).addPrimaryKeyConstraint("statements_pk", ["entity_id", "day", "seq", "idx"] as never),
  ).execute();
  await clusteredByKey(
    db,
    s
      .createTable("lsh_buckets")
      .addColumn("band", "integer", (c) => c.notNull())
      .addColumn("hash", "integer", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull().references("articles.seq").onDelete(cascade))
      .addPrimaryKeyConstraint("lsh_buckets_pk", ["band", "hash", "seq"]),
  ).execute();
  await s.alterTable("entities").addColumn("mentions", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable("reports").addColumn("source", "text", (c) => c.notNull().defaultTo("[]")).execute();
  await s.alterTable("reports").addColumn("trigger_start", "integer").execute();
  await s.alterTable("reports").addColumn("trigger_end", "integer").execute();
  await s.alterTable("articles").addColumn("story_features", blobType(db)).execute();
  await s.alterTable("articles").addColumn("body", blobType(db)).execute();

  await carryOver(db);

  await db.updateTable("reports").set({
    source: sql`coalesce((select m.source from event_mentions m where m.article_id = reports.article_id and m.id = reports.event_id), '[]')`,
    trigger_start: sql`(select m.trigger_start from event_mentions m where m.article_id = reports.article_id and m.id = reports.event_id)`,
    trigger_end: sql`(select m.trigger_end from event_mentions m where m.article_id = reports.article_id and m.id = reports.event_id)`,
  }).execute();
  await sql`insert into lsh_buckets (band, hash, seq) select b.band, b.hash, a.seq from minhash_bands b join articles a on a.id = b.article_id`.execute(db);
  await sql`update entities set mentions = (select count(*) from mentions m where m.entity_id = entities.id)`.execute(db);
  for (const table of ["event_mentions", "attributions", "times", "mentions", "sentences", "minhash_bands"]) await s.dropTable(table).execute();
  await binaryCollation(db);
}

// Encodes the reading of every stored article from the former tables, and fills the new row tables.
async function carryOver(db: AnyDb): Promise<void> {
  let after = 0;
  for (;;) {
    const articles = await db.selectFrom("articles").select(["id", "seq", "text", "published", "story_terms", "minhash"]).where("seq", ">", after).orderBy("seq").limit(CHUNK).execute();
    if (articles.length === 0) return;
    after = articles[articles.length - 1].seq;
    const ids = articles.map((a: { id: string }) => a.id);
    const [sentences, mentions, times, attributions, events] = await Promise.all([
      db.selectFrom("sentences").selectAll().where("article_id", "in", ids).orderBy("article_id").orderBy("idx").execute(),
      db
        .selectFrom("mentions")
        .innerJoin("entities", "entities.id", "mentions.entity_id")
        .select(["mentions.article_id", "mentions.entity_id", "entities.name", "entities.type", "mentions.start", "mentions.end", "mentions.text", "mentions.sentence"])
        .where("mentions.article_id", "in", ids)
        .orderBy("mentions.article_id")
        .orderBy("mentions.idx")
        .execute(),
      db.selectFrom("times").selectAll().where("article_id", "in", ids).orderBy("article_id").orderBy("idx").execute(),
      db.selectFrom("attributions").selectAll().where("article_id", "in", ids).orderBy("article_id").orderBy("idx").execute(),
      db.selectFrom("event_mentions").selectAll().where("article_id", "in", ids).orderBy("article_id").orderBy("idx").execute(),
    ]);
    const by = (rows: any[]) => {
      const out = new Map<string, any[]>();
      for (const r of rows) (out.get(r.article_id) ?? out.set(r.article_id, []).get(r.article_id)!).push(r);
      return out;
    };
    const [S, M, T, A, E] = [by(sentences), by(mentions), by(times), by(attributions), by(events)];
    for (const article of articles) {
      const entities = new Map<string, DecodedReading["entities"][number]>();
      for (const m of M.get(article.id) ?? []) {
        let e = entities.get(m.entity_id);
        if (!e) entities.set(m.entity_id, (e = { id: m.entity_id, name: m.name, type: m.type, mentions: [] }));
        e.mentions.push(m.sentence === null ? { start: m.start, end: m.end, text: m.text } : { start: m.start, end: m.end, text: m.text, sentence: m.sentence });
      }
      const evs = E.get(article.id) ?? [];
      const reading: DecodedReading = {
        sentences: (S.get(article.id) ?? []).map((s) => ({ start: s.start, end: s.end })),
        entities: [...entities.values()],
        times: (T.get(article.id) ?? []).map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value })),
        attributions: (A.get(article.id) ?? []).map((a) => ({
          sentence: a.sentence,
          source: { start: a.source_start, end: a.source_end, text: a.source_text, entity: a.source_entity },
          cue: { start: a.cue_start, end: a.cue_end, text: a.cue_text },
          content: { start: a.content_start, end: a.content_end },
          chain: JSON.parse(a.chain),
        })),
        events: evs.map((ev) => ({
          id: ev.id,
          sentence: ev.sentence,
          trigger: { start: ev.trigger_start, end: ev.trigger_end, text: ev.trigger_text },
          type: ev.type,
          cameo: ev.cameo,
          participants: JSON.parse(ev.participants),
          factuality: ev.factuality,
          source: JSON.parse(ev.source),
          time: ev.time,
          condition: ev.condition_start !== null && ev.condition_end !== null ? { start: ev.condition_start, end: ev.condition_end } : null,
          stance: ev.stance,
          background: ev.background === 1,
          place: ev.place,
        })),
      };
      // The layout of this version, which the migrations after it read (0016 lays it out anew).
      await db.insertInto("readings").values({ seq: article.seq, data: encodeFormerReading(reading, article.text) }).execute();
      const types = new Map<number, string[]>();
      for (const ev of reading.events) {
        const l = types.get(ev.sentence) ?? [];
        if (!l.includes(ev.type)) l.push(ev.type);
        types.set(ev.sentence, l);
      }
      const said = reading.attributions.flatMap((a, idx) => {
        if (!a.source.entity) return [];
        const sentence = reading.sentences[a.sentence];
        if (!sentence) return [];
        return [{
          entity_id: a.source.entity, day: article.published ?? UNDATED_DAY, seq: article.seq, article_id: article.id, idx, sentence: a.sentence,
          sentence_start: sentence.start, sentence_end: sentence.end, source_start: a.source.start, source_end: a.source.end,
          cue_start: a.cue.start, cue_end: a.cue.end, content_start: a.content.start, content_end: a.content.end, event_types: (types.get(a.sentence) ?? []).join(" "),
        }];
      });
      if (said.length) await db.insertInto("statements").values(said).execute();
      const terms = article.story_terms === null ? {} : { story_features: deflateRawSync(article.story_terms), story_terms: null };
      await db.updateTable("articles").set({ body: deflateRawSync(article.text), text: "", minhash: halfSignature(article.minhash), ...terms }).where("id", "=", article.id).execute();
    }
  }
}

// A signature of 4-byte little-endian values, kept as the low 2 bytes of each (see `packSignature`).
function halfSignature(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.floor(bytes.byteLength / 4) * 2);
  for (let i = 0; i < out.length / 2; i++) {
    out[2 * i] = bytes[4 * i];
    out[2 * i + 1] = bytes[4 * i + 1];
  }
  return out;
}

/** One way: the former tables are not rebuilt. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0008_compact_readings cannot be undone");
}
