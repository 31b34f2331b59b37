/**
 * @module formats/au-dfat-xlsx/un-references
 * DFAT copies the UN's remarks into "Additional Information", with the UN reference numbers of the other
 * records they name: "Deputy to Mullah Abdul Ghani Baradar (TAi.024)", "Leader of Al-Qaida (QDe.004)". Each
 * becomes a `linkedTo` relationship from the party to the UN record (`un:TAi.024`), with the words around the
 * number as its source text. The UN record is on another list, as the OFAC enhanced XML's links to SDN
 * records are: the relationship joins the two when both lists are in force.
 * @example auUnReferences(entities)
 *   // [{ from: 'au:11', to: 'un:TAi.024', kind: 'linkedTo', sourceText: 'Additional Information: …Deputy to Mullah Abdul Ghani Baradar (TAi.024)…' }]
 */
import { values, type Entity, type Relationship } from '@embargo/core';

/** A UN reference number: regime letters, i(ndividual) or e(ntity), three digits (QDi.006, KPe.001). */
const REFERENCE = /\b([A-Z]{2}[ie]\.\d{3})\b/g;
/** Characters of the note kept on each side of the reference as the relationship's source text. */
const CONTEXT = 70;

export function auUnReferences(entities: readonly Entity[]): Relationship[] {
  const links: Relationship[] = [];
  for (const entity of entities) {
    const seen = new Set<string>();
    for (const note of values(entity, 'notes'))
      for (const m of note.matchAll(REFERENCE)) {
        const to = `un:${m[1]}`;
        if (seen.has(to)) continue;
        seen.add(to);
        links.push({
          from: entity.id,
          to,
          kind: 'linkedTo',
          sourceText: `Additional Information: ${wordsAround(note, m.index ?? 0, m[0].length)}`,
        });
      }
  }
  return links;
}

/** The note around a match, cut at spaces so that the words kept are whole, with "…" where it was cut. */
function wordsAround(note: string, at: number, length: number): string {
  const before = note.lastIndexOf(' ', Math.max(0, at - CONTEXT));
  const after = note.indexOf(' ', at + length + CONTEXT);
  const start = at - CONTEXT <= 0 || before < 0 ? 0 : before + 1;
  const end = after < 0 ? note.length : after;
  return `${start > 0 ? '…' : ''}${note.slice(start, end).trim()}${end < note.length ? '…' : ''}`;
}
