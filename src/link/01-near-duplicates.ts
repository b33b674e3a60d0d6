// Near-duplicate detection: word 5-shingles, MinHash signatures, LSH buckets to find candidates, exact overlap to decide.
// Pure: callers fetch stored candidates and write the result.

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** MinHash permutations per signature. */
export const PERMUTATIONS = 128;
/** LSH layout: BANDS × ROWS = PERMUTATIONS. Two-row bands keep trimmed copies (low Jaccard, full containment) findable. */
export const BANDS = 64;
/** Signature rows hashed together into one band bucket. */
export const ROWS = 2;
/** A stored article is a candidate when it shares at least this many band buckets. */
export const MIN_SHARED_BANDS = 2;
/**
 * Estimated Jaccard below which a bucket candidate is not checked exactly. A copy trimmed to a quarter of its
 * original has a Jaccard of about 0.25, so this only drops articles that merely share phrases.
 */
export const MIN_ESTIMATE = 0.1;
/** Shingle-set Jaccard at or above which two articles are near-duplicates. */
export const JACCARD_THRESHOLD = 0.5;
/** Share of the smaller article's shingles found in the larger one at or above which it is a (trimmed) copy. */
export const CONTAINMENT_THRESHOLD = 0.7;
/** Containment only counts when the smaller article has at least this many shingles (about 45 words). */
export const MIN_CONTAINED_SHINGLES = 40;
/** Names the parameters above; stored signatures are only comparable under the same scheme. */
export const SCHEME = `w${SHINGLE_WORDS}-p${PERMUTATIONS}-b${BANDS}x${ROWS}-v1`;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds (splitmix-style sequence from one constant) make every signature reproducible across runs and machines.
const SEED_XOR = new Uint32Array(PERMUTATIONS);
const SEED_MUL = new Uint32Array(PERMUTATIONS);
{
  let state = 0x2545f491;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
  for (let i = 0; i < PERMUTATIONS; i++) {
    SEED_XOR[i] = next();
    SEED_MUL[i] = (next() | 1) >>> 0;
  }
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-cased words with punctuation removed, the unit of shingling. */
export function words(text: string): string[] {
  const cleaned = text.normalize("NFKC").toLowerCase().replace(NON_WORD, " ").trim();
  return cleaned ? cleaned.split(" ") : [];
}

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** The set of 32-bit hashes of the text's word 5-shingles, sorted ascending without repeats. */
export function shingles(text: string): Uint32Array {
  const ws = words(text);
  if (ws.length === 0) return new Uint32Array(0);
  const wh = ws.map(hashWord);
  const n = Math.max(1, wh.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x3c6ef372;
    const end = Math.min(wh.length, i + SHINGLE_WORDS);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ wh[j], 0x9e3779b1);
      h = (h << 13) | (h >>> 19);
    }
    out[i] = fmix32(h ^ (end - i));
  }
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i];
  return out.slice(0, k);
}

/** MinHash signature of a shingle set: the minimum of each fixed permutation. An empty set gives all-ones. */
export function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (let s = 0; s < set.length; s++) {
    const x = set[s];
    for (let i = 0; i < PERMUTATIONS; i++) {
      const h = fmix32(Math.imul(x ^ SEED_XOR[i], SEED_MUL[i]));
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** LSH bucket of each band of a signature, as signed 32-bit integers (portable as an SQL integer). */
export function lshBands(sig: Uint32Array): number[] {
  const out = new Array<number>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(b + 1, 0x27d4eb2d);
    for (let r = 0; r < ROWS; r++) {
      h = Math.imul(h ^ sig[b * ROWS + r], 0x9e3779b1);
      h = (h << 15) | (h >>> 17);
    }
    out[b] = fmix32(h) | 0;
  }
  return out;
}

/** Share of permutations on which two signatures agree: an unbiased estimate of their sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Exact overlap of two sorted shingle sets. */
export function overlap(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number; smaller: number } {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  const smaller = Math.min(a.length, b.length);
  return {
    jaccard: union === 0 ? 0 : both / union,
    containment: smaller === 0 ? 0 : both / smaller,
    smaller,
  };
}

/** True when two shingle sets are copies of each other: a high Jaccard, or one mostly contained in the other. */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array): boolean {
  const o = overlap(a, b);
  if (o.jaccard >= JACCARD_THRESHOLD) return true;
  return o.smaller >= MIN_CONTAINED_SHINGLES && o.containment >= CONTAINMENT_THRESHOLD;
}

/** Everything the store keeps about one article's text for near-duplicate search. */
export interface Fingerprint {
  shingles: Uint32Array;
  signature: Uint32Array;
  bands: number[];
}

/** Shingles, MinHash signature and LSH buckets of a text. */
export function fingerprint(text: string): Fingerprint {
  const set = shingles(text);
  const signature = minhash(set);
  return { shingles: set, signature, bands: lshBands(signature) };
}

/** Signature as little-endian bytes, for a BLOB column. */
export function encodeSignature(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(sig.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i], true);
  return out;
}

/** Reads a signature written by `encodeSignature`. */
export function decodeSignature(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** A stored article as the original-picking rule sees it. */
export interface Dated {
  id: string;
  published: string | null;
  /** Ingest order. */
  seq: number;
}

/** Earlier publication first (undated last), then earlier ingest. */
export function compareDated(a: Dated, b: Dated): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.seq - b.seq;
}

/**
 * Decides the original of a new article among the originals of the stored articles it copies.
 * The earliest published wins; when the new article predates them all it becomes the original,
 * and `repoint` lists the former originals whose groups now point at it.
 */
export function pickOriginal(article: Dated, originals: Dated[]): { original: string | null; repoint: string[] } {
  if (originals.length === 0) return { original: null, repoint: [] };
  const sorted = [...originals].sort(compareDated);
  const first = sorted[0];
  if (compareDated(article, first) < 0) return { original: null, repoint: sorted.map((o) => o.id) };
  return { original: first.id, repoint: [] };
}
