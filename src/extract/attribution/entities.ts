// Links source spans to entity matches, and pronoun sources to the nearest fitting entity before them.
import type { EntityType } from "../../domain/extraction.js";
import type { EntityMatch } from "../02-entities.js";
import { LEXICON as L } from "./lexicon.js";

/** Where the heads and post-modifiers of a source phrase lie, as character offsets into the text. */
export interface PhraseShape {
  /** Start offsets of the head words, one per appositive part ("The Kremlin's spokesman, Dmitry Peskov": two). */
  heads: number[];
  /** Start offsets of the last word of each part, a head only when a person's name ends the part. */
  nameHeads: number[];
  /** Post-modifier stretches [start, end): "in Seoul" in "officials in Seoul". */
  post: Array<[number, number]>;
  /** Stretches naming whom a role serves ("to the United States"): never the source's entity. */
  barred: Array<[number, number]>;
}

/** How far back (in entity mentions) a pronoun looks for its referent. */
const PRONOUN_REACH = 60;

/** Entity mentions sorted by start, searched by binary search so each lookup stays logarithmic. */
export class EntityIndex {
  private readonly matches: EntityMatch[];

  constructor(matches: EntityMatch[]) {
    this.matches = matches.every((m, i) => i === 0 || matches[i - 1].start <= m.start)
      ? matches
      : [...matches].sort((a, b) => a.start - b.start);
  }

  /** Index of the first match starting at or after `offset`. */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.matches[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The entity named by the source phrase [start, end): a match holding one of its heads (a person named at the end of
   * an appositive part counts as a head too), else one in front of a head ("South Korea's envoy"), else one inside a
   * post-modifier ("officials in Seoul"), longest first; matches inside a barred stretch ("to the United States") never.
   */
  linkSpan(start: number, end: number, shape: PhraseShape): string | null {
    let best: EntityMatch | null = null;
    let bestScore = -1;
    // Matches overlapping the span start before `end`; names are short, so look back a few mentions.
    let i = this.firstAtOrAfter(end) - 1;
    for (let k = 0; i >= 0 && k < 24; i--, k++) {
      const m = this.matches[i];
      if (m.end <= start) continue;
      if (m.start >= end) continue;
      if (shape.barred.some(([a, b]) => m.start >= a && m.end <= b)) continue;
      const overlap = Math.min(m.end, end) - Math.max(m.start, start);
      const holdsHead = shape.heads.some((h) => m.start <= h && m.end > h) ||
        (m.type === "person" && shape.nameHeads.some((h) => m.start <= h && m.end > h));
      const inPost = shape.post.some(([a, b]) => m.start >= a && m.end <= b);
      const score = (holdsHead ? 10_000 : 0) + (inPost ? 0 : 1_000) + overlap;
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best ? best.entity : null;
  }

  /** True when `pronoun` can stand for an entity of `type`. */
  fits(pronoun: string, type: EntityType): boolean {
    return L.pronounTypes.get(pronoun)?.includes(type) ?? false;
  }

  /** The type of the entity mentioned at [start, end), when a match there names `entity`. */
  typeAt(entity: string, start: number, end: number): EntityType | null {
    let i = this.firstAtOrAfter(end) - 1;
    for (let k = 0; i >= 0 && k < 24; i--, k++) {
      const m = this.matches[i];
      if (m.entity === entity && m.start < end && m.end > start) return m.type;
    }
    return null;
  }

  /**
   * The referent of a pronoun at `offset`: the nearest earlier mention of a type the pronoun can stand for, outside
   * `skip` when given.
   */
  resolvePronoun(pronoun: string, offset: number, skip: { start: number; end: number } | null = null): string | null {
    const types: EntityType[] | undefined = L.pronounTypes.get(pronoun);
    if (!types || types.length === 0) return null;
    return this.nearestBefore(types, offset, skip);
  }

  /** The nearest person mentioned before `offset`, within reach, who passes `test` ("the president": one who holds that office). */
  nearestPerson(offset: number, test: (entity: string) => boolean): string | null {
    let i = this.firstAtOrAfter(offset) - 1;
    for (let k = 0; i >= 0 && k < PRONOUN_REACH; i--, k++) {
      const m = this.matches[i];
      if (m.end <= offset && m.type === "person" && test(m.entity)) return m.entity;
    }
    return null;
  }

  /** True when `entity` is mentioned within [start, end). */
  names(entity: string, start: number, end: number): boolean {
    for (let i = this.firstAtOrAfter(start); i < this.matches.length && this.matches[i].start < end; i++) if (this.matches[i].entity === entity) return true;
    return false;
  }

  /** The first entity of one of `types` mentioned within [start, end), or null. */
  firstWithin(types: readonly EntityType[], start: number, end: number): string | null {
    for (let i = this.firstAtOrAfter(start); i < this.matches.length && this.matches[i].start < end; i++) {
      const m = this.matches[i];
      if (m.end <= end && types.includes(m.type)) return m.entity;
    }
    return null;
  }

  /** The nearest entity of one of `types` mentioned before `offset`, within reach, outside `skip` when given. */
  nearestBefore(types: readonly EntityType[], offset: number, skip: { start: number; end: number } | null = null): string | null {
    let i = this.firstAtOrAfter(offset) - 1;
    for (let k = 0; i >= 0 && k < PRONOUN_REACH; i--, k++) {
      const m = this.matches[i];
      if (m.end > offset || (skip && m.start >= skip.start && m.end <= skip.end)) continue;
      if (types.includes(m.type)) return m.entity;
    }
    return null;
  }
}
