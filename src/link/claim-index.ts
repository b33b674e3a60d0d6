// The claims an ingest run may link to, held in memory by type, so that finding coreference candidates costs no query
// per event. Pure: the caller loads each type's claims once and reports every change it writes. Claims are kept
// prepared for matching: what matching derives from a claim is worked out once per version of it, not once per event.
import type { ClaimKey } from "../domain/ledger.js";
import { addDays, dateNumber } from "../domain/calendar.js";
import { DEFAULT_LINK_OPTIONS, prepareClaim, type LinkOptions, type PreparedClaim } from "./03-coreference.js";

interface TypeIndex {
  claims: Map<string, PreparedClaim>;
  /** Dated claims, most recently reported first (ties by id): a look-back scan stops at the window's edge. */
  recent: PreparedClaim[];
  /** Claims never dated by a report, which every window admits. */
  undated: Set<string>;
  /** Claims by their exact participant set. */
  bySet: Map<string, Set<PreparedClaim>>;
  /** Claims by each of their participants (the claims themselves: matching reads them with no lookup by id). */
  byParticipant: Map<string, Set<PreparedClaim>>;
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

const setKey = (participants: string[]) => [...new Set(participants)].sort().join("\u0000");

// Newest first, then by id; the order of `recent`. Days compare as numbers when both are plain dates, which order
// as the text does (see reportedBefore).
function before(a: PreparedClaim, b: PreparedClaim): boolean {
  if (!Number.isNaN(a.lastDay) && !Number.isNaN(b.lastDay)) return a.lastDay > b.lastDay || (a.lastDay === b.lastDay && a.claim.id < b.claim.id);
  const x = a.claim;
  const y = b.claim;
  return x.lastReported! > y.lastReported! || (x.lastReported === y.lastReported && x.id < y.id);
}

// True when the claim was last reported before `from` (the look-back window's first day, also given as a number),
// compared as numbers when both are plain dates, so that the claim itself is not read.
function reportedBefore(c: PreparedClaim, from: string, fromDay: number): boolean {
  if (!Number.isNaN(c.lastDay) && !Number.isNaN(fromDay)) return c.lastDay < fromDay;
  return c.claim.lastReported !== null && c.claim.lastReported < from;
}

function heldBefore(holders: Set<PreparedClaim>[], i: number, c: PreparedClaim): boolean {
  for (let j = 0; j < i; j++) if (holders[j].has(c)) return true;
  return false;
}

export class ClaimIndex {
  private readonly types = new Map<string, TypeIndex>();

  /** `opts`: the options claims are matched under. */
  constructor(private readonly opts: LinkOptions = DEFAULT_LINK_OPTIONS) {}

  /** Whether the claims of `type` have been loaded. */
  has(type: string): boolean {
    return this.types.has(type);
  }

  /** Takes in every stored claim of one type. The claims must not be changed afterwards (see `put`). */
  load(type: string, claims: ClaimKey[]): void {
    const t: TypeIndex = { claims: new Map(), recent: [], undated: new Set(), bySet: new Map(), byParticipant: new Map() };
    this.types.set(type, t);
    for (const claim of claims) {
      const c = prepareClaim(claim, this.opts);
      t.claims.set(claim.id, c);
      if (claim.lastReported === null) t.undated.add(claim.id);
      else t.recent.push(c);
      this.addToSet(t, c);
    }
    t.recent.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /**
   * Adds a claim, or replaces the stored one with the same id (its participants and dates may have changed). The
   * index keeps the object as it was given, prepared for matching: a claim that changes is put again as a new object,
   * never changed in place.
   */
  put(claim: ClaimKey): void {
    const t = this.types.get(claim.type);
    if (!t) return; // Not loaded: the claim is read from the store with the rest of its type when first needed.
    const old = t.claims.get(claim.id);
    if (old) {
      t.bySet.get(setKey(old.claim.participants))?.delete(old);
      for (const p of old.claim.participants) t.byParticipant.get(p)?.delete(old);
      if (old.claim.lastReported === null) t.undated.delete(old.claim.id);
      else t.recent.splice(this.position(t, old), 1);
    }
    const c = prepareClaim(claim, this.opts);
    t.claims.set(claim.id, c);
    this.addToSet(t, c);
    if (claim.lastReported === null) t.undated.add(claim.id);
    else t.recent.splice(this.position(t, c), 0, c);
  }

  /**
   * Claims of the type that share a participant with the event (or all of them) and were reported within the look-back
   * window: the `limit` most recently reported, in no particular order (matching breaks its own ties).
   */
  candidates(q: CandidateQuery): PreparedClaim[] {
    const t = this.types.get(q.type);
    if (!t) return [];
    const from = q.published ? addDays(q.published, -q.lookbackDays) : null;
    const fromDay = from === null ? Number.NaN : dateNumber(from);
    let found: PreparedClaim[] = [];
    const holders = q.participants?.map((p) => t.byParticipant.get(p)).filter((h) => h !== undefined) ?? null;
    const held = holders?.reduce((n, h) => n + h.size, 0) ?? Number.POSITIVE_INFINITY;
    if (holders && held <= 4 * q.limit) {
      // Few claims share a participant: take them all, each once, in the order first met, then keep the newest if
      // there are too many. A claim held by an earlier participant was met there already.
      for (let i = 0; i < holders.length; i++) {
        for (const c of holders[i]) {
          if (from !== null && reportedBefore(c, from, fromDay)) continue;
          if (i > 0 && heldBefore(holders, i, c)) continue;
          found.push(c);
        }
      }
      if (found.length > q.limit) found = found.sort((a, b) => (a.claim.lastReported === null ? 1 : b.claim.lastReported === null ? -1 : before(a, b) ? -1 : 1)).slice(0, q.limit);
    } else {
      // Many do (or all are wanted): walk the claims newest first and stop at the window's edge or the limit.
      const wanted = q.participants === null ? null : new Set(q.participants);
      const shares = (c: PreparedClaim) => wanted === null || c.claim.participants.some((p) => wanted.has(p));
      for (const c of t.recent) {
        if (found.length >= q.limit || (from !== null && reportedBefore(c, from, fromDay))) break;
        if (shares(c)) found.push(c);
      }
      for (const id of [...t.undated].sort()) {
        if (found.length >= q.limit) break;
        const c = t.claims.get(id)!;
        if (shares(c)) found.push(c);
      }
    }
    return found;
  }

  /** Claims of the type with exactly these participants. */
  withParticipants(type: string, participants: string[]): ClaimKey[] {
    const t = this.types.get(type);
    if (!t) return [];
    return [...(t.bySet.get(setKey(participants)) ?? [])].map((c) => c.claim);
  }

  /** Forgets everything: the store changed in a way this index did not see. */
  clear(): void {
    this.types.clear();
  }

  private addToSet(t: TypeIndex, c: PreparedClaim): void {
    const key = setKey(c.claim.participants);
    const set = t.bySet.get(key);
    if (set) set.add(c);
    else t.bySet.set(key, new Set([c]));
    for (const p of c.claim.participants) {
      const holders = t.byParticipant.get(p);
      if (holders) holders.add(c);
      else t.byParticipant.set(p, new Set([c]));
    }
  }

  // Where a dated claim is (or goes) in `recent`: binary search on (last reported desc, id).
  private position(t: TypeIndex, c: PreparedClaim): number {
    let lo = 0;
    let hi = t.recent.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(t.recent[mid], c)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
