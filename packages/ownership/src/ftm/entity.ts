/**
 * @module ftm/entity
 * One FollowTheMoney entity, `{ id, schema, properties }`, checked: an id and a schema that are strings,
 * and properties that are arrays of strings (FtM's one value type). Other top-level fields (caption,
 * datasets, referents, first_seen) are the exporter's and are ignored.
 */
import type { FilePlace, ProblemList } from '../errors.js';
import { FieldReader } from '../fields.js';
import type { JsonRecord } from '../json-records.js';
import { isObject } from '../json-records.js';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  place: FilePlace;
  fields: FieldReader;
}

export function readEntity(record: JsonRecord, problems: ProblemList): FtmEntity | undefined {
  const raw = record.value;
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const place: FilePlace = { ...record.place, ...(id ? { statementId: id } : {}) };
  const fields = new FieldReader(place, problems);
  const before = problems.count;
  fields.string(raw, 'id', 'id', true);
  const schema = fields.string(raw, 'schema', 'schema', true);
  const properties: Record<string, string[]> = {};
  const rawProperties = fields.object(raw, 'properties', 'properties', true) ?? {};
  for (const [name, values] of Object.entries(rawProperties)) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string'))
      fields.fail(`properties.${name}`, `must be an array of strings, not ${JSON.stringify(values)?.slice(0, 40)}`);
    else properties[name] = values.map((v) => v.trim()).filter((v) => v !== '');
  }
  if (problems.count > before || !id || !schema || !isObject(rawProperties)) return undefined;
  return { id, schema, properties, place, fields };
}

/** "a Company", "an Ownership". */
export function aSchema(schema: string): string {
  return `${/^[AEIOU]/.test(schema) ? 'an' : 'a'} ${schema}`;
}

/** The one value of a property, or undefined when it has none; several values are a problem. */
export function single(entity: FtmEntity, property: string, required = false): string | undefined {
  const values = entity.properties[property] ?? [];
  if (values.length === 0) {
    if (required) entity.fields.fail(`properties.${property}`, `is required for ${aSchema(entity.schema)}`);
    return undefined;
  }
  if (values.length > 1)
    return entity.fields.fail(
      `properties.${property}`,
      `has ${values.length} values (${values.join(', ')}); ${aSchema(entity.schema)} takes one`,
    );
  return values[0];
}
