// Story features in a smaller layout: the distinct weights once, a byte a term naming its weight, and the terms deflated
// against the article's own text (see `packStoryTerms`), about three quarters of the bytes of the deflated JSON. Stored
// features are re-encoded in place; features that do not fit the layout are kept as they are.
import type { Kysely } from "kysely";
import { articleText, packStoryTerms, storyTermsCompact, unpackStoryTerms } from "../articles.js";
import { eachPage } from "./pages.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

// Articles re-encoded at a time.
const CHUNK = 200;

type Row = { seq: number; title: string | null; text: string; body: Uint8Array | null; story_terms: string | null; story_features: Uint8Array | null };

/** Re-encodes the stored story features of every article. */
export async function up(db: AnyDb): Promise<void> {
  const page = (after: number): Promise<Row[]> =>
    db.selectFrom("articles").select(["seq", "title", "text", "body", "story_terms", "story_features"]).where("seq", ">", after).orderBy("seq").limit(CHUNK).execute();
  await eachPage(0, page, (r) => r.seq, async (rows) => {
    for (const r of rows) {
      if (!r.story_features || storyTermsCompact(r.story_features)) continue;
      const terms = unpackStoryTerms(r)!;
      const packed = packStoryTerms(terms, { title: r.title, text: articleText(r) });
      if (packed.byteLength < r.story_features.byteLength) await db.updateTable("articles").set({ story_features: packed }).where("seq", "=", r.seq).execute();
    }
  });
}

/** One way: the former layout is not written again (the store reads it still). */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0017_compact_story_features cannot be undone");
}
