/**
 * @module formats/ofac-xml/linked-to
 * The legacy XML names a record's links only by the other record's name, in its remarks:
 * "(Linked To: NATIONAL IRANIAN TANKER COMPANY)". This resolves those names to record ids of the same file.
 * The advanced and enhanced files give the same links with ids and a relation type instead.
 */
import { NAME_PROPERTIES, type Entity, type NameProperty, type RecordIssue, type Relationship } from '@embargo/core';
import type { LinkedToName } from '../ofac-common/remarks.js';

export interface PendingLinks {
  from: Entity;
  line: number;
  links: LinkedToName[];
}

/**
 * Relationships for the links that name exactly one record, ignoring case and spacing. A record's primary
 * name wins over other records' aliases: "NATIONAL IRANIAN TANKER COMPANY" is uid 15117's name and also an
 * a.k.a. of its representative office 15119, which links to it. A name that matches no record, or several
 * equally, is reported: links can point to records of the other OFAC list, which are not in the file.
 */
export function resolveLinkedTo(
  pending: readonly PendingLinks[],
  entities: readonly Entity[],
  file: string,
  issues: RecordIssue[],
): Relationship[] {
  const primary = nameIndex(entities, ['name']);
  const any = nameIndex(entities, NAME_PROPERTIES);
  const candidates = (index: Map<string, Set<string>>, name: string, self: string) =>
    [...(index.get(nameKey(name)) ?? [])].filter((id) => id !== self);
  const relationships: Relationship[] = [];
  for (const { from, line, links } of pending) {
    for (const link of links) {
      const byName = candidates(primary, link.name, from.id);
      const ids = byName.length > 0 ? byName : candidates(any, link.name, from.id);
      if (ids.length === 1) {
        relationships.push({ from: from.id, to: ids[0], kind: 'linkedTo', sourceText: link.sourceText });
        continue;
      }
      const message =
        ids.length === 0
          ? `"Linked To" names no record of this file: ${link.name}`
          : `"Linked To" name is ambiguous (${ids.join(', ')}): ${link.name}`;
      issues.push({ file, line, recordId: from.id, field: 'remarks', raw: link.sourceText, message });
    }
  }
  return relationships;
}

function nameIndex(entities: readonly Entity[], properties: readonly NameProperty[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const property of properties) {
      for (const statement of entity.properties[property] ?? []) {
        const key = nameKey(statement.value);
        const ids = index.get(key) ?? new Set<string>();
        ids.add(entity.id);
        index.set(key, ids);
      }
    }
  }
  return index;
}

function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toUpperCase();
}
