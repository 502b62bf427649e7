/** How values appear inside change messages: short, unambiguous and the same on every run. */

/** Longest text quoted in a message; longer descriptions are cut with an ellipsis. */
export const MAX_QUOTED_LENGTH = 60;

/** `none` for a missing value, strings quoted, lists in brackets, everything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return canonicalJson(value);
}

/** `(order_id, line_no)`, or `(none)` for an empty list; names are not quoted. */
export function nameList(names: readonly string[]): string {
  return `(${names.length === 0 ? 'none' : names.join(', ')})`;
}

export function truncate(text: string): string {
  return text.length <= MAX_QUOTED_LENGTH ? text : `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…`;
}

/** JSON with object keys sorted, so that equal values always print (and compare) the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'none';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
  }
  return value;
}

/** A name-like value (type, status, classification) as is, `none` when missing. */
export function plain(value: string | undefined): string {
  return value === undefined ? 'none' : value;
}
