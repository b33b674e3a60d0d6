// The gazetteer: countries, people with dated offices, organisations, outlets, places and events loaded from
// data/gazetteer, with one token-sequence index built once per process for linking names and titles.
import type { EntityType } from "../domain/extraction.js";
import { loadData } from "./resources.js";

/** One dated office; `from` inclusive, `to` exclusive (null while held). Dates are YYYY-MM-DD or YYYY-MM. */
export interface Office {
  role: string;
  /** ISO 3166 alpha-2 code, or the code of an organisation ("UN", "EU", "EC", "NATO", …). */
  country: string;
  from: string;
  to: string | null;
}

/** One record of the gazetteer, whatever its file. */
export interface GazetteerEntry {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Country a body, place or outlet belongs to (ISO alpha-2). */
  country?: string;
  /** Code used in offices and titles ("US" for a country, "UN", "EU", "NATO" for organisations). */
  code?: string;
  /** Outlet kind: agency, newspaper, broadcaster, magazine, online. */
  kind?: string;
  /** An outlet that is a government's own media: its word is the government's. */
  state_media?: boolean;
  demonyms?: string[];
  capital?: string;
  capitalAliases?: string[];
  capitalMetonym?: boolean;
  /** A body that is also a building where happenings take place ("at the White House", "a Kremlin meeting"). */
  venue?: boolean;
  /** The office whose holder a venue is the seat of ("president" for the White House): its meetings are the holder's. */
  seatOf?: string;
  /** The place (or venue) this place lies within: a palace in its city, a city in its region. */
  within?: string;
  un?: boolean;
  /** Roles a bare "<country> leader" refers to. */
  leader?: string[];
  offices?: Office[];
  surname?: string | null;
  /** The surname is also a common word or name: link it alone only when the full name is in the document. */
  surnameCommon?: boolean;
  /** Names that mean this entry only once it is named otherwise in the same document ("the North"). */
  contextAliases?: string[];
}

/** How an alias names its entity; ranked from most to least specific. */
export type AliasKind = "name" | "alias" | "capital" | "demonym" | "surname";

/** Capitalisation a piece of an alias demands of the text: none, an initial capital, or all capitals. */
export type Shape = 0 | 1 | 2;

export interface AliasHit {
  entry: GazetteerEntry;
  kind: AliasKind;
  shapes: Shape[];
  length: number;
}

export interface TitlePhrase {
  phrase: string;
  role: string | null;
  /** Country the title implies when the text names none ("secretary of state" → US). */
  country?: string;
  honorific?: boolean;
  /** A body named by its country ("South Korea's spy agency"): entity id per country code. */
  body?: Record<string, string>;
  shapes: Shape[];
  length: number;
}

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  hits: T[];
}

interface TitlesFile {
  roleRank: Record<string, number>;
  defaultLeader: string[];
  phrases: Array<{ phrase: string; role: string | null; country?: string; honorific?: boolean; body?: Record<string, string> }>;
  passModifiers: string[];
  blockModifiers: string[];
}

/** Suffix words, connectors and non-name words used to type and bound unknown proper names. */
export interface LocalNamesFile {
  suffixTypes: Record<string, string[]>;
  connectors: string[];
  /** Inner words that mark an unknown name as an organisation ("Bank of Korea"). */
  orgJoiners: string[];
  notNameStarts: string[];
  notNames: string[];
  /** Common given names: an unknown name that starts with one is a person. */
  firstNames: string[];
}

const ENTITY_FILES: Array<[string, EntityType | null]> = [
  ["gazetteer/countries.json", "country"],
  ["gazetteer/people.json", "person"],
  ["gazetteer/organizations.json", null],
  ["gazetteer/outlets.json", "outlet"],
  ["gazetteer/places.json", null],
  ["gazetteer/events.json", null],
];

const KIND_ORDER: Record<AliasKind, number> = { name: 0, alias: 1, capital: 2, demonym: 3, surname: 4 };
const DIACRITICS = /[\u0300-\u036f]/g;
const CURLY = /[\u2018\u2019\u02bc`´]/g;
const SEPARATORS = /[-\u2010-\u2015/]+/;
const LETTERS = /\p{L}/gu;

const ASCII = /^[\x20-\x7e]*$/;
const keyCache = new Map<string, string>();

/** Normalised key of one piece of text: lower case, no diacritics, straight apostrophes, no periods. */
export function pieceKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = computeKey(text);
    // Bounded: the vocabulary of news text is large but finite; start over rather than grow without end.
    if (keyCache.size > 100_000) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

function computeKey(text: string): string {
  if (ASCII.test(text)) {
    const lower = text.toLowerCase().replace(/`/g, "'");
    const bare = lower.replace(/\./g, "");
    return bare.length > 0 ? bare : lower;
  }
  const folded = text.normalize("NFD").replace(DIACRITICS, "").replace(/ı/g, "i").toLowerCase().replace(CURLY, "'");
  const noDots = folded.replace(/\./g, "");
  return noDots.length > 0 ? noDots : folded;
}

/** The slug of a name: its normalised key with every run of other characters made one hyphen ("Bergen Tidende
 * Nyhetsbyrå" → "bergen-tidende-nyhetsbyra"). The one slug of the product: local entity ids and source keys use it. */
export function slugOf(text: string): string {
  return pieceKey(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Capitalisation class of a piece of text. */
export function shapeOf(text: string): Shape {
  const letters = text.match(LETTERS);
  if (!letters) return /^\d/.test(text) ? 1 : 0;
  const first = letters[0];
  if (first === first.toLowerCase()) return 0;
  if (letters.length >= 2 && letters.every((c) => c !== c.toLowerCase())) return 2;
  return 1;
}

/** Splits one word the way the document side is split: at hyphens and slashes, and before a trailing 's or '. */
export function splitWord(word: string): string[] {
  const out: string[] = [];
  for (const part of word.split(SEPARATORS)) {
    if (!part) continue;
    const straight = part.replace(CURLY, "'");
    if (straight.length > 2 && straight.toLowerCase().endsWith("'s")) {
      out.push(part.slice(0, -2), part.slice(-2));
    } else if (straight.length > 1 && straight.endsWith("'") && !straight.startsWith("'")) {
      out.push(part.slice(0, -1), part.slice(-1));
    } else out.push(part);
  }
  return out;
}

/** The pieces of a name or phrase as written (for shapes) — keys come from `pieceKey`. */
export function splitName(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).flatMap(splitWord);
}

function trieNode<T>(): TrieNode<T> {
  return { next: new Map(), hits: [] };
}

function trieInsert<T>(root: TrieNode<T>, keys: string[], hit: T): void {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) {
      child = trieNode<T>();
      node.next.set(key, child);
    }
    node = child;
  }
  node.hits.push(hit);
}

function trieExact<T>(root: TrieNode<T>, keys: string[]): T[] {
  let node: TrieNode<T> | undefined = root;
  for (const key of keys) {
    node = node.next.get(key);
    if (!node) return [];
  }
  return node.hits;
}

/** Day-precision form of a date: "2025-10" → "2025-10-01", "2025" → "2025-01-01". */
export function dayOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date.slice(0, 10);
}

/** Whether an office is held on a date (YYYY-MM-DD). */
export function officeActive(office: Office, date: string): boolean {
  const day = dayOf(date);
  return dayOf(office.from) <= day && (office.to === null || day < dayOf(office.to));
}

/** The lookup structures built once from the gazetteer files. */
export interface GazetteerIndex {
  entries: GazetteerEntry[];
  byId: Map<string, GazetteerEntry>;
  byCode: Map<string, GazetteerEntry>;
  names: TrieNode<AliasHit>;
  /** Aliases that hold only where the entity is already named in the document. */
  context: TrieNode<AliasHit>;
  titles: TrieNode<TitlePhrase>;
  holders: Map<string, Array<{ person: GazetteerEntry; office: Office }>>;
  roleRank: Map<string, number>;
  defaultLeader: string[];
  passModifiers: Set<string>;
  /** The role each title phrase names, by its lower case ("prime minister" → prime-minister). */
  titleRoles: Map<string, string>;
  blockModifiers: Set<string>;
  local: LocalNamesFile;
}

let index: GazetteerIndex | null = null;

function addAlias(idx: GazetteerIndex, entry: GazetteerEntry, alias: string, kind: AliasKind): void {
  // A lower-case leading article is optional in running text, so the mention starts at the name itself.
  const text = alias.replace(/^the\s+/, "");
  const pieces = splitName(text);
  if (pieces.length === 0) return;
  const keys = pieces.map(pieceKey);
  const shapes = pieces.map(shapeOf);
  const same = trieExact(idx.names, keys).some((h) => h.entry === entry && h.shapes.join() === shapes.join());
  if (!same) trieInsert(idx.names, keys, { entry, kind, shapes, length: pieces.length });
}

/** Plural forms of a demonym that name its people ("Americans", "Israelis"). */
function demonymPlural(demonym: string): string | null {
  if (/(an|i|er|ite)$/.test(demonym)) return `${demonym}s`;
  return null;
}

function build(): GazetteerIndex {
  const titles = loadData<TitlesFile>("gazetteer/titles.json");
  const idx: GazetteerIndex = {
    entries: [],
    byId: new Map(),
    byCode: new Map(),
    names: trieNode(),
    context: trieNode(),
    titles: trieNode(),
    holders: new Map(),
    roleRank: new Map(Object.entries(titles.roleRank)),
    defaultLeader: titles.defaultLeader,
    passModifiers: new Set(titles.passModifiers.map(pieceKey)),
    titleRoles: new Map(),
    blockModifiers: new Set(titles.blockModifiers.map(pieceKey)),
    local: loadData<LocalNamesFile>("gazetteer/local-names.json"),
  };
  for (const [file, type] of ENTITY_FILES) {
    for (const raw of loadData<GazetteerEntry[]>(file)) {
      const entry: GazetteerEntry = { ...raw, type: (type ?? raw.type) as EntityType, aliases: raw.aliases ?? [] };
      if (entry.type === "country" && !entry.code) entry.code = entry.id.slice("country:".length);
      idx.entries.push(entry);
      idx.byId.set(entry.id, entry);
      if (entry.code) idx.byCode.set(entry.code, entry);
    }
  }
  for (const entry of idx.entries) {
    addAlias(idx, entry, entry.name, "name");
    for (const alias of entry.aliases) addAlias(idx, entry, alias, "alias");
    for (const demonym of entry.demonyms ?? []) {
      addAlias(idx, entry, demonym, "demonym");
      const plural = demonymPlural(demonym);
      if (plural) addAlias(idx, entry, plural, "demonym");
    }
    if (entry.capital && entry.capitalMetonym !== false) addAlias(idx, entry, entry.capital, "capital");
    for (const alias of entry.capitalAliases ?? []) addAlias(idx, entry, alias, "capital");
    if (entry.surname) addAlias(idx, entry, entry.surname, "surname");
    for (const alias of entry.contextAliases ?? []) {
      const pieces = splitName(alias);
      trieInsert(idx.context, pieces.map(pieceKey), { entry, kind: "alias", shapes: pieces.map(shapeOf), length: pieces.length });
    }
    for (const office of entry.offices ?? []) {
      const key = `${office.role}|${office.country}`;
      const list = idx.holders.get(key) ?? [];
      list.push({ person: entry, office });
      idx.holders.set(key, list);
    }
  }
  for (const t of titles.phrases) {
    const pieces = splitName(t.phrase);
    const phrase: TitlePhrase = { ...t, shapes: pieces.map(shapeOf), length: pieces.length };
    trieInsert(idx.titles, pieces.map(pieceKey), phrase);
    if (t.role && !t.honorific) idx.titleRoles.set(t.phrase.toLowerCase(), t.role);
  }
  return idx;
}

/** The gazetteer index, built on first use. */
export function gazetteer(): GazetteerIndex {
  if (!index) index = build();
  return index;
}

/** Every record of the gazetteer, in file order. */
export function allEntries(): readonly GazetteerEntry[] {
  return gazetteer().entries;
}

/** The record with this id, or undefined. */
export function entityById(id: string): GazetteerEntry | undefined {
  return gazetteer().byId.get(id);
}

/** The country or organisation with this office code ("KP", "UN", "EU"). */
export function entityByCode(code: string): GazetteerEntry | undefined {
  return gazetteer().byCode.get(code);
}

/** Seniority of a role: lower is more senior; unknown roles rank last. */
export function roleRank(role: string): number {
  return gazetteer().roleRank.get(role) ?? 9;
}

/** Roles that "<country> leader" means for this country. */
export function leaderRoles(code: string): string[] {
  return gazetteer().byCode.get(code)?.leader ?? gazetteer().defaultLeader;
}

/**
 * Whether a person is known to hold offices none of which leads a country on `date` (any date when null): an envoy or a
 * minister, not a president. Unknown people and people with no office on file are not ruled out.
 */
export function knownNonLeader(id: string, date: string | null): boolean {
  return (gazetteer().byId.get(id)?.offices?.length ?? 0) > 0 && !holdsRole(id, "leader", date);
}

/** The role a bare title names ("president", "prime minister", "top diplomat"), if the title list has it. */
export function roleOfTitle(words: string): string | null {
  return gazetteer().titleRoles.get(words.toLowerCase()) ?? null;
}

/** Whether a person holds `role` (for any country; "leader" meaning a country's leading roles) on `date`, any date when null. */
export function holdsRole(id: string, role: string, date: string | null): boolean {
  const offices = gazetteer().byId.get(id)?.offices ?? [];
  return offices.some((o) => (role === "leader" ? leaderRoles(o.country).includes(o.role) : o.role === role) && (date === null || officeActive(o, date)));
}

/** The person holding `role` for `country` on `date`; none when several hold it at once (spokespeople). */
export function officeholder(role: string, country: string, date: string): GazetteerEntry | undefined {
  const roles = role === "leader" ? leaderRoles(country) : [role];
  for (const r of roles) {
    const active = (gazetteer().holders.get(`${r}|${country}`) ?? []).filter((item) => officeActive(item.office, date));
    const people = new Set(active.map((item) => item.person));
    if (people.size === 1) return active[0].person;
    if (people.size > 1) return undefined;
  }
  return undefined;
}

/** The people who hold an office of a country (its code, "US") at some time from `from` to `to` (YYYY-MM-DD). */
export function officialsOf(country: string, from: string, to: string): string[] {
  const out = new Set<string>();
  for (const [key, list] of gazetteer().holders) {
    if (!key.endsWith(`|${country}`)) continue;
    for (const { person, office } of list) if (dayOf(office.from) <= dayOf(to) && (office.to === null || dayOf(office.to) > dayOf(from))) out.add(person.id);
  }
  return [...out].sort();
}

/** Most senior office a person holds on `date` (any date when null), as a rank; Infinity when none. */
export function seniorityOn(person: GazetteerEntry, date: string | null): number {
  let best = Infinity;
  for (const office of person.offices ?? []) {
    if (date && !officeActive(office, date)) continue;
    best = Math.min(best, roleRank(office.role));
  }
  return best;
}

/**
 * Picks one person among several sharing a surname, by the offices they hold on `date`:
 * the most senior officeholder wins; with no officeholder, a sole candidate wins; otherwise none.
 */
export function pickBySeniority(candidates: GazetteerEntry[], date: string | null): GazetteerEntry | undefined {
  if (candidates.length === 0) return undefined;
  let best: GazetteerEntry | undefined;
  let bestRank = Infinity;
  for (const c of candidates) {
    const rank = seniorityOn(c, date);
    if (rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  if (best) return best;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Orders alias hits from the most to the least specific kind. */
export function byKind(a: AliasHit, b: AliasHit): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * Resolves a name as a question or another stage writes it ("Donald Trump", "Kim", "Pyongyang",
 * "the South Korean president") to the best entity on `date`.
 */
export function resolveName(name: string, date?: string | null): GazetteerEntry | undefined {
  const idx = gazetteer();
  const when = date ?? null;
  const trimmed = name.trim();
  // As written first ("The Times", "Barron's"), then without a leading article or a possessive.
  const forms = [trimmed, trimmed.replace(/^the\s+/i, ""), trimmed.replace(/^the\s+/i, "").replace(/['’]s$/, "")];
  let keys: string[] = [];
  for (const form of forms) {
    const pieces = splitName(form);
    if (pieces.length === 0) continue;
    keys = pieces.map(pieceKey);
    const found = pickHit(trieExact(idx.names, keys), when);
    if (found) return found;
  }
  if (keys.length === 0) return undefined;
  return resolveTitle(keys, when);
}

function pickHit(hits: AliasHit[], when: string | null): GazetteerEntry | undefined {
  if (hits.length === 0) return undefined;
  const sorted = [...hits].sort(byKind);
  const direct = sorted.filter((h) => h.kind !== "surname");
  if (direct.length > 0) {
    const people = direct.filter((h) => h.entry.type === "person").map((h) => h.entry);
    if (people.length > 1) return pickBySeniority(people, when) ?? direct[0].entry;
    return direct[0].entry;
  }
  return pickBySeniority(
    sorted.map((h) => h.entry),
    when,
  );
}

/** "<country or demonym> <title>" or "<title> of <country>" resolved to the officeholder on `date`. */
function resolveTitle(keys: string[], date: string | null): GazetteerEntry | undefined {
  if (!date) return undefined;
  const idx = gazetteer();
  for (let split = 1; split < keys.length; split++) {
    let head = keys.slice(0, split);
    if (head[head.length - 1] === "'s") head = head.slice(0, -1);
    const country = trieExact(idx.names, head).find((h) => h.kind !== "surname" && h.entry.code);
    const title = trieExact(idx.titles, keys.slice(split)).find((t) => t.role);
    if (country && title?.role) return officeholder(title.role, country.entry.code!, date);
  }
  const of = keys.indexOf("of");
  if (of > 0) {
    const title = trieExact(idx.titles, keys.slice(0, of)).find((t) => t.role);
    const rest = keys.slice(of + 1);
    const country = trieExact(idx.names, rest[0] === "the" ? rest.slice(1) : rest).find((h) => h.entry.code);
    if (title?.role && country) return officeholder(title.role, country.entry.code!, date);
  }
  const bare = trieExact(idx.titles, keys).find((t) => t.role && t.country);
  if (bare?.role && bare.country) return officeholder(bare.role, bare.country, date);
  return undefined;
}
