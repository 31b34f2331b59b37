/**
 * @module formats/un-xml/comment-links
 * The UN list ties records to each other in their comments by reference number: "Linked to Aiman
 * al-Zawahiri (QDi.006) and the leadership of AQAP", "Associated with Al-Qaida (QDe.004)". Each reference to
 * another record of the list becomes a relationship `linkedTo` from the record whose comment states it, with
 * the words around the reference as its source text.
 * @example unCommentLinks(entities)
 *   // [{ from: 'un:QDi.431', to: 'un:QDi.006', kind: 'linkedTo', sourceText: 'Comments: …Linked to Aiman al-Zawahiri (QDi.006)…' }]
 */
import { values, type Entity, type Relationship } from '@embargo/core';

/** A UN reference number: regime letters, i(ndividual) or e(ntity), a number (QDi.006, KPe.001, CFi.013). */
const REFERENCE = /\b([A-Z]{2}[ie]\.\d{3})\b/g;
/** Characters of the comment kept on each side of the reference as the relationship's source text. */
const CONTEXT = 70;

export function unCommentLinks(entities: readonly Entity[]): Relationship[] {
  const ids = new Set(entities.map((e) => e.id));
  const links: Relationship[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    for (const note of values(e, 'notes'))
      for (const m of note.matchAll(REFERENCE)) {
        const to = `un:${m[1]}`;
        if (to === e.id || !ids.has(to) || seen.has(to)) continue;
        seen.add(to);
        const at = m.index ?? 0;
        // Cut at spaces, so that the words kept are whole.
        const before = note.lastIndexOf(' ', Math.max(0, at - CONTEXT));
        const after = note.indexOf(' ', at + m[0].length + CONTEXT);
        const start = at - CONTEXT <= 0 || before < 0 ? 0 : before + 1;
        const end = after < 0 ? note.length : after;
        const words = `${start > 0 ? '…' : ''}${note.slice(start, end).replace(/\s+/g, ' ').trim()}${end < note.length ? '…' : ''}`;
        links.push({ from: e.id, to, kind: 'linkedTo', sourceText: `Comments: ${words}` });
      }
  }
  return links;
}
