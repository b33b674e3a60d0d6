// Attributions: who says what, with nested source chains.
import type { Attribution } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";
import type { EntityReading } from "./02-entities.js";

export function readAttributions(doc: Doc, entities: EntityReading): Attribution[] {
  void doc;
  void entities;
  return [];
}
