// Where the chain of governors cannot be followed (it loops back or grows past MAX_DEPTH), the predicate at the cut
// is read from its own markers: the reading stays bounded in time and never turns a negated or modal predicate into
// a silent CT+.
import { describe, expect, it } from "vitest";
import { tokenize } from "../src/extract/01-tokens.js";
import { readEntities } from "../src/extract/02-entities.js";
import { readTimes } from "../src/extract/03-times.js";
import { readAttributions } from "../src/extract/04-attributions.js";
import { isEventToken, readEvents } from "../src/extract/05-events.js";
import { readFactuality } from "../src/extract/events/factuality/index.js";
import { MAX_DEPTH } from "../src/extract/events/factuality/lexicon.js";

/** "Officials are not likely to be not likely to be … able to meet": each link is a negated hedge over the next. */
function chain(links: number): string {
  return "Officials are" + " not likely to be".repeat(links) + " able to meet.";
}

/** The reader's value for "meet" in a one-sentence text, reading the given triggers in the given order. */
function readMeet(text: string, order: "meet first" | "right to left" = "meet first"): { value: string; ms: number } {
  const ts = tokenize(text).tokens.filter((t) => t.pos !== "SPACE");
  const view = { ts, isEvent: ts.map((t, k) => isEventToken(t, ts[k + 1])), attributed: ts.map(() => false) };
  const meet = ts.findIndex((t) => t.lower === "meet");
  const started = performance.now();
  // Reading every position from the right makes every chain as long as it can be.
  const positions = order === "meet first" ? [meet] : ts.map((_, k) => ts.length - 1 - k);
  const readings = readFactuality(view, positions);
  const value = readings[positions.indexOf(meet)].value;
  return { value, ms: performance.now() - started };
}

function eventValues(text: string): Record<string, string> {
  const doc = tokenize(text);
  const entities = readEntities(doc, "2025-10-18");
  const events = readEvents(doc, entities, readTimes(doc, "2025-10-18"), readAttributions(doc, entities));
  return Object.fromEntries(events.map((e) => [e.trigger.text, e.factuality]));
}

describe("factuality where the governor chain is cut", () => {
  it("follows a chain shorter than the bound to its end: each negated hedge flips the one after it", () => {
    expect(readMeet(chain(1)).value).toBe("PR-");
    expect(readMeet(chain(2)).value).toBe("PR+");
    expect(readMeet(chain(3)).value).toBe("PR-");
  });

  it("reads the predicate at a depth cut from its own negation, not as a silent CT+", () => {
    // With MAX_DEPTH links the cut falls on the first link, whose context is a plain assertion: the bounded reading
    // equals the full one only if the cut link keeps its "not".
    const full = MAX_DEPTH % 2 === 0 ? "PR+" : "PR-";
    expect(readMeet(chain(MAX_DEPTH)).value).toBe(full);
    // Longer chains read as their last MAX_DEPTH links: the cut link's own "not" still counts.
    expect(readMeet(chain(MAX_DEPTH + 1)).value).toBe(full);
    expect(readMeet(chain(2 * MAX_DEPTH + 3)).value).toBe(full);
  });

  it("stays bounded in time on thousands of stacked complements", () => {
    const long = readMeet(chain(2000), "right to left");
    expect(long.value).toMatch(/^PR[+-]$/);
    // About a third of a second on the shared 2-core machine; a reading that explored every chain in full would not end.
    expect(long.ms).toBeLessThan(10_000);
  });

  // A tagger slip makes the gerund the predicate of the noun ("talks … fishing"), and the gerund's attachment leads
  // back to the noun: a cycle. The noun is then read from its own determiners and modifiers.
  it.each([
    ["No talks on fishing rights resumed in Busan.", "CT-"],
    ["Possible talks on fishing rights could resume in Busan.", "PS+"],
  ])("reads a noun at a cycle from its own phrase: %s", (text, expected) => {
    const values = eventValues(text);
    expect(values.fishing).toBe(expected);
    expect(values.talks).toBe(expected);
  });
});
