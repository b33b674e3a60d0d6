// The reads a server keeps per store version and works out off its request thread, each answered as the JSON text it
// sends (so the answering thread never takes the result apart again).
import type { ClaimStatus, Store } from "../store/index.js";
import { readClaimsPage } from "./ledger.js";
import { readQuestionPage } from "./question-page.js";
import { replayQuestion, summarizeQuestions } from "./questions.js";
import { search } from "./search.js";
import { readStoriesOverview } from "./story-page.js";

/** One kept read: which route, with its already checked arguments. */
export type ReadRequest =
  | { kind: "stories"; limit: number; offset: number }
  | { kind: "claims"; story?: string; status?: ClaimStatus; limit: number; offset: number }
  | { kind: "questions" }
  | { kind: "question"; id: string; asOf?: string }
  | { kind: "replay"; id: string; from: string; to: string; step: number }
  | { kind: "search"; q: string; limit: number; offset: number };

/** A read's answer: its status, its JSON body (text as worked out, bytes once kept), and for a paged list the total. */
export interface ReadResult {
  status: number;
  body: string | Buffer;
  total?: number;
}

const ok = (value: unknown, total?: number): ReadResult => ({ status: 200, body: JSON.stringify(value), ...(total === undefined ? {} : { total }) });
// The route names what is missing in its own words.
const missing: ReadResult = { status: 404, body: "" };

/** Works out one read against the store as it stands. */
export async function computeRead(store: Store, req: ReadRequest): Promise<ReadResult> {
  switch (req.kind) {
    case "stories": {
      const all = await readStoriesOverview(store.db);
      return ok(all.slice(req.offset, req.offset + req.limit), all.length);
    }
    case "claims": {
      const page = await readClaimsPage(store.db, { storyId: req.story, status: req.status, limit: req.limit, offset: req.offset });
      return ok(page.claims, page.total);
    }
    case "questions":
      return ok(await summarizeQuestions(store));
    case "question": {
      const page = await readQuestionPage(store, req.id, req.asOf);
      return page ? ok(page) : missing;
    }
    case "replay": {
      const points = await replayQuestion(store.db, req.id, req.from, req.to, req.step);
      return points ? ok(points) : missing;
    }
    case "search":
      return ok(await search(store.db, req.q, req.limit, req.offset));
  }
}
