// Append-only list of schema migrations, bundled in code so a compiled build needs no migration folder on disk.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_initial.js";
import * as m0002 from "./0002_questions.js";
import * as m0003 from "./0003_story_terms.js";
import * as m0004 from "./0004_stance.js";
import * as m0005 from "./0005_happenings.js";
import * as m0006 from "./0006_feeds.js";
import * as m0007 from "./0007_binary_text.js";
import * as m0008 from "./0008_compact_readings.js";
import * as m0009 from "./0009_search.js";
import * as m0010 from "./0010_queue.js";
import * as m0011 from "./0011_entity_articles.js";
import * as m0012 from "./0012_report_place.js";
import * as m0013 from "./0013_story_state.js";
import * as m0014 from "./0014_read_indexes.js";
import * as m0015 from "./0015_origin_source.js";
import * as m0016 from "./0016_compact_store.js";
import * as m0017 from "./0017_compact_story_features.js";
import * as m0018 from "./0018_report_sources.js";
import * as m0019 from "./0019_claim_search_content.js";
import * as m0020 from "./0020_derived_story_features.js";
import * as m0021 from "./0021_report_columns.js";
import * as m0022 from "./0022_claim_participants.js";
import * as m0023 from "./0023_entity_days.js";
import * as m0024 from "./0024_entity_numbers.js";
import * as m0025 from "./0025_participant_numbers.js";
import * as m0026 from "./0026_articles_outlet_index.js";
import * as m0027 from "./0027_report_keys.js";
import * as m0028 from "./0028_claim_participant_numbers.js";
import * as m0029 from "./0029_binary_content_hash.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_questions": m0002,
  "0003_story_terms": m0003,
  "0004_stance": m0004,
  "0005_happenings": m0005,
  "0006_feeds": m0006,
  "0007_binary_text": m0007,
  "0008_compact_readings": m0008,
  "0009_search": m0009,
  "0010_queue": m0010,
  "0011_entity_articles": m0011,
  "0012_report_place": m0012,
  "0013_story_state": m0013,
  "0014_read_indexes": m0014,
  "0015_origin_source": m0015,
  "0016_compact_store": m0016,
  "0017_compact_story_features": m0017,
  "0018_report_sources": m0018,
  "0019_claim_search_content": m0019,
  "0020_derived_story_features": m0020,
  "0021_report_columns": m0021,
  "0022_claim_participants": m0022,
  "0023_entity_days": m0023,
  "0024_entity_numbers": m0024,
  "0025_participant_numbers": m0025,
  "0026_articles_outlet_index": m0026,
  "0027_report_keys": m0027,
  "0028_claim_participant_numbers": m0028,
  "0029_binary_content_hash": m0029,
};

/** Hands Kysely's Migrator the migrations above; names sort in the order they must run. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
