// Entities: names, titles and metonyms linked to the gazetteer under data/gazetteer, resolved by the document date.
import type { Entity, EntityType } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";

/** One linked mention, with its token range, for the later stages. */
export interface EntityMatch {
  start: number;
  end: number;
  text: string;
  /** Entity id ("person:kim-jong-un", "country:KP", "outlet:cnn", …). */
  entity: string;
  name: string;
  type: EntityType;
  sentence: number;
  /** Token range [first, last). */
  first: number;
  last: number;
}

export interface EntityReading {
  entities: Entity[];
  /** All linked mentions sorted by start offset. */
  matches: EntityMatch[];
}

export function readEntities(doc: Doc, dct: string | null): EntityReading {
  void doc;
  void dct;
  return { entities: [], matches: [] };
}
