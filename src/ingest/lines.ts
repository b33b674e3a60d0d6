// Splits a byte stream into lines without ever holding more than one line (capped) in memory.

/** One line of a stream: its 1-based number and its text, or why it could not be read. */
export type Line = { number: number; text: string } | { number: number; error: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Yields the lines of a byte stream in order ("\n" or "\r\n" ends a line). A line longer than maxBytes is reported as
 * an error and skipped without being buffered; a line that is not UTF-8 is reported as an error.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    if (tooLong) return { number, error: `line is over the ${formatBytes(maxBytes)} limit` };
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    try {
      return { number, text: utf8.decode(bytes.subarray(0, end)) };
    } catch {
      return { number, error: "line is not valid UTF-8" };
    }
  };
  const reset = () => {
    parts = [];
    size = 0;
    tooLong = false;
  };
  const take = (piece: Uint8Array) => {
    if (tooLong || piece.length === 0) return;
    if (size + piece.length > maxBytes + 1) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl === -1) break;
      take(chunk.subarray(from, nl));
      yield finish();
      reset();
      from = nl + 1;
    }
    // Copy the tail: the stream may reuse the chunk's memory.
    if (from < chunk.length) take(Uint8Array.prototype.slice.call(chunk.subarray(from)) as Uint8Array);
  }
  if (size > 0 || tooLong) yield finish();
}

/** "10 MB", "512 kB", "900 bytes": sizes as people read them (1 MB = 1,048,576 bytes). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) {
    const mb = n / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (n >= 1024) {
    const kb = n / 1024;
    return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} kB`;
  }
  return `${n} bytes`;
}
