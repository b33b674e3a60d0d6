import { createHash } from "node:crypto";

/** A stable article id derived from its text: the first 16 hex digits of its SHA-256. */
export function contentId(text: string): string {
  return createHash("sha256").update(text.normalize("NFC")).digest("hex").slice(0, 16);
}
