/**
 * Hand-made listed records for tests that need a list of a few names beside (or instead of) a real one:
 * a person or a firm listed under one name, with the fields the engine reads.
 */
import type { Entity } from '../packages/core/src/model/entity.js';

/** A person listed as `name` only, with the id `test:<id>`. */
export function listedPerson(id: string, name: string, source = 'ofac-sdn'): Entity {
  return { id: `test:${id}`, source, schema: 'Person', caption: name, properties: { name: [{ value: name }] } };
}

/** A firm listed as `name` only, with the id `test:<id>`. */
export function listedFirm(id: string, name: string, source = 'ofac-sdn'): Entity {
  return { id: `test:${id}`, source, schema: 'Company', caption: name, properties: { name: [{ value: name }] } };
}
