// Entities: names, titles and metonyms linked to the gazetteer under data/gazetteer, resolved by the document date.
import type { Entity, EntityMention, EntityType } from "../domain/extraction.js";
import type { Doc } from "./01-tokens.js";
import {
  byKind,
  gazetteer,
  holdsRole,
  leaderRoles,
  officeholder,
  officeActive,
  pickBySeniority,
  seniorityOn,
  pieceKey,
  slugOf,
  shapeOf,
  splitWord,
  type AliasHit,
  type GazetteerEntry,
  type Shape,
  type TitlePhrase,
} from "./gazetteer.js";

/** How many sentences back "the prime minister" may look for the person it stands for. */
const TITLE_REACH = 3;

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
  /** How the mention was recognised: a name, a title resolved by date, a surname, a demonym, a capital, or an unknown name. */
  via?: "name" | "title" | "surname" | "demonym" | "capital" | "local";
}

export interface EntityReading {
  entities: Entity[];
  /** All linked mentions sorted by start offset. */
  matches: EntityMatch[];
}

/** A piece of a token: the unit the gazetteer index is matched against. */
interface Unit {
  key: string;
  start: number;
  end: number;
  tok: number;
  shape: Shape;
  /** Glued to the previous piece by a hyphen ("Jong-un"): exempt from the capital check. */
  afterHyphen: boolean;
  pos: string;
  sentence: number;
  /** First word of its sentence (capitalised by position, not by being a name). */
  initial: boolean;
  wordy: boolean;
  /** Holds at least one letter (a number alone is no name word). */
  lettered: boolean;
  /** Where the unit's key leads from the root of each gazetteer trie. */
  firsts: Firsts;
}

/** The children of the gazetteer tries' roots for one key (undefined where no entry starts with it). */
interface Firsts {
  names: TrieLike<AliasHit> | undefined;
  context: TrieLike<AliasHit> | undefined;
  titles: TrieLike<TitlePhrase> | undefined;
}

/** A linked or pending span over units [from, to). */
interface Span {
  from: number;
  to: number;
  entry?: GazetteerEntry;
  /** Unknown proper name: its local id, name and guessed type. */
  local?: { id: string; name: string; type: EntityType; surnameKey: string | null };
  via: NonNullable<EntityMatch["via"]>;
  /** Surname candidates still to be chosen among. */
  surnames?: GazetteerEntry[];
  /** A title around the surname narrows the candidates ("President Moon"). */
  hint?: { role: string | null; country: string | null };
  /** An unknown single name after a title ("Mr. LaRue"): may be the surname of a full name elsewhere. */
  loneLocal?: boolean;
  /** Matched alias is a lone word that a following or preceding capitalised word may extend. */
  weak?: boolean;
}

const HYPHEN = /^[-\u2010-\u2015/]$/;
const LETTER = /\p{L}/u;
const WORDY = /[\p{L}\p{N}]/u;

/** What a token's text yields as units, independent of where the token stands. */
interface PieceInfo {
  key: string;
  /** Offset of the piece inside the token's text. */
  offset: number;
  length: number;
  shape: Shape;
  wordy: boolean;
  lettered: boolean;
  firsts: Firsts;
}

// Words that, after a leader's name, name the government they led ("the Biden administration").
const GOVERNMENT_WORDS: ReadonlySet<string> = new Set(["administration", "government"]);

/** The first step into each trie for `key`; the tries are built once and never change, so this is cached with the key. */
function firstsOf(key: string): Firsts {
  const idx = gazetteer();
  return {
    names: (idx.names as TrieLike<AliasHit>).next.get(key),
    context: (idx.context as TrieLike<AliasHit>).next.get(key),
    titles: (idx.titles as TrieLike<TitlePhrase>).next.get(key),
  };
}

let lineBreakFirsts: Firsts | null = null;

const piecesCache = new Map<string, PieceInfo[]>();

/** The pieces of a token's text with their keys and shapes, worked out once per distinct word. */
function piecesOf(text: string): PieceInfo[] {
  let infos = piecesCache.get(text);
  if (infos !== undefined) return infos;
  const pieces = splitWord(text);
  if (pieces.length === 0) pieces.push(text);
  infos = [];
  let cursor = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, cursor);
    const offset = at >= 0 ? at : cursor;
    cursor = offset + piece.length;
    const key = pieceKey(piece);
    infos.push({
      key,
      offset,
      length: piece.length,
      shape: shapeOf(piece),
      wordy: WORDY.test(piece),
      lettered: LETTER.test(piece),
      firsts: firstsOf(key),
    });
  }
  // Bounded like the key cache: news vocabulary is large but finite; start over rather than grow without end.
  if (piecesCache.size > 100_000) piecesCache.clear();
  piecesCache.set(text, infos);
  return infos;
}

function buildUnits(doc: Doc): Unit[] {
  const units: Unit[] = [];
  const tokens = doc.tokens;
  let afterHyphen = false;
  let lastSentence = -2;
  let sawWord = false;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.sentence !== lastSentence) {
      lastSentence = tok.sentence;
      sawWord = false;
    }
    if (tok.pos === "SPACE") {
      lineBreakFirsts ??= firstsOf("\n");
      units.push({ key: "\n", start: tok.start, end: tok.end, tok: t, shape: 0, afterHyphen: false, pos: "SPACE", sentence: tok.sentence, initial: false, wordy: false, lettered: false, firsts: lineBreakFirsts });
      afterHyphen = false;
      continue;
    }
    const prev = tokens[t - 1];
    const next = tokens[t + 1];
    // HYPHEN matches one UTF-16 unit, so longer tokens skip the test.
    if (tok.text.length === 1 && HYPHEN.test(tok.text) && prev && next && prev.end === tok.start && tok.end === next.start && WORDY.test(prev.text) && WORDY.test(next.text)) {
      afterHyphen = true;
      continue;
    }
    const pieces = piecesOf(tok.text);
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k];
      units.push({
        key: p.key,
        start: tok.start + p.offset,
        end: tok.start + p.offset + p.length,
        tok: t,
        shape: p.shape,
        afterHyphen: k === 0 ? afterHyphen : true,
        pos: tok.pos,
        sentence: tok.sentence,
        initial: p.wordy && !sawWord,
        wordy: p.wordy,
        lettered: p.lettered,
        firsts: p.firsts,
      });
      if (p.wordy) sawWord = true;
    }
    afterHyphen = false;
  }
  return units;
}

function fits(shapes: Shape[], units: Unit[], from: number): boolean {
  for (let k = 0; k < shapes.length; k++) {
    const want = shapes[k];
    const got = units[from + k];
    if (want === 0) continue;
    if (want === 2 && got.shape !== 2) return false;
    if (want === 1 && got.shape === 0 && !got.afterHyphen) return false;
  }
  return true;
}

interface TrieLike<T> {
  next: Map<string, TrieLike<T>>;
  hits: T[];
}

/** Longest entry of a trie starting at unit `i` whose capitalisation fits the text; `first` is the root's child for unit i. */
function longest<T extends { shapes: Shape[] }>(first: TrieLike<T> | undefined, units: Unit[], i: number): { len: number; hits: T[] } | null {
  let node: TrieLike<T> | undefined = first;
  let best: { len: number; hits: T[] } | null = null;
  for (let j = i; node && j < units.length; j++) {
    if (node.hits.length > 0) {
      const ok: T[] = [];
      for (const h of node.hits) if (fits(h.shapes, units, i)) ok.push(h);
      if (ok.length > 0) best = { len: j - i + 1, hits: ok };
    }
    node = j + 1 < units.length ? node.next.get(units[j + 1].key) : undefined;
  }
  return best;
}

interface Lexicon {
  connectors: Set<string>;
  orgJoiners: Set<string>;
  notNames: Set<string>;
  notStarts: Set<string>;
  firstNames: Set<string>;
  suffixType: Map<string, EntityType>;
}

let lexiconCache: Lexicon | null = null;

/** Word lists for unknown names, keyed once per process. */
function lexicon(): Lexicon {
  if (lexiconCache) return lexiconCache;
  const local = gazetteer().local;
  const suffixType = new Map<string, EntityType>();
  for (const [type, words] of Object.entries(local.suffixTypes)) for (const w of words) suffixType.set(pieceKey(w), type as EntityType);
  lexiconCache = {
    connectors: new Set(local.connectors.map(pieceKey)),
    orgJoiners: new Set(local.orgJoiners.map(pieceKey)),
    notNames: new Set(local.notNames.map(pieceKey)),
    notStarts: new Set(local.notNameStarts.map(pieceKey)),
    firstNames: new Set(local.firstNames.map(pieceKey)),
    suffixType,
  };
  return lexiconCache;
}

/** Of a candidate and the best mention so far, the one nearer the surname (later when looking back, earlier when forward). */
function closer(c: Span | undefined, best: Span | undefined, forward: boolean): Span | undefined {
  return c && (!best || (forward ? c.from < best.from : c.from > best.from)) ? c : best;
}

/** Reads the entity mentions of a document; `dct` (YYYY-MM-DD) dates titles such as "the South Korean president". */
export function readEntities(doc: Doc, dct: string | null): EntityReading {
  const reader = new Reader(doc, dct);
  reader.matchNames();
  reader.dropNamesInsideLongerNames();
  reader.matchContextAliases();
  reader.matchTitles();
  reader.matchUnknownNames();
  reader.resolveSurnames();
  reader.matchLoneLocalSurnames();
  reader.resolveDefiniteTitles();
  return reader.result();
}

/** The working state of one reading: the units, the spans found so far, and which units they cover. */
class Reader {
  private readonly idx = gazetteer();
  private readonly lex = lexicon();
  private readonly units: Unit[];
  private readonly n: number;
  private readonly covered: Array<Span | null>;
  private readonly spans: Span[] = [];
  /** Words the document also writes in lower case: ordinary words when they open a sentence. */
  private readonly lowerWords = new Set<string>();
  /** Sentences in title case (headlines), where capitals do not mark names. */
  private readonly titleCase = new Set<number>();

  constructor(
    private readonly doc: Doc,
    private readonly dct: string | null,
  ) {
    this.units = buildUnits(doc);
    this.n = this.units.length;
    this.covered = new Array(this.n).fill(null);
    // Per sentence (slot 0 for tokens outside every sentence): name-bearing words, and how many are capitalised.
    const slots = doc.sentences.length + 1;
    const all = new Int32Array(slots);
    const capitalised = new Int32Array(slots);
    for (const u of this.units) {
      if (!u.lettered) continue;
      if (u.shape === 0) this.lowerWords.add(u.key);
      if (this.lex.connectors.has(u.key) || this.lex.orgJoiners.has(u.key)) continue;
      all[u.sentence + 1]++;
      if (u.shape >= 1) capitalised[u.sentence + 1]++;
    }
    for (let s = 0; s < slots; s++) if (all[s] >= 5 && capitalised[s] >= 0.8 * all[s]) this.titleCase.add(s - 1);
  }

  /** 1. Gazetteer names, aliases, demonyms, capitals and surnames: longest first, left to right. */
  matchNames(): void {
    for (let i = 0; i < this.n; ) {
      const m = this.units[i].wordy ? longest(this.units[i].firsts.names, this.units, i) : null;
      if (!m || this.overlappedByLonger(i, m.len)) {
        i++;
        continue;
      }
      const hits = [...m.hits].sort(byKind);
      const direct = hits.filter((h) => h.kind !== "surname");
      const weak = m.len === 1 && hits.every((h) => h.shapes[0] === 1 && h.kind !== "demonym");
      const span: Span = { from: i, to: i + m.len, via: "name", weak };
      if (direct.length > 0) {
        const people = direct.filter((h) => h.entry.type === "person").map((h) => h.entry);
        span.entry = people.length > 1 ? (pickBySeniority(people, this.dct) ?? direct[0].entry) : direct[0].entry;
        const kind = direct[0].kind;
        span.via = kind === "demonym" ? "demonym" : kind === "capital" ? "capital" : "name";
      } else {
        span.surnames = hits.map((h) => h.entry);
        span.via = "surname";
      }
      this.add(span);
      i = span.to;
    }
  }

  /**
   * "The National Intelligence Service": a name that starts inside this one and runs on past it, and is longer, is the
   * one meant (not the outlet "The National").
   */
  private overlappedByLonger(i: number, len: number): boolean {
    for (let j = i + 1; j < i + len && j < this.n; j++) {
      const other = this.units[j].wordy ? longest(this.units[j].firsts.names, this.units, j) : null;
      if (other && j + other.len > i + len && other.len > len) return true;
    }
    return false;
  }

  /** A lone capitalised word inside a longer unknown name ("George Washington", "Trump Tower") is not that entity. */
  dropNamesInsideLongerNames(): void {
    for (const span of this.spans) {
      const sentence = this.units[span.from].sentence;
      if (!span.weak || this.titleCase.has(sentence)) continue;
      const before = this.units[span.from - 1];
      const after = this.units[span.to];
      const extendsLeft =
        !!before && before.sentence === sentence && this.properWord(before, true) && !this.covered[span.from - 1] && !this.titleAt(span.from - 1);
      const extendsRight =
        !!after && after.sentence === sentence && this.properWord(after, false) && !this.covered[span.to] && !this.titleAt(span.to);
      if (extendsLeft || extendsRight) this.remove(span);
    }
  }

  /** Context aliases ("the North", "the peninsula") once the entity is named otherwise in the document. */
  matchContextAliases(): void {
    const named = new Set<string>();
    for (const s of this.live()) if (s.entry) named.add(s.entry.id);
    for (let i = 0; i < this.n; i++) {
      if (this.covered[i] || !this.units[i].wordy) continue;
      const m = longest(this.units[i].firsts.context, this.units, i);
      if (!m || !this.free(i, i + m.len) || this.properWord(this.units[i + m.len], false)) continue;
      const hit = m.hits.find((h) => named.has(h.entry.id));
      if (!hit) continue;
      this.add({ from: i, to: i + m.len, entry: hit.entry, via: "name" });
      i += m.len - 1;
    }
  }

  /** 2. Titles: "<country> <title> [name]", "<title> [name]", "<title> of <country>", "<country>'s <body>". */
  matchTitles(): void {
    for (let i = 0; i < this.n; i++) {
      if (this.covered[i]) continue;
      const t = this.titleAt(i);
      if (!t || !this.free(i, i + t.len)) continue;
      const phrase = t.hits.find((h) => !h.honorific) ?? t.hits[0];
      const made = phrase.body ? this.body(phrase, i, i + t.len) : this.title(phrase, i, i + t.len);
      if (made) i = made.to - 1;
    }
  }

  /** "South Korea's spy agency", "North Korean state media": a body named through its country. */
  private body(phrase: TitlePhrase, a: number, b: number): Span | null {
    const slot = this.spanEndingAt(a > 0 && this.units[a - 1].key === "'s" ? a - 1 : a);
    const target = slot?.entry?.code ? phrase.body?.[slot.entry.code] : undefined;
    const entry = target ? this.idx.byId.get(target) : undefined;
    // "South Korea military drills": the phrase modifies a following noun and names no body.
    const next = this.units[b];
    const modifier = !!next && (next.pos === "NOUN" || next.pos === "PROPN") && !this.titleAt(b);
    if (!slot || !entry || modifier) return null;
    this.remove(slot);
    return this.add({ from: slot.from, to: b, entry, via: "title" });
  }

  /** A title over units [a, b): with a name it marks a person mention; without one it is resolved by the DCT. */
  private title(phrase: TitlePhrase, a: number, b: number): Span | null {
    const units = this.units;
    // Left: modifiers ("new", "former"), then a possessive or adjectival country or organisation.
    let k = a;
    let blocked = false;
    while (k > 0 && !this.covered[k - 1] && (this.idx.passModifiers.has(units[k - 1].key) || this.idx.blockModifiers.has(units[k - 1].key))) {
      if (this.idx.blockModifiers.has(units[k - 1].key)) blocked = true;
      k--;
    }
    const modStart = k;
    if (k > 0 && units[k - 1].key === "'s") k--;
    let slot = phrase.honorific ? null : this.spanEndingAt(k);
    if (slot && !(slot.entry?.code && slot.via !== "surname")) slot = null;
    // Modifiers may also stand before the country: "the former South Korean president".
    for (let m = slot ? slot.from : 0; slot && m > 0 && !this.covered[m - 1]; m--) {
      const key = units[m - 1].key;
      if (this.idx.blockModifiers.has(key)) blocked = true;
      else if (!this.idx.passModifiers.has(key)) break;
    }
    let end = b;
    // Right: "of <country>".
    if (!slot && !phrase.honorific && units[b]?.key === "of") {
      const c = units[b + 1]?.key === "the" ? b + 2 : b + 1;
      const s = this.spanStartingAt(c);
      if (s?.entry?.code) {
        slot = s;
        end = s.to;
      }
    }
    const name = end === b ? this.nameAfterTitle(b) : null;
    const country = slot?.entry?.code ?? phrase.country ?? null;
    const from = slot && slot.from < a ? Math.min(slot.from, modStart) : a;
    let made: Span | null = null;
    if (name) {
      made = { ...name, from, to: name.to, weak: false };
      if (name.surnames) made.hint = { role: phrase.role, country };
    } else if (phrase.role && !phrase.honorific && !blocked && country && this.dct) {
      const holder = officeholder(phrase.role, country, this.dct);
      if (holder) made = { from, to: end, entry: holder, via: "title" };
    }
    if (!made) return null;
    if (slot) this.remove(slot);
    if (name && this.covered[name.from] === name) this.remove(name);
    return this.add(made);
  }

  /**
   * 6. "the prime minister", "the premier": a title after "the" that no country and no name complete stands for the
   * nearest person told of before, within a few sentences, who holds that office on the DCT ("Netanyahu's office said
   * the prime minister had accepted"). A title that is a country's own ("the chancellor") was read by the DCT already.
   */
  resolveDefiniteTitles(): void {
    if (!this.dct) return;
    for (let i = 1; i < this.n; i++) {
      if (this.covered[i] || this.units[i - 1].key !== "the") continue;
      const t = this.titleAt(i);
      if (!t || !this.free(i, i + t.len)) continue;
      const phrase = t.hits.find((h) => !h.honorific && h.role && !h.body);
      const after = this.units[i + t.len];
      if (!phrase?.role || (after && (after.key === "of" || after.key === "'s" || after.pos === "NOUN" || after.pos === "PROPN"))) continue;
      const sentence = this.units[i].sentence;
      let holder: Span | null = null;
      for (let q = i - 2; q >= 0 && sentence - this.units[q].sentence <= TITLE_REACH; q--) {
        const s = this.covered[q];
        if (s?.entry?.type === "person" && holdsRole(s.entry.id, phrase.role, this.dct)) {
          holder = s;
          break;
        }
      }
      if (holder?.entry) this.add({ from: i - 1, to: i + t.len, entry: holder.entry, via: "title" });
    }
  }

  /** The person named right after a title: a gazetteer person, a surname, or an unknown proper name. */
  private nameAfterTitle(b: number): Span | null {
    const s = this.spanStartingAt(b);
    if (s) return s.entry?.type === "person" || s.surnames ? s : null;
    // "Deputy President Paul Mashatile": a title after a title is more of the title, not a name
    if (this.covered[b] || this.titleAt(b)) return null;
    const end = this.runFrom(b, true);
    if (end <= b || this.lex.suffixType.has(this.units[end - 1].key)) return null;
    const text = this.textOf(b, end);
    return {
      from: b,
      to: end,
      via: "local",
      local: { id: `local:${slugOf(text)}`, name: text, type: "person", surnameKey: this.units[end - 1].key },
      loneLocal: end - b === 1,
    };
  }

  /** 3. Unknown multi-word proper names become local entities, their type guessed from the last word. */
  matchUnknownNames(): void {
    const units = this.units;
    for (let i = 0; i < this.n; i++) {
      if (this.covered[i] || !units[i].wordy || units[i].shape === 0 || this.titleCase.has(units[i].sentence)) continue;
      let s = i;
      while (s < this.n && !this.covered[s] && this.lex.notStarts.has(units[s].key)) s++;
      if (s >= this.n || this.covered[s]) continue;
      if (units[s].initial && (units[s].pos !== "PROPN" || this.lowerWords.has(units[s].key))) {
        i = s;
        continue;
      }
      const e = this.runFrom(s, false);
      i = Math.max(i, e - 1);
      const title = this.titleAt(s);
      if (title && title.len >= e - s) continue;
      let capitalised = 0;
      let allCaps = true;
      let joined = false;
      for (let q = s; q < e; q++) {
        if (units[q].shape >= 1) capitalised++;
        if (units[q].shape !== 2) allCaps = false;
        if (this.lex.orgJoiners.has(units[q].key)) joined = true;
      }
      if (capitalised < 2 || capitalised > 6 || allCaps) continue;
      const text = this.textOf(s, e);
      const last = units[e - 1].key;
      const type = this.guessType(s, e, capitalised, joined);
      this.add({ from: s, to: e, via: "local", local: { id: `local:${slugOf(text)}`, name: text, type, surnameKey: type === "person" ? last : null } });
    }
  }

  /** Type of an unknown name: its last word ("Ministry", "Island", "Summit"), a given name, or its shape. */
  private guessType(s: number, e: number, capitalised: number, joined: boolean): EntityType {
    const units = this.units;
    const last = units[e - 1].key;
    const bySuffix = this.lex.suffixType.get(last);
    if (bySuffix) return bySuffix;
    if (this.lex.firstNames.has(units[s].key) && capitalised <= 4 && !joined) return "person";
    const acronym = units.slice(s, e).some((u) => u.shape === 2);
    // A plural last word names a team, a band or a group of things ("Red Sox", "Colts"), not one person.
    const plural = /[^s]s$/.test(last) && last.length > 3;
    return capitalised > 3 || joined || acronym || plural ? "organization" : "person";
  }

  /**
   * 4. Surnames: a title's role on the DCT, else the nearest full name in the document (earlier ones first),
   * else the most senior officeholder of the day unless the surname is also a common word.
   */
  resolveSurnames(): void {
    const all = this.live().sort((x, y) => x.from - y.from);
    const pending = all.filter((s) => s.surnames);
    if (pending.length === 0) return;
    const before = this.nearestAntecedents(all, false);
    const after = this.nearestAntecedents(all, true);
    // How often each person has been named so far, full names and surnames already resolved: "Kim" after "Kim Jong
    // Un" (named again and again) and "his daughter Kim Ju Ae" (named once) is the one the article is about.
    const seen = new Map<string, number>();
    let at = 0;
    const countUpTo = (from: number) => {
      for (; at < all.length && all[at].from < from; at++) {
        const e = all[at].entry;
        if (e?.type === "person") seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      }
    };
    for (const span of pending) {
      countUpTo(span.from);
      const candidates = span.surnames!;
      span.surnames = undefined;
      // "May" the month is not Theresa May unless a title says so.
      if (!span.hint && this.lex.notNames.has(this.units[span.from].key)) {
        this.remove(span);
        continue;
      }
      const byTitle = this.holdingTitle(span, candidates);
      if (byTitle) {
        span.entry = byTitle;
        continue;
      }
      const named = before.get(span) ?? after.get(span);
      if (named?.local) {
        span.local = named.local;
        continue;
      }
      if (named?.entry) {
        // The one named most often so far; named as often, the nearest if named in the same sentence ("Later Kim Yo
        // Jong spoke, and Kim warned Seoul"), else the one holding the higher office on the day ("Kim" after "Kim Jong
        // Un's father, Kim Jong Il, was in power." is the son).
        const most = Math.max(...candidates.map((c) => seen.get(c.id) ?? 0));
        const tied = candidates.filter((c) => (seen.get(c.id) ?? 0) === most);
        const sameSentence = this.units[named.from].sentence === this.units[span.from].sentence;
        const senior = most > 0 && tied.length > 1 && !sameSentence ? pickBySeniority(tied, this.dct) : undefined;
        span.entry = senior && seniorityOn(senior, this.dct) < seniorityOn(named.entry, this.dct) ? senior : tied.includes(named.entry) ? named.entry : tied[0];
        continue;
      }
      const usable = candidates.filter((c) => !c.surnameCommon);
      if (usable.length > 0 && (usable.length === candidates.length || span.hint)) span.entry = pickBySeniority(usable, this.dct);
    }
  }

  /** The one candidate holding the title's role on the DCT ("President Moon" in 2019). */
  private holdingTitle(span: Span, candidates: GazetteerEntry[]): GazetteerEntry | undefined {
    const role = span.hint?.role;
    if (!role || !this.dct) return undefined;
    const dct = this.dct;
    const country = span.hint?.country;
    // "leader" means the country's leading roles; without a country, any office.
    const anyRole = role === "leader" && !country;
    const roles = role === "leader" && country ? leaderRoles(country) : [role];
    const holding = candidates.filter((c) =>
      (c.offices ?? []).some((o) => (anyRole || roles.includes(o.role)) && (!country || o.country === country) && officeActive(o, dct)),
    );
    return holding.length === 1 ? holding[0] : undefined;
  }

  /**
   * For each pending surname, the closest full-name mention of one of its candidates (or of an unknown person
   * with that surname) before it — or after it when `forward` — found in one sweep.
   */
  private nearestAntecedents(all: Span[], forward: boolean): Map<Span, Span> {
    const lastByEntity = new Map<string, Span>();
    const lastByLocalSurname = new Map<string, Span>();
    const found = new Map<Span, Span>();
    const order = forward ? [...all].reverse() : all;
    for (const s of order) {
      if (s.surnames) {
        let best: Span | undefined;
        for (const c of s.surnames) best = closer(lastByEntity.get(c.id), best, forward);
        best = closer(lastByLocalSurname.get(this.units[s.to - 1].key), best, forward);
        if (best) found.set(s, best);
      } else if (s.entry?.type === "person") lastByEntity.set(s.entry.id, s);
      else if (s.local?.type === "person" && s.local.surnameKey) lastByLocalSurname.set(s.local.surnameKey, s);
    }
    return found;
  }

  /** Lone surnames of unknown people named in full elsewhere in the document ("Hichilema" after "Hakainde Hichilema"). */
  matchLoneLocalSurnames(): void {
    const people = this.live().filter((s) => s.local?.type === "person");
    if (people.length === 0) return;
    const bySurname = new Map<string, Span>();
    for (const s of people) {
      const key = s.local!.surnameKey;
      if (key && !s.loneLocal && !bySurname.has(key) && !this.idx.titles.next.has(key)) bySurname.set(key, s);
    }
    for (const s of people) {
      const owner = s.loneLocal && s.local!.surnameKey ? bySurname.get(s.local!.surnameKey) : undefined;
      if (owner) s.local = owner.local;
    }
    for (let i = 0; i < this.n; i++) {
      const u = this.units[i];
      if (this.covered[i] || u.shape !== 1 || u.pos !== "PROPN" || this.properWord(this.units[i + 1], false)) continue;
      const owner = bySurname.get(u.key);
      if (owner) this.add({ from: i, to: i + 1, via: "surname", local: owner.local });
    }
  }

  /** 5. Matches sorted by start, and one entity per id with all its mentions. */
  result(): EntityReading {
    const matches: EntityMatch[] = [];
    for (const s of this.live().sort((x, y) => x.from - y.from)) {
      const id = s.entry?.id ?? s.local?.id;
      if (!id) continue;
      const first = this.units[s.from];
      const last = this.units[s.to - 1];
      matches.push({
        start: first.start,
        end: last.end,
        text: this.doc.text.slice(first.start, last.end),
        entity: id,
        name: s.entry?.name ?? s.local!.name,
        type: s.entry?.type ?? s.local!.type,
        sentence: Math.max(0, first.sentence),
        first: first.tok,
        last: last.tok + 1,
        via: s.via,
      });
    }
    this.governments(matches);
    const byId = new Map<string, Entity>();
    for (const m of matches) {
      let e = byId.get(m.entity);
      if (!e) {
        e = { id: m.entity, name: m.name, type: m.type, mentions: [] };
        byId.set(m.entity, e);
      }
      const mention: EntityMention = { start: m.start, end: m.end, text: m.text, sentence: m.sentence };
      e.mentions.push(mention);
    }
    return { entities: [...byId.values()], matches };
  }

  /**
   * "The Trump administration and Kyiv plan to sign the deal", "the Netanyahu government": a leader's name before a
   * word for the government they led names that country's government, not the person.
   */
  private governments(matches: EntityMatch[]): void {
    const tokens = this.doc.tokens;
    for (const m of matches) {
      if (m.type !== "person") continue;
      let next = m.last;
      while (tokens[next]?.pos === "SPACE") next++;
      const word = tokens[next];
      if (!word || !GOVERNMENT_WORDS.has(word.lower) || word.sentence !== tokens[m.last - 1]?.sentence) continue;
      const offices = (this.idx.byId.get(m.entity)?.offices ?? []).filter((o) => leaderRoles(o.country).includes(o.role));
      const office = offices.find((o) => this.dct && officeActive(o, this.dct)) ?? offices.at(-1);
      const country = office && this.idx.byCode.get(office.country);
      if (!country || country.type !== "country") continue;
      m.end = word.end;
      m.last = next + 1;
      m.text = this.doc.text.slice(m.start, m.end);
      m.entity = country.id;
      m.name = country.name;
      m.type = country.type;
      m.via = "name";
    }
    // "The administration and Kyiv plan to sign": the bare word is the American usage, for the United States'
    // government, when the article is about the United States at all.
    const us = this.idx.byCode.get("US");
    if (!us || !matches.some((m) => m.entity === us.id || (this.idx.byId.get(m.entity)?.offices ?? []).some((o) => o.country === "US" && leaderRoles("US").includes(o.role)))) return;
    const taken = new Set(matches.flatMap((m) => Array.from({ length: m.last - m.first }, (_, i) => m.first + i)));
    for (let t = 1; t < tokens.length; t++) {
      const w = tokens[t];
      if (w.lower !== "administration" || taken.has(t) || tokens[t - 1].lower !== "the" || ["NOUN", "PROPN", "ADJ"].includes(tokens[t + 1]?.pos ?? "")) continue;
      matches.push({ start: w.start, end: w.end, text: w.text, entity: us.id, name: us.name, type: us.type, sentence: Math.max(0, w.sentence), first: t, last: t + 1, via: "name" });
    }
    matches.sort((a, b) => a.start - b.start);
  }

  private add(span: Span): Span {
    this.spans.push(span);
    for (let q = span.from; q < span.to; q++) this.covered[q] = span;
    return span;
  }

  private remove(span: Span): void {
    for (let q = span.from; q < span.to; q++) if (this.covered[q] === span) this.covered[q] = null;
    span.to = span.from;
  }

  private live(): Span[] {
    return this.spans.filter((s) => s.to > s.from);
  }

  private free(from: number, to: number): boolean {
    for (let q = from; q < to; q++) if (this.covered[q]) return false;
    return true;
  }

  private spanEndingAt(j: number): Span | null {
    const s = j > 0 ? this.covered[j - 1] : null;
    return s && s.to === j ? s : null;
  }

  private spanStartingAt(j: number): Span | null {
    const s = this.covered[j];
    return s && s.from === j ? s : null;
  }

  /** Title phrases found so far by start unit: a title depends only on the units, and several steps ask again. */
  private readonly titles: Array<{ len: number; hits: TitlePhrase[] } | null | undefined> = [];

  private titleAt(i: number) {
    let found = this.titles[i];
    if (found === undefined) {
      found = this.units[i]?.wordy ? longest(this.units[i].firsts.titles, this.units, i) : null;
      this.titles[i] = found;
    }
    return found;
  }

  private textOf(from: number, to: number): string {
    return this.doc.text.slice(this.units[from].start, this.units[to - 1].end);
  }

  /**
   * A capitalised proper noun that continues a name. Before a match the word may open its sentence unless it is a
   * function word; after a match it may not (sentence-initial capitals say nothing).
   */
  private properWord(u: Unit | undefined, leftOfMatch: boolean): boolean {
    if (!u || !u.wordy || u.shape === 0 || u.pos !== "PROPN") return false;
    return leftOfMatch ? !this.lex.notStarts.has(u.key) : !u.initial;
  }

  /** A word that can be part of an unknown name: capitalised, not a month or weekday, not a common word written in lower case elsewhere. */
  private nameWord(u: Unit | undefined): boolean {
    if (!u || !u.lettered || u.shape === 0 || this.lex.notNames.has(u.key)) return false;
    if (this.lowerWords.has(u.key) && u.pos !== "PROPN" && !this.lex.suffixType.has(u.key)) return false;
    return u.pos === "PROPN" || !u.initial;
  }

  /** End of the unknown proper-name run starting at i: capitalised words with connectors between them. */
  private runFrom(i: number, needNoun: boolean): number {
    let j = i;
    let end = i;
    while (j < this.n && !this.covered[j]) {
      const u = this.units[j];
      if (this.nameWord(u) && (!needNoun || u.pos === "PROPN" || u.pos === "NOUN")) {
        j++;
        end = j;
      } else if (end > i && u.shape === 0 && this.lex.connectors.has(u.key) && this.nameWord(this.units[j + 1]) && !this.covered[j + 1]) j++;
      else break;
    }
    return end;
  }
}
