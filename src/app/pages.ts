// Which web UI paths name a page that exists, so the server can answer a 404 for the rest instead of an empty 200.
import { findArticleHash, getClaim, listStories, type Executor } from "../store/index.js";
import { getQuestion } from "../store/questions.js";
import { getEntity } from "../store/reads.js";

// The UI's pages: fixed paths, and paths naming one stored thing.
const FIXED = new Set(["/", "/stories", "/claims", "/questions", "/actors", "/search", "/read", "/glossary"]);
const ONE: Record<string, (db: Executor, id: string) => Promise<boolean>> = {
  stories: async (db, id) => (await listStories(db)).some((s) => s.id === id),
  claims: async (db, id) => (await getClaim(db, id)) !== undefined,
  questions: async (db, id) => (await getQuestion(db, id)) !== undefined,
  actors: async (db, id) => (await getEntity(db, id)) !== undefined,
  articles: async (db, id) => (await findArticleHash(db, id)) !== undefined,
};

/** True when a UI path ("/claims/c-1a2b…") names a page that exists. */
export async function pageExists(db: Executor, path: string): Promise<boolean> {
  const clean = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (FIXED.has(clean)) return true;
  const m = /^\/([a-z]+)\/([^/]+)$/.exec(clean);
  const test = m ? ONE[m[1]] : undefined;
  if (!m || !test) return false;
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return false;
  }
  return test(db, id);
}
