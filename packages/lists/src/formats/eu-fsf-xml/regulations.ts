/**
 * @module formats/eu-fsf-xml/regulations
 * `<regulation>`: the legal act that listed or amended the entry — its `programme` ("ZWE", "TERR", "UKR"),
 * `numberTitle` ("2018/223 (OJ L43)"), `regulationType` (regulation, amendment), `publicationDate`,
 * `entryIntoForceDate` and a `<publicationUrl>` to EUR-Lex. Each programme becomes one `program` statement
 * whose note names the acts (the legal basis); the earliest publication date is the listing date when the
 * entry states no `designationDate`.
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import { childText } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import type { RecordSite } from './names.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Adds the programmes; returns the earliest publication date of the acts, if any. */
export function addRegulations(
  entity: Entity,
  nodes: readonly XmlNode[],
  euReference: string,
  site: RecordSite,
  issues: RecordIssue[],
): string | undefined {
  const acts = new Map<string, string[]>();
  let earliest: string | undefined;
  for (const node of nodes) {
    const a = (name: string) => (node.attrs[name] ?? '').replace(/\s+/g, ' ').trim();
    const programme = a('programme');
    if (!programme) {
      issues.push({
        ...site,
        line: node.line,
        field: 'regulation/programme',
        raw: a('numberTitle'),
        message: 'regulation without a programme',
      });
      continue;
    }
    const published = a('publicationDate');
    if (published && !ISO_DAY.test(published))
      issues.push({
        ...site,
        line: node.line,
        field: 'regulation/publicationDate',
        raw: published,
        message: `cannot read date "${published}"`,
      });
    else if (published && (!earliest || published < earliest)) earliest = published;
    const act = [a('regulationType'), a('numberTitle'), published && `published ${published}`, childText(node, 'publicationUrl')]
      .filter(Boolean)
      .join(' ');
    acts.set(programme, [...(acts.get(programme) ?? []), act]);
  }
  for (const [programme, words] of acts) {
    const statement: Statement = {
      value: programme,
      note: [euReference && `EU reference ${euReference}`, ...words].filter(Boolean).join('; '),
    };
    addStatement(entity, 'program', statement);
  }
  return earliest;
}
