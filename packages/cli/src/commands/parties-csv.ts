/**
 * @module commands/parties-csv
 * Reads parties to screen from a CSV file with a header row. Column names are matched loosely
 * (`name`/`full name`, `birthDate`/`dob`/`date of birth`, `country`, `schema`/`type`, `id`).
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { EmbargoError, isSchemaName, type ScreeningQuery } from '@embargo/core';

const COLUMN_ALIASES: Record<string, keyof ScreeningQuery | 'id'> = {
  id: 'id',
  key: 'id',
  customer: 'id',
  name: 'name',
  fullname: 'name',
  birthdate: 'birthDate',
  dob: 'birthDate',
  dateofbirth: 'birthDate',
  country: 'country',
  nationality: 'country',
  schema: 'schema',
  type: 'schema',
};

const SCHEMA_WORDS: Record<string, ScreeningQuery['schema']> = {
  person: 'Person',
  individual: 'Person',
  organization: 'Organization',
  organisation: 'Organization',
  entity: 'Organization',
  company: 'Company',
  vessel: 'Vessel',
  ship: 'Vessel',
  airplane: 'Airplane',
  aircraft: 'Airplane',
};

export async function* readPartiesCsv(path: string): AsyncGenerator<{ id: string; query: ScreeningQuery }> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: (h: string[]) => h.map((c) => COLUMN_ALIASES[c.toLowerCase().replace(/[^a-z]/g, '')] ?? c),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  let n = 1;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      n++;
      if (!row.name) throw new EmbargoError('INVALID_INPUT', `${path}:${n}: no name (the CSV needs a "name" column)`);
      const schemaText = row.schema?.trim();
      const schema = schemaText ? (isSchemaName(schemaText) ? schemaText : SCHEMA_WORDS[schemaText.toLowerCase()]) : undefined;
      if (schemaText && !schema) throw new EmbargoError('INVALID_INPUT', `${path}:${n}: unknown type "${schemaText}"`);
      yield {
        id: row.id || String(n - 1),
        query: { name: row.name, schema, birthDate: row.birthDate || undefined, country: row.country || undefined },
      };
    }
  } catch (e) {
    if (e instanceof EmbargoError) throw e;
    throw new EmbargoError('INVALID_INPUT', `${path}: ${(e as Error).message}`, { file: path }, { cause: e });
  }
}
