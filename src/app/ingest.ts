// Ingest use case: load → skip exact duplicates → extract → find near-duplicates → store and link, one transaction per article.
import { createHash } from "node:crypto";
import type { Extraction } from "../domain/extraction.js";
import { extract } from "../extract/index.js";
import { contentId } from "../extract/ids.js";
import { loadInputs, type LoadOptions, type LoadResult } from "../ingest/index.js";
import {
  SCHEME,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  MIN_ESTIMATE,
  fingerprint,
  isNearDuplicate,
  MIN_SHARED_BANDS,
  pickOriginal,
  shingles,
  type Fingerprint,
} from "../link/near-duplicates.js";
import {
  findArticleByHash,
  findArticleHash,
  findBandCandidates,
  getDuplicateCandidates,
  getMeta,
  insertArticle,
  repointNearDuplicates,
  setMeta,
  type Executor,
  type Store,
} from "../store/index.js";
import { isUniqueViolation } from "../store/dialect.js";
import { linkArticle } from "./link.js";
import { refreshAllQuestions } from "./questions.js";
import { rebuildStoriesIfStale } from "./stories.js";

/** How each stored article is linked into the ledger, inside its transaction. */
export type ArticleLinker = (tx: Executor, articleId: string) => Promise<void>;

/** Settings of one ingest run besides the inputs. */
export interface IngestRunOptions {
  /** Clock for `ingested_at`. */
  now?: () => Date;
  /** The ledger step; defaults to `linkArticle` (claims, origins, stories). */
  link?: ArticleLinker;
}

/** Caller-given metadata for every input, plus the run settings. */
export interface IngestOptions extends LoadOptions, IngestRunOptions {}

/** The contract's ingest summary: new originals, exact duplicates skipped, near-duplicates stored, failed inputs. */
export interface IngestSummary {
  new: number;
  duplicate: number;
  near_duplicate: number;
  failed: { input: string; error: string }[];
}

/** What happened to one document, reported as soon as it is settled. */
export interface IngestEvent {
  outcome: "new" | "duplicate" | "near_duplicate" | "failed";
  input: string;
  /** The stored (or already stored) article id. */
  id?: string;
  /** For near-duplicates, the article it copies. */
  original?: string;
  error?: string;
  /** Documents settled so far, this one included. */
  done: number;
}

/** Why one document was not stored. */
class InputError extends Error {}

const META_SCHEME = "near_duplicates.scheme";

/** SHA-256 of the body with Unicode, line ends and runs of white space normalised: equal texts, equal hash. */
export function contentHash(text: string): string {
  const normalised = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalised).digest("hex");
}

/** Ingests files, folders, URLs and "-" (stdin) into the store. */
export async function ingestInputs(
  store: Store,
  inputs: string[],
  opts: IngestOptions = {},
  onProgress?: (event: IngestEvent) => void,
): Promise<IngestSummary> {
  const { now, link, ...loadOpts } = opts;
  return ingestResults(store, loadInputs(inputs, loadOpts), { now, link }, onProgress);
}

/** Ingests already loaded documents (or load failures), in order. */
export async function ingestResults(
  store: Store,
  results: AsyncIterable<LoadResult> | Iterable<LoadResult>,
  opts: IngestRunOptions = {},
  onProgress?: (event: IngestEvent) => void,
): Promise<IngestSummary> {
  await checkScheme(store.db);
  const now = opts.now ?? (() => new Date());
  const link = opts.link ?? linkArticle;
  const summary: IngestSummary = { new: 0, duplicate: 0, near_duplicate: 0, failed: [] };
  let done = 0;
  for await (const result of results) {
    let event: Omit<IngestEvent, "done">;
    if (!result.ok) {
      event = { outcome: "failed", input: result.input, error: result.error };
    } else {
      try {
        event = await ingestOne(store, result.doc.input, result.doc.article, now, link);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        event = { outcome: "failed", input: result.doc.input, error: err.message };
      }
    }
    if (event.outcome === "failed") summary.failed.push({ input: event.input, error: event.error ?? "failed" });
    else summary[event.outcome]++;
    done++;
    onProgress?.({ ...event, done });
  }
  // Stories and forecasts are derived from everything stored: regroup and recompute once per run, not per article.
  if (await rebuildStoriesIfStale(store)) await refreshAllQuestions(store);
  return summary;
}

// Signatures from different shingling or hashing parameters cannot be compared; refuse to mix them in one store.
async function checkScheme(db: Executor): Promise<void> {
  const stored = await getMeta(db, META_SCHEME);
  if (stored === undefined) await setMeta(db, META_SCHEME, SCHEME);
  else if (stored !== SCHEME) {
    throw new Error(`this store's near-duplicate fingerprints use scheme ${stored}, this version uses ${SCHEME}`);
  }
}

async function ingestOne(
  store: Store,
  input: string,
  article: Parameters<typeof extract>[0],
  now: () => Date,
  link: ArticleLinker,
): Promise<Omit<IngestEvent, "done">> {
  const hash = contentHash(article.text);
  const existing = await findArticleByHash(store.db, hash);
  if (existing) return { outcome: "duplicate", input, id: existing.id };

  const id = article.id ?? contentId(article.text);
  if ((await findArticleHash(store.db, id)) !== undefined) {
    throw new InputError(`article id ${id} is already stored with a different text`);
  }

  let extraction: Extraction;
  try {
    extraction = extract({ ...article, id });
  } catch (err) {
    throw new InputError(`extraction failed: ${err instanceof Error ? err.message : String(err)}`);
  }

  const fp = fingerprint(article.text);
  const decision = await nearDuplicateOf(store.db, fp, extraction.article.published);
  try {
    await store.transaction(async (tx) => {
      await insertArticle(tx, extraction, {
        contentHash: hash,
        minhash: encodeSignature(fp.signature),
        bands: fp.bands,
        nearDuplicateOf: decision.original,
        ingestedAt: now().toISOString(),
        input,
      });
      await repointNearDuplicates(tx, decision.repoint, id);
      try {
        await link(tx, id);
      } catch (err) {
        // A linking fault costs this article (rolled back, reported), not the rest of the batch.
        throw new InputError(`linking failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  } catch (err) {
    // Another writer stored the same text between the check above and this transaction.
    if (isUniqueViolation(err)) {
      const stored = await findArticleByHash(store.db, hash);
      if (stored) return { outcome: "duplicate", input, id: stored.id };
      throw new InputError(`article id ${id} is already stored with a different text`);
    }
    throw err;
  }
  if (decision.original !== null) return { outcome: "near_duplicate", input, id, original: decision.original };
  return { outcome: "new", input, id };
}

// Stored articles sharing LSH buckets are checked exactly; the earliest published original among the matches wins.
async function nearDuplicateOf(
  db: Executor,
  fp: Fingerprint,
  published: string | null,
): Promise<{ original: string | null; repoint: string[] }> {
  const buckets = await findBandCandidates(db, fp.bands, MIN_SHARED_BANDS);
  if (buckets.length === 0) return { original: null, repoint: [] };
  const candidates = await getDuplicateCandidates(
    db,
    buckets.map((b) => b.article_id),
  );
  const matches = candidates.filter(
    (c) =>
      estimateJaccard(fp.signature, decodeSignature(c.minhash)) >= MIN_ESTIMATE &&
      isNearDuplicate(fp.shingles, shingles(c.text)),
  );
  if (matches.length === 0) return { original: null, repoint: [] };
  const rootIds = [...new Set(matches.map((m) => m.near_duplicate_of ?? m.id))];
  const roots = await getDuplicateCandidates(db, rootIds);
  return pickOriginal({ id: "", published, seq: Number.POSITIVE_INFINITY }, roots);
}
