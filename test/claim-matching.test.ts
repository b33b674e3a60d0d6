import { describe, expect, it } from "vitest";
import { rng as random } from "../bench/ingest.js";
import type { EventMention, Factuality } from "../src/domain/extraction.js";
import { loadData } from "../src/extract/resources.js";
import { ClaimIndex } from "../src/link/claim-index.js";
import {
  bestClaim,
  bestPrepared,
  matchScore,
  participantsCompatible,
  polarityOf,
  prepareClaim,
  timesCompatible,
  DEFAULT_LINK_OPTIONS,
  type CandidateEvent,
  type ClaimKey,
  type EntityFacts,
  type LinkOptions,
} from "../src/link/claims.js";
import { addDays, dateNumber, dayRange, overlaps, rangeWidth } from "../src/domain/calendar.js";

const COUNTRY: Record<string, string> = {
  "person:donald-trump": "country:US",
  "person:kim-jong-un": "country:KP",
  "person:mike-pompeo": "country:US",
  "person:moon-jae-in": "country:KR",
};
const facts: EntityFacts = { countryOf: (id) => COUNTRY[id] ?? (id.startsWith("country:") ? id : null) };
const stances = new Set(loadData<{ stance_types: string[] }>("lexicons/intent.json").stance_types);

// The matching rules as they read when every comparison worked everything out from the claim's and the event's text.
// Prepared claims (days worked out once, compared as numbers) must score every pair exactly as these do.
function timesAsText(claim: ClaimKey, c: CandidateEvent, opts: LinkOptions): boolean {
  const a = dayRange(claim.eventTime);
  const b = dayRange(c.event.time);
  if (c.event.time === "FUTURE_REF" && a && c.published && a.from <= c.published) return false;
  if (c.event.time === "PAST_REF" && a && c.published && a.from > c.published) return false;
  if (a && b) {
    const slack = rangeWidth(a) <= 7 && rangeWidth(b) <= 7 ? opts.slackDays : 0;
    return overlaps({ from: addDays(a.from, -slack), to: addDays(a.to, slack) }, b);
  }
  const windowDays = stances.has(claim.type) ? opts.lookbackDays : opts.windowDays;
  const window = claim.firstReported && claim.lastReported ? { from: addDays(claim.firstReported, -windowDays), to: addDays(claim.lastReported, windowDays) } : null;
  if (!window) return true;
  if (b) return overlaps(window, b);
  if (a && c.published) return overlaps({ from: addDays(a.from, -opts.windowDays * 4), to: addDays(a.to, opts.windowDays) }, { from: c.published, to: c.published });
  if (!c.published) return true;
  return overlaps(window, { from: c.published, to: c.published });
}

function polarityAsText(claim: ClaimKey, event: EventMention): boolean {
  if (!claim.polarity || polarityOf(event.factuality) === claim.polarity) return true;
  if (claim.polarity !== "+") return false;
  const day = dayRange(claim.eventTime);
  return claim.status === "confirmed" || (claim.status === "denied" && !!day && day.from === day.to);
}

function scoreAsText(claim: ClaimKey, c: CandidateEvent, opts: LinkOptions): number {
  if (claim.type !== c.event.type) return -1;
  if (!polarityAsText(claim, c.event)) return -1;
  if (!participantsCompatible(claim.participants, c.event.participants, facts, c.published)) return -1;
  if (!timesAsText(claim, c, opts)) return -1;
  const shared = c.event.participants.filter((p) => claim.participants.includes(p)).length;
  const unshared = new Set([...c.event.participants, ...claim.participants]).size - shared;
  const both = dayRange(claim.eventTime) && dayRange(c.event.time) ? 1 : 0;
  return Math.max(0, shared * 4 - unshared * 2 + both);
}

function bestAsText(candidates: ClaimKey[], c: CandidateEvent, opts: LinkOptions): ClaimKey | null {
  let best: ClaimKey | null = null;
  let bestScore = -1;
  const recent = (k: ClaimKey) => k.lastReported ?? "";
  for (const claim of candidates) {
    const s = scoreAsText(claim, c, opts);
    const tie = s === bestScore && s >= 0 && best && (recent(claim) > recent(best) || (recent(claim) === recent(best) && claim.id < best.id));
    if (s > bestScore || tie) {
      best = claim;
      bestScore = s;
    }
  }
  return bestScore >= 0 ? best : null;
}

// Values that reach matching, odd ones included: impossible dates ("2018-02-30" is normalised by date arithmetic,
// "2018-13-01" is not a date at all), timestamps for days, empty and missing dates, repeated participants. Days are
// also drawn from a few months, so that a day often falls right on the edge of a window.
const TIMES = ["2018-06", "2018-05", "2018-W24", "2018-W24-WE", "2018-Q2", "2018-SU", "2018-H1", "2018", "FUTURE_REF", "PAST_REF", "PRESENT_REF", null, "2018-02-30", "2018-13-01", "2018-06-12T10:00"];
const PUBLISHED = ["2018-06-12T09:00:00Z", "", null];
const REPORTED = ["2018-06-12T09:00:00Z", null];
const PARTICIPANTS = [
  ["person:donald-trump", "person:kim-jong-un"],
  ["country:US", "country:KP"],
  ["person:donald-trump"],
  ["person:mike-pompeo", "person:kim-jong-un"],
  ["person:kim-jong-un", "person:donald-trump", "person:moon-jae-in"],
  ["person:donald-trump", "person:donald-trump", "person:kim-jong-un"],
];
const FACTUALITY: Factuality[] = ["CT+", "CT-", "PR+", "PS-"];
const OPTIONS: LinkOptions[] = [DEFAULT_LINK_OPTIONS, { windowDays: 10, slackDays: 3, lookbackDays: 100 }];

function generator(seed: number) {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  // Mostly a day between April and August 2018, now and then written with its time of day.
  const day = () => {
    const d = addDays("2018-04-01", Math.floor(r() * 150));
    return r() < 0.1 ? `${d}T09:00:00Z` : d;
  };
  const dated = (odd: readonly (string | null)[]) => (r() < 0.6 ? day() : pick(odd));
  let n = 0;
  const claim = (): ClaimKey => ({
    id: `c${n++}`,
    type: pick(["meet", "intend_meet", "visit"]),
    participants: pick(PARTICIPANTS),
    eventTime: dated(TIMES),
    firstReported: dated(REPORTED),
    lastReported: dated(REPORTED),
    polarity: pick(["+", "-", undefined] as const),
    status: pick(["reported", "corroborated", "confirmed", "denied", undefined]),
  });
  const candidate = (): CandidateEvent => ({
    event: { id: "e1", sentence: 0, trigger: { start: 0, end: 4, text: "meet" }, type: pick(["meet", "intend_meet", "visit"]), cameo: null, participants: pick(PARTICIPANTS), factuality: pick(FACTUALITY), source: [], time: dated(TIMES), condition: null },
    published: dated(PUBLISHED),
  });
  return { claim, candidate, pick };
}

describe("prepared claims", () => {
  it("score every claim and event as the rules read on the text", () => {
    const { claim, candidate } = generator(7);
    for (let i = 0; i < 20_000; i++) {
      const k = claim();
      const c = candidate();
      for (const opts of OPTIONS) {
        expect(matchScore(k, c, facts, opts)).toBe(scoreAsText(k, c, opts));
        expect(timesCompatible(k, c, opts)).toBe(timesAsText(k, c, opts));
      }
    }
  });

  it("pick the same claim among many, ties included", () => {
    const { claim, candidate, pick } = generator(11);
    for (let i = 0; i < 2_000; i++) {
      const c = candidate();
      // Claims of the event's type about its participants, so that many fit and ties are broken often.
      const pool = Array.from({ length: 12 }, () => ({ ...claim(), type: c.event.type, participants: pick([c.event.participants, ...PARTICIPANTS]) }));
      for (const opts of OPTIONS) expect(bestClaim(pool, c, facts, opts)?.id).toBe(bestAsText(pool, c, opts)?.id);
    }
  });

  it("are compared as numbers only where those order as the text does", () => {
    const { pick } = generator(3);
    const days = ["2018-06-12", "2018-06-02", "2018-12-01", "2019-01-01", "0999-12-31", "2018-02-30", "2018-13-01", "2018-06-12T09:00:00Z", "2018-6-1", "NaN-NaN-NaN", "10000-01-01", ""];
    for (let i = 0; i < 2_000; i++) {
      const a = pick(days);
      const b = pick(days);
      if (Number.isNaN(dateNumber(a)) || Number.isNaN(dateNumber(b))) continue;
      expect(dateNumber(a) < dateNumber(b)).toBe(a < b);
      expect(dateNumber(a) === dateNumber(b)).toBe(a === b);
    }
    expect(["2018-06-12T09:00:00Z", "2018-6-1", "2018-0a-12", " 2018-06-1", "NaN-NaN-NaN", "10000-01-01", ""].map(dateNumber).every(Number.isNaN)).toBe(true);
  });

  it("hold the claim as it was prepared: a claim put again in the index is matched as it is now", () => {
    const index = new ClaimIndex();
    const trumpKim = ["person:donald-trump", "person:kim-jong-un"];
    const summit: ClaimKey = { id: "c1", type: "meet", participants: trumpKim, eventTime: "2018-06-12", firstReported: "2018-05-10", lastReported: "2018-06-01" };
    index.load("meet", [summit]);
    const report = (time: string | null, published: string): CandidateEvent => ({
      event: { id: "e1", sentence: 0, trigger: { start: 0, end: 4, text: "meet" }, type: "meet", cameo: null, participants: trumpKim, factuality: "CT+", source: [], time, condition: null },
      published,
    });
    const best = (c: CandidateEvent) => bestPrepared(index.candidates({ type: "meet", participants: trumpKim, published: c.published, lookbackDays: 365, limit: 200 }), c, facts)?.claim.id ?? null;
    expect(best(report("2018-06-13", "2018-06-02"))).toBe("c1");
    expect(best(report("2018-09-20", "2018-09-21"))).toBeNull();
    // The summit moved to September: the index is given the claim again, as a new object.
    index.put({ ...summit, eventTime: "2018-09-20", lastReported: "2018-09-01" });
    expect(best(report("2018-06-13", "2018-06-02"))).toBeNull();
    expect(best(report("2018-09-20", "2018-09-21"))).toBe("c1");
    // Denials join only a confirmed claim: a prepared claim reads the status it had when prepared.
    const told = report(null, "2018-06-05");
    const denial: CandidateEvent = { ...told, event: { ...told.event, factuality: "CT-" } };
    expect(bestPrepared([prepareClaim({ ...summit, polarity: "+", status: "reported" })], denial, facts)).toBeNull();
    expect(bestPrepared([prepareClaim({ ...summit, polarity: "+", status: "confirmed" })], denial, facts)?.claim.id).toBe("c1");
  });
});
