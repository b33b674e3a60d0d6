import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";
import { readTimes } from "../src/extract/03-times.js";
import { readAttributions } from "../src/extract/04-attributions.js";
import { readEvents } from "../src/extract/05-events.js";
import type { EventMention } from "../src/domain/extraction.js";

function read(text: string, dct: string | null = null): EventMention[] {
  const doc = tokenize(text);
  const entities = readEntities(doc, dct);
  const times = readTimes(doc, dct);
  const attributions = readAttributions(doc, entities);
  return readEvents(doc, entities, times, attributions);
}

function find(events: EventMention[], trigger: string, n = 1): EventMention {
  const hits = events.filter((e) => e.trigger.text === trigger);
  expect(hits.length, `no event "${trigger}"`).toBeGreaterThanOrEqual(n);
  return hits[n - 1];
}

describe("event triggers", () => {
  it("a noun inside a phrase of quantity names no happening: \"a good deal of history\" is no deal", () => {
    const triggers = read("Both men will bring a great deal of history into the room, and a deal on prisoners may follow.").map((e) => e.trigger.text);
    expect(triggers.filter((t) => t === "deal")).toHaveLength(1);
  });
  it("takes verbs and event nouns, not copulas or prepositional participles, with ids in text order", () => {
    const text = "The summit was a success, according to officials who said the talks would resume.";
    const events = read(text);
    const triggers = events.map((e) => e.trigger.text);
    expect(triggers).toEqual(expect.arrayContaining(["summit", "said", "talks", "resume"]));
    expect(triggers).not.toContain("was");
    expect(triggers).not.toContain("according");
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `e${i + 1}`));
    for (const e of events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    const starts = events.map((e) => e.trigger.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it("does not treat a name's parts or a month as events", () => {
    const events = read("The United States imposed new sanctions on Russia in March.");
    expect(events.map((e) => e.trigger.text)).toEqual(["imposed", "sanctions"]);
  });
  it("does not read a noun that names a place ('the test site') as a happening", () => {
    expect(read("North Korea blew up tunnels at its nuclear test site.").map((e) => e.trigger.text)).toEqual(["blew"]);
  });
});

describe("event types and CAMEO codes", () => {
  const cases: [string, string, string, string | null][] = [
    ["North Korea blew up tunnels at its test site on Thursday.", "blew", "dismantle", null],
    ["Trump and Kim met in Hanoi.", "met", "meet", "040"],
    ["The foreign minister will visit Damascus.", "visit", "visit", "042"],
    ["The two sides held talks in Geneva.", "talks", "meet", "046"],
    ["The envoys resumed negotiations over the reactor.", "negotiations", "negotiate", "046"],
    ["The presidents signed a declaration on nuclear planning.", "signed", "sign", "057"],
    ["The spokesman said the talks had ended.", "said", "say", "010"],
    ["Washington demanded the release of the prisoners.", "demanded", "demand", "100"],
    ["Pyongyang rejected the proposal.", "rejected", "reject", "120"],
    ["The regime threatened to retaliate.", "threatened", "threaten", "130"],
    ["South Korea and the United States began joint military drills.", "drills", "military_exercise", "150"],
    ["North Korea conducted a missile test on Sunday.", "test", "missile_test", "150"],
    ["The European Union imposed sanctions on Moscow.", "sanctions", "sanction", "163"],
    ["Russian forces launched an attack on Kyiv.", "attack", "attack", "190"],
    ["The ministry accused Seoul of provocations.", "accused", "accuse", "112"],
    ["The ministry denied the report.", "denied", "deny", "016"],
    ["Kim sent a letter to Trump.", "letter", "communicate", "041"],
    ["The president called off the summit.", "called", "cancel", null],
    ["Officials confirmed the trip.", "confirmed", "confirm", "010"],
    ["The envoy walked out.", "walked", "other", null],
    ["Trump said he would reach out to Kim again.", "reach", "intend_meet", "036"],
  ];
  for (const [text, trigger, type, cameo] of cases) {
    it(`${trigger} → ${type} ${cameo ?? "-"}`, () => {
      const e = find(read(text), trigger);
      expect(e.type).toBe(type);
      expect(e.cameo).toBe(cameo);
    });
  }

  it("gives a light verb the class of the event noun it governs", () => {
    // Talks are a session the parties hold together: a meeting, coded as negotiation.
    const e = find(read("The two leaders held talks in Singapore."), "held");
    expect(e.type).toBe("meet");
    expect(e.cameo).toBe("046");
  });
});

describe("participants", () => {
  it("links both sides of 'a meeting between X and Y'", () => {
    const events = read(
      "The possibility of a meeting between U.S. President Donald Trump and North Korean leader Kim Jong Un is reportedly under discussion.",
      "2025-10-18",
    );
    expect(find(events, "meeting").participants).toEqual(expect.arrayContaining(["person:donald-trump", "person:kim-jong-un"]));
  });

  it("links the subjects of a verb and of its object noun", () => {
    const events = read("Trump and Kim famously held three summits during Trump's first term.", "2025-10-18");
    for (const t of ["held", "summits"]) expect(find(events, t).participants).toEqual(expect.arrayContaining(["person:donald-trump", "person:kim-jong-un"]));
  });

  it("links 'a White House meeting with …' to the host who opens the clause and the guest, the White House being where", () => {
    const events = read("In August, after a White House meeting with South Korean President Lee Jae Myung, Trump publicly stated he looked forward to meeting Kim.", "2025-10-18");
    const meeting = find(events, "meeting");
    expect([...meeting.participants].sort()).toEqual(["person:donald-trump", "person:lee-jae-myung"]);
    expect(meeting.place).toBe("org:white-house");
  });
});

describe("participants named outside the trigger's phrase", () => {
  const cases: [string, string, string, string[]][] = [
    // A "he" or "she" before the trigger, with no attribution read, stands for the first person the sentence names.
    ["President Moon Jae-in told a news conference on Sunday that he had met Kim Jong Un.", "met", "2018-05-27", ["person:moon-jae-in", "person:kim-jong-un"]],
    // A verb's infinitive complement carries its object along to the verb.
    ["North Korean diplomats refused to accept a letter from President Donald Trump.", "refused", "2025-06-12", ["country:KP", "person:donald-trump"]],
    // A plural ("their", "the two leaders") stands for the pair named before: the last mention naming two, else the
    // last two people named.
    ["Biden and Putin talked by phone on Tuesday. Their only meeting so far was in 2011.", "meeting", "2021-04-15", ["person:joe-biden", "person:vladimir-putin"]],
    ["\"I was clear with President Putin,\" Biden said, referring to their phone call on Tuesday.", "call", "2021-04-15", ["person:joe-biden", "person:vladimir-putin"]],
    ["Xi invited Biden to Beijing. The two leaders will meet in November.", "meet", "2023-10-01", ["person:xi-jinping", "person:joe-biden"]],
    // The one who hopes or asks for a meeting takes part in it.
    ["Zelensky asked again and again for a personal meeting with Putin.", "meeting", "2022-06-01", ["person:volodymyr-zelenskyy", "person:vladimir-putin"]],
  ];
  for (const [text, trigger, dct, expected] of cases) {
    it(`${trigger}: ${text}`, () => {
      expect(find(read(text, dct), trigger).participants).toEqual(expect.arrayContaining(expected));
    });
  }
  it("does not take the pair for what the people of one of them are to do", () => {
    const e = find(read("Ramaphosa had advised Putin to delegate. The Russians wanted their whole delegation to come with Putin at its head, Mashatile said.", "2023-07-18"), "come");
    expect(e.participants).toEqual(["person:vladimir-putin"]);
  });
  it("does not take a person named after the pronoun", () => {
    const e = find(read("The envoy said that he had met Kim Jong Un.", "2018-05-27"), "met");
    expect(e.participants).toEqual(["person:kim-jong-un"]);
  });
});

describe("named meetings", () => {
  it("gives a mention of a one-off meeting known to the gazetteer its takers and date", () => {
    const e = find(read("Analysts still argue over why the Hanoi summit failed.", "2019-06-29"), "summit");
    expect(e.participants).toEqual(["person:donald-trump", "person:kim-jong-un"]);
    expect(e.time).toBe("2019-02-27");
  });
  it("leaves a named gathering with no known takers without participants", () => {
    expect(find(read("Leaders arrived for the APEC summit.", "2025-10-29"), "summit").participants).toEqual([]);
  });
});

describe("times that bound a stretch", () => {
  it("does not date an event by a time after 'since'", () => {
    const events = read("The talks were the first since April 27 and were kept secret.", "2018-05-27");
    expect(find(events, "talks").time).toBeNull();
  });
});

describe("times after a place set off by commas", () => {
  it("dates an event by a time after its place's apposition, not after a list", () => {
    expect(find(read("The talks will build on their meeting in Bali, Indonesia, a year ago.", "2023-11-10"), "meeting").time).toBe("2022");
    expect(find(read("It took a session in Malta, Wang's three days in Washington in late October and weeks of haggling.", "2023-11-16"), "session").time).toBeNull();
  });
});

describe("unnamed later times", () => {
  const cases: [string, string, string | null][] = [
    ["Trump said he would come back to meet Kim at a later date.", "meet", "FUTURE_REF"],
    ["The two leaders may meet again in the future.", "meet", "FUTURE_REF"],
    // The marker must be in the trigger's own clause.
    ["Trump met Kim, and the two may talk again at some point.", "met", "PAST_REF"],
  ];
  for (const [text, trigger, time] of cases) {
    it(`${trigger} in "${text}" → ${time}`, () => {
      expect(find(read(text, "2025-10-30"), trigger).time).toBe(time);
    });
  }
});

describe("time, condition and source", () => {
  const d01 =
    "ANKARA, July 8 - Turkey's foreign minister will travel to Damascus on Thursday for talks with Syrian officials, two Turkish sources said on Monday.";

  it("attaches the nearest time of the trigger's clause", () => {
    const events = read(d01, "2024-07-08");
    expect(find(events, "travel").time).toBe("2024-07-11");
    expect(find(events, "said").time).toBe("2024-07-08");
  });

  it("takes the innermost attribution as the source and leaves the reporting verb to the author", () => {
    const events = read(d01, "2024-07-08");
    expect(find(events, "travel").source.map((s) => s.text)).toEqual(["two Turkish sources"]);
    expect(find(events, "said").source).toEqual([]);
  });

  it("keeps the whole chain of a nested attribution", () => {
    const events = read("The possibility of a meeting is reportedly under discussion, according to U.S. officials referencing CNN reports.", "2025-10-18");
    const chain = find(events, "discussion").source.map((s) => s.text);
    expect(chain[0]).toBe("U.S. officials");
    expect(chain.length).toBe(2);
    expect(chain[1]).toMatch(/CNN/);
  });

  it("gives a trailing condition to the event it governs, not to the events inside it", () => {
    const text = "Kim hinted at being open to a new meeting on condition the United States drops its insistence on denuclearization.";
    const events = read(text, "2025-10-18");
    const meeting = find(events, "meeting");
    expect(meeting.condition).not.toBeNull();
    expect(text.slice(meeting.condition!.start, meeting.condition!.end)).toBe("on condition the United States drops its insistence on denuclearization");
    expect(find(events, "drops").condition).toBeNull();
    expect(find(events, "hinted").condition).toBeNull();
  });

  it("gives a fronted condition to the events of the main clause", () => {
    const text = "Should formal contact be made, preparatory work could accelerate quickly.";
    const events = read(text);
    const accelerate = find(events, "accelerate");
    expect(text.slice(accelerate.condition!.start, accelerate.condition!.end)).toBe("Should formal contact be made");
    expect(find(events, "made").condition).toBeNull();
  });

  it("gives an 'if' clause to the main verb", () => {
    const text = "Sanctions will be eased if Pyongyang freezes its nuclear program.";
    const events = read(text);
    const eased = find(events, "eased");
    expect(text.slice(eased.condition!.start, eased.condition!.end)).toBe("if Pyongyang freezes its nuclear program");
    expect(find(events, "freezes").factuality).toBe("Uu");
  });

  it("reads the seed article's gold events", () => {
    const text =
      "Although discussions are reportedly underway, there has been no formal outreach between the U.S. and North Korean governments. " +
      "Past talks faltered when North Korea demanded sanctions relief in exchange for only limited relinquishment of its nuclear program.";
    const events = read(text, "2025-10-18");
    expect(find(events, "discussions").factuality).toBe("PR+");
    expect(find(events, "outreach").factuality).toBe("CT-");
    expect(find(events, "outreach").participants).toEqual(expect.arrayContaining(["country:US", "country:KP"]));
    expect(find(events, "faltered").factuality).toBe("CT+");
    expect(find(events, "sanctions").factuality).toBe("Uu");
  });
});
