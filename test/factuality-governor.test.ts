// The governor each factuality reading names (the nearest word that governs the trigger and its kind) and the tense
// of the trigger's own verb group, as tables of news sentences.
import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";
import { readTimes } from "../src/extract/03-times.js";
import { readAttributions } from "../src/extract/04-attributions.js";
import { isEventToken, readEvents } from "../src/extract/05-events.js";
import { type FactReading, readFactuality } from "../src/extract/events/factuality/index.js";

interface Read {
  trigger: string;
  reading: FactReading;
  /** The value the whole event stage gives the same trigger. */
  pipeline: string | undefined;
}

/** Every event candidate of the text with its reading, over sentence views built as the event stage builds them. */
function readAll(text: string): Read[] {
  const doc = tokenize(text);
  const entities = readEntities(doc, "2025-10-18");
  const attributions = readAttributions(doc, entities);
  const events = readEvents(doc, entities, readTimes(doc, "2025-10-18"), attributions);
  const out: Read[] = [];
  for (const sent of doc.sentences) {
    const ts = doc.tokens.slice(sent.first, sent.last).filter((t) => t.pos !== "SPACE");
    const isEvent = ts.map((t, k) => isEventToken(t, ts[k + 1]));
    const attributed = ts.map((t) => attributions.some((a) => a.content.start <= t.start && a.content.end >= t.end));
    const positions = ts.flatMap((_, k) => (isEvent[k] ? [k] : []));
    const readings = readFactuality({ ts, isEvent, attributed }, positions);
    positions.forEach((k, i) => out.push({ trigger: ts[k].text, reading: readings[i], pipeline: events.find((e) => e.trigger.start === ts[k].start)?.factuality }));
  }
  return out;
}

function readingOf(text: string, trigger: string): FactReading {
  const hit = readAll(text).find((r) => r.trigger === trigger);
  expect(hit, `no event "${trigger}" in: ${text}`).toBeDefined();
  // The view here lacks the event stage's tag repairs; a row they would change is caught by its value.
  expect(hit!.reading.value, "the event stage reads the same value").toBe(hit!.pipeline);
  return hit!.reading;
}

// [sentence, trigger, kind, lemma, negated]; kind null: nothing governs the trigger.
const governors: [string, string, string | null, string?, boolean?][] = [
  // want
  ["Trump said he would love to meet Kim.", "meet", "want", "love", false],
  ["Trump did not want to meet Kim during the trip.", "meet", "want", "want", true],
  ["Seoul hopes to host the talks next year.", "host", "want", "hope", false],
  ["Kim is eager to meet Trump again.", "meet", "want", "eager", false],
  ["Xi is ready to travel to Pyongyang.", "travel", "want", "ready", false],
  ["Trump said he looked forward to meeting Kim.", "meeting", "want", "look forward", false],
  ["Seoul is open to talks with Pyongyang.", "talks", "want", "open", false],
  ["The Kremlin said it wanted direct negotiations without preconditions.", "negotiations", "want", "want", false],
  ["Trump wants to hold talks with Kim.", "talks", "want", "want", false],
  // intend
  ["Putin has no plans to travel to Istanbul.", "travel", "intend", "plan", true],
  ["The ministry plans to open a new embassy.", "open", "intend", "plan", false],
  ["Kim had also pledged to refrain from further nuclear tests.", "refrain", "intend", "pledge", false],
  ["The envoy is trying to arrange a meeting.", "arrange", "intend", "try", false],
  // propose
  ["Pyongyang offered to resume dialogue with Seoul.", "resume", "propose", "offer", false],
  ["Moscow invited Kim to visit Vladivostok.", "visit", "propose", "invite", false],
  ["Washington called for talks between the two sides.", "talks", "propose", "call for", false],
  ["Seoul proposed talks with Pyongyang.", "talks", "propose", "propose", false],
  ["The president has accepted an invitation to meet Kim Jong Un by May.", "meet", "propose", "invitation", false],
  // agree
  ["Both sides agreed to meet in Budapest.", "meet", "agree", "agree", false],
  ["Kim agreed to a summit with Moon.", "summit", "agree", "agree", false],
  // expect
  ["The leaders are expected to meet on Friday.", "meet", "expect", "expect", false],
  ["North Korea is likely to respond with further weapons tests.", "respond", "expect", "likely", false],
  ["The two leaders are set to meet in Alaska on Aug. 15.", "meet", "expect", "set to", false],
  ["The talks are scheduled to resume on Monday.", "resume", "expect", "scheduled to", false],
  ["The talks will probably resume in March.", "resume", "expect", "probably", false],
  // modal (could, may, might read as possible)
  ["The two may meet during the Asia trip.", "meet", "modal", "may", false],
  ["Russian and Ukrainian delegations could meet in Istanbul as soon as Friday.", "meet", "modal", "could", false],
  ["The leaders may not meet before the election.", "meet", "modal", "may", true],
  ["A summit would mark a major milestone.", "mark", "modal", "would", false],
  // report
  ["Officials said talks would resume next week.", "resume", "report", "say", false],
  ["The talks reportedly collapsed on Friday.", "collapsed", "report", "reportedly", false],
  ["The minister told lawmakers that the envoy had met Kim.", "met", "report", "tell", false],
  // deny
  ["The ministry denied that any contacts took place.", "took", "deny", "deny", false],
  ["The Kremlin denied reports that Putin would meet Zelensky.", "meet", "deny", "deny", false],
  // cancel
  ["The summit was called off.", "summit", "cancel", "call off", false],
  ["The president called off his planned summit with Kim.", "summit", "cancel", "call off", false],
  ["The visit, which was planned for March, has been postponed.", "visit", "cancel", "postpone", false],
  ["The suspension of the exercises was announced by Trump after the meeting.", "exercises", "cancel", "suspension", false],
  ["Tokyo suspended talks with Pyongyang.", "talks", "cancel", "suspend", false],
  // fail
  ["Putin stayed away from the talks.", "talks", "fail", "stay away", false],
  ["The two sides could not agree on a date.", "agree", "fail", "could not", false],
  ["The ministers failed to reach a deal.", "reach", "fail", "fail", false],
  ["The envoy was unable to travel to Pyongyang.", "travel", "fail", "unable", false],
  ["The talks ended without a deal.", "deal", "fail", "without", false],
  // refuse
  ["Xi rejected talks.", "talks", "refuse", "reject", false],
  ["Pyongyang refused to attend the ceremony.", "attend", "refuse", "refuse", false],
  ["A Syrian government spokesman declined to confirm the trip.", "confirm", "refuse", "decline", false],
  ["Beijing ruled out a visit by Xi.", "visit", "refuse", "rule out", false],
  ["We cannot rule out a meeting.", "meeting", "refuse", "rule out", true],
  ["Beijing has not ruled out a visit by Xi to Pyongyang.", "visit", "refuse", "rule out", true],
  // condition
  ["If Kim agrees, they will meet.", "meet", "condition", "if", false],
  ["If the talks succeed, sanctions could be eased.", "succeed", "condition", "if", false],
  ["Kim is open to a new meeting on condition the United States drops its demand.", "demand", "condition", "on condition", false],
  ["Should formal contact be made, preparatory work could accelerate quickly.", "made", "condition", "should", false],
  // purpose
  ["The envoy flew to Beijing to discuss the crisis.", "discuss", "purpose", "to", false],
  ["Seoul sent an envoy in order to ease tensions.", "ease", "purpose", "in order to", false],
  // question
  ["It was not immediately clear whether the two discussed troop costs.", "discussed", "question", "whether", false],
  ["Seoul is considering whether to send an envoy.", "send", "question", "whether", false],
  ["Will the leaders meet again?", "meet", "question", "?", false],
  // negation
  ["The minister did not say when the talks would resume.", "say", "negation", "not", false],
  ["No letter was sent to Pyongyang.", "sent", "negation", "no", false],
  ["There has been no formal outreach between the two governments.", "outreach", "negation", "no", false],
  // schedule
  ["A meeting between the two leaders is not on the schedule for the trip, an official said.", "meeting", "schedule", "on the schedule", true],
  ["Aides said the meeting was on the president's schedule for Friday.", "meeting", "schedule", "on the schedule", false],
  ["The vote is set for Sunday.", "vote", "schedule", "set for", false],
  // possibility-noun
  ["The possibility of a meeting between the two leaders is being discussed.", "meeting", "possibility-noun", "possibility", false],
  ["There is no realistic prospect of a summit this year.", "summit", "possibility-noun", "prospect", true],
  // possible
  ["The potential meeting coincides with months of missile tests.", "meeting", "possible", "potential", false],
  // other
  ["Trump may consider meeting Kim.", "meeting", "other", "consider", false],
  ["Pyongyang threatened to conduct a nuclear test.", "conduct", "other", "threaten", false],
  // nothing governs
  ["The two leaders met in Hanoi on Thursday.", "met", null],
  ["Trump and Kim held talks in Hanoi.", "talks", null],
  ["The summit will take place in Singapore.", "take", null],
  // A definite noun after a plain verb or preposition is presupposed, whatever governs the verb.
  ["The two may meet during President Trump's upcoming Asia trip.", "trip", null],
];

describe("factuality governor (nearest governing word and its kind)", () => {
  for (const [sentence, trigger, kind, lemma, negated] of governors) {
    it(`${trigger} → ${kind ?? "none"}${negated ? " (negated)" : ""}: ${sentence}`, () => {
      const g = readingOf(sentence, trigger).governor;
      if (kind === null) expect(g).toBeNull();
      else expect(g && { kind: g.kind, lemma: g.lemma, negated: g.negated }).toEqual({ kind, lemma, negated });
    });
  }

  it("places the governor on its own tokens", () => {
    const text = "Putin has no plans to travel to Istanbul.";
    const g = readingOf(text, "travel").governor!;
    const ts = tokenize(text).tokens.filter((t) => t.pos !== "SPACE");
    expect(ts.slice(g.start, g.end).map((t) => t.text).join(" ")).toBe("plans");
    const phrase = readingOf("The summit was called off.", "summit").governor!;
    expect(phrase.end - phrase.start).toBe(2);
  });
});

// [sentence, trigger, tense of the trigger's own verb group]
const tenses: [string, string, string][] = [
  ["The two leaders met in Hanoi on Thursday.", "met", "past"],
  ["The talks did not resume.", "resume", "past"],
  ["The talks had been held in secret.", "held", "past"],
  ["Kim meets Putin in Vladivostok.", "meets", "present"],
  ["The summit has been postponed.", "postponed", "present"],
  ["Officials are discussing a visit.", "discussing", "present"],
  ["The presidents will hold a meeting in Seoul next week.", "hold", "future"],
  ["They'll meet in Budapest.", "meet", "future"],
  ["Kim won't travel to Moscow.", "travel", "future"],
  ["The leaders are going to meet in June.", "meet", "future"],
  ["The two leaders are to meet on Friday.", "meet", "future"],
  ["Talks are set to resume on Monday.", "resume", "future"],
  ["The vote is due to take place in May.", "take", "future"],
  ["Officials said talks would resume next week.", "resume", "future"],
  ["Will the leaders meet again?", "meet", "future"],
  ["The two may meet during the Asia trip.", "meet", "none"],
  ["A summit would mark a major milestone.", "mark", "none"],
  ["Seoul hopes to host the talks next year.", "host", "none"],
  ["The leaders are expected to meet on Friday.", "meet", "none"],
  ["The summit will take place in Singapore.", "summit", "none"],
];

describe("factuality tense (the trigger's own verb group)", () => {
  for (const [sentence, trigger, tense] of tenses) {
    it(`${trigger} → ${tense}: ${sentence}`, () => {
      expect(readingOf(sentence, trigger).tense).toBe(tense);
    });
  }
});
