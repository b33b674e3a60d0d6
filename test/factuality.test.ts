import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";
import { readTimes } from "../src/extract/03-times.js";
import { readAttributions } from "../src/extract/04-attributions.js";
import { readEvents } from "../src/extract/05-events.js";
import type { EventMention } from "../src/domain/extraction.js";

function events(text: string): EventMention[] {
  const doc = tokenize(text);
  const entities = readEntities(doc, "2025-10-18");
  const times = readTimes(doc, "2025-10-18");
  const attributions = readAttributions(doc, entities);
  return readEvents(doc, entities, times, attributions);
}

/** The factuality of the n-th event whose trigger is exactly `trigger`. */
function factualityOf(text: string, trigger: string, n = 1): string {
  const hits = events(text).filter((e) => e.trigger.text === trigger);
  expect(hits.length, `no event "${trigger}" in: ${text}`).toBeGreaterThanOrEqual(n);
  return hits[n - 1].factuality;
}

// [sentence, trigger, expected]: one or more cases for every row and note of the contract's factuality table.
const cases: [string, string, string][] = [
  // CT+: asserted, any tense, scheduled future included.
  ["The two leaders met in Hanoi on Thursday.", "met", "CT+"],
  ["The presidents will hold a meeting in Seoul next week.", "meeting", "CT+"],
  ["The summit ended without a joint statement.", "ended", "CT+"],
  ["Turkey's foreign minister will travel to Damascus on Thursday for talks with Syrian officials.", "talks", "CT+"],
  ["The president said North Korea had demanded sanctions relief.", "demanded", "CT+"],
  ["Trump and Kim famously held three summits during Trump's first term.", "held", "CT+"],
  // CT-: negation.
  ["The minister did not say when the talks would resume.", "say", "CT-"],
  ["There has been no formal outreach between the two governments.", "outreach", "CT-"],
  ["No letter was sent to Pyongyang.", "sent", "CT-"],
  ["The visit has not been confirmed by either side.", "confirmed", "CT-"],
  ["Moscow has neither confirmed nor denied the deployment.", "confirmed", "CT-"],
  ["Moscow has neither confirmed nor denied the deployment.", "denied", "CT-"],
  ["The delegations had not agreed on a venue.", "agreed", "CT-"],
  ["The foreign ministry insisted that no ultimatum had been issued.", "issued", "CT-"],
  ["No venue has been chosen.", "chosen", "CT-"],
  // Cancellations.
  ["The president called off his planned summit with Kim.", "summit", "CT-"],
  ["A meeting between the two leaders is not on the schedule for the trip, an official said.", "meeting", "CT-"],
  // A cancellation named as a noun cancels its object as the verb would.
  ["The cancellation of the summit surprised Seoul.", "summit", "CT-"],
  ["The suspension of the exercises was announced by Trump after the meeting.", "exercises", "CT-"],
  ["The location of the summit was announced on Thursday.", "summit", "CT+"],
  // The schedule may be someone's: "not on the president's schedule", "not on his agenda".
  ["An official said a meeting with Kim was not on the president's schedule for the trip.", "meeting", "CT-"],
  ["Aides said the meeting was not on his agenda.", "meeting", "CT-"],
  ["Aides said the meeting was on the president's schedule for Friday.", "meeting", "CT+"],
  ["Talks are not underway.", "Talks", "CT-"],
  ["The summit ended abruptly on Thursday without an agreement.", "summit", "CT+"],
  ["The summit ended abruptly on Thursday without an agreement.", "agreement", "CT-"],
  ["Officials cancelled the meeting after the missile launch.", "meeting", "CT-"],
  // "Could not", "cannot", "failed to", "was unable to".
  ["The two sides could not agree on a date.", "agree", "CT-"],
  ["The ministers failed to reach a deal.", "reach", "CT-"],
  ["The envoy was unable to travel to Pyongyang.", "travel", "CT-"],
  ["A Syrian government spokesman declined to confirm the trip.", "confirm", "CT-"],
  ["A Syrian government spokesman declined to confirm the trip.", "declined", "CT+"],
  // PR+: probable.
  ["North Korea is likely to respond with further weapons tests.", "respond", "PR+"],
  ["A joint statement is expected later this week.", "statement", "PR+"],
  ["The talks will probably resume in March.", "resume", "PR+"],
  ["Discussions are reportedly underway.", "Discussions", "PR+"],
  ["The two sides are close to a deal.", "deal", "PR+"],
  ["North Korea sent troops, adding that some had probably already been deployed to the front line.", "deployed", "PR+"],
  // PR-: probably not.
  ["Diplomats said a fourth round of talks was unlikely before the weekend.", "talks", "PR-"],
  ["There is no realistic prospect of a summit this year.", "summit", "PR-"],
  // PS+: possible.
  ["The two may meet during the Asia trip.", "meet", "PS+"],
  ["Russian and Ukrainian delegations could meet in Istanbul as soon as Friday.", "meet", "PS+"],
  ["The possibility of a meeting between the two leaders is being discussed.", "meeting", "PS+"],
  ["The potential meeting coincides with months of missile tests.", "meeting", "PS+"],
  ["The new administration may lift some tariffs on Canadian goods.", "lift", "PS+"],
  ["Officials suspect the envoy might visit Seoul next month.", "visit", "PS+"],
  // PS-: possibly not.
  ["The leaders may not meet before the election.", "meet", "PS-"],
  ["The envoy might not attend the ceremony.", "attend", "PS-"],
  // Uu: intensional complements.
  ["The Kremlin said it wanted direct negotiations without preconditions.", "negotiations", "Uu"],
  ["Trump said he looked forward to meeting Kim.", "meeting", "Uu"],
  ["Kim had also pledged to refrain from further nuclear tests.", "refrain", "Uu"],
  ["The president has accepted an invitation to meet Kim Jong Un by May.", "meet", "Uu"],
  // … also with the verb's object, an adverb or a short adjunct before its preposition.
  ["Netanyahu had lobbied hard through his ambassador for a sit-down at the White House.", "sit", "Uu"],
  ["Zelensky asked Moscow for talks.", "talks", "Uu"],
  ["Seoul hopes to host the talks next year.", "host", "Uu"],
  ["The ministry plans to open a new embassy.", "open", "Uu"],
  ["Pyongyang threatened to conduct a nuclear test.", "conduct", "Uu"],
  ["Washington demanded that Pyongyang halt its missile launches.", "halt", "Uu"],
  // Uu: conditions, purposes, questions, hypotheticals.
  ["Kim is open to a new meeting on condition the United States drops its demand.", "drops", "Uu"],
  ["If the talks succeed, sanctions could be eased.", "succeed", "Uu"],
  ["Pyongyang will not negotiate unless Washington lifts sanctions.", "lifts", "Uu"],
  ["Should formal contact be made, preparatory work could accelerate quickly.", "made", "Uu"],
  ["The envoy flew to Beijing to discuss the crisis.", "discuss", "Uu"],
  ["It was not immediately clear whether the two discussed troop costs.", "discussed", "Uu"],
  ["It remained unclear who would lead the Russian side.", "lead", "Uu"],
  ["Will the leaders meet again?", "meet", "Uu"],
  ["His unification minister suggested that any summit might include military drills.", "summit", "Uu"],
  ["The fighting will go on before a ceasefire is agreed.", "agreed", "Uu"],
  // Notes: consider, reporting hedges, denial and accusation, back-shifted and conditional would.
  ["Trump may consider meeting Kim.", "consider", "PS+"],
  ["Trump may consider meeting Kim.", "meeting", "Uu"],
  ["Kim reportedly said the talks would resume.", "resume", "PR+"],
  ["The ministry denied that any contacts took place.", "took", "CT-"],
  ["The ministry denied that any contacts took place.", "denied", "CT+"],
  ["Seoul accused Pyongyang of firing two missiles.", "firing", "CT+"],
  ["Officials said talks would resume next week.", "resume", "CT+"],
  ["A summit would mark a major milestone.", "mark", "Uu"],
  ["Some observers suggest that a letter might precede any public confirmation.", "precede", "PS+"],
  ["Analysts warn that the effort too could collapse.", "warn", "CT+"],
  ["Kim said the talks would succeed if Washington dropped its demands.", "succeed", "Uu"],
  ["The ministry denied reports that Kim had met Putin.", "met", "CT-"],
  ["The ministry denied reports that Kim had met Putin.", "reports", "CT+"],
  ["Beijing has not ruled out a visit by Xi to Pyongyang.", "visit", "PS+"],
  ["Beijing ruled out a visit by Xi.", "visit", "CT-"],
  ["Washington has yet to respond to the proposal.", "respond", "CT-"],
  ["No agreement was reached at the talks.", "agreement", "CT-"],
  ["The summit, originally planned for May, was cancelled.", "summit", "CT-"],
  ["The visit, which was planned for March, has been postponed.", "visit", "CT-"],
  ["What will Kim demand at the summit?", "summit", "Uu"],
  ["Pyongyang did not respond to the request for talks.", "talks", "Uu"],
  ["The talks ended without a deal.", "deal", "CT-"],
  ["Kim decided not to attend the summit.", "attend", "Uu"],
  ["Seoul is considering whether to send an envoy.", "send", "Uu"],
  ["Kim is expected to visit Russia later this year.", "visit", "PR+"],
  ["The talks reportedly collapsed on Friday.", "collapsed", "PR+"],
  ["The talks reportedly collapsed on Friday.", "talks", "CT+"],
  ["The meeting reportedly took place on Friday.", "meeting", "PR+"],
  ["A direct meeting could also strain the alliance.", "meeting", "PS+"],
  ["The loss could swell further.", "loss", "CT+"],
];

describe("factuality (contract table)", () => {
  for (const [sentence, trigger, expected] of cases) {
    it(`${trigger} → ${expected}: ${sentence}`, () => {
      expect(factualityOf(sentence, trigger)).toBe(expected);
    });
  }

  it("judges the same word differently by its own clause", () => {
    const text = "The leaders met in June. They may meet again in the autumn, but they did not meet in July.";
    expect(factualityOf(text, "met")).toBe("CT+");
    expect(factualityOf(text, "meet", 1)).toBe("PS+");
    expect(factualityOf(text, "meet", 2)).toBe("CT-");
  });
});
