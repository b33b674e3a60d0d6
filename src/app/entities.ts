// What an entity has said and what has been said about it, and the actor × issue table of stated positions.
import { loadData } from "../extract/resources.js";
import type { ClaimStatus, Executor, Stage } from "../store/index.js";
import { entityAliases, getEntity, listEntities, mentionArticles, statementsBy, type EntityRow, type StatementRow } from "../store/reads.js";
import { readClaimBriefs } from "./ledger.js";

interface IssueEntry {
  id: string;
  label: string;
  types: string[];
  keywords: string[];
}
interface IssueLexicon {
  issues: IssueEntry[];
  stance: { against: string[]; for: string[] };
}

/** How a statement leans on an issue: from cue words in what was attributed. */
export type Stance = "for" | "against" | "stated";

/** One attributed statement by an entity, with the sentence it sits in. */
export interface Statement {
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  sentence: number;
  /** The whole sentence. */
  text: string;
  cue: string;
  source_text: string;
  /** The attributed content, as offsets into `text`. */
  content: { start: number; end: number };
  issues: string[];
  stance: Stance;
}

/** A claim an entity takes part in, in brief. */
export interface ClaimBrief {
  id: string;
  type: string;
  summary: string;
  statement: string;
  stage: Stage;
  status: ClaimStatus;
  polarity: "+" | "-";
  when: string | null;
  first_reported: string | null;
  last_reported: string | null;
  reports: number;
  origins: number;
  origin_sides: { for: number; against: number };
}

/** The actor page: the entity, what it said, the claims about it, and the articles that mention it. */
export interface EntityView extends EntityRow {
  aliases: string[];
  said: Statement[];
  said_about: ClaimBrief[];
  articles: Array<{ id: string; title: string | null; published: string | null; mentions: number }>;
}

/** One cell of the positions table. */
export interface PositionCell {
  for: number;
  against: number;
  stated: number;
  statements: Array<{ article: string; published: string | null; text: string; stance: Stance }>;
}

/** The actor × issue table: rows are actors, columns issues. */
export interface PositionsView {
  issues: Array<{ id: string; label: string }>;
  actors: Array<{ id: string; name: string; type: string; statements: number; positions: Record<string, PositionCell> }>;
}

// Keyword alternations are compiled once per process, not per sentence.
let compiled: { issues: Array<IssueEntry & { re: RegExp }>; against: RegExp; pro: RegExp } | null = null;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordsRegex(words: string[]): RegExp {
  const alternation = [...words].sort((a, b) => b.length - a.length).map(escape).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, "iu");
}

function lexicon() {
  if (compiled) return compiled;
  const lex = loadData<IssueLexicon>("lexicons/issues.json");
  compiled = {
    issues: lex.issues.map((i) => ({ ...i, re: wordsRegex(i.keywords) })),
    against: wordsRegex(lex.stance.against),
    pro: wordsRegex(lex.stance.for),
  };
  return compiled;
}

/** The stance of attributed content: an "against" cue wins over a "for" cue. */
export function stanceOf(content: string): Stance {
  const lex = lexicon();
  if (lex.against.test(content)) return "against";
  if (lex.pro.test(content)) return "for";
  return "stated";
}

/** Issues a sentence is about, from its keywords and the types of the events in it. */
export function issuesOf(sentence: string, eventTypes: Iterable<string> = []): string[] {
  const types = new Set(eventTypes);
  return lexicon()
    .issues.filter((i) => i.re.test(sentence) || i.types.some((t) => types.has(t)))
    .map((i) => i.id);
}

function toStatement(row: StatementRow & { event_types: string[] }): Statement {
  const text = row.text.slice(row.sentence_start, row.sentence_end);
  const start = Math.max(0, Math.min(text.length, row.content_start - row.sentence_start));
  const end = Math.max(start, Math.min(text.length, row.content_end - row.sentence_start));
  const content = text.slice(start, end) || text;
  return {
    article: row.article,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    sentence: row.sentence,
    text,
    cue: row.cue,
    source_text: row.source_text,
    content: { start, end },
    issues: issuesOf(text, row.event_types),
    stance: stanceOf(content),
  };
}

/** Entities in the store, most mentioned first. */
export async function readEntities(db: Executor, opts: { limit?: number; type?: string } = {}): Promise<EntityRow[]> {
  return listEntities(db, opts);
}

/** One entity: what it has said (attributions it is the source of), the claims it takes part in and the articles that mention it; or undefined. */
export async function readEntity(db: Executor, id: string): Promise<EntityView | undefined> {
  const entity = await getEntity(db, id);
  if (!entity) return undefined;
  const [aliases, rows, claims, articles] = await Promise.all([entityAliases(db, id), statementsBy(db, id), readClaimBriefs(db, { participant: id }), mentionArticles(db, id)]);
  return {
    ...entity,
    aliases,
    said: rows.map((r) => toStatement(r)),
    said_about: claims.map((c) => ({
      id: c.id,
      type: c.type,
      summary: c.summary,
      statement: c.statement,
      stage: c.stage,
      status: c.status,
      polarity: c.polarity,
      when: c.when,
      first_reported: c.first_reported,
      last_reported: c.last_reported,
      reports: c.reports,
      origins: c.origins,
      origin_sides: c.origin_sides,
    })),
    articles,
  };
}

/** Stated positions of every actor that is the source of an attribution, by issue. */
export async function readPositions(db: Executor, opts: { minStatements?: number } = {}): Promise<PositionsView> {
  const rows = await statementsBy(db, null, 5000);
  const names = new Map((await listEntities(db, { limit: 10_000 })).map((e) => [e.id, e]));
  const lex = lexicon();
  const actors = new Map<string, PositionsView["actors"][number]>();
  for (const row of rows) {
    const s = toStatement(row);
    const known = names.get(row.entity);
    let actor = actors.get(row.entity);
    if (!actor) {
      actor = { id: row.entity, name: known?.name ?? row.entity, type: known?.type ?? "unknown", statements: 0, positions: {} };
      actors.set(row.entity, actor);
    }
    actor.statements++;
    for (const issue of s.issues) {
      const cell = (actor.positions[issue] ??= { for: 0, against: 0, stated: 0, statements: [] });
      cell[s.stance]++;
      cell.statements.push({ article: s.article, published: s.published, text: s.text, stance: s.stance });
    }
  }
  const min = opts.minStatements ?? 1;
  return {
    issues: lex.issues.map((i) => ({ id: i.id, label: i.label })),
    actors: [...actors.values()]
      .filter((a) => a.statements >= min && Object.keys(a.positions).length > 0)
      .sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name)),
  };
}
