// What an entity said in one article, packed into the entity's row for that article (`entity_articles.said`): the
// attributions naming it as their source, each as a few small numbers (offsets counted from the sentence's start) and
// the event types read in its sentence. One row an entity and article carries the key once for all its statements.

/** The `mentions` of an entity's row for an article that quotes the entity without naming it in a mention. */
export const NOT_MENTIONED = -1;

/**
 * The day an entity's row for an undated article is filed under (`entity_articles.day`): below every dated day, so an
 * entity's rows read newest first end with the undated ones, as the empty day they were filed under before did.
 */
export const UNDATED_ROW = -1_000_000;

// Days from 1970-01-01 to a proleptic Gregorian date (month and day may run over, as `Date.UTC` lets them).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The day an entity's row for an article is filed under: the days from 1970-01-01 to its publication date, a two- or
 * three-byte integer where the date as text took ten, in the same order. An article with no date, or a date that is
 * not YYYY-MM-DD (which ingest never stores), is filed with the undated.
 */
export function rowDay(published: string | null): number {
  const m = published === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!m) return UNDATED_ROW;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return UNDATED_ROW;
  return daysFromCivil(year, month, day);
}

/** One attribution naming an entity as its source: where its sentence, source, cue and content sit in the article. */
export interface SaidStatement {
  /** The attribution's place in the article's reading. */
  idx: number;
  sentence: number;
  sentence_start: number;
  sentence_end: number;
  source_start: number;
  source_end: number;
  cue_start: number;
  cue_end: number;
  content_start: number;
  content_end: number;
  /** Event types read in the statement's sentence, space-separated. */
  event_types: string;
}

// Numbers are written as variable-length integers of 7 bits a byte, signed ones folded onto the naturals (0, -1, 1, -2 …).
function writeNumber(out: number[], n: number): void {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  let v = n >= 0 ? 2 * n : -2 * n - 1;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Packs an entity's statements in one article, in the order given (the reading's). */
export function packSaid(statements: readonly SaidStatement[]): Uint8Array {
  const out: number[] = [];
  for (const s of statements) {
    writeNumber(out, s.idx);
    writeNumber(out, s.sentence);
    writeNumber(out, s.sentence_start);
    writeNumber(out, s.sentence_end - s.sentence_start);
    writeNumber(out, s.source_start - s.sentence_start);
    writeNumber(out, s.source_end - s.source_start);
    writeNumber(out, s.cue_start - s.source_end);
    writeNumber(out, s.cue_end - s.cue_start);
    writeNumber(out, s.content_start - s.sentence_start);
    writeNumber(out, s.content_end - s.content_start);
    const types = Buffer.from(s.event_types, "utf8");
    writeNumber(out, types.byteLength);
    for (const b of types) out.push(b);
  }
  return Uint8Array.from(out);
}

/** The statements `packSaid` packed. */
export function unpackSaid(bytes: Uint8Array): SaidStatement[] {
  let at = 0;
  const read = (): number => {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.byteLength) throw new Error("packed statements end early");
      const b = bytes[at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
    }
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  };
  const out: SaidStatement[] = [];
  while (at < bytes.byteLength) {
    const idx = read();
    const sentence = read();
    const sentence_start = read();
    const sentence_end = sentence_start + read();
    const source_start = sentence_start + read();
    const source_end = source_start + read();
    const cue_start = source_end + read();
    const cue_end = cue_start + read();
    const content_start = sentence_start + read();
    const content_end = content_start + read();
    const length = read();
    if (at + length > bytes.byteLength) throw new Error("packed statements end early");
    const event_types = Buffer.from(bytes.buffer, bytes.byteOffset + at, length).toString("utf8");
    at += length;
    out.push({ idx, sentence, sentence_start, sentence_end, source_start, source_end, cue_start, cue_end, content_start, content_end, event_types });
  }
  return out;
}

/**
 * An article's statements (`AnnotationRows.statements`) by the entity they quote, each entity's in the reading's order.
 * Values are found by column name, so rows written by an earlier version (with more columns) read the same.
 */
export function statementsOf(rows: { columns: readonly string[]; values: unknown[][] }): Map<string, SaidStatement[]> {
  const at = (name: string) => {
    const i = rows.columns.indexOf(name);
    if (i < 0) throw new Error(`statement rows lack ${name}`);
    return i;
  };
  const entity = at("entity_id");
  const fields = (["idx", "sentence", "sentence_start", "sentence_end", "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end"] as const).map(
    (f) => [f, at(f)] as const,
  );
  const types = at("event_types");
  const out = new Map<string, SaidStatement[]>();
  for (const v of rows.values) {
    const s = Object.fromEntries(fields.map(([f, i]) => [f, Number(v[i])])) as Omit<SaidStatement, "event_types">;
    const list = out.get(v[entity] as string) ?? out.set(v[entity] as string, []).get(v[entity] as string)!;
    list.push({ ...s, event_types: String(v[types]) });
  }
  return out;
}
