// Agency credits: the news agencies whose copy an article carries or whose reporting it credits ("SEOUL, Oct. 18
// (Yonhap) -", "— IANS", "with AFP", "Reuters contributed to this report"), so linking can join agency copy to the
// agency's origin however many sites carry it.
import type { SourceRef } from "../../domain/extraction.js";
import type { EntityReading } from "../02-entities.js";
import { entityById } from "../gazetteer.js";

/** The agencies the text credits, each once, in text order. */
export function readCredits(text: string, entities: EntityReading): SourceRef[] {
  const out: SourceRef[] = [];
  const seen = new Set<string>();
  for (const m of entities.matches) {
    if (m.type !== "outlet" || seen.has(m.entity)) continue;
    if (entityById(m.entity)?.kind !== "agency") continue;
    const before = text.slice(Math.max(0, m.start - 12), m.start);
    const after = text.slice(m.end, m.end + 16);
    // "(Reuters) -", "(Yonhap)", "— AFP" at a line's end, "with AP", "Reuters contributed".
    const parenthesised = /\(\s*$/.test(before) && /^\s*\)/.test(after);
    const lineCredit = /(?:^|\n)\s*(?:[—–-]\s*)?(?:with\s+|by\s+)?$/.test(before) && /^\s*(?:\n|$)/.test(after);
    const contributed = /^\s+contributed\b/.test(after);
    const withCredit = /\bwith\s+$/.test(before) && /^\s*(?:[.)\n]|$)/.test(after);
    const dashed = /[—–]\s*$/.test(before) && /^\s*(?:\n|$|\.)/.test(after);
    if (parenthesised || lineCredit || contributed || withCredit || dashed) {
      seen.add(m.entity);
      out.push({ text: m.text, entity: m.entity });
    }
  }
  return out;
}
