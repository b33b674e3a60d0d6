// Links each freshly stored article into the ledger, inside its ingest transaction: loads what the link stage reads
// (claims by type into an in-memory index, the stored state of the claims it touches), runs it, and writes its changes.
// One linker serves one ingest run and keeps the run's claims and states in memory, so an article costs a handful of
// statements.
import type { EventMention, SourceRef } from "../domain/extraction.js";
import type { ClaimState } from "../domain/ledger.js";
import type { Reading } from "../link/02-readings.js";
import { DEFAULT_LINK_OPTIONS, type LinkOptions } from "../link/03-coreference.js";
import { ClaimIndex } from "../link/claim-index.js";
import { linkArticle, type LedgerView } from "../link/index.js";
import { outletEntity } from "../link/04-origins.js";
import type { Executor } from "../store/index.js";
import { applyLedgerChanges, claimsOfType } from "../store/ledger.js";
import { articleOutlets, claimStates, entityNames } from "../store/linking.js";
import { ledgerReadings, type LedgerReadings } from "./read.js";

export interface LedgerOptions {
  link: LinkOptions;
}

export const DEFAULT_LEDGER_OPTIONS: LedgerOptions = { link: DEFAULT_LINK_OPTIONS };

/** A just-stored article as the linker needs it, handed over by ingest instead of being read back. */
export interface ArticleToLink {
  id: string;
  /** Its ingest sequence number. */
  seq: number;
  text: string;
  /** The publishing outlet's stored name. */
  outlet: string | null;
  published: string | null;
  near_duplicate_of: string | null;
  credits: SourceRef[];
  sentences: { start: number; end: number }[];
  events: EventMention[];
  /** The mentions as the ledger reads them, when already read (on a reader thread). */
  ledger?: LedgerReadings;
}

/** How each stored article is linked into the ledger, inside its own ingest transaction. */
export type ArticleLinker = (tx: Executor, article: ArticleToLink) => Promise<void>;

// A reading is compared with at most this many claims: the most recently reported ones sharing a party.
const POOL_LIMIT = 200;
// Claims whose stored state the linker keeps at hand; past this it starts afresh, reading states back as needed.
const STATE_CACHE_CLAIMS = 50_000;

/** What one ingest run's linker keeps between articles. */
interface RunMemory {
  /** Claims whose stored state is kept at hand at most. */
  stateLimit: number;
  index: ClaimIndex;
  /** The stored state of claims this run has read or written, as it is in the store now. */
  states: Map<string, ClaimState>;
  names: Map<string, string>;
}

/** The link stage's read port over the store and the run's memory, within one transaction. */
function storeView(tx: Executor, memory: RunMemory, opts: LedgerOptions): LedgerView {
  return {
    async candidates(r: Reading, published: string | null) {
      if (!memory.index.has(r.type)) memory.index.load(r.type, await claimsOfType(tx, r.type));
      return memory.index.candidates({ type: r.type, participants: r.parties.length > 0 ? r.parties : r.named, published, lookbackDays: opts.link.lookbackDays, limit: POOL_LIMIT });
    },
    async states(ids: string[]) {
      let unknown = ids.filter((id) => !memory.states.has(id));
      if (unknown.length > 0) {
        // Starting afresh forgets the states of the claims asked for too: all of them are read back, never taken as
        // claims without reports (which would write their origins a second time).
        if (memory.states.size + unknown.length > memory.stateLimit) {
          memory.states.clear();
          unknown = [...new Set(ids)];
        }
        for (const [id, state] of await claimStates(tx, unknown)) memory.states.set(id, state);
      }
      return new Map(ids.filter((id) => memory.states.has(id)).map((id) => [id, memory.states.get(id)!]));
    },
    async outlets(articleIds: string[]) {
      const names = await articleOutlets(tx, articleIds);
      return new Map([...names].map(([id, name]) => [id, { name, entity: outletEntity(name) }]));
    },
    async names(ids: string[]) {
      const unknown = ids.filter((id) => !memory.names.has(id));
      const found = await entityNames(tx, unknown);
      unknown.forEach((id, i) => memory.names.set(id, found[i]));
      return new Map(ids.map((id) => [id, memory.names.get(id)!]));
    },
  };
}

/** The link stage's read port over the store alone, for a reading that is looked at but not stored. */
export function ledgerView(db: Executor, opts: LedgerOptions = DEFAULT_LEDGER_OPTIONS): LedgerView {
  return storeView(db, { stateLimit: STATE_CACHE_CLAIMS, index: new ClaimIndex(opts.link), states: new Map(), names: new Map() }, opts);
}

function forget(memory: RunMemory): void {
  memory.index.clear();
  memory.states.clear();
}

/**
 * The linker of one ingest run. Articles must be handed over in the order they were stored. `stateCacheClaims` bounds
 * the claims whose stored state it keeps in memory.
 */
export function createLinker(opts: LedgerOptions = DEFAULT_LEDGER_OPTIONS, { stateCacheClaims = STATE_CACHE_CLAIMS }: { stateCacheClaims?: number } = {}): ArticleLinker {
  const memory: RunMemory = { stateLimit: stateCacheClaims, index: new ClaimIndex(opts.link), states: new Map(), names: new Map() };
  let lastSeq: number | null = null;
  return async (tx, article) => {
    // Another writer stored articles since this run's last one, so its claims may have changed: read them afresh.
    if (lastSeq !== null && article.seq !== lastSeq + 1) forget(memory);
    lastSeq = null;
    try {
      const ledger = article.ledger?.outlet === article.outlet ? article.ledger : ledgerReadings(article);
      const { changes, claims } = await linkArticle({ ...article, readings: ledger.readings }, storeView(tx, memory, opts), opts.link);
      await applyLedgerChanges(tx, changes, new Map(article.events.map((e) => [e.id, e.trigger])));
      for (const { key, state } of claims) {
        memory.states.set(key.id, state);
        // The index holds each claim as the store returns it (participants unique), so matching does not depend on
        // whether a claim was started in this run or read back.
        memory.index.put({ ...key, participants: [...new Set(key.participants)].sort() });
      }
    } catch (err) {
      // The article's writes are undone, so what the run's memory took from it never reached the store.
      forget(memory);
      throw err;
    }
    lastSeq = article.seq;
  };
}
