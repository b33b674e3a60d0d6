import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../bench/ingest.js";
import { ingestInputs } from "../src/app/ingest.js";
import { encodedFeaturesOf, rebuildStories } from "../src/app/stories.js";
import { articleText } from "../src/store/articles.js";
import { listStories, openStore, type Store } from "../src/store/index.js";
import { readArticle } from "../src/app/read.js";
import { adjustedRand, bcubed, labelsOf } from "../src/link/cluster-scores.js";
import {
  StoryClusterer,
  clusterStories,
  decodeStoryFeatures,
  storyFeatures,
  timeDecay,
  type StoryDocument,
  type StoryOptions,
} from "../src/link/06-stories.js";

const labels = (groups: string[][]) => labelsOf(groups);

describe("cluster scores", () => {
  it("computes BCubed and ARI on a hand-worked example", () => {
    // Gold {a,b,c}{d,e}; predicted {a,b}{c,d,e}.
    // BCubed precision per item: 1, 1, 1/3, 2/3, 2/3 → 11/15; recall: 2/3, 2/3, 1/3, 1, 1 → 11/15.
    // ARI: agreeing pairs 2, row pairs 4, column pairs 4, expected 4·4/10 = 1.6, max 4 → 0.4/2.4 = 1/6.
    const gold = labels([["a", "b", "c"], ["d", "e"]]);
    const predicted = labels([["a", "b"], ["c", "d", "e"]]);
    const b = bcubed(predicted, gold);
    expect(b.precision).toBeCloseTo(11 / 15, 10);
    expect(b.recall).toBeCloseTo(11 / 15, 10);
    expect(b.f1).toBeCloseTo(11 / 15, 10);
    expect(adjustedRand(predicted, gold)).toBeCloseTo(1 / 6, 10);
  });

  it("separates precision from recall when a class is split", () => {
    // Gold {a,b,c,d}; predicted {a,b}{c,d}: every cluster is pure (P = 1), each item finds half its class (R = 1/2).
    // ARI: agreeing pairs 2, row pairs 2, column pairs 6, expected 2·6/6 = 2 → 0: no better than chance.
    const gold = labels([["a", "b", "c", "d"]]);
    const predicted = labels([["a", "b"], ["c", "d"]]);
    const b = bcubed(predicted, gold);
    expect(b.precision).toBe(1);
    expect(b.recall).toBe(0.5);
    expect(b.f1).toBeCloseTo(2 / 3, 10);
    expect(adjustedRand(predicted, gold)).toBeCloseTo(0, 10);
  });

  it("scores a perfect clustering 1 whatever the cluster names", () => {
    const gold = labels([["a", "b"], ["c"], ["d", "e", "f"]]);
    const predicted = labels([["f", "e", "d"], ["b", "a"], ["c"]]);
    expect(bcubed(predicted, gold)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(adjustedRand(predicted, gold)).toBe(1);
  });

  it("refuses clusterings that miss items", () => {
    expect(() => bcubed(labels([["a"]]), labels([["a", "b"]]))).toThrow(/clustering covers/);
  });
});

describe("story features", () => {
  it("keeps names, name phrases, years and month-year dates, and ignores a leading web address", () => {
    const f = storyFeatures({
      id: "x",
      text:
        "http: / / example. com / 2013 / may / lohan - rehab\n" +
        "Lindsay Lohan checked into the Betty Ford Center on May 3, 2013, her lawyer said. Lohan began a 90-day stay.",
    });
    const keys = [...f.terms.keys()];
    expect(keys).toContain("phrase:lindsay lohan");
    expect(keys).toContain("name:lohan");
    expect(keys).toContain("date:2013-05");
    expect(keys).toContain("year:2013");
    expect(keys).toContain("number:90");
    expect(keys.some((k) => k.includes("http") || k.includes("example"))).toBe(false);
    // Function words and reporting verbs carry nothing about which happening this is.
    expect(keys.some((k) => k.endsWith(":the") || k.endsWith(":say"))).toBe(false);
    expect(f.terms.get("name:lohan")!).toBeGreaterThan(f.terms.get("verb:begin") ?? 0);
  });

  it("works out a stored article's features as ingest read them, for an article it could not read too", () => {
    const english = readArticle({ id: "en", title: "Floods cut off Chilean port", date: "2024-05-14", text: "Heavy rains flooded the port city of Valparaiso on May 14, 2024, officials said. The Chilean navy evacuated 1,200 residents." });
    const french = readArticle({ id: "fr", title: "Inondations à Valparaiso", date: "2024-05-14", text: "De fortes pluies ont inondé le port de Valparaiso le 14 mai 2024, selon les autorités. La marine chilienne a évacué 1 200 habitants." });
    expect(french.notRead).toBe(true);
    for (const read of [english, french]) {
      const a = read.article;
      expect(encodedFeaturesOf({ id: a.id, seq: 1, published: a.published, title: a.title, text: a.text, language: a.language, content_hash: "" })).toBe(read.storyTerms);
    }
    // What the unread article's text holds plays no part, as at ingest.
    expect(decodeStoryFeatures(french.storyTerms, french.article.published)!.terms.size).toBe(0);
  });

  it("reads the same features from the extraction's tokens at ingest as from the text alone", () => {
    const article = {
      id: "flood",
      title: "Floods cut off Chilean port",
      published: "2024-05-14",
      text:
        "https://news.example.com/2024/05/flood-valparaiso\n" +
        "Heavy rains flooded the port city of Valparaiso on May 14, 2024, officials said. " +
        "The Chilean navy evacuated 1,200 residents from the lower town. " +
        "More rain is forecast for Thursday, see https://weather.example.org/chile for maps.\n" +
        "Mayor Camila Nieto asked residents to stay indoors.",
    };
    const read = readArticle({ id: article.id, title: article.title, date: article.published, text: article.text });
    const ingested = decodeStoryFeatures(read.storyTerms, read.article.published)!;
    const fromText = storyFeatures(article);
    expect(ingested.terms).toEqual(fromText.terms);
    expect(ingested.published).toBe(fromText.published);

    const keys = [...fromText.terms.keys()];
    expect(keys).toContain("phrase:mayor camila nieto");
    expect(keys.some((k) => /example|weather|http|news\b/.test(k))).toBe(false);
    // The lead is the title and the first body sentence (two sentences); the address line is not one of them.
    expect(fromText.terms.get("date:2024-05")).toBeCloseTo(2 * 1.5, 10);
    expect(fromText.terms.get("number:1200")).toBeCloseTo(1.5, 10);
  });
});

// Two different earthquakes (same kind of event; different places, magnitudes and tolls), three reports each.
const quakes: StoryDocument[] = [
  {
    id: "iran-1",
    text: "A 5.9 magnitude earthquake struck Qeshm island off southern Iran on Sunday, killing 13 people in the village of Tourian, Iranian state media said. Rescue teams from Bandar Abbas reached the island by boat.",
  },
  {
    id: "peru-1",
    text: "A magnitude 8.0 earthquake hit the coast of Peru near Pisco on Wednesday, killing at least 510 people. The quake flattened the cathedral in Pisco and damaged Ica, officials in Lima said.",
  },
  {
    id: "iran-2",
    text: "Iran's Qeshm island was shaken by an earthquake of magnitude 5.9. Officials said 13 villagers died in Tourian and hundreds of homes were damaged; aid was sent from Bandar Abbas.",
  },
  {
    id: "peru-2",
    text: "Rescuers in Pisco dug through the ruins of the cathedral after the 8.0 earthquake that struck Peru. The death toll rose to 510, President Alan Garcia said from Lima, and Ica was without power.",
  },
  {
    id: "iran-3",
    text: "The Tourian earthquake on Qeshm island left 13 dead, Iran's Red Crescent said. The tremor, of magnitude 5.9, was felt in Bandar Abbas and across the Gulf.",
  },
  {
    id: "peru-3",
    text: "Peru mourned the 510 people killed in the earthquake around Pisco and Ica. Alan Garcia declared a state of emergency; the 8.0 tremor was felt in Lima.",
  },
];

const storyOf = (groups: string[][], id: string) => groups.findIndex((g) => g.includes(id));

// Two rehab stays of two actresses: the same kind of story told in nearly the same words, told apart by names.
const rehab: StoryDocument[] = [
  {
    id: "reid-1",
    text: "Actress Tara Reid has checked into the Promises rehab center in Malibu, her publicist Jack Ketsoyan said on Tuesday. The publicist asked for privacy for the actress and her family during treatment.",
  },
  {
    id: "lohan-1",
    text: "Actress Lindsay Lohan has checked into the Betty Ford rehab center in Rancho Mirage, her lawyer Mark Heller said on Friday. The lawyer asked for privacy for the actress and her family during treatment.",
  },
  {
    id: "reid-2",
    text: "Tara Reid entered rehab at Promises in Malibu this week. Ketsoyan, her publicist, confirmed the actress is receiving treatment and thanked fans for respecting her privacy.",
  },
  {
    id: "lohan-2",
    text: "Lindsay Lohan entered rehab at the Betty Ford clinic this week. Heller, her lawyer, confirmed the actress is receiving treatment as a judge ordered and thanked fans for respecting her privacy.",
  },
  {
    id: "reid-3",
    text: "The American Pie actress Tara Reid is being treated at Promises, Ketsoyan told People magazine. Reid has spent the past year in Malibu and the publicist said she is doing well in rehab.",
  },
  {
    id: "lohan-3",
    text: "The Mean Girls actress Lindsay Lohan is being treated at Betty Ford, Heller told People magazine. Lohan faces a 90-day stay in Rancho Mirage and the lawyer said she is doing well in rehab.",
  },
];

// Six reports of one rehab stay, worded differently.
const oneStay: StoryDocument[] = [
  rehab[0],
  rehab[2],
  rehab[4],
  {
    id: "reid-4",
    text: "Friends of Tara Reid said she went to Promises on Tuesday with the support of her family. The American Pie star recently launched a fashion line.",
  },
  {
    id: "reid-5",
    text: "Reid, 33, checked herself into Promises Treatment Center. Her representative Jack Ketsoyan would not say what the actress is being treated for.",
  },
  {
    id: "reid-6",
    text: "Party girl Tara Reid is in rehab. The actress entered the Malibu facility Promises, according to her rep, who asked the media to respect her privacy.",
  },
];

const sortGroups = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((a, b) => a[0].localeCompare(b[0]));
const online = (docs: StoryDocument[], opts?: StoryOptions) => {
  const clusterer = new StoryClusterer(opts);
  for (const d of docs) clusterer.add(d.id, storyFeatures(d));
  return [...clusterer.stories().values()];
};

describe("story clustering", () => {
  it("groups reports of one earthquake and keeps a different earthquake apart (batch)", () => {
    const groups = clusterStories(quakes);
    expect(groups).toHaveLength(2);
    expect(storyOf(groups, "iran-1")).toBe(storyOf(groups, "iran-2"));
    expect(storyOf(groups, "iran-1")).toBe(storyOf(groups, "iran-3"));
    expect(storyOf(groups, "peru-1")).toBe(storyOf(groups, "peru-2"));
    expect(storyOf(groups, "peru-1")).toBe(storyOf(groups, "peru-3"));
    expect(storyOf(groups, "iran-1")).not.toBe(storyOf(groups, "peru-1"));
  });

  it("does the same one article at a time, in arrival order (online)", () => {
    const clusterer = new StoryClusterer();
    const assigned = new Map(quakes.map((d) => [d.id, clusterer.add(d.id, storyFeatures(d), null)]));
    const stories = [...clusterer.stories().values()];
    expect(stories.flat().sort()).toEqual(quakes.map((d) => d.id).sort());
    expect(storyOf(stories, "iran-3")).toBe(storyOf(stories, "iran-1"));
    expect(storyOf(stories, "peru-3")).toBe(storyOf(stories, "peru-1"));
    expect(storyOf(stories, "iran-1")).not.toBe(storyOf(stories, "peru-1"));
    expect(assigned.get("iran-2")).toBe(assigned.get("iran-1"));
  });

  it("splits a topic-level group holding two happenings of the same kind, in both forms", () => {
    const expected = [
      ["lohan-1", "lohan-2", "lohan-3"],
      ["reid-1", "reid-2", "reid-3"],
    ];
    // A join threshold this permissive lumps the whole topic together; the split pass must separate the two stays.
    const permissive: StoryOptions = { threshold: 0.01 };
    expect(clusterStories(rehab, { ...permissive, splitRatio: 0 })).toHaveLength(1);
    expect(sortGroups(clusterStories(rehab, permissive))).toEqual(expected);
    expect(sortGroups(online(rehab, permissive))).toEqual(expected);
    expect(sortGroups(clusterStories(rehab))).toEqual(expected);
  });

  it("keeps many differently worded reports of one happening together", () => {
    const ids = oneStay.map((d) => d.id).sort();
    expect(sortGroups(clusterStories(oneStay))).toEqual([ids]);
    expect(sortGroups(online(oneStay))).toEqual([ids]);
    expect(sortGroups(clusterStories(oneStay, { threshold: 0.01 }))).toEqual([ids]);
  });

  it("starts a new story when a similar report arrives months later", () => {
    const flood = (id: string, published: string): StoryDocument => ({
      id,
      published,
      text: "The Severn burst its banks at Tewkesbury, flooding 400 homes. Gloucestershire police evacuated the Mythe water works and the Environment Agency issued severe flood warnings.",
    });
    const days = (n: number) => new Date(Date.UTC(2007, 6, 20) + n * 86_400_000).toISOString();
    const near = new StoryClusterer();
    const a = near.add("a", storyFeatures(flood("a", days(0))));
    const b = near.add("b", storyFeatures(flood("b", days(2))));
    expect(b).toBe(a);

    const far = new StoryClusterer();
    const c = far.add("c", storyFeatures(flood("c", days(0))));
    const d = far.add("d", storyFeatures(flood("d", days(240))));
    expect(d).not.toBe(c);

    // The batch form applies the same decay between articles.
    expect(clusterStories([flood("e", days(0)), flood("f", days(240))])).toHaveLength(2);
    expect(clusterStories([flood("e", days(0)), flood("f", days(3))])).toHaveLength(1);
  });

  it("decays similarity only past the grace period, halving every half-life", () => {
    const day = 86_400_000;
    expect(timeDecay(null)).toBe(1);
    expect(timeDecay(5 * day, { graceDays: 7, halfLifeDays: 30 })).toBe(1);
    expect(timeDecay(-37 * day, { graceDays: 7, halfLifeDays: 30 })).toBeCloseTo(0.5, 10);
    expect(timeDecay(67 * day, { graceDays: 7, halfLifeDays: 30 })).toBeCloseTo(0.25, 10);
  });
});

describe("the store's incremental story grouping", () => {
  // 80 generated reports about one region over eight years: enough for stories to grow past a split check and divide.
  const corpus = generateCorpus(80, 9090);
  const dir = mkdtempSync(join(tmpdir(), "bellwether-stories-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const runs = [corpus.slice(0, 1), corpus.slice(1, 31), corpus.slice(31)].map((articles, i) => {
    const folder = join(dir, `run-${i}`);
    writeCorpus(folder, articles);
    return folder;
  });
  const membership = async (store: Store) => sortGroups((await listStories(store.db)).map((s) => s.articles));

  it("after arrivals in several runs equals a rebuild, and the in-memory grouping of the same articles in ingest order", async () => {
    const store = await openStore({ path: join(dir, "grown.db") });
    try {
      for (const folder of runs) await ingestInputs(store, [folder], { readerThreads: 0 });
      const grown = await membership(store);
      expect(grown.flat()).toHaveLength(80);

      // The reference: every stored article, in ingest order, through the in-memory grouping.
      const rows = await store.db.selectFrom("articles").select(["id", "published", "title", "text", "body"]).orderBy("seq").execute();
      const clusterer = new StoryClusterer();
      const started = new Set(rows.map((r) => clusterer.add(r.id, storyFeatures({ id: r.id, text: articleText(r), title: r.title, published: r.published }), r.published)));
      const inMemory = sortGroups([...clusterer.stories().values()]);
      expect(grown).toEqual(inMemory);
      // Some story grew past a split check and divided: more stories than arrivals started.
      expect(inMemory.length).toBeGreaterThan(started.size);

      const claimsBefore = await store.db.selectFrom("claims").select(["id", "story_id"]).orderBy("id").execute();
      expect(await rebuildStories(store)).toBe(grown.length);
      expect(await membership(store)).toEqual(grown);
      expect(await store.db.selectFrom("claims").select(["id", "story_id"]).orderBy("id").execute()).toEqual(claimsBefore);
    } finally {
      await store.close();
    }
  });
});
