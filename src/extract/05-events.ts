// Events: triggers, types, CAMEO codes, participants, time, condition and factuality.
import type { Attribution, EventMention, TimeExpr } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";
import type { EntityReading } from "./02-entities.js";

export function readEvents(doc: Doc, entities: EntityReading, times: TimeExpr[], attributions: Attribution[]): EventMention[] {
  void doc;
  void entities;
  void times;
  void attributions;
  return [];
}
