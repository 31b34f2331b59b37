/**
 * @module formats/ofac-advanced/sanctions-entry
 * A `<SanctionsEntry>` puts a profile on one OFAC list (SDN List, Consolidated List, SSI List …): its
 * EntryEvent gives the listing date and legal basis, and its SanctionsMeasures of type "Program" name the
 * program tag in their Comment ("SDGT", "UKRAINE-EO13662").
 */
import { addStatement, type Entity } from '@embargo/core';
import { child, childText, childrenNamed } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { dayOf } from './date-period.js';
import type { ReferenceValues } from './reference-values.js';

export function applySanctionsEntry(entity: Entity, entry: XmlNode, refs: ReferenceValues): void {
  const list = refs.value('List', entry.attrs.ListID);
  for (const event of childrenNamed(entry, 'EntryEvent')) {
    const eventType = refs.value('EntryEventType', event.attrs.EntryEventTypeID);
    const day = dayOf(child(event, 'Date'));
    // "Created" is the listing on this list; other event types (amendments) are not listing dates.
    if (day && (!eventType || /^created$/i.test(eventType))) {
      addStatement(entity, 'listingDate', list ? { value: day, note: list } : { value: day });
    }
    const basis = refs.value('LegalBasis', event.attrs.LegalBasisID);
    if (basis && basis !== 'Unknown') addStatement(entity, 'authority', basis);
  }
  for (const measure of childrenNamed(entry, 'SanctionsMeasure')) {
    if (refs.value('SanctionsType', measure.attrs.SanctionsTypeID) === 'Program') {
      addStatement(entity, 'program', childText(measure, 'Comment'));
    }
  }
}
