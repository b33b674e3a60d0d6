// An article's content hash (`articles.content_hash`, unique, so kept twice: in the row and in its index) was the
// SHA-256 as 64 hex digits; it is now its 32 bytes (see store/content-hash, which also says how any other text a store
// holds is kept). PostgreSQL changes the column's type; SQLite keeps a column's declared type for the table's life, and
// `articles` is the parent of most tables, so its values become blobs in place (a column of text affinity keeps blobs as
// they are) and the store reads and writes them as bytes on both engines.
import { sql, type Kysely } from "kysely";
import { engineOf } from "../dialect.js";

// Migrations take an untyped handle: they must keep working after the typed schema has moved on.
type AnyDb = Kysely<any>;

/** Rewrites every content hash as bytes. */
export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`alter table articles alter column content_hash type bytea using (case
      when content_hash ~ '^[0-9a-f]{64}$' then decode(content_hash, 'hex')
      when octet_length(content_hash) = 32 then convert_to(content_hash, 'UTF8') || '\\xff'::bytea
      else convert_to(content_hash, 'UTF8') end)`.execute(db);
    return;
  }
  // Text and blobs never compare equal in SQLite, so no row's new value meets another's old one in the unique index.
  await sql`update articles set content_hash = case
      when length(content_hash) = 64 and content_hash not glob '*[^0-9a-f]*' then unhex(content_hash)
      when length(cast(content_hash as blob)) = 32 then cast(cast(content_hash as blob) || x'ff' as blob)
      else cast(content_hash as blob) end
    where typeof(content_hash) = 'text'`.execute(db);
}

/** One way: the hashes are not written as text again. */
export async function down(_db: AnyDb): Promise<void> {
  throw new Error("0029_binary_content_hash cannot be undone");
}
