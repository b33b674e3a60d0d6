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
  /**
   * Attributions to a known entity, one value list each in the order of `columns`; the store keeps them with the
   * entity's row for the article (see store/said).
   */
  statements: { columns: readonly string[]; values: unknown[][] };
  /** The rest of the reading (`encodeReading`). */
  reading: Uint8Array;
}

/** The annotations of a stored article, as `decodeReading` gives them back. */
export type DecodedReading = Pick<Extraction, "sentences" | "entities" | "times" | "attributions" | "events">;

const ENTITY_COLUMNS = ["id", "name", "type", "mentions"] as const;
const ALIAS_COLUMNS = ["entity_id", "alias"] as const;
const STATEMENT_COLUMNS = [
  "entity_id", "idx", "sentence", "sentence_start", "sentence_end", "source_start", "source_end", "cue_start", "cue_end", "content_start",
  "content_end", "event_types",
] as const;
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
// article's own characters there), or [text, entity, 1] when it carries its entity's name as the reading names it;
// anything else it holds keeps it whole, so it comes back as it was.
type EncodedRef = [string | null, string | null] | [string | null, string | null, 1] | [string | null, string | null, number, number] | SourceRef;
type Offsets = SourceRef & { start?: number; end?: number };
function ref(r: Offsets, text: string, names: ReadonlyMap<string, string>): EncodedRef {
  const keys = Object.keys(r).length;
  if (keys === 2 && "text" in r && "entity" in r) return [r.text, r.entity];
  if (keys === 3 && "text" in r && r.entity && r.name !== undefined && names.get(r.entity) === r.name) return [r.text, r.entity, 1];
  if (keys === 4 && typeof r.start === "number" && typeof r.end === "number" && "text" in r && "entity" in r) return [own(text, r.start, r.end, r.text), r.entity, r.start, r.end];
  return r;
}
function unref(r: EncodedRef, text: string, names: ReadonlyMap<string, string>): SourceRef {
  if (!Array.isArray(r)) return r;
  if (r.length === 2) return { text: r[0]!, entity: r[1] };
  if (r.length === 3) return { text: r[0]!, entity: r[1], name: names.get(r[1]!)! };
  const [t, entity, start, end] = r;
  return { text: back(text, start, end, t), entity, start, end } as SourceRef;
}
const refs = (chain: SourceRef[], text: string, names: ReadonlyMap<string, string>): EncodedRef[] => chain.map((r) => ref(r, text, names));
const unrefs = (chain: EncodedRef[], text: string, names: ReadonlyMap<string, string>): SourceRef[] => chain.map((r) => unref(r, text, names));

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

// The reading as arrays of the article's own offsets and texts (version 1), before it is laid out in columns.
function readingArrays(e: DecodedReading, text: string): EncodedReading {
  const s = e.sentences.flatMap((x) => [x.start, x.end]);
  const names = new Map(e.entities.map((en) => [en.id, en.name]));
  return {
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
      a.cue.start, a.cue.end, own(text, a.cue.start, a.cue.end, a.cue.text), a.content.start, a.content.end, refs(a.chain, text, names),
    ]),
    ev: e.events.map((ev, i) => [
      eventId(ev.id, i), ev.sentence, ev.trigger.start, ev.trigger.end, own(text, ev.trigger.start, ev.trigger.end, ev.trigger.text), ev.type,
      ev.cameo, ev.participants, ev.factuality, refs(ev.source, text, names), ev.time, ev.condition ? [ev.condition.start, ev.condition.end] : null,
      ev.stance, ev.background ? 1 : 0, ev.place,
    ]),
  };
}

// Version 2 lays the same arrays out a column at a time (all event types together, all trigger offsets together …),
// each offset as the step from the one before, each repeated word (types, values, entity ids) once in a table and
// referred to by number, then deflates the record with the article's text as the preset dictionary, so names and
// quoted sources that the text spells cost a back-reference. Columns of alike small numbers deflate to a fraction of
// the same values interleaved. The record starts with a byte no deflate stream starts with (block type 3 does not
// exist), which tells it from a version 1 record.
const COLUMNS_MARK = 0x06;
const COLUMNS_VERSION = 2;

// A column record: the word table, then the columns of sentences, entities, times, attributions and events.
interface ColumnReading {
  v: number;
  k: string[];
  s: number[];
  e: [ids: string[], names: string[], types: number[], spans: number[][], texts: ((string | null)[] | 0)[]];
  t: [starts: number[], lengths: number[], types: number[], values: number[], texts: (string | null)[]];
  a: unknown[][];
  ev: unknown[][];
}

// Steps between successive values, and back.
const steps = (xs: number[]): number[] => xs.map((x, i) => (i === 0 ? x : x - xs[i - 1]));
function sums(xs: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) out.push(i === 0 ? xs[0] : out[i - 1] + xs[i]);
  return out;
}

// Words by number: -1 is null; an entity reference is the entity's place in the reading, or the id itself as a string.
class Words {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly entities: Map<string, number>) {}
  word(x: string | null): number {
    if (x === null) return -1;
    let i = this.index.get(x);
    if (i === undefined) this.index.set(x, (i = this.list.push(x) - 1));
    return i;
  }
  entity(x: string | null): number | string {
    if (x === null) return -1;
    return this.entities.get(x) ?? x;
  }
}
const wordOf = (k: string[], i: number): string | null => (i === -1 ? null : k[i]);
const entityOf = (ids: string[], x: number | string): string | null => (typeof x === "string" ? x : x === -1 ? null : ids[x]);

// A source reference in a column: [word, entity] or [word, entity, start, length]; one kept whole stays as it is.
function refColumn(r: EncodedRef, w: Words): unknown {
  if (!Array.isArray(r)) return r;
  const [t, entity] = r;
  if (r.length === 2) return [w.word(t), w.entity(entity)];
  if (r.length === 3) return [w.word(t), w.entity(entity), 1];
  return [w.word(t), w.entity(entity), r[2], r[3] - r[2]];
}
function refFromColumn(c: unknown, k: string[], ids: string[]): EncodedRef {
  if (!Array.isArray(c)) return c as SourceRef;
  const [t, entity] = c as [number, number | string];
  if (c.length === 2) return [wordOf(k, t), entityOf(ids, entity)];
  if (c.length === 3) return [wordOf(k, t), entityOf(ids, entity), 1];
  const [, , start, length] = c as [number, number | string, number, number];
  return [wordOf(k, t), entityOf(ids, entity), start, start + length];
}

function toColumns(r: EncodedReading): ColumnReading {
  const ids = r.e.map((en) => en[0]);
  const w = new Words(new Map(ids.map((id, i) => [id, i])));
  const e: ColumnReading["e"] = [
    ids,
    r.e.map((en) => en[1]),
    r.e.map((en) => w.word(en[2])),
    r.e.map(([, , , spans]) => {
      const out: number[] = [];
      for (let i = 0; i < spans.length; i += 3) out.push(i === 0 ? spans[0] : spans[i] - spans[i - 3], spans[i + 1] - spans[i], spans[i + 2]);
      return out;
    }),
    r.e.map((en) => en[4]),
  ];
  const t: ColumnReading["t"] = [steps(r.t.map((x) => x[0])), r.t.map((x) => x[1] - x[0]), r.t.map((x) => w.word(x[2])), r.t.map((x) => w.word(x[3])), r.t.map((x) => x[4])];
  const a = [
    steps(r.a.map((x) => x[0])),
    steps(r.a.map((x) => x[1])),
    r.a.map((x) => x[2] - x[1]),
    r.a.map((x) => x[3]),
    r.a.map((x) => w.entity(x[4])),
    r.a.map((x) => x[5] - x[2]),
    r.a.map((x) => x[6] - x[5]),
    r.a.map((x) => x[7]),
    r.a.map((x) => x[8] - x[1]),
    r.a.map((x) => x[9] - x[8]),
    r.a.map((x) => x[10].map((ref) => refColumn(ref, w))),
  ];
  const ev = [
    r.ev.map((x) => x[0]),
    steps(r.ev.map((x) => x[1])),
    steps(r.ev.map((x) => x[2])),
    r.ev.map((x) => x[3] - x[2]),
    r.ev.map((x) => x[4]),
    r.ev.map((x) => w.word(x[5])),
    r.ev.map((x) => w.word(x[6])),
    r.ev.map((x) => x[7].map((p) => w.entity(p))),
    r.ev.map((x) => w.word(x[8])),
    r.ev.map((x) => x[9].map((ref) => refColumn(ref, w))),
    r.ev.map((x) => w.word(x[10])),
    r.ev.map((x) => x[11]),
    r.ev.map((x) => w.word(x[12])),
    r.ev.map((x) => x[13]),
    r.ev.map((x) => w.entity(x[14])),
  ];
  return { v: COLUMNS_VERSION, k: w.list, s: steps(r.s), e, t, a, ev };
}

function fromColumns(c: ColumnReading): EncodedReading {
  const { k } = c;
  const [ids, names, types, spans, texts] = c.e;
  const e = ids.map((id, i): EncodedEntity => {
    const cols = spans[i];
    const out: number[] = [];
    for (let j = 0; j < cols.length; j += 3) {
      const start = j === 0 ? cols[0] : out[j - 3] + cols[j];
      out.push(start, start + cols[j + 1], cols[j + 2]);
    }
    return [id, names[i], k[types[i]], out, texts[i]];
  });
  const tStarts = sums(c.t[0]);
  const t = tStarts.map((start, i): EncodedTime => [start, start + c.t[1][i], k[c.t[2][i]], k[c.t[3][i]], c.t[4][i]]);
  const [aSentence, aSourceStart, aSourceLength, aSourceText, aEntity, aCueGap, aCueLength, aCueText, aContentFrom, aContentLength, aChain] = c.a as [
    number[], number[], number[], (string | null)[], (number | string)[], number[], number[], (string | null)[], number[], number[], unknown[][],
  ];
  const sentences = sums(aSentence);
  const sourceStarts = sums(aSourceStart);
  const a = sentences.map((sentence, i): EncodedAttribution => {
    const ss = sourceStarts[i];
    const se = ss + aSourceLength[i];
    const cs = se + aCueGap[i];
    const os = ss + aContentFrom[i];
    return [
      sentence, ss, se, aSourceText[i], entityOf(ids, aEntity[i]), cs, cs + aCueLength[i], aCueText[i], os, os + aContentLength[i],
      aChain[i].map((ref) => refFromColumn(ref, k, ids)),
    ];
  });
  const [id, sentence, start, length, trigger, type, cameo, participants, factuality, source, time, condition, stance, background, place] = c.ev as [
    (string | 0)[], number[], number[], number[], (string | null)[], number[], number[], (number | string)[][], number[], unknown[][], number[],
    ([number, number] | null)[], number[], (0 | 1)[], (number | string)[],
  ];
  const evSentences = sums(sentence);
  const evStarts = sums(start);
  const ev = id.map((eid, i): EncodedEvent => [
    eid, evSentences[i], evStarts[i], evStarts[i] + length[i], trigger[i], k[type[i]], wordOf(k, cameo[i]), participants[i].map((p) => entityOf(ids, p)!),
    k[factuality[i]], source[i].map((ref) => refFromColumn(ref, k, ids)), wordOf(k, time[i]), condition[i], k[stance[i]], background[i], entityOf(ids, place[i]),
  ]);
  return { v: READING_VERSION, s: sums(c.s), e, t, a, ev };
}

// The article's text as a deflate dictionary: deflate looks back at most 32 KiB, so only the text's end can be used.
const DICTIONARY_BYTES = 32 * 1024;
function textDictionary(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  return bytes.byteLength > DICTIONARY_BYTES ? bytes.subarray(bytes.byteLength - DICTIONARY_BYTES) : bytes;
}

/**
 * The reading of an article (everything but the article's own fields) as one compressed record: offsets instead of the
 * texts they point at, arrays instead of keyed objects, laid out a column at a time and deflated against the text.
 * `decodeReading` with the same text gives it back exactly; a reading the columns would not give back exactly (a shape
 * they do not foresee) is kept as version 1 arrays.
 */
export function encodeReading(e: DecodedReading, text: string): Uint8Array {
  const arrays = readingArrays(e, text);
  const plain = JSON.stringify(arrays);
  const columns = JSON.stringify(toColumns(arrays));
  let bytes: Buffer;
  if (JSON.stringify(fromColumns(JSON.parse(columns) as ColumnReading)) === plain) {
    const packed = deflateRawSync(columns, { dictionary: textDictionary(text) });
    bytes = Buffer.concat([Buffer.of(COLUMNS_MARK), packed]);
  } else {
    bytes = deflateRawSync(plain);
  }
  // A plain Uint8Array, as a reader thread hands it over: the same value whichever thread read the article.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The reading in the version 1 layout (the arrays deflated alone), as stores kept it before the column layout: what
 * `decodeReading` still reads, and what a store converted from a former version starts from.
 */
export function encodeFormerReading(e: DecodedReading, text: string): Uint8Array {
  const bytes = deflateRawSync(JSON.stringify(readingArrays(e, text)));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether a stored reading is in the current (column) layout. */
export function readingIsCurrent(bytes: Uint8Array): boolean {
  return bytes.byteLength > 0 && bytes[0] === COLUMNS_MARK;
}

/** The reading stored by `encodeReading` (either version), given the article's text. */
export function decodeReading(bytes: Uint8Array, text: string): DecodedReading {
  let r: EncodedReading;
  if (readingIsCurrent(bytes)) {
    const c = JSON.parse(inflateRawSync(bytes.subarray(1), { dictionary: textDictionary(text) }).toString("utf8")) as ColumnReading;
    if (c.v !== COLUMNS_VERSION) throw new Error(`stored reading version ${c.v} is not one this version reads (${COLUMNS_VERSION})`);
    r = fromColumns(c);
  } else {
    r = JSON.parse(inflateRawSync(bytes).toString("utf8")) as EncodedReading;
  }
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
  const names = new Map(entities.map((en) => [en.id, en.name]));
  const times = r.t.map(([start, end, type, value, t]): TimeExpr => ({ start, end, text: back(text, start, end, t), type: type as TimeType, value }));
  const attributions = r.a.map(
    ([sentence, ss, se, st, entity, cs, ce, ct, os, oe, chain]): Attribution => ({
      sentence,
      source: { start: ss, end: se, text: back(text, ss, se, st), entity },
      cue: { start: cs, end: ce, text: back(text, cs, ce, ct) },
      content: { start: os, end: oe },
      chain: unrefs(chain, text, names),
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
      source: unrefs(source, text, names),
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
      entity, idx, at.sentence, s.start, s.end, at.source.start, at.source.end,
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
