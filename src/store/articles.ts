// Articles and their annotations: written in one go per article, read back as the extraction they came from.
import { CompiledQuery, type Insertable, type Selectable } from "kysely";
import type {
  ArticleMeta,
  Attribution,
  Entity,
  EntityType,
  EventMention,
  Extraction,
  Factuality,
  SourceRef,
  Stance,
  TimeExpr,
  TimeType,
} from "../domain/extraction.js";
import { EXTRACT_SCHEMA } from "../domain/extraction.js";
import type { Executor } from "./index.js";
import type { Database } from "./schema.js";
import { annotationRows, type AnnotationRows } from "./annotations.js";
import { insertColumnRows } from "./rows.js";

/** What ingest knows about an article beyond its extraction. */
export interface ArticleExtras {
  /** SHA-256 (hex) of the normalised body; unique across the store. */
  contentHash: string;
  /** MinHash signature, serialised. */
  minhash: Uint8Array;
  /** LSH bucket hash of each band of the signature, indexed by band. */
  bands: number[];
  nearDuplicateOf: string | null;
  ingestedAt: string;
  /** The file, URL or stream the article came from. */
  input: string | null;
  /** Encoded story features, kept so regrouping stories need not re-read the text. */
  storyTerms?: string | null;
}

/** An article as stored: its extraction plus ingest bookkeeping. */
export interface StoredArticle {
  extraction: Extraction;
  seq: number;
  contentHash: string;
  nearDuplicateOf: string | null;
  ingestedAt: string;
  input: string | null;
}

/** One line of an article listing. */
export interface ArticleSummary {
  id: string;
  seq: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  input: string | null;
}

/** A stored article as the near-duplicate check needs it. */
export interface DuplicateCandidate {
  id: string;
  seq: number;
  text: string;
  minhash: Uint8Array;
  published: string | null;
  near_duplicate_of: string | null;
}


/** The outlet id for an outlet name: "outlet:" and a slug of the name. */
export function outletId(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `outlet:${slug || "unknown"}`;
}

/** Writes an extraction with all its annotations (see `insertArticle`). */
export function storeExtraction(tx: Executor, extraction: Extraction, extras: ArticleExtras): Promise<{ id: string; seq: number; outlet: string | null }> {
  return insertArticle(tx, extraction.article, annotationRows(extraction), extras);
}

/**
 * Writes an article with its annotation rows (`annotationRows` of its extraction), outlet, entities, aliases and LSH
 * buckets; returns its ingest number and outlet name.
 */
export async function insertArticle(
  tx: Executor,
  a: ArticleMeta,
  rows: AnnotationRows,
  extras: ArticleExtras,
): Promise<{ id: string; seq: number; outlet: string | null }> {
  const id = a.id;
  let outlet: string | null = null;
  let outletName: string | null = null;
  if (a.outlet && a.outlet.trim()) {
    outlet = outletId(a.outlet);
    await tx
      .insertInto("outlets")
      .values({ id: outlet, name: a.outlet.trim(), kind: null, aliases: "[]" })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    // The outlet keeps the spelling it was first stored under.
    outletName = (await tx.selectFrom("outlets").select("name").where("id", "=", outlet).executeTakeFirstOrThrow()).name;
  }
  const last = await tx.selectFrom("articles").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await tx
    .insertInto("articles")
    .values({
      id,
      seq,
      content_hash: extras.contentHash,
      minhash: extras.minhash,
      title: a.title,
      outlet_id: outlet,
      url: a.url,
      published: a.published,
      published_source: a.published_source ?? null,
      credits: JSON.stringify(a.credits ?? []),
      byline: a.byline ?? null,
      language: a.language,
      text: a.text,
      near_duplicate_of: extras.nearDuplicateOf,
      ingested_at: extras.ingestedAt,
      input: extras.input,
      story_terms: extras.storyTerms ?? null,
    })
    .execute();

  await insertColumnRows(tx, "sentences", rows.sentences);
  await insertColumnRows(tx, "entities", rows.entities, { skipExisting: true });
  await insertColumnRows(tx, "aliases", rows.aliases, { skipExisting: true });
  await insertColumnRows(tx, "mentions", rows.mentions);
  await insertColumnRows(tx, "times", rows.times);
  await insertColumnRows(tx, "attributions", rows.attributions);
  await insertColumnRows(tx, "event_mentions", rows.event_mentions);
  await insertColumnRows(tx, "minhash_bands", { columns: ["article_id", "band", "hash"], values: extras.bands.map((hash, band) => [id, band, hash]) });
  return { id, seq, outlet: outletName };
}

/** The stored article with this content hash, if any. */
export async function findArticleByHash(
  db: Executor,
  contentHash: string,
): Promise<{ id: string; near_duplicate_of: string | null } | undefined> {
  return db
    .selectFrom("articles")
    .select(["id", "near_duplicate_of"])
    .where("content_hash", "=", contentHash)
    .executeTakeFirst();
}

/** The content hash stored under an article id, if that id is taken. */
export async function findArticleHash(db: Executor, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("articles").select("content_hash").where("id", "=", id).executeTakeFirst();
  return row?.content_hash;
}

/** Articles in publication order (undated last, then ingest order), optionally one story's only. */
export async function listArticles(
  db: Executor,
  opts: { storyId?: string; limit?: number; offset?: number } = {},
): Promise<ArticleSummary[]> {
  let q = db
    .selectFrom("articles")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .select([
      "articles.id",
      "articles.seq",
      "articles.title",
      "outlets.name as outlet",
      "articles.url",
      "articles.published",
      "articles.near_duplicate_of",
      "articles.input",
    ]);
  if (opts.storyId !== undefined) {
    const storyId = opts.storyId;
    q = q.where("articles.id", "in", (eb) =>
      eb.selectFrom("story_articles").select("article_id").where("story_id", "=", storyId),
    );
  }
  q = q
    .orderBy((eb) => eb.case().when("articles.published", "is", null).then(1).else(0).end())
    .orderBy("articles.published")
    .orderBy("articles.seq");
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset !== undefined) q = q.offset(opts.offset);
  return q.execute();
}

/** Reads an article back as its full extraction, or undefined when the id is unknown. */
export async function getArticle(db: Executor, id: string): Promise<StoredArticle | undefined> {
  const row = await db
    .selectFrom("articles")
    .leftJoin("outlets", "outlets.id", "articles.outlet_id")
    .selectAll("articles")
    .select("outlets.name as outlet_name")
    .where("articles.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [sentences, mentions, times, attributions, events] = await Promise.all([
    db.selectFrom("sentences").select(["start", "end"]).where("article_id", "=", id).orderBy("idx").execute(),
    db
      .selectFrom("mentions")
      .innerJoin("entities", "entities.id", "mentions.entity_id")
      .select([
        "mentions.entity_id",
        "entities.name",
        "entities.type",
        "mentions.start",
        "mentions.end",
        "mentions.text",
        "mentions.sentence",
      ])
      .where("mentions.article_id", "=", id)
      .orderBy("mentions.idx")
      .execute(),
    db.selectFrom("times").selectAll().where("article_id", "=", id).orderBy("idx").execute(),
    db.selectFrom("attributions").selectAll().where("article_id", "=", id).orderBy("idx").execute(),
    db.selectFrom("event_mentions").selectAll().where("article_id", "=", id).orderBy("idx").execute(),
  ]);

  const entities = new Map<string, Entity>();
  for (const m of mentions) {
    let e = entities.get(m.entity_id);
    if (!e) {
      e = { id: m.entity_id, name: m.name, type: m.type as EntityType, mentions: [] };
      entities.set(m.entity_id, e);
    }
    const mention: Entity["mentions"][number] = { start: m.start, end: m.end, text: m.text };
    if (m.sentence !== null) mention.sentence = m.sentence;
    e.mentions.push(mention);
  }

  const extraction: Extraction = {
    schema: EXTRACT_SCHEMA,
    article: {
      id: row.id,
      title: row.title,
      outlet: row.outlet_name ?? null,
      url: row.url,
      published: row.published,
      language: row.language,
      text: row.text,
      byline: row.byline,
      published_source: row.published_source as Extraction["article"]["published_source"],
      credits: JSON.parse(row.credits) as SourceRef[],
    },
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: [...entities.values()],
    times: times.map(
      (t): TimeExpr => ({ start: t.start, end: t.end, text: t.text, type: t.type as TimeType, value: t.value }),
    ),
    attributions: attributions.map(
      (at): Attribution => ({
        sentence: at.sentence,
        source: { start: at.source_start, end: at.source_end, text: at.source_text, entity: at.source_entity },
        cue: { start: at.cue_start, end: at.cue_end, text: at.cue_text },
        content: { start: at.content_start, end: at.content_end },
        chain: JSON.parse(at.chain) as SourceRef[],
      }),
    ),
    events: events.map(eventFromRow),
  };
  return {
    extraction,
    seq: row.seq,
    contentHash: row.content_hash,
    nearDuplicateOf: row.near_duplicate_of,
    ingestedAt: row.ingested_at,
    input: row.input,
  };
}

// The bucket query has the same shape for every article (one term per band); building it with the query builder each
// time cost more than running it, so its text is compiled once per engine and band count.
const bandQueryTexts = new Map<string, string>();

function bandQuery(db: Executor, bands: number[], minShared: number) {
  return db
    .selectFrom("minhash_bands")
    .select((eb) => ["article_id", eb.fn.countAll<number>().as("shared")])
    .where((eb) => eb.or(bands.map((hash, band) => eb.and([eb("band", "=", band), eb("hash", "=", hash)]))))
    .groupBy("article_id")
    .having((eb) => eb.fn.countAll(), ">=", minShared)
    .orderBy("shared", "desc")
    .orderBy("article_id");
}

/** Articles sharing at least `minShared` LSH buckets with the given band hashes, most shared first. */
export async function findBandCandidates(
  db: Executor,
  bands: number[],
  minShared: number,
): Promise<{ article_id: string; shared: number }[]> {
  if (bands.length === 0) return [];
  const key = `${db.getExecutor().adapter.constructor.name}:${bands.length}`;
  let text = bandQueryTexts.get(key);
  if (text === undefined) {
    const compiled = bandQuery(db, bands, minShared).compile();
    text = compiled.sql;
    bandQueryTexts.set(key, text);
  }
  // Parameters in the order the query names them: each band's number and hash, then the bound on shared buckets.
  const params: number[] = [];
  bands.forEach((hash, band) => params.push(band, hash));
  params.push(minShared);
  const { rows } = await db.executeQuery<{ article_id: string; shared: number }>(CompiledQuery.raw(text, params));
  return rows.map((r) => ({ article_id: r.article_id, shared: Number(r.shared) }));
}

/** Text and dating of the given articles, for the exact near-duplicate check. */
export async function getDuplicateCandidates(db: Executor, ids: string[]): Promise<DuplicateCandidate[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("articles")
    .select(["id", "seq", "text", "minhash", "published", "near_duplicate_of"])
    .where("id", "in", ids)
    .orderBy("seq")
    .execute();
}

/** Points the given originals, and everything already pointing at them, at a new (earlier) original. */
export async function repointNearDuplicates(db: Executor, formerOriginals: string[], original: string): Promise<void> {
  if (formerOriginals.length === 0) return;
  await db
    .updateTable("articles")
    .set({ near_duplicate_of: original })
    .where((eb) => eb.or([eb("id", "in", formerOriginals), eb("near_duplicate_of", "in", formerOriginals)]))
    .where("id", "!=", original)
    .execute();
}

/** An event mention as the extractor produced it, from its stored row. */
export function eventFromRow(ev: Selectable<Database["event_mentions"]>): EventMention {
  return {
    id: ev.id,
    sentence: ev.sentence,
    trigger: { start: ev.trigger_start, end: ev.trigger_end, text: ev.trigger_text },
    type: ev.type,
    cameo: ev.cameo,
    participants: JSON.parse(ev.participants) as string[],
    factuality: ev.factuality as Factuality,
    source: JSON.parse(ev.source) as SourceRef[],
    time: ev.time,
    condition: ev.condition_start !== null && ev.condition_end !== null ? { start: ev.condition_start, end: ev.condition_end } : null,
    stance: ev.stance as Stance,
    background: ev.background === 1,
    place: ev.place,
  };
}
