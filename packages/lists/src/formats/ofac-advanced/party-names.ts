/**
 * @module formats/ofac-advanced/party-names
 * Names of a DistinctParty: each `Identity` has `Alias`es (typed by AliasType: "Name", "A.K.A.", "F.K.A.",
 * "N.K.A."; `LowQuality` marks OFAC's weak aliases), each alias one `DocumentedName` per script, made of
 * `NamePartValue`s whose type (Last Name, First Name, Entity Name …) is given by the identity's
 * `NamePartGroups`.
 */
import { addStatement, type Entity } from '@embargo/core';
import { aliasProperty, formatOfacName, nameStatement, scriptCode, type NamePart } from '../ofac-xml/names.js';
import { childrenNamed, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import type { ReferenceValues } from './reference-values.js';

/**
 * Adds every name of the identity; returns the printed primary name (the first DocumentedName of the
 * primary alias, which OFAC marks "Primary Latin"), or '' when the identity has none.
 */
export function addIdentityNames(entity: Entity, identity: XmlNode, refs: ReferenceValues): string {
  const partTypes = new Map<string, string>();
  for (const master of childrenNamed(identity, 'NamePartGroups').flatMap((g) => childrenNamed(g, 'MasterNamePartGroup'))) {
    for (const group of childrenNamed(master, 'NamePartGroup')) {
      partTypes.set(group.attrs.ID, refs.value('NamePartType', group.attrs.NamePartTypeID));
    }
  }
  let primaryName = '';
  let primaryIsLatin = false;
  for (const alias of childrenNamed(identity, 'Alias')) {
    const isPrimary = alias.attrs.Primary === 'true' && identity.attrs.Primary !== 'false';
    const weak = alias.attrs.LowQuality === 'true';
    const property = isPrimary ? 'name' : aliasProperty(refs.value('AliasType', alias.attrs.AliasTypeID), weak);
    for (const documented of childrenNamed(alias, 'DocumentedName')) {
      const values = childrenNamed(documented, 'DocumentedNamePart').flatMap((p) => childrenNamed(p, 'NamePartValue'));
      const parts: NamePart[] = values.map((v) => ({ type: partTypes.get(v.attrs.NamePartGroupID) ?? '', value: textOf(v) }));
      const printed = formatOfacName(parts);
      if (!printed.value) continue;
      const script = scriptCode(refs.value('Script', values[0]?.attrs.ScriptID));
      const isPrimaryLatin = refs.value('DocNameStatus', documented.attrs.DocNameStatusID) === 'Primary Latin';
      if (isPrimary && (!primaryName || (isPrimaryLatin && !primaryIsLatin))) {
        primaryName = printed.value;
        primaryIsLatin = isPrimaryLatin;
      }
      addStatement(entity, property, nameStatement(printed.value, { original: printed.original, parts: printed.parts, script, weak }));
    }
  }
  return primaryName;
}
