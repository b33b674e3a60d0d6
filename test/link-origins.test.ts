import { describe, expect, it } from "vitest";
import type { SourceRef } from "../src/domain/extraction.js";
import type { ClaimReport } from "../src/domain/ledger.js";
import { groupOrigins, rootOf, voiceKey } from "../src/link/04-origins.js";
import { isNamedSource, nameSlug, outletKey } from "../src/link/names.js";

type Chain = [string, string | null][];

function report(id: string, outlet: string, chain: Chain = [], over: Partial<ClaimReport> = {}): ClaimReport {
  return {
    id,
    claim_id: "c1",
    article_id: `a-${id}`,
    outlet,
    published: "2025-10-20",
    near_duplicate_of: null,
    credits: [],
    factuality: "CT+",
    stance: "scheduled",
    background: false,
    source: chain.map(([text, entity]) => ({ text, entity })),
    time: null,
    origin_id: null,
    ...over,
  };
}

const noOutlets = () => null;
/** Each origin as its key and its reports, in the order grouping gives them. */
const grouped = (reports: ClaimReport[], outletOf: Parameters<typeof groupOrigins>[1] = noOutlets) => groupOrigins(reports, outletOf).map((g) => [g.key, g.reports]);

describe("whose voice a source is", () => {
  it("keys a government's people, bodies, state media and the country itself as that government", () => {
    const cases: [string, string][] = [
      ["person:vladimir-putin", "gov:RU"],
      ["person:sergei-lavrov", "gov:RU"],
      ["person:dmitry-peskov", "gov:RU"],
      ["org:kremlin", "gov:RU"],
      ["country:RU", "gov:RU"],
      ["outlet:tass", "gov:RU"],
      ["person:donald-trump", "gov:US"],
      ["person:karoline-leavitt", "gov:US"],
      ["person:steve-witkoff", "gov:US"],
      ["org:white-house", "gov:US"],
      ["outlet:kcna", "gov:KP"],
      // Outlets that are no government's, people in no office, bodies of no country and names the gazetteer does not know.
      ["outlet:reuters", "outlet:reuters"],
      ["outlet:cnn", "outlet:cnn"],
      ["person:ivanka-trump", "person:ivanka-trump"],
      ["org:un", "org:un"],
      ["local:pak-chol-su", "local:pak-chol-su"],
    ];
    for (const [entity, key] of cases) expect(voiceKey(entity, "2025-10-20"), entity).toBe(key);
  });
});

describe("the root of one report", () => {
  it("takes the deepest named source, past unnamed people behind it", () => {
    const cases: [Chain, string, string][] = [
      [[["the Washington Post", "outlet:washington-post"], ["two people with knowledge of the trip", null]], "outlet:washington-post", "the Washington Post"],
      [[["U.S. officials", null], ["a CNN report", "outlet:cnn"]], "outlet:cnn", "a CNN report"],
      [[["Trump", "person:donald-trump"]], "gov:US", "Trump"],
      [[["Kremlin spokesman Dmitry Peskov", "person:dmitry-peskov"]], "gov:RU", "Kremlin spokesman Dmitry Peskov"],
      [[["two diplomats familiar with the plans", null]], "name:meridian-post", "The Meridian Post"],
      [[], "name:meridian-post", "The Meridian Post"],
    ];
    for (const [chain, key, root] of cases) expect(rootOf(report("1", "The Meridian Post", chain)), JSON.stringify(chain)).toEqual({ key, root });
  });

  it("names a pronoun's root by the one it stands for", () => {
    const r = report("1", "The Meridian Post", [], { source: [{ text: "He", entity: "person:dmitry-peskov", name: "Dmitry Peskov" }] });
    expect(rootOf(r)).toEqual({ key: "gov:RU", root: "Dmitry Peskov" });
  });

  it("keys a pronoun nobody was found for as no one, a local name by that name, a spokesperson by the government", () => {
    const cases: [Chain, string][] = [
      [[["She", null]], "name:pacific-dispatch"],
      [[["He", "local:pak-chol-su"]], "name:pak-chol-su"],
      [[["Pak Chol Su", "local:pak-chol-su"]], "name:pak-chol-su"],
      [[["Pak Chol Su", null]], "name:pak-chol-su"],
      [[["The White House press secretary", "person:sarah-huckabee-sanders"]], "gov:US"],
    ];
    for (const [chain, key] of cases) expect(rootOf(report("1", "Pacific Dispatch", chain, { published: "2019-02-28" })).key, JSON.stringify(chain)).toBe(key);
  });

  it("takes an agency the text credits before the outlet's own reporting, and a named source before both", () => {
    const yonhap: SourceRef = { text: "Yonhap", entity: "outlet:yonhap" };
    const cases: [Chain, SourceRef[], string][] = [
      [[], [yonhap], "outlet:yonhap"],
      [[["officials", null]], [yonhap], "outlet:yonhap"],
      [[], [{ text: "Bergen Tidende Nyhetsbyrå", entity: null }], "name:bergen-tidende-nyhetsbyra"],
      [[["Lee Jae Myung", "person:lee-jae-myung"]], [yonhap], "gov:KR"],
      [[], [], "name:harbor-city-ledger"],
    ];
    for (const [chain, credits, key] of cases) expect(rootOf(report("1", "Harbor City Ledger", chain, { credits })).key, `${JSON.stringify(chain)} ${credits.map((c) => c.text)}`).toBe(key);
    expect(rootOf(report("1", "CNN")).key).toBe("outlet:cnn");
  });
});

describe("independent origins of a claim", () => {
  it("counts one party's statements once, however many outlets carry them and whoever speaks for it", () => {
    const reports = [
      report("1", "Harbor City Ledger", [["Kremlin spokesman Dmitry Peskov", "person:dmitry-peskov"]], { published: "2025-10-17" }),
      report("2", "Capitol Brief", [["the Kremlin", "org:kremlin"]], { published: "2025-10-17" }),
      report("3", "Pacific Dispatch", [["Putin", "person:vladimir-putin"]], { published: "2025-10-18" }),
      report("4", "Riverbend Gazette", [["Russia", "country:RU"]], { published: "2025-10-18" }),
      report("5", "Northern Star Tribune", [["TASS", "outlet:tass"]], { published: "2025-10-19" }),
      // The same party again a week later: new in time, the same source.
      report("6", "Harbor City Ledger", [["Lavrov", "person:sergei-lavrov"]], { published: "2025-10-25", stance: "called_off" }),
      report("7", "Harbor City Ledger", [["Trump", "person:donald-trump"]], { published: "2025-10-17" }),
      report("8", "Capitol Brief", [["White House press secretary Karoline Leavitt", "person:karoline-leavitt"]], { published: "2025-10-18" }),
    ];
    expect(grouped(reports)).toEqual([
      ["gov:RU", ["1", "2", "3", "4", "5", "6"]],
      ["gov:US", ["7", "8"]],
    ]);
    expect(groupOrigins(reports, noOutlets).map((g) => [g.root, g.firstSeen])).toEqual([
      ["Kremlin spokesman Dmitry Peskov", "2025-10-17"],
      ["Trump", "2025-10-17"],
    ]);
  });

  it("joins agency copy to the agency's origin, wherever it is carried and whether credited or published by it", () => {
    const yonhap: SourceRef[] = [{ text: "Yonhap", entity: "outlet:yonhap" }];
    const reports = [
      report("1", "Yonhap", [], { published: "2025-10-28" }),
      report("2", "Korea Daily Wire", [], { credits: yonhap, published: "2025-10-28" }),
      report("3", "Harbor City Ledger", [], { credits: yonhap, published: "2025-10-29" }),
      report("4", "Pacific Dispatch", [], { published: "2025-10-29" }),
    ];
    expect(grouped(reports)).toEqual([
      ["outlet:yonhap", ["1", "2", "3"]],
      ["name:pacific-dispatch", ["4"]],
    ]);
    // Without the agency's own report, its credits still meet.
    expect(grouped(reports.slice(1))).toEqual([
      ["outlet:yonhap", ["2", "3"]],
      ["name:pacific-dispatch", ["4"]],
    ]);
  });

  it("joins a near-duplicate to its original's origin", () => {
    const original = report("1", "Pacific Dispatch", [], { article_id: "p" });
    const quoted = report("2", "Pacific Dispatch", [["Chung", "person:chung-eui-yong"]], { article_id: "p" });
    const copy = report("3", "Riverbend Gazette", [], { article_id: "g", near_duplicate_of: "p", published: "2025-10-21" });
    const quotedCopy = report("4", "Riverbend Gazette", [["Chung", "person:chung-eui-yong"]], { article_id: "g", near_duplicate_of: "p", published: "2025-10-21" });
    const own = report("5", "Harbor City Ledger", [], { published: "2025-10-21" });
    expect(grouped([original, quoted, copy, quotedCopy, own])).toEqual([
      ["name:pacific-dispatch", ["1", "3"]],
      ["gov:KR", ["2", "4"]],
      ["name:harbor-city-ledger", ["5"]],
    ]);
  });

  it("joins a copy of an article not on this claim to its outlet's origin", () => {
    const outletOf = (id: string) => (id === "elsewhere" ? { name: "Pacific Dispatch", entity: null } : null);
    const copy = report("1", "Riverbend Gazette", [], { near_duplicate_of: "elsewhere" });
    const own = report("2", "Pacific Dispatch", [], { published: "2025-10-18" });
    expect(grouped([copy], outletOf)).toEqual([["name:pacific-dispatch", ["1"]]]);
    expect(grouped([copy, own], outletOf)).toEqual([["name:pacific-dispatch", ["2", "1"]]]);
    // An original no longer stored leaves the copy its own outlet's.
    expect(grouped([copy], noOutlets)).toEqual([["name:riverbend-gazette", ["1"]]]);
  });

  it("joins a report crediting an outlet to that outlet's first report on the claim, whatever the day order", () => {
    const cases: { name: string; reports: ClaimReport[]; want: [string, string[]][] }[] = [
      {
        name: "credit after the outlet's own report",
        reports: [report("1", "Pacific Dispatch", [], { published: "2025-10-17" }), report("2", "Capitol Brief", [["Pacific Dispatch", null]], { published: "2025-10-18" })],
        want: [["name:pacific-dispatch", ["1", "2"]]],
      },
      {
        name: "credit on the same day, sorting first",
        reports: [report("b", "Pacific Dispatch"), report("a", "The Continental Observer", [["Pacific Dispatch", null]])],
        want: [["name:pacific-dispatch", ["a", "b"]]],
      },
      {
        name: "a name linked to something else",
        reports: [report("b", "Pacific Dispatch"), report("a", "The Continental Observer", [["Pacific Dispatch", "place:pacific"]])],
        want: [["name:pacific-dispatch", ["a", "b"]]],
      },
      {
        name: "the outlet's first report quoted the White House",
        reports: [report("1", "Harbor City Ledger", [["the White House", "org:white-house"]], { published: "2025-10-17" }), report("2", "Capitol Brief", [["the Harbor City Ledger", null]], { published: "2025-10-19" })],
        want: [["gov:US", ["1", "2"]]],
      },
      {
        name: "a known outlet's own reporting and a citation of it",
        reports: [report("1", "CNN", [], { published: "2025-10-17" }), report("2", "Harbor City Ledger", [["CNN reports", "outlet:cnn"]], { published: "2025-10-18" }), report("3", "Capitol Brief", [["U.S. officials", null], ["a CNN report", "outlet:cnn"]], { published: "2025-10-18" })],
        want: [["outlet:cnn", ["1", "2", "3"]]],
      },
    ];
    for (const c of cases) expect(grouped(c.reports), c.name).toEqual(c.want);
  });

  it("keeps an outlet's own reporting its own, after a first report that quoted someone else", () => {
    const quoted = report("1", "Pacific Dispatch", [["President Donald Trump", "person:donald-trump"]], { published: "2025-10-10" });
    const own = report("2", "Pacific Dispatch", [], { published: "2025-10-20" });
    const sourced = report("3", "Pacific Dispatch", [["two diplomats familiar with the plans", null]], { published: "2025-10-21" });
    expect(grouped([own, quoted, sourced])).toEqual([
      ["gov:US", ["1"]],
      ["name:pacific-dispatch", ["2", "3"]],
    ]);
  });

  it("does not depend on the order reports are handed over in", () => {
    const reports = [
      report("1", "Harbor City Ledger", [["Trump", "person:donald-trump"]], { published: "2025-10-17" }),
      report("2", "Capitol Brief", [["Harbor City Ledger", null]], { published: "2025-10-18" }),
      report("3", "Riverbend Gazette", [], { near_duplicate_of: "a-2", published: "2025-10-19" }),
      report("4", "Pacific Dispatch", [], { published: "2025-10-19" }),
    ];
    expect(grouped([...reports].reverse())).toEqual(grouped(reports));
  });
});

describe("names", () => {
  it("slugs a source or outlet name without determiners, possessives or report words", () => {
    const cases: [string, string][] = [
      ["a CNN report", "cnn"],
      ["CNN reports", "cnn"],
      ["Yonhap news agency", "yonhap"],
      ["The Kremlin", "kremlin"],
      ["the Harbor City Ledger's", "harbor-city-ledger"],
      ["Bergen Tidende Nyhetsbyrå", "bergen-tidende-nyhetsbyra"],
    ];
    for (const [text, slug] of cases) expect(nameSlug(text), text).toBe(slug);
  });

  it("tells a named source from an anonymous one", () => {
    const cases: [SourceRef, boolean][] = [
      [{ text: "Pacific Dispatch", entity: null }, true],
      [{ text: "the Harbor City Ledger", entity: null }, true],
      [{ text: "Ministry of Foreign Affairs", entity: null }, true],
      [{ text: "two diplomats", entity: null }, false],
      [{ text: "U.S. officials", entity: null }, false],
      [{ text: "She", entity: null }, false],
      [{ text: "he", entity: "local:pak-chol-su" }, true],
    ];
    for (const [ref, named] of cases) expect(isNamedSource(ref), ref.text).toBe(named);
  });

  it("keys an outlet's own reporting by its gazetteer id, else by its name", () => {
    expect(outletKey("CNN", "outlet:cnn")).toBe("outlet:cnn");
    expect(outletKey("The Meridian Post", null)).toBe("name:meridian-post");
    expect(outletKey(null, null)).toBe("name:unknown");
  });
});
