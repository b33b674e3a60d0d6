// Walking a table a page at a time by its key, for migrations that rewrite stored rows in place.

/**
 * Calls `visit` with each page of rows `page` returns for the key after the last row of the page before, from `start`,
 * until a page comes back empty.
 */
export async function eachPage<R, K>(start: K, page: (after: K) => Promise<R[]>, keyOf: (row: R) => K, visit: (rows: R[]) => Promise<void>): Promise<void> {
  let after = start;
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    after = keyOf(rows[rows.length - 1]);
    await visit(rows);
  }
}
