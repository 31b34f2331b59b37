/**
 * @module commands/parties-csv
 * Reads parties to screen from a CSV file with a header row. Column names are matched loosely, the same
 * way the API's CSV batch upload reads them (see `partyColumn` in @embargo/core: `name`/`full name`,
 * `birthDate`/`dob`/`date of birth`, `country`, `schema`/`type`, `id`/`customer`, `passport number`).
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { EmbargoError, partyColumn, readPartyRow, type ScreeningQuery } from '@embargo/core';
import { partyOrRefusal, validateQuery, type BatchParty } from './party-input.js';

/** The parties of each row; a row that cannot be screened is a refusal naming its line (see `BatchParty`). */
export async function* readPartiesCsv(path: string): AsyncGenerator<BatchParty> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: (h: string[]) => h.map((c) => partyColumn(c) ?? c),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  let n = 1;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      n++;
      const party = readPartyRow(row);
      const line = `${path}:${n}`;
      yield partyOrRefusal(party.ok ? (party.key ?? String(n - 1)) : String(n - 1), (): ScreeningQuery => {
        if (!party.ok) throw new EmbargoError('INVALID_INPUT', `${line}: ${party.reason}`);
        return validateQuery(party.query, line);
      });
    }
  } catch (e) {
    if (e instanceof EmbargoError) throw e;
    throw new EmbargoError('INVALID_INPUT', `${path}: ${(e as Error).message}`, { file: path }, { cause: e });
  }
}
