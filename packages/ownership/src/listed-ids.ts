/**
 * @module listed-ids
 * A user's file may name a listed record by its Embargo id (`ofac:22606`, `un:KPe.029`, `uk:12345`): the
 * party is then the listed record itself, its node comes from the lists, and the file adds only edges.
 */
import { SOURCE_ID_PREFIX } from '@embargo/core';

const LISTED_ID = new RegExp(`^(${[...new Set(Object.values(SOURCE_ID_PREFIX))].join('|')}):\\S+$`);

/** Whether a value is the id of a listed record (`ofac:22606`). */
export function isListedId(value: string): boolean {
  return LISTED_ID.test(value);
}
