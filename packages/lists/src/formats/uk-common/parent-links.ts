/**
 * @module formats/uk-common/parent-links
 * The UK list states a firm's parent in its "Other Information": "(Parent company):Shahid Hemmat Industrial
 * Group (SHIG)". Where the parent is itself on the list under that name (or the acronym in brackets), the
 * firm is owned by it: a relationship `ownedBy` from the firm to the parent, in the words of the list. A
 * parent named as no record is, or as several, gives no relationship (a name is not a record).
 * @example ukParentLinks(entities)
 *   // [{ from: 'uk:13395', to: 'uk:11203', kind: 'ownedBy', sourceText: 'Parent company: Shahid Hemmat Industrial Group (SHIG)' }]
 */
import { foldText, values, type Entity, type Relationship } from '@embargo/core';

const PARENT = /\(Parent company\):\s*(.+?)(?=\s*\([A-Z][A-Za-z /.-]*\):|$)/g;
/** A name ending in an acronym in brackets: "Defence Industries Organisation (DIO)". */
const WITH_ACRONYM = /^(.*?)\s*\(([^()]+)\)$/;

/** The parents of UK records that are UK records themselves, one relationship per child and parent. */
export function ukParentLinks(entities: readonly Entity[]): Relationship[] {
  const holders = new Map<string, Set<string>>();
  const hold = (name: string, id: string) => {
    const key = foldText(name);
    if (!key) return;
    let ids = holders.get(key);
    if (!ids) holders.set(key, (ids = new Set()));
    ids.add(id);
  };
  for (const e of entities) for (const name of [e.caption, ...values(e, 'name'), ...values(e, 'alias')]) hold(name, e.id);
  const unique = (name: string): string | undefined => {
    const ids = holders.get(foldText(name));
    return ids?.size === 1 ? [...ids][0] : undefined;
  };
  const links: Relationship[] = [];
  const seen = new Set<string>();
  for (const e of entities)
    for (const note of values(e, 'notes'))
      for (const [, written] of note.matchAll(PARENT)) {
        const parent = written.trim().replace(/[.;,]$/, '');
        const acronym = WITH_ACRONYM.exec(parent);
        const id = unique(parent) ?? (acronym ? (unique(acronym[1]) ?? unique(acronym[2])) : undefined);
        if (!id || id === e.id || seen.has(`${e.id}>${id}`)) continue;
        seen.add(`${e.id}>${id}`);
        links.push({ from: e.id, to: id, kind: 'ownedBy', sourceText: `Parent company: ${parent}` });
      }
  return links;
}
