// The reads a server keeps per store version and works out off its request thread, each answered as the JSON text it
// sends (so the answering thread never takes the result apart again).
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { ClaimStatus, Store } from "../store/index.js";
import { getQuestion } from "../store/questions.js";
import { pathRange, type RangeAsked } from "./question-range.js";
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
  | { kind: "replay"; id: string; range: RangeAsked; today: string }
  | { kind: "search"; q: string; limit: number; offset: number };

/**
 * A read's answer: its status, its JSON body (text as worked out, bytes once kept), for a paged list the total, and
 * for a request the read refused (400) what is wrong with it.
 */
export interface ReadResult {
  status: number;
  body: string | Buffer;
  total?: number;
  problem?: string;
}

/**
 * A read as kept: its body as the bytes sent, gzipped once for the clients that take it (browsers all do), which
 * sends a tenth of the bytes of a long list, and the entity tag of an answer (200), by which a client that has these
 * bytes already is answered 304 without them.
 */
export interface KeptRead extends ReadResult {
  body: Buffer;
  gzip: Buffer | null;
  etag: string | null;
}

// Bodies shorter than this are sent as they are.
const GZIP_FROM_BYTES = 1024;

/** Turns a worked-out read into the bytes it is kept as (on the thread that worked it out). */
export function keepRead(r: ReadResult): KeptRead {
  const body = Buffer.from(r.body);
  return { ...r, body, gzip: body.length >= GZIP_FROM_BYTES ? gzipSync(body, { level: 6 }) : null, etag: r.status === 200 ? entityTag(body, r.total) : null };
}

/**
 * The entity tag of an answer: a digest of its JSON text and of the list's total, which is sent beside it. Weak
 * (`W/`), as it names the answer whether it is sent gzipped or as it is.
 */
export function entityTag(body: Buffer, total?: number): string {
  const hash = createHash("sha1").update(body);
  if (total !== undefined) hash.update(`\u0000${total}`);
  return `W/"${hash.digest("base64url")}"`;
}

/** Whether an If-None-Match header names the entity tag `etag` (or is `*`), compared weakly as for a GET. */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const want = opaque(etag);
  return String(header)
    .split(",")
    .some((tag) => tag.trim() === "*" || opaque(tag) === want);
}

/** A kept read as it arrives from another thread: its bytes as Buffers again (a message carries plain byte arrays). */
export function asKept(r: KeptRead): KeptRead {
  const buf = (u: Uint8Array) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
  return { ...r, body: buf(r.body), gzip: r.gzip && buf(r.gzip) };
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
      const stored = await getQuestion(store.db, req.id);
      if (!stored) return missing;
      const range = pathRange(stored, req.range, req.today);
      if ("problem" in range) return { status: 400, body: "", problem: range.problem };
      const points = await replayQuestion(store.db, req.id, range.from, range.to, range.step);
      return points ? ok(points) : missing;
    }
    case "search":
      return ok(await search(store.db, req.q, req.limit, req.offset));
  }
}
