// An article's content hash as the store keeps it: the SHA-256 ingest gives (64 hex digits) as its 32 bytes. Any other
// text (as a test or a caller may give) is kept as its UTF-8 bytes, with 0xFF after them when they are 32 bytes long, so
// that 32 bytes are always a digest; UTF-8 never holds 0xFF, so every text reads back as it was given.
const DIGEST = /^[0-9a-f]{64}$/;
const MARK = 0xff;

/** The bytes `content_hash` keeps for a content hash. */
export function packContentHash(hash: string): Uint8Array {
  if (DIGEST.test(hash)) return Buffer.from(hash, "hex");
  const bytes = Buffer.from(hash, "utf8");
  return bytes.length === 32 ? Buffer.concat([bytes, Buffer.from([MARK])]) : bytes;
}

/** The content hash kept as `bytes` (`packContentHash`). */
export function unpackContentHash(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length === 32) return b.toString("hex");
  return (b.length === 33 && b[32] === MARK ? b.subarray(0, 32) : b).toString("utf8");
}
