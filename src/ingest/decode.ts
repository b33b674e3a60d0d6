// Bytes to text, refusing what is not text: empty input, binary data, invalid UTF-8.

/** Why bytes could not be read as a text document. */
export class DecodeError extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: true });
// How much of the input the control-character census looks at, and the share that marks it as binary.
const SNIFF_BYTES = 64 * 1024;
const MAX_CONTROL_SHARE = 0.1;

/** Byte offset of the first byte that breaks UTF-8, or -1; only called once the fast decoder has failed. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Throws DecodeError when the bytes look like binary data rather than text. */
function refuseBinary(buf: Uint8Array): void {
  if (buf.indexOf(0) !== -1) throw new DecodeError("binary file (contains NUL bytes), not a text document");
  const n = Math.min(buf.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_SHARE) {
    throw new DecodeError("binary file (mostly control characters), not a text document");
  }
}

/**
 * Decodes a document's bytes as UTF-8 (UTF-16 when it starts with a UTF-16 byte-order mark), or throws a
 * DecodeError saying what is wrong: empty, binary, or not valid UTF-8 (with the byte offset).
 */
export function decodeText(buf: Uint8Array): string {
  if (buf.length === 0) throw new DecodeError("empty file");
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const label = buf[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      return new TextDecoder(label, { fatal: true }).decode(buf.subarray(2));
    } catch {
      throw new DecodeError(`not valid ${label.toUpperCase()} text`);
    }
  }
  refuseBinary(buf);
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new DecodeError(`not valid UTF-8${at >= 0 ? ` (first bad byte at offset ${at})` : ""}; save it as UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new DecodeError("empty document (only whitespace)");
  return text;
}
