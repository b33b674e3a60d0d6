import { describe, expect, it } from "vitest";
import type { EventMention, SourceRef } from "../src/domain/extraction.js";
import type { ClaimKey, ClaimState, LedgerChanges } from "../src/domain/ledger.js";
import { outletEntityOf } from "../src/extract/entity-facts.js";
import type { Reading } from "../src/link/02-readings.js";
import { prepareClaim, type PreparedClaim } from "../src/link/03-coreference.js";
import { linkArticle, type ArticleToLink, type LedgerView } from "../src/link/index.js";

const TRUMP = "person:donald-trump";
const PUTIN = "person:vladimir-putin";
const KIM = "person:kim-jong-un";
const WITKOFF = "person:steve-witkoff";

const src = (text: string, entity: string | null): SourceRef => ({ text, entity });

interface Told {
  text: string;
  trigger: string;
  mention: Partial<EventMention>;
}

/** A stored article of one sentence per entry, each sentence holding one hand-written mention. */
function article(id: string, outlet: string, published: string, told: Told[], over: Partial<ArticleToLink> = {}): ArticleToLink {
  let text = "";
  const sentences: { start: number; end: number }[] = [];
  const events: EventMention[] = [];
  told.forEach((t, i) => {
    const start = text.length;
    text += `${t.text} `;
    sentences.push({ start, end: start + t.text.length });
    const at = start + t.text.indexOf(t.trigger);
    events.push({
      id: `e${i + 1}`,
      sentence: i,
      trigger: { start: at, end: at + t.trigger.length, text: t.trigger },
      type: "meet",
      cameo: null,
      participants: [],
      factuality: "CT+",
      source: [],
      time: null,
      condition: null,
      stance: "occurred",
      background: false,
      place: null,
      ...t.mention,
    });
  });
  return { id, text, outlet, published, sentences, events, near_duplicate_of: null, credits: [], ...over };
}

/** The ledger as the link stage sees it, kept in memory: each linked article's claims and states as they came out. */
class MemoryLedger implements LedgerView {
  readonly keys = new Map<string, ClaimKey>();
  readonly claimStates = new Map<string, ClaimState>();
  private readonly articleOutlets = new Map<string, string | null>();
  constructor(private readonly entityNames = new Map<string, string>()) {}

  async candidates(r: Reading): Promise<readonly PreparedClaim[]> {
    return [...this.keys.values()].filter((c) => c.type === r.type && c.participants.some((p) => r.parties.includes(p))).map((c) => prepareClaim(c));
  }
  async states(ids: string[]): Promise<Map<string, ClaimState>> {
    return new Map(ids.filter((id) => this.claimStates.has(id)).map((id) => [id, this.claimStates.get(id)!]));
  }
  async outlets(ids: string[]) {
    return new Map(ids.filter((id) => this.articleOutlets.has(id)).map((id) => [id, { name: this.articleOutlets.get(id)!, entity: outletEntityOf(this.articleOutlets.get(id)!) }]));
  }
  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map(ids.map((id) => [id, this.entityNames.get(id) ?? id]));
  }

  /** Links one article and keeps what it changed, as the store would. */
  async link(a: ArticleToLink): Promise<LedgerChanges> {
    const { changes, claims } = await linkArticle(a, this);
    for (const { key, state } of claims) {
      this.keys.set(key.id, { ...key, participants: [...new Set(key.participants)].sort() });
      this.claimStates.set(key.id, state);
    }
    this.articleOutlets.set(a.id, a.outlet);
    return changes;
  }

  claimOf(parties: string[], historical = false): { key: ClaimKey; state: ClaimState } {
    const key = [...this.keys.values()].find((c) => c.historical === historical && c.participants.join() === [...parties].sort().join());
    if (!key) throw new Error(`no claim of ${parties}`);
    return { key, state: this.claimStates.get(key.id)! };
  }
}

const history = (s: ClaimState) => s.history.map((h) => `${h.stage} ${h.status} ${h.at}`);

describe("linking articles into claims", () => {
  it("makes a plan and its occurrence one claim whose stage moves, told in plain words", async () => {
    const ledger = new MemoryLedger();
    const plan = await ledger.link(
      article("a1", "Harbor City Ledger", "2025-10-20", [
        { text: "Trump said he would meet Putin in Budapest within two weeks.", trigger: "meet", mention: { participants: [TRUMP, PUTIN], place: "country:HU", stance: "scheduled", source: [src("Trump", TRUMP)] } },
      ]),
    );
    expect(plan.newClaims).toHaveLength(1);
    expect(plan.newClaims[0]).toMatchObject({ type: "meet", participants: [TRUMP, PUTIN], place: "country:HU", stage: "scheduled", status: "confirmed", statement: "Trump and Putin to meet in Hungary, Trump says" });
    const id = plan.newClaims[0].id;

    const held = await ledger.link(
      article("a2", "Pacific Dispatch", "2025-10-30", [
        { text: "Trump and Putin met in Budapest on Thursday.", trigger: "met", mention: { participants: [TRUMP, PUTIN], place: "country:HU", time: "2025-10-30" } },
      ]),
    );
    expect(held.newClaims).toEqual([]);
    expect(held.changedClaims.map((c) => [c.id, c.stage, c.status, c.eventTime, c.statement])).toEqual([[id, "occurred", "reported", "2025-10-30", "Trump and Putin met in Hungary on Oct. 30, 2025, Pacific Dispatch reports"]]);
    expect(held.newReports.map((r) => [r.claim_id, r.stance, r.root])).toEqual([[id, "occurred", "Pacific Dispatch"]]);

    // The Kremlin says so too: confirmed, and told by two origins the statement names no single voice.
    const confirmed = await ledger.link(
      article("a3", "Capitol Brief", "2025-10-31", [
        { text: "The Kremlin said the talks in Budapest had been useful.", trigger: "talks", mention: { participants: [TRUMP, PUTIN], place: "country:HU", source: [src("The Kremlin", "org:kremlin")] } },
      ]),
    );
    expect(confirmed.changedClaims.map((c) => [c.stage, c.status, c.statement])).toEqual([["occurred", "confirmed", "Trump and Putin met in Hungary on Oct. 30, 2025"]]);
    const { state } = ledger.claimOf([TRUMP, PUTIN]);
    expect(history(state)).toEqual(["scheduled confirmed 2025-10-20", "occurred reported 2025-10-30", "occurred confirmed 2025-10-31"]);
    expect(state.origins.map((o) => o.root)).toEqual(["Trump", "Pacific Dispatch", "The Kremlin"]);
  });

  it("keeps an envoy's meeting and the leaders' summit two claims, and joins a reading of one leader to the one it fits", async () => {
    const ledger = new MemoryLedger();
    const changes = await ledger.link(
      article("a1", "Harbor City Ledger", "2025-10-17", [
        { text: "Envoy Steve Witkoff met Putin at the Kremlin on Thursday.", trigger: "met", mention: { participants: [WITKOFF, PUTIN], place: "org:kremlin", time: "2025-10-16" } },
        { text: "Trump said he and Putin would meet in Budapest.", trigger: "meet", mention: { participants: [TRUMP, PUTIN], place: "country:HU", stance: "scheduled", source: [src("Trump", TRUMP)] } },
      ]),
    );
    expect(changes.newClaims.map((c) => c.statement)).toEqual(["Witkoff and Putin met in the Kremlin on Oct. 16, 2025, Harbor City Ledger reports", "Trump and Putin to meet in Hungary, Trump says"]);
    const next = await ledger.link(
      article("a2", "Pacific Dispatch", "2025-10-18", [
        { text: "Putin is ready to travel to Budapest, Peskov said.", trigger: "travel", mention: { participants: [PUTIN], place: "country:HU", stance: "scheduled", source: [src("Peskov", "person:dmitry-peskov")] } },
      ]),
    );
    expect(next.newClaims).toEqual([]);
    expect(next.newReports.map((r) => r.claim_id)).toEqual([ledger.claimOf([TRUMP, PUTIN]).key.id]);
    expect(ledger.claimOf([WITKOFF, PUTIN]).state.reports).toHaveLength(1);
  });

  it("lets a reading that names only some of the parties, told as held, join a claim without placing or dating it", async () => {
    const ZELENSKY = "person:volodymyr-zelenskyy";
    const ledger = new MemoryLedger();
    await ledger.link(
      article("a1", "Harbor City Ledger", "2025-08-19", [
        { text: "Trump said he had begun arranging a meeting between Putin and Zelensky.", trigger: "meeting", mention: { participants: [PUTIN, ZELENSKY], stance: "discussed", source: [src("Trump", TRUMP)] } },
      ]),
    );
    const claim = ledger.claimOf([PUTIN, ZELENSKY]).key;
    // "Trump telephoned Putin after Monday's White House talks with Zelensky": the talks name Zelensky only, and their
    // sentence names Putin too; they may join the plan, but their day and their venue are not the plan's.
    await ledger.link(
      article(
        "a2",
        "Pacific Dispatch",
        "2025-08-19",
        [{ text: "Trump telephoned Putin after Monday's White House talks with Zelensky.", trigger: "talks", mention: { participants: [ZELENSKY], place: "org:white-house", time: "2025-08-18" } }],
        { entities: [PUTIN, ZELENSKY, TRUMP].map((id) => ({ id, mentions: [{ sentence: 0 }] })) },
      ),
    );
    const after = ledger.claimOf([PUTIN, ZELENSKY]).key;
    expect(after.id).toBe(claim.id);
    expect([after.place, after.eventTime]).toEqual([null, null]);
  });

  it("never lets a recap of the 2018 summit change the current claim, nor current news the 2018 one", async () => {
    const ledger = new MemoryLedger();
    await ledger.link(
      article("a1", "Harbor City Ledger", "2025-10-18", [
        { text: "Trump and Kim may meet this year, diplomats said.", trigger: "meet", mention: { participants: [TRUMP, KIM], stance: "discussed", source: [src("diplomats", null)], time: "2025" } },
      ]),
    );
    const current = ledger.claimOf([TRUMP, KIM]);
    const recap = await ledger.link(
      article("a2", "Pacific Dispatch", "2025-10-20", [
        { text: "The two first met in Singapore in June 2018.", trigger: "met", mention: { participants: [TRUMP, KIM], place: "country:SG", time: "2018-06", background: true } },
        { text: "Trump and Kim held talks in Hanoi in February 2019.", trigger: "talks", mention: { participants: [TRUMP, KIM], place: "country:VN", time: "2019-02", background: true } },
      ]),
    );
    expect(recap.changedClaims).toEqual([]);
    expect(recap.newClaims.map((c) => [c.historical, c.statement])).toEqual([
      [true, "Trump and Kim met in Singapore in June 2018, Pacific Dispatch reports"],
      [true, "Trump and Kim met in Vietnam in February 2019, Pacific Dispatch reports"],
    ]);
    expect(ledger.claimOf([TRUMP, KIM])).toEqual(current);

    const refusal = await ledger.link(
      article("a3", "Capitol Brief", "2025-10-25", [
        { text: "North Korea has no intention of meeting Trump, KCNA said.", trigger: "meeting", mention: { participants: [TRUMP, KIM], stance: "refused", source: [src("KCNA", "outlet:kcna")] } },
        { text: "Kim recalled their Singapore summit of June 12, 2018.", trigger: "summit", mention: { participants: [TRUMP, KIM], place: "country:SG", time: "2018-06-12", background: true } },
      ]),
    );
    const singapore = refusal.changedClaims.find((c) => c.historical)!;
    expect(refusal.changedClaims.map((c) => [c.id, c.stage, c.status])).toEqual([
      [current.key.id, "discussed", "denied"],
      [singapore.id, "occurred", "corroborated"],
    ]);
    expect(singapore.eventTime).toBe("2018-06-12");
    expect(refusal.newReports.map((r) => [r.claim_id === current.key.id ? "current" : "2018", r.stance])).toEqual([
      ["current", "refused"],
      ["2018", "occurred"],
    ]);
  });

  it("reports a claim once per source and stance an article gives it", async () => {
    const ledger = new MemoryLedger();
    const changes = await ledger.link(
      article("a1", "Harbor City Ledger", "2025-10-20", [
        { text: "Trump and Kim will meet in Panmunjom next week.", trigger: "meet", mention: { participants: [TRUMP, KIM], place: "place:panmunjom", stance: "scheduled" } },
        { text: "Trump said the meeting was set.", trigger: "meeting", mention: { participants: [TRUMP, KIM], stance: "scheduled", source: [src("Trump", TRUMP)] } },
        { text: "Trump added that the meeting would be short.", trigger: "meeting", mention: { participants: [TRUMP, KIM], stance: "scheduled", source: [src("Trump", TRUMP)] } },
        { text: "Trump said earlier that it had been only discussed.", trigger: "discussed", mention: { participants: [TRUMP, KIM], stance: "discussed", source: [src("Trump", TRUMP)] } },
      ]),
    );
    expect(changes.newClaims).toHaveLength(1);
    expect(changes.newReports.map((r) => [r.event_id, r.root, r.stance])).toEqual([
      ["e1", "Harbor City Ledger", "scheduled"],
      ["e2", "Trump", "scheduled"],
      ["e4", "Trump", "discussed"],
    ]);
    expect(changes.newOrigins).toHaveLength(2);
  });

  it("lists what is new, what moved and what is gone", async () => {
    const ledger = new MemoryLedger(new Map([["local:pak-chol-su", "Pak Chol Su"]]));
    // A brief credits the Harbor City Ledger before that outlet's own report is linked.
    const first = await ledger.link(
      article("brief", "Capitol Brief", "2025-10-18", [
        { text: "Kim and Pak Chol Su may meet, the Harbor City Ledger reported.", trigger: "meet", mention: { participants: [KIM, "local:pak-chol-su"], stance: "discussed", source: [src("the Harbor City Ledger", null)] } },
      ]),
    );
    expect(first.newClaims.map((c) => [c.statement, c.summary])).toEqual([["Kim and Pak Chol Su may meet, the Harbor City Ledger says", "meet — Pak Chol Su, Kim"]]);
    expect(first.newOrigins.map((o) => o.root)).toEqual(["the Harbor City Ledger"]);
    const creditOrigin = first.newOrigins[0].id;
    const claimId = first.newClaims[0].id;

    // The Ledger's own report, a day earlier, quoted the White House: the credit joins that origin and its own goes.
    const own = await ledger.link(
      article("ledger", "Harbor City Ledger", "2025-10-17", [
        { text: "The White House said Kim and Pak Chol Su may meet.", trigger: "meet", mention: { participants: [KIM, "local:pak-chol-su"], stance: "discussed", source: [src("the White House", "org:white-house")] } },
      ]),
    );
    expect(own.newClaims).toEqual([]);
    expect(own.newOrigins.map((o) => [o.claim_id, o.root, o.first_seen])).toEqual([[claimId, "the White House", "2025-10-17"]]);
    expect(own.newReports.map((r) => [r.id, r.origin_id])).toEqual([["ledger:e1", own.newOrigins[0].id]]);
    expect(own.movedReports).toEqual([{ id: "brief:e1", origin_id: own.newOrigins[0].id }]);
    expect(own.goneOrigins).toEqual([creditOrigin]);
    expect(own.changedClaims.map((c) => [c.firstReported, c.lastReported])).toEqual([["2025-10-17", "2025-10-18"]]);
    expect(own.histories).toEqual([{ claimId, history: [{ stage: "discussed", status: "reported", at: "2025-10-17" }] }]);

    // A wire copy of the Ledger's report adds a report to its origin and nothing else.
    const copy = await ledger.link(
      article("copy", "Riverbend Gazette", "2025-10-19", [
        { text: "Kim and Pak Chol Su may meet, officials said.", trigger: "meet", mention: { participants: [KIM, "local:pak-chol-su"], stance: "discussed", source: [src("officials", null)] } },
      ], { near_duplicate_of: "ledger" }),
    );
    expect(copy.newReports.map((r) => r.origin_id)).toEqual([own.newOrigins[0].id]);
    expect([copy.newOrigins, copy.movedReports, copy.goneOrigins, copy.changedOrigins]).toEqual([[], [], [], []]);
    expect(ledger.claimOf([KIM, "local:pak-chol-su"]).state.origins).toHaveLength(1);
  });

  it("says who tells a claim told by one origin: a named source, else the outlet or the agency it credits", async () => {
    const cases: [SourceRef[], SourceRef[], string][] = [
      [[src("Trump", TRUMP)], [], "Trump and Kim may meet, Trump says"],
      [[src("The White House press secretary", "person:karoline-leavitt")], [], "Trump and Kim may meet, Leavitt says"],
      [[src("the Kremlin", "org:kremlin")], [], "Trump and Kim may meet, the Kremlin says"],
      [[src("U.S. officials", null), src("a CNN report", "outlet:cnn")], [], "Trump and Kim may meet, CNN reports"],
      [[src("Pak Chol Su", "local:pak-chol-su")], [], "Trump and Kim may meet, Pak Chol Su says"],
      // Unnamed people name no one: the outlet tells it, or the agency it credits.
      [[src("two diplomats familiar with the plans", null)], [], "Trump and Kim may meet, The Meridian Post reports"],
      [[src("U.S. officials", "country:US")], [], "Trump and Kim may meet, The Meridian Post reports"],
      [[src("officials", null)], [src("Yonhap", "outlet:yonhap")], "Trump and Kim may meet, Yonhap reports"],
      [[], [], "Trump and Kim may meet, The Meridian Post reports"],
    ];
    for (const [source, credits, statement] of cases) {
      const changes = await new MemoryLedger().link(
        article("a1", "The Meridian Post", "2025-10-20", [{ text: "Trump and Kim may meet, they said.", trigger: "meet", mention: { participants: [TRUMP, KIM], stance: "discussed", source } }], { credits }),
      );
      expect(changes.newClaims.map((c) => c.statement), JSON.stringify(source)).toEqual([statement]);
    }
  });

  it("links nothing from an article with no reading, and reads a mention only once its stance is known", async () => {
    const ledger = new MemoryLedger();
    const changes = await ledger.link(
      article("a1", "Harbor City Ledger", "2025-10-20", [
        { text: "Trump said the weather was fine.", trigger: "said", mention: { type: "say", participants: [TRUMP] } },
        { text: "Whether Trump and Kim meet is unclear.", trigger: "meet", mention: { participants: [TRUMP, KIM], stance: "unknown" } },
      ]),
    );
    expect(changes).toEqual({ newClaims: [], changedClaims: [], newReports: [], movedReports: [], newOrigins: [], changedOrigins: [], goneOrigins: [], histories: [] });
  });
});
