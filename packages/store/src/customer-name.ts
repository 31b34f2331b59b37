/**
 * @module customer-name
 * The form of a customer's name the store searches (migration 0011): lower case, so that "jang" finds
 * "JANG Sung Nam" in SQLite and PostgreSQL alike (SQLite's own `lower` and `LIKE` fold ASCII only).
 */

/** The party's name in lower case; '' for a party without a name (it cannot be registered, but old rows are JSON). */
export function foldCustomerName(party: unknown): string {
  const name = (party as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name.toLowerCase() : '';
}

/** A LIKE pattern that matches `text` anywhere, with `%`, `_` and the escape character taken literally (`ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
