// An article's annotations as the store keeps them: the whole reading in one compact, compressed record, and beside it
// only the rows that queries look up across articles (entities with their totals and aliases, and who is quoted
// where). Free of any database code, so reader threads can build them.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Attribution, Entity, EntityType, EventMention, Extraction, Factuality, SourceRef, Stance, TimeExpr, TimeType } from "../domain/extraction.js";
import type { ColumnRows } from "./rows.js";

/**
 * An article's annotation rows as the store writes them, one value list per row in the order of `columns`, and its
 * encoded reading. Pure, so they can be built where the article is read (a reader thread) and handed over ready to write.
 */
export interface AnnotationRows {
  /** Each entity the article names, with how often: the store adds the count to the entity's total. */
  entities: ColumnRows<"entities">;
  aliases: ColumnRows<"aliases">;
  /** Attributions to a known entity; `published` and `seq` are filled in when the article is numbered. */
  statements: ColumnRows<"statements">;
  /** The rest of the reading (`encodeReading`). */
  reading: Uint8Array;
}

/** The annotations of a stored article, as `decodeReading` gives them back. */
export type DecodedReading = Pick<Extraction, "sentences" | "entities" | "times" | "attributions" | "events">;

const ENTITY_COLUMNS = ["id", "name", "type", "mentions"] as const;
const ALIAS_COLUMNS = ["entity_id", "alias"] as const;
const STATEMENT_COLUMNS = [
  "entity_id", "day", "seq", "article_id", "idx", "sentence", "sentence_start", "sentence_end", "source_start", "source_end",
  "cue_start", "cue_end", "content_start", "content_end", "event_types",
] as const;
/** Where `statements` rows hold the article's publication day and number, which are known only when it is stored. */
export const STATEMENT_DAY = STATEMENT_COLUMNS.indexOf("day");
export const STATEMENT_SEQ = STATEMENT_COLUMNS.indexOf("seq");
/** The day key of an undated article: after every date, so undated statements sort last. */
export const UNDATED_DAY = "~";

// Version of the encoded reading; a reader of another version refuses it rather than misreading it.
const READING_VERSION = 1;

// A text that is the article's own characters at the given offsets is not stored: null stands for it.
const own = (text: string, start: number, end: number, value: string): string | null => (text.slice(start, end) === value ? null : value);
const back = (text: string, start: number, end: number, value: string | null): string => value ?? text.slice(start, end);

type EncodedEntity = [id: string, name: string, type: string, spans: number[], texts: (string | null)[] | 0];
type EncodedTime = [start: number, end: number, type: string, value: string, text: string | null];
type EncodedAttribution = [
  sentence: number, sourceStart: number, sourceEnd: number, sourceText: string | null, entity: string | null,
  cueStart: number, cueEnd: number, cueText: string | null, contentStart: number, contentEnd: number, chain: EncodedRef[],
];
type EncodedEvent = [
  id: string | 0, sentence: number, start: number, end: number, text: string | null, type: string, cameo: string | null,
  participants: string[], factuality: string, source: EncodedRef[], time: string | null,
  condition: [number, number] | null, stance: string, background: 0 | 1, place: string | null,
];
interface EncodedReading {
  v: number;
  s: number[];
  e: EncodedEntity[];
  t: EncodedTime[];
  a: EncodedAttribution[];
  ev: EncodedEvent[];
}

// A source is kept as [text, entity], or [text, entity, start, end] when it carries offsets (text null when it is the
// article's own characters there); anything else it holds keeps it whole, so it comes back as it was.
type EncodedRef = [string | null, string | null] | [string | null, string | null, number, number] | SourceRef;
type Offsets = SourceRef & { start?: number; end?: number };
function ref(r: Offsets, text: string): EncodedRef {
  const keys = Object.keys(r).length;
  if (keys === 2 && "text" in r && "entity" in r) return [r.text, r.entity];
  if (keys === 4 && typeof r.start === "number" && typeof r.end === "number" && "text" in r && "entity" in r) return [own(text, r.start, r.end, r.text), r.entity, r.start, r.end];
  return r;
}
function unref(r: EncodedRef, text: string): SourceRef {
  if (!Array.isArray(r)) return r;
  if (r.length === 2) return { text: r[0]!, entity: r[1] };
  const [t, entity, start, end] = r;
  return { text: back(text, start, end, t), entity, start, end } as SourceRef;
}
const refs = (chain: SourceRef[], text: string): EncodedRef[] => chain.map((r) => ref(r, text));
const unrefs = (chain: EncodedRef[], text: string): SourceRef[] => chain.map((r) => unref(r, text));

// Event ids are "e1", "e2" … in order: an id that is its position's is not stored (0 stands for it).
const eventId = (id: string, i: number) => (id === `e${i + 1}` ? 0 : id);

// The sentence a span starts in, or -1; a mention's sentence is stored only when it is not this one.
function sentenceAt(sentences: number[], start: number): number {
  let lo = 0;
  let hi = sentences.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start < sentences[2 * mid]) hi = mid - 1;
    else if (start >= sentences[2 * mid + 1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}
// A mention's stored sentence: -2 when it is the one its start lies in, -1 when it has none.
const DERIVED_SENTENCE = -2;

/**
 * The reading of an article (everything but the article's own fields) as one compressed record: offsets instead of the
 * texts they point at, arrays instead of keyed objects. `decodeReading` with the same text gives it back exactly.
 */
export function encodeReading(e: DecodedReading, text: string): Uint8Array {
  const s = e.sentences.flatMap((x) => [x.start, x.end]);
  const encoded: EncodedReading = {
    v: READING_VERSION,
    s,
    e: e.entities.map((en) => {
      const texts = en.mentions.map((m) => own(text, m.start, m.end, m.text));
      const spans = en.mentions.flatMap((m) => [m.start, m.end, m.sentence === undefined ? -1 : m.sentence === sentenceAt(s, m.start) ? DERIVED_SENTENCE : m.sentence]);
      return [en.id, en.name, en.type, spans, texts.some((t) => t !== null) ? texts : 0];
    }),
    t: e.times.map((t) => [t.start, t.end, t.type, t.value, own(text, t.start, t.end, t.text)]),
    a: e.attributions.map((a) => [
      a.sentence, a.source.start, a.source.end, own(text, a.source.start, a.source.end, a.source.text), a.source.entity,
      a.cue.start, a.cue.end, own(text, a.cue.start, a.cue.end, a.cue.text), a.content.start, a.content.end, refs(a.chain, text),
    ]),
    ev: e.events.map((ev, i) => [
      eventId(ev.id, i), ev.sentence, ev.trigger.start, ev.trigger.end, own(text, ev.trigger.start, ev.trigger.end, ev.trigger.text), ev.type,
      ev.cameo, ev.participants, ev.factuality, refs(ev.source, text), ev.time, ev.condition ? [ev.condition.start, ev.condition.end] : null,
      ev.stance, ev.background ? 1 : 0, ev.place,
    ]),
  };
  const bytes = deflateRawSync(JSON.stringify(encoded));
  // A plain Uint8Array, as a reader thread hands it over: the same value whichever thread read the article.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The reading stored by `encodeReading`, given the article's text. */
export function decodeReading(bytes: Uint8Array, text: string): DecodedReading {
  const r = JSON.parse(inflateRawSync(bytes).toString("utf8")) as EncodedReading;
  if (r.v !== READING_VERSION) throw new Error(`stored reading version ${r.v} is not one this version reads (${READING_VERSION})`);
  const sentences = [];
  for (let i = 0; i < r.s.length; i += 2) sentences.push({ start: r.s[i], end: r.s[i + 1] });
  const entities = r.e.map(([id, name, type, spans, texts]): Entity => {
    const mentions: Entity["mentions"] = [];
    for (let i = 0, k = 0; i < spans.length; i += 3, k++) {
      const [start, end, sentence] = [spans[i], spans[i + 1], spans[i + 2]];
      const m: Entity["mentions"][number] = { start, end, text: back(text, start, end, texts ? texts[k] : null) };
      if (sentence >= 0) m.sentence = sentence;
      else if (sentence === DERIVED_SENTENCE) m.sentence = sentenceAt(r.s, start);
      mentions.push(m);
    }
    return { id, name, type: type as EntityType, mentions };
  });
  const times = r.t.map(([start, end, type, value, t]): TimeExpr => ({ start, end, text: back(text, start, end, t), type: type as TimeType, value }));
  const attributions = r.a.map(
    ([sentence, ss, se, st, entity, cs, ce, ct, os, oe, chain]): Attribution => ({
      sentence,
      source: { start: ss, end: se, text: back(text, ss, se, st), entity },
      cue: { start: cs, end: ce, text: back(text, cs, ce, ct) },
      content: { start: os, end: oe },
      chain: unrefs(chain, text),
    }),
  );
  const events = r.ev.map(
    ([id, sentence, start, end, t, type, cameo, participants, factuality, source, time, condition, stance, background, place], i): EventMention => ({
      id: id === 0 ? `e${i + 1}` : id,
      sentence,
      trigger: { start, end, text: back(text, start, end, t) },
      type,
      cameo,
      participants,
      factuality: factuality as Factuality,
      source: unrefs(source, text),
      time,
      condition: condition ? { start: condition[0], end: condition[1] } : null,
      stance: stance as Stance,
      background: background === 1,
      place,
    }),
  );
  return { sentences, entities, times, attributions, events };
}

/** The annotation rows of an extraction. */
export function annotationRows(extraction: Extraction): AnnotationRows {
  const id = extraction.article.id;
  const text = extraction.article.text;
  // Entities are shared across articles: the first reading of an id names it; every surface form becomes an alias.
  const entities = new Map<string, unknown[]>();
  const aliases = new Map<string, unknown[]>();
  for (const e of extraction.entities) {
    const seen = entities.get(e.id);
    if (seen) seen[3] = (seen[3] as number) + e.mentions.length;
    else entities.set(e.id, [e.id, e.name, e.type, e.mentions.length]);
    for (const form of [e.name, ...e.mentions.map((m) => m.text)]) {
      const alias = form.trim();
      if (alias) aliases.set(`${e.id}\u0000${alias}`, [e.id, alias]);
    }
  }
  // What a statement is about is read from the event types of its sentence (see issues in app/entities).
  const typesBySentence = new Map<number, string[]>();
  for (const ev of extraction.events) {
    const list = typesBySentence.get(ev.sentence);
    if (!list) typesBySentence.set(ev.sentence, [ev.type]);
    else if (!list.includes(ev.type)) list.push(ev.type);
  }
  const statements: unknown[][] = [];
  extraction.attributions.forEach((at, idx) => {
    const entity = at.source.entity;
    if (!entity) return;
    const s = extraction.sentences[at.sentence];
    if (!s) return;
    statements.push([
      entity, UNDATED_DAY, 0, id, idx, at.sentence, s.start, s.end, at.source.start, at.source.end,
      at.cue.start, at.cue.end, at.content.start, at.content.end, (typesBySentence.get(at.sentence) ?? []).join(" "),
    ]);
  });
  return {
    entities: { columns: ENTITY_COLUMNS, values: [...entities.values()] },
    aliases: { columns: ALIAS_COLUMNS, values: [...aliases.values()] },
    statements: { columns: STATEMENT_COLUMNS, values: statements },
    reading: encodeReading(extraction, text),
  };
}
