// Reads by a list of ids that may be long (a 100 000-participant trial has that many queries): one
// statement binds at most `size` ids, so SQLite's 32 766 and PostgreSQL's 65 535 bound parameters are
// never reached ("too many SQL variables" at 100 000 queries).
export const IN_LIST_LIMIT = 10_000;

/** Splits `items` into consecutive parts of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `read` on parts of `ids` of at most `size` and joins the rows in order of the parts. */
export async function readInChunks<I, R>(
  ids: readonly I[],
  read: (part: I[]) => Promise<R[]>,
  size = IN_LIST_LIMIT,
): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(ids, size)) out.push(...(await read(part)));
  return out;
}
