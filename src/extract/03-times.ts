// Times: TIMEX3 recognition and normalisation against the document creation time.
import type { TimeExpr } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";

export interface Dateline {
  /** YYYY-MM-DD */
  value: string;
  start: number;
  end: number;
}

export function findDateline(text: string): Dateline | null {
  void text;
  return null;
}

export function readTimes(doc: Doc, dct: string | null): TimeExpr[] {
  void doc;
  void dct;
  return [];
}
