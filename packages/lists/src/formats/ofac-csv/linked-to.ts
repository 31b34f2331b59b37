/**
 * @module formats/ofac-csv/linked-to
 * Resolves the names in "Linked To: NAME" remarks to records of the same publication. OFAC gives only the
 * name, as the linked record's primary name (or, rarely, one of its aliases); the legacy files carry no id.
 */
import type { Entity, RecordIssue, Relationship } from '@embargo/core';
import type { LinkedToName } from '../ofac-common/remarks.js';

/** The Linked To names of one record, waiting for every record of the publication to be read. */
export interface PendingLinks {
  from: string;
  line: number;
  names: LinkedToName[];
}

/**
 * One relationship per resolved name. A name is looked up among primary names first, then among aliases;
 * a name that matches no record, or several, is reported as an issue and not linked.
 */
export function resolveLinkedTo(
  entities: readonly Entity[],
  pending: readonly PendingLinks[],
  file: string,
): { relationships: Relationship[]; issues: RecordIssue[] } {
  const primary = new Map<string, string[]>();
  for (const entity of entities) index(primary, entity.caption, entity.id);
  const links = pending.flatMap(({ from, line, names }) =>
    names.map(({ name, sourceText }) => {
      const key = nameKey(name);
      return { from, line, name, sourceText, key, targets: others(primary.get(key), from) };
    }),
  );
  const unresolved = links.filter((link) => link.targets.length === 0);
  if (unresolved.length) {
    const aliases = aliasIndex(entities, new Set(unresolved.map((link) => link.key)));
    for (const link of unresolved) link.targets = others(aliases.get(link.key), link.from);
  }
  const relationships: Relationship[] = [];
  const issues: RecordIssue[] = [];
  for (const { from, line, name, sourceText, targets } of links) {
    if (targets.length === 1) {
      relationships.push({ from, to: targets[0], kind: 'linkedTo', sourceText });
      continue;
    }
    const message =
      targets.length === 0
        ? `Linked To: no record named "${name}" in this publication`
        : `Linked To: ${targets.length} records are named "${name}" (${targets.join(', ')}); not linked`;
    issues.push({ file, line, recordId: from, field: 'remarks', raw: sourceText, message });
  }
  return { relationships, issues };
}

/** The aliases that are one of the wanted names; the others are skipped by their length, cheaply. */
function aliasIndex(entities: readonly Entity[], wanted: ReadonlySet<string>): Map<string, string[]> {
  const lengths = new Set([...wanted].map((key) => key.length));
  const aliases = new Map<string, string[]>();
  for (const entity of entities) {
    for (const prop of ['alias', 'previousName', 'weakAlias'] as const) {
      for (const { value } of entity.properties[prop] ?? []) {
        let length = value.length; // names are stored trimmed with single spaces, so only final periods go
        while (value.charCodeAt(length - 1) === PERIOD) length--;
        if (lengths.has(length) && wanted.has(nameKey(value))) index(aliases, value, entity.id);
      }
    }
  }
  return aliases;
}

const PERIOD = 46;

function others(ids: readonly string[] | undefined, from: string): string[] {
  return (ids ?? []).filter((id) => id !== from);
}

function index(map: Map<string, string[]>, name: string, id: string): void {
  const key = nameKey(name);
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

const NEEDS_COLLAPSE = /\s\s|^\s|\s$|[\t\r\n]/;
const WHITESPACE_RUN = /\s+/g;

/**
 * Upper case, single spaces, no final period: the remark's final period cannot be told from the "S.A." at
 * the end of a name ("Linked To: GRUPO MUNDO MARINO, S.A."), so neither side keeps it.
 */
function nameKey(name: string): string {
  let key = NEEDS_COLLAPSE.test(name) ? name.trim().replace(WHITESPACE_RUN, ' ') : name;
  while (key.endsWith('.')) key = key.slice(0, -1);
  return key.toUpperCase();
}
