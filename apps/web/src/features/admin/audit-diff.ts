// Before and after values of an audit entry, side by side per field. Values arrive as parsed JSON: an
// object compares field by field; anything else (a list, a number, text) compares as one value.
interface DiffRow {
  /** The field name, or null when before/after are not objects and compare as a whole. */
  field: string | null;
  before: string | null;
  after: string | null;
  changed: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value in one line: text as is, everything else as JSON; null and absent as null. */
function showValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Rows of before and after; `show` writes a value for reading (default: one line, JSON for structures). */
export function diffRows(
  before: unknown,
  after: unknown,
  show: (value: unknown, field?: string) => string | null = showValue,
): DiffRow[] {
  if (before == null && after == null) return [];
  const objects = (before == null || isPlainObject(before)) && (after == null || isPlainObject(after));
  if (!objects) {
    const b = show(before);
    const a = show(after);
    return [{ field: null, before: b, after: a, changed: b !== a }];
  }
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields.map((field) => {
    const bv = show(b[field], field);
    const av = show(a[field], field);
    return { field, before: bv, after: av, changed: bv !== av };
  });
}
