/**
 * @module formats/ofac-advanced/reference-values
 * The advanced format names almost nothing in place: a record says `AliasTypeID="1400"` and the
 * `<ReferenceValueSets>` block says that 1400 is "A.K.A.". This keeps those sets (AliasType, PartySubType,
 * PartyType, FeatureType, IDRegDocType, NamePartType, Country, AreaCode, Script, LegalBasis, List,
 * SanctionsType, RelationType, LocPartType, DetailReference …) and answers look-ups by id.
 * @example refs.value('AliasType', '1400') // 'A.K.A.'
 */
import type { CountryWords } from '../ofac-xml/country-ref.js';
import { textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';

interface ReferenceValue {
  value: string;
  attrs: Record<string, string>;
}

export class ReferenceValues {
  private readonly sets = new Map<string, Map<string, ReferenceValue>>();

  /** Reads one `<XValues>` element of `<ReferenceValueSets>` (`<AliasTypeValues>` holds `<AliasType>`s). */
  addSet(node: XmlNode): void {
    const set = this.sets.get(node.name.replace(/Values$/, '')) ?? new Map<string, ReferenceValue>();
    for (const item of node.children) {
      if (item.attrs.ID !== undefined) set.set(item.attrs.ID, { value: textOf(item), attrs: item.attrs });
    }
    this.sets.set(node.name.replace(/Values$/, ''), set);
  }

  /** The text of a reference value ("A.K.A."), or '' when the id is absent or unknown. */
  value(set: string, id: string | undefined): string {
    return id === undefined ? '' : (this.sets.get(set)?.get(id)?.value ?? '');
  }

  /** An attribute of a reference value (`Country` 11171 → ISO2 "RU"). */
  attr(set: string, id: string | undefined, attr: string): string | undefined {
    return id === undefined ? undefined : this.sets.get(set)?.get(id)?.attrs[attr];
  }

  has(set: string, id: string | undefined): boolean {
    return id !== undefined && (this.sets.get(set)?.has(id) ?? false);
  }

  /** A country by its CountryID: OFAC's name and, where given, its ISO code. */
  country(id: string | undefined): CountryWords | undefined {
    if (!this.has('Country', id)) return undefined;
    const iso2 = this.attr('Country', id, 'ISO2');
    return { name: this.value('Country', id), ...(iso2 ? { code: iso2 } : {}) };
  }

  /**
   * A country by its AreaCodeID, used where a location has an area code but no country; AreaCode 11291
   * is "undetermined" and has no code.
   */
  areaCountry(id: string | undefined): CountryWords | undefined {
    if (!this.has('AreaCode', id)) return undefined;
    const countryId = this.attr('AreaCode', id, 'CountryID');
    const byCountry = this.country(countryId);
    if (byCountry) return byCountry;
    const code = this.value('AreaCode', id);
    const name = this.attr('AreaCode', id, 'Description') ?? code;
    return { name, ...(/^[A-Z]{2}$/.test(code) ? { code } : {}) };
  }
}
