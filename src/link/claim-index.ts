// The claims an ingest run may link to, held in memory by type and participant, so that finding coreference candidates
// costs no query per event. Pure: the caller loads each type's claims once and reports every change it writes.
import type { ClaimKey } from "./claims.js";
import { addDays } from "./time-range.js";

interface TypeIndex {
  claims: Map<string, ClaimKey>;
  byParticipant: Map<string, Set<string>>;
}

/** Which claims an event is compared with. */
export interface CandidateQuery {
  type: string;
  /** Claims sharing one of these participants; null for every claim of the type. */
  participants: string[] | null;
  /** The report's publication day; claims last reported more than `lookbackDays` before it are left out. */
  published: string | null;
  lookbackDays: number;
  /** At most this many claims: the most recently reported ones. */
  limit: number;
}

export class ClaimIndex {
  private readonly types = new Map<string, TypeIndex>();

  /** Whether the claims of `type` have been loaded. */
  has(type: string): boolean {
    return this.types.has(type);
  }

  /** Takes in every stored claim of one type. */
  load(type: string, claims: ClaimKey[]): void {
    this.types.set(type, { claims: new Map(), byParticipant: new Map() });
    for (const c of claims) this.put(c);
  }

  /** Adds a claim, or replaces the stored one with the same id (its participants may have grown). */
  put(claim: ClaimKey): void {
    const t = this.types.get(claim.type);
    if (!t) return; // Not loaded: the claim is read from the store with the rest of its type when first needed.
    const old = t.claims.get(claim.id);
    if (old) for (const p of old.participants) t.byParticipant.get(p)?.delete(old.id);
    t.claims.set(claim.id, claim);
    for (const p of claim.participants) {
      const set = t.byParticipant.get(p);
      if (set) set.add(claim.id);
      else t.byParticipant.set(p, new Set([claim.id]));
    }
  }

  /**
   * Claims of the type that share a participant with the event (or all of them) and were reported within the look-back
   * window: the `limit` most recently reported, earliest first reported first (undated last), ties by id.
   */
  candidates(q: CandidateQuery): ClaimKey[] {
    const t = this.types.get(q.type);
    if (!t) return [];
    const from = q.published ? addDays(q.published, -q.lookbackDays) : null;
    let ids: Iterable<string>;
    if (q.participants === null) ids = t.claims.keys();
    else {
      const shared = new Set<string>();
      for (const p of q.participants) for (const id of t.byParticipant.get(p) ?? []) shared.add(id);
      ids = shared;
    }
    let found: ClaimKey[] = [];
    for (const id of ids) {
      const c = t.claims.get(id)!;
      if (from === null || c.lastReported === null || c.lastReported >= from) found.push(c);
    }
    if (found.length > q.limit) found = found.sort((a, b) => compareDesc(a.lastReported, b.lastReported) || compare(a.id, b.id)).slice(0, q.limit);
    return found.sort((a, b) => compareNullsLast(a.firstReported, b.firstReported) || compare(a.id, b.id));
  }

  /** Forgets everything: the store changed in a way this index did not see. */
  clear(): void {
    this.types.clear();
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareNullsLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(a, b));
// Newest first; an undated claim sorts last.
const compareDesc = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(b, a));
