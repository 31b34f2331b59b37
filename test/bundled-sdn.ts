/**
 * The bundled OFAC SDN list of 2023-12-28 for tests that screen against a real list, and a record as it
 * is listed under its names alone: its aliases could find it whatever rule a test is about.
 */
import { join } from 'node:path';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../packages/core/src/model/entity.js';
import { BUNDLED_DATA } from './shared-data.js';

/** The records of the bundled SDN list of 2023-12-28. */
export async function bundledSdnEntities(): Promise<Entity[]> {
  const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
  return (await parsePublication(publications[0])).entities;
}

/** The record without its aliases and weak aliases. */
export function withoutAliases(e: Entity): Entity {
  return { ...e, properties: { ...e.properties, alias: undefined, weakAlias: undefined } };
}

/** The record listed as `caption`, without its aliases; a missing record fails the test that asked for it. */
export function listedAs(entities: readonly Entity[], caption: string): Entity {
  const found = entities.find((e) => e.caption === caption);
  if (!found) throw new Error(`no record listed as ${caption}`);
  return withoutAliases(found);
}

/** Every name a record is listed under: its name, aliases, weak aliases and former names. */
export function namesOf(e: Entity): string[] {
  return (['name', 'alias', 'weakAlias', 'previousName'] as const).flatMap((p) => (e.properties[p] ?? []).map((s) => s.value));
}
