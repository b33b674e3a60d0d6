// An article's annotations as table rows. Free of any database code, so reader threads can build them.
import type { Extraction } from "../domain/extraction.js";
import type { ColumnRows } from "./rows.js";

/**
 * An article's annotation rows as the store writes them, one value list per row in the order of `columns`. Pure, so
 * they can be built where the article is read (a reader thread) and handed over ready to write.
 */
export interface AnnotationRows {
  sentences: ColumnRows<"sentences">;
  entities: ColumnRows<"entities">;
  aliases: ColumnRows<"aliases">;
  mentions: ColumnRows<"mentions">;
  times: ColumnRows<"times">;
  attributions: ColumnRows<"attributions">;
  event_mentions: ColumnRows<"event_mentions">;
}

const SENTENCE_COLUMNS = ["article_id", "idx", "start", "end"] as const;
const ENTITY_COLUMNS = ["id", "name", "type"] as const;
const ALIAS_COLUMNS = ["entity_id", "alias"] as const;
const MENTION_COLUMNS = ["article_id", "idx", "entity_id", "start", "end", "text", "sentence"] as const;
const TIME_COLUMNS = ["article_id", "idx", "start", "end", "text", "type", "value"] as const;
const ATTRIBUTION_COLUMNS = [
  "article_id", "idx", "sentence", "source_start", "source_end", "source_text", "source_entity", "cue_start", "cue_end",
  "cue_text", "content_start", "content_end", "chain",
] as const;
const EVENT_COLUMNS = [
  "article_id", "id", "idx", "sentence", "trigger_start", "trigger_end", "trigger_text", "type", "cameo", "participants",
  "factuality", "source", "time", "condition_start", "condition_end", "stance", "background", "place",
] as const;

/** The annotation rows of an extraction. */
export function annotationRows(extraction: Extraction): AnnotationRows {
  const id = extraction.article.id;
  // Entities are shared across articles: the first reading of an id names it; every surface form becomes an alias.
  const entities = new Map<string, unknown[]>();
  const aliases = new Map<string, unknown[]>();
  const mentions: unknown[][] = [];
  for (const e of extraction.entities) {
    if (!entities.has(e.id)) entities.set(e.id, [e.id, e.name, e.type]);
    for (const form of [e.name, ...e.mentions.map((m) => m.text)]) {
      const alias = form.trim();
      if (alias) aliases.set(`${e.id}\u0000${alias}`, [e.id, alias]);
    }
    for (const m of e.mentions) mentions.push([id, mentions.length, e.id, m.start, m.end, m.text, m.sentence ?? null]);
  }
  return {
    sentences: { columns: SENTENCE_COLUMNS, values: extraction.sentences.map((s, idx) => [id, idx, s.start, s.end]) },
    entities: { columns: ENTITY_COLUMNS, values: [...entities.values()] },
    aliases: { columns: ALIAS_COLUMNS, values: [...aliases.values()] },
    mentions: { columns: MENTION_COLUMNS, values: mentions },
    times: { columns: TIME_COLUMNS, values: extraction.times.map((t, idx) => [id, idx, t.start, t.end, t.text, t.type, t.value]) },
    attributions: {
      columns: ATTRIBUTION_COLUMNS,
      values: extraction.attributions.map((at, idx) => [
        id, idx, at.sentence, at.source.start, at.source.end, at.source.text, at.source.entity, at.cue.start, at.cue.end,
        at.cue.text, at.content.start, at.content.end, JSON.stringify(at.chain),
      ]),
    },
    event_mentions: {
      columns: EVENT_COLUMNS,
      values: extraction.events.map((ev, idx) => [
        id, ev.id, idx, ev.sentence, ev.trigger.start, ev.trigger.end, ev.trigger.text, ev.type, ev.cameo,
        JSON.stringify(ev.participants), ev.factuality, JSON.stringify(ev.source), ev.time, ev.condition?.start ?? null,
        ev.condition?.end ?? null, ev.stance, ev.background ? 1 : 0, ev.place,
      ]),
    },
  };
}
