// Articles and their annotations: written in one go per article, read back as the extraction they came from.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { CompiledQuery } from "kysely";
import type { ArticleMeta, Extraction, SourceRef } from "../domain/extraction.js";
import { EXTRACT_SCHEMA } from "../domain/extraction.js";
import type { Executor } from "./index.js";
import { annotationRows, decodeReading, type AnnotationRows, type DecodedReading } from "./annotations.js";
import { NOT_MENTIONED, packSaid, rowDay, statementsOf } from "./said.js";
import { entityNumbers } from "./entity-numbers.js";
import { insertColumnRows, insertRows } from "./rows.js";
import { indexArticle } from "./search.js";
import { packSources, readSources } from "./sources.js";
import { packContentHash, unpackContentHash } from "./content-hash.js";

/** What ingest knows about an article beyond its extraction. */
export interface ArticleExtras {
  /** SHA-256 (hex) of the normalised body; unique across the store. */
  contentHash: string;
  /** MinHash signature; kept as the low 16 bits of each value (see `packSignature`). */
  signature?: Uint32Array;
  /** LSH bucket hash of each band of the signature, indexed by band. */
  bands: number[];
  nearDuplicateOf: string | null;
  ingestedAt: string;
  /** The file, URL or stream the article came from. */
  input: string | null;
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
  /** Its stored signature (`packSignature`). */
  minhash: Uint8Array;
  published: string | null;
  near_duplicate_of: string | null;
}

/**
 * A MinHash signature as stored: the low 16 bits of each value, two bytes each. Two values agree by chance once in
 * 65,536, so the share of agreeing values still estimates Jaccard similarity (high by at most that much), at half the
 * size. Empty when not given.
 */
export function packSignature(sig: Uint32Array | undefined): Uint8Array {
  if (!sig) return new Uint8Array(0);
  const out = new Uint8Array(sig.length * 2);
  for (let i = 0; i < sig.length; i++) {
    out[2 * i] = sig[i] & 0xff;
    out[2 * i + 1] = (sig[i] >>> 8) & 0xff;
  }
  return out;
}

/** A stored signature's values (16 bits each), or null when none was stored (or it is in a former layout). */
export function unpackSignature(bytes: Uint8Array, length: number): Uint32Array | null {
  if (bytes.byteLength !== length * 2) return null;
  const out = new Uint32Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  return out;
}

/** An article's body as stored: deflated. */
export function packText(text: string): Uint8Array {
  return deflateRawSync(text);
}

/** A stored article's body, from whichever column holds it. */
export function articleText(row: { text: string; body: Uint8Array | null }): string {
  return row.body ? inflateRawSync(row.body).toString("utf8") : row.text;
}

// Story features are no longer stored (the story grouping works them out from the text); what follows reads and writes
// the layout stores kept them in before, for the migrations that convert such stores.
//
// Story features are a JSON list of [term, weight] (`encodeStoryFeatures`): ~170 terms an article, most of them words
// of the article itself, and a few dozen distinct weights written out in 17 digits each. Stored compact, they are laid
// out as the distinct weights (8 bytes each), one byte a term naming its weight, and the terms a line each, deflated
// against the article's own title and text (lowercased, as the terms are): ~1.05 KB a generated article against
// ~1.4 KB for the JSON deflated alone. A first byte no deflate stream starts with (block type 3 is reserved) marks
// the layout.
const COMPACT_FEATURES = 0x07;

// The deflate dictionary for an article's story features: the words the terms are made of.
function featureDictionary(article: { title: string | null; text: string }): Buffer | undefined {
  const words = `${article.title ?? ""}\n${article.text}`.toLowerCase();
  // zlib looks back 32 KiB at most; it would use only the end of a longer dictionary, so it is given only that.
  const dictionary = Buffer.from(words, "utf8");
  const tail = dictionary.byteLength > 32768 ? dictionary.subarray(dictionary.byteLength - 32768) : dictionary;
  return tail.byteLength > 0 ? tail : undefined;
}

// The compact layout of `encodeStoryFeatures` output, or null when it does not fit it (then the JSON is kept as is).
function compactFeatures(terms: string): Buffer | null {
  let parsed: { v?: unknown; terms?: unknown };
  try {
    parsed = JSON.parse(terms) as typeof parsed;
  } catch {
    return null;
  }
  const { v, terms: list } = parsed;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 255 || !Array.isArray(list)) return null;
  const weights: number[] = [];
  const index = new Map<number, number>();
  const picks = Buffer.alloc(list.length);
  const names: string[] = [];
  for (const [i, item] of list.entries()) {
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== "string" || typeof item[1] !== "number") return null;
    const [name, weight] = item as [string, number];
    if (name.includes("\n")) return null;
    let k = index.get(weight);
    if (k === undefined) {
      if (weights.length === 256) return null;
      index.set(weight, (k = weights.length));
      weights.push(weight);
    }
    picks[i] = k;
    names.push(name);
  }
  const head = Buffer.alloc(6 + 8 * weights.length);
  head[0] = v;
  head.writeUInt32LE(list.length, 1);
  head[5] = weights.length - 1;
  weights.forEach((w, k) => head.writeDoubleLE(w, 6 + 8 * k));
  const out = Buffer.concat([head, picks, Buffer.from(names.join("\n"), "utf8")]);
  // Kept compact only when it gives back the very string it was given.
  return expandFeatures(out) === terms ? out : null;
}

function expandFeatures(data: Buffer): string {
  const n = data.readUInt32LE(1);
  const weights: number[] = [];
  const count = n === 0 ? 0 : data[5] + 1;
  for (let k = 0; k < count; k++) weights.push(data.readDoubleLE(6 + 8 * k));
  const at = 6 + 8 * count;
  const names = n === 0 ? [] : data.subarray(at + n).toString("utf8").split("\n");
  return JSON.stringify({ v: data[0], terms: names.map((name, i) => [name, weights[data[at + i]]]) });
}

/** Story features as stored: compact and deflated against the article's own text (see above), else deflated. */
export function packStoryTerms(terms: string, article: { title: string | null; text: string }): Uint8Array {
  const compact = compactFeatures(terms);
  if (!compact) return deflateRawSync(terms);
  const dictionary = featureDictionary(article);
  const packed = deflateRawSync(compact, dictionary ? { dictionary } : {});
  return Buffer.concat([Buffer.from([COMPACT_FEATURES]), packed]);
}

/** Whether stored story features are in the compact layout (`packStoryTerms`). */
export function storyTermsCompact(stored: Uint8Array): boolean {
  return stored.byteLength > 0 && stored[0] === COMPACT_FEATURES;
}

/**
 * Stored story features as `encodeStoryFeatures` wrote them, from whichever column holds them; the compact layout is
 * read against the article's title and text (`body` or `text`).
 */
export function unpackStoryTerms(row: { story_terms: string | null; story_features: Uint8Array | null; title: string | null; text: string; body: Uint8Array | null }): string | null {
  const stored = row.story_features;
  if (!stored) return row.story_terms;
  if (!storyTermsCompact(stored)) return inflateRawSync(stored).toString("utf8");
  const dictionary = featureDictionary({ title: row.title, text: articleText(row) });
  return expandFeatures(inflateRawSync(stored.subarray(1), dictionary ? { dictionary } : {}));
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
      content_hash: packContentHash(extras.contentHash),
      minhash: packSignature(extras.signature),
      title: a.title,
      outlet_id: outlet,
      url: a.url,
      published: a.published,
      published_source: a.published_source ?? null,
      credits: packSources(a.credits ?? []),
      byline: a.byline ?? null,
      language: a.language,
      text: "",
      body: packText(a.text),
      near_duplicate_of: extras.nearDuplicateOf,
      ingested_at: extras.ingestedAt,
      input: extras.input,
    })
    .execute();

  await insertRows(tx, "readings", [{ seq, data: rows.reading }]);
  await insertColumnRows(tx, "entities", rows.entities, { addTo: { key: ["id"], column: "mentions" } });
  await insertColumnRows(tx, "aliases", rows.aliases, { skipExisting: true });
  // The entity page's lists: the articles that mention an entity (undated ones, `UNDATED_ROW`, come last when read newest
  // first) and, in the same row, what the entity said in the article. An entity quoted but not mentioned has a row too.
  const mentioned = new Map<string, number>();
  for (const [entity, , , n] of rows.entities.values) mentioned.set(entity as string, (mentioned.get(entity as string) ?? 0) + Number(n));
  const said = statementsOf(rows.statements);
  const day = rowDay(a.published);
  const entityRows: [string, number, number, number, Uint8Array | null][] = [...mentioned].map(([entity, n]) => [entity, day, seq, n, said.has(entity) ? packSaid(said.get(entity)!) : null]);
  for (const [entity, statements] of said) if (!mentioned.has(entity)) entityRows.push([entity, day, seq, NOT_MENTIONED, packSaid(statements)]);
  // Filed by the entity's number (see store/entity-numbers).
  const numbers = await entityNumbers(tx, entityRows.map((r) => r[0]));
  await insertColumnRows(tx, "entity_articles", { columns: ["entity", "day", "seq", "mentions", "said"], values: entityRows.map(([entity, ...rest]) => [numbers.get(entity)!, ...rest]) });
  await insertColumnRows(tx, "lsh_buckets", { columns: ["band", "hash", "seq"], values: extras.bands.map((hash, band) => [band, hash, seq]) });
  await indexArticle(tx, seq, a.title, a.text);
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
    .where("content_hash", "=", packContentHash(contentHash))
    .executeTakeFirst();
}

/** The content hash stored under an article id, if that id is taken. */
export async function findArticleHash(db: Executor, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("articles").select("content_hash").where("id", "=", id).executeTakeFirst();
  return row && unpackContentHash(row.content_hash);
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
  const text = articleText(row);
  const stored = await db.selectFrom("readings").select("data").where("seq", "=", row.seq).executeTakeFirst();
  const reading: DecodedReading = stored ? decodeReading(stored.data, text) : { sentences: [], entities: [], times: [], attributions: [], events: [] };
  const extraction: Extraction = {
    schema: EXTRACT_SCHEMA,
    article: {
      id: row.id,
      title: row.title,
      outlet: row.outlet_name ?? null,
      url: row.url,
      published: row.published,
      language: row.language,
      text,
      byline: row.byline,
      published_source: row.published_source as Extraction["article"]["published_source"],
      credits: readSources(row.credits),
    },
    ...reading,
  };
  return {
    extraction,
    seq: row.seq,
    contentHash: unpackContentHash(row.content_hash),
    nearDuplicateOf: row.near_duplicate_of,
    ingestedAt: row.ingested_at,
    input: row.input,
  };
}

// The bucket query has the same shape for every article (one term per band); building it with the query builder each
// time cost more than running it, so its text is compiled once per engine and band count.
const bandQueryTexts = new Map<string, string>();

// Bucket rows are counted by article number first; only the articles that share enough are joined to their ids (the
// chance matches of one or two buckets, which grow with the store, never are).
function bandQuery(db: Executor, bands: number[], minShared: number) {
  const shared = db
    .selectFrom("lsh_buckets")
    .select((eb) => ["lsh_buckets.seq", eb.fn.countAll<number>().as("shared")])
    .where((eb) => eb.or(bands.map((hash, band) => eb.and([eb("lsh_buckets.band", "=", band), eb("lsh_buckets.hash", "=", hash)]))))
    .groupBy("lsh_buckets.seq")
    .having((eb) => eb.fn.countAll(), ">=", minShared);
  return db
    .selectFrom(shared.as("b"))
    .innerJoin("articles", "articles.seq", "b.seq")
    .select(["articles.id as article_id", "b.shared"])
    .orderBy("b.shared", "desc")
    .orderBy("articles.id");
}

/**
 * Articles sharing at least `minShared` LSH buckets with the given band hashes, most shared first, at most `limit` of
 * them: in a large store many articles share a bucket or two by chance (common phrases), and a copy shares many.
 */
export async function findBandCandidates(
  db: Executor,
  bands: number[],
  minShared: number,
  limit = 1_000_000,
): Promise<{ article_id: string; shared: number }[]> {
  if (bands.length === 0) return [];
  const key = `${db.getExecutor().adapter.constructor.name}:${bands.length}`;
  let text = bandQueryTexts.get(key);
  if (text === undefined) {
    const compiled = bandQuery(db, bands, minShared).limit(limit).compile();
    text = compiled.sql;
    bandQueryTexts.set(key, text);
  }
  // Parameters in the order the query names them: each band's number and hash, the bound on shared buckets, the limit.
  const params: number[] = [];
  bands.forEach((hash, band) => params.push(band, hash));
  params.push(minShared, limit);
  const { rows } = await db.executeQuery<{ article_id: string; shared: number }>(CompiledQuery.raw(text, params));
  return rows.map((r) => ({ article_id: r.article_id, shared: Number(r.shared) }));
}

/** Text and dating of the given articles, for the exact near-duplicate check. */
export async function getDuplicateCandidates(db: Executor, ids: string[]): Promise<DuplicateCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("articles").select(["id", "seq", "text", "body", "minhash", "published", "near_duplicate_of"]).where("id", "in", ids).orderBy("seq").execute();
  return rows.map(({ body, ...r }) => ({ ...r, text: articleText({ text: r.text, body }) }));
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
