// Lists of sources as stored: a report's sources and an article's credits. Each source is written as [text, entity]
// (or [text, entity, name] when it carries the name it is shown by) rather than {"text":…,"entity":…}. A report's chain (the sources' names, outermost first) is the names of its sources
// in nearly every report, and its root mostly the innermost source's name: those are not written again. Rows stored in
// the former layouts read the same.
import { type SourceRef, sourceName } from "../domain/extraction.js";

/** The three report columns that hold its sources, as stored. */
export interface StoredReportSources {
  /** The chain as JSON, or "" when it is the sources' names. */
  chain: string;
  /** The root, or "" when the chain is "" and the root is the innermost source's name. */
  root: string | null;
  /** JSON list of the sources: [text, entity] pairs or [text, entity, name] triples, or {text, entity} objects as first kept. */
  source: string;
}

// Whether a list of sources has exactly the shape the arrays keep: text, then entity, then perhaps a name, nothing else.
function pairable(source: readonly SourceRef[]): boolean {
  return source.every((s) => {
    const keys = Object.keys(s);
    const named = keys.length === 3 && keys[2] === "name" && typeof s.name === "string";
    return (keys.length === 2 || named) && keys[0] === "text" && keys[1] === "entity" && typeof s.text === "string" && (typeof s.entity === "string" || s.entity === null);
  });
}

/** A list of sources as stored: JSON, each source a [text, entity] pair (or a triple with its name) where it has just those. */
export function packSources(source: readonly SourceRef[], paired = pairable(source)): string {
  return paired ? JSON.stringify(source.map((s) => (s.name === undefined ? [s.text, s.entity] : [s.text, s.entity, s.name]))) : JSON.stringify(source);
}

/** A stored list of sources (either layout). */
export function readSources(stored: string): SourceRef[] {
  const parsed = JSON.parse(stored) as (SourceRef | [string, string | null] | [string, string | null, string])[];
  return parsed.map((s) => (!Array.isArray(s) ? s : s.length === 3 ? { text: s[0], entity: s[1], name: s[2] } : { text: s[0], entity: s[1] }));
}

/** The stored columns of a report's chain, root and sources. */
export function packReportSources(chain: readonly string[], root: string | null, source: readonly SourceRef[]): StoredReportSources {
  const paired = pairable(source);
  const stored = packSources(source, paired);
  const names = source.map(sourceName);
  const chainIsNames = paired && chain.length === names.length && chain.every((c, i) => c === names[i]);
  const innermost = names.at(-1);
  const rootIsInnermost = innermost !== undefined && root === innermost;
  // A root that is itself "" is kept with the chain written out, so that "" stands only for the innermost name.
  if (chainIsNames && (rootIsInnermost || root !== "")) return { chain: "", root: rootIsInnermost ? "" : root, source: stored };
  return { chain: JSON.stringify(chain), root, source: stored };
}

/** A report's chain, root and sources from their stored columns (either layout). */
export function unpackReportSources(row: StoredReportSources): { chain: string[]; root: string | null; source: SourceRef[] } {
  const source = readSources(row.source);
  if (row.chain !== "") return { chain: JSON.parse(row.chain) as string[], root: row.root, source };
  const chain = source.map(sourceName);
  return { chain, root: row.root === "" ? chain.at(-1)! : row.root, source };
}
