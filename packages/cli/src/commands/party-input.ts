/**
 * @module commands/party-input
 * A party read from the command line or a file (`--input`), checked as the API checks one: types
 * first (no coercion), then the core's `partyProblem`. Errors name the file and line.
 */
import { EmbargoError, isSchemaName, partyProblem, type ScreeningQuery } from '@embargo/core';

/**
 * One party of a batch file: the query to screen, or why its line was refused (naming the file and line).
 * A refused line is reported and written out as refused, never dropped, and never stops the other lines
 * unless the user asked for `--strict`.
 */
export type BatchParty = { id: string; query: ScreeningQuery } | { id: string; refused: EmbargoError };

/** The party of one line, or its refusal when the line's problem is the input's (INVALID_INPUT). */
export function partyOrRefusal(id: string, read: () => ScreeningQuery): BatchParty {
  try {
    return { id, query: read() };
  } catch (error) {
    if (error instanceof EmbargoError && error.code === 'INVALID_INPUT') return { id, refused: error };
    throw error;
  }
}

/**
 * A party as the API checks it: the types (no coercion: a number is not a name), then the core's
 * `partyProblem` (a name with content, a real birth date, no control characters). `where` is the
 * file and line (`parties.jsonl:7`) or `query`.
 */
export function validateQuery(q: ScreeningQuery, where: string): ScreeningQuery {
  const refuse = (field: string, reason: string) => new EmbargoError('INVALID_INPUT', `${where}: ${field} ${reason}`, { field });
  if (q.name === undefined || q.name === null) throw refuse('name', 'is missing');
  for (const field of ['name', 'schema', 'birthDate', 'country'] as const)
    if (q[field] !== undefined && typeof q[field] !== 'string') throw refuse(field, `must be a string, not ${JSON.stringify(q[field])}`);
  if (q.identifiers !== undefined) {
    const valid =
      Array.isArray(q.identifiers) &&
      q.identifiers.every(
        (i) => typeof i === 'object' && i !== null && typeof i.value === 'string' && (i.type === undefined || typeof i.type === 'string'),
      );
    if (!valid) throw refuse('identifiers', 'must be a list of {"type"?, "value"} with text values');
  }
  if (q.schema !== undefined && !isSchemaName(q.schema))
    throw refuse('schema', `"${q.schema}" is unknown (Person, Organization, Company, LegalEntity, Vessel, Airplane)`);
  const problem = partyProblem(q);
  if (problem) throw refuse(problem.field, problem.reason);
  return q;
}
