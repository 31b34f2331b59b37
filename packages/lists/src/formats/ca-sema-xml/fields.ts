/**
 * @module formats/ca-sema-xml/fields
 * Global Affairs Canada has renamed the elements of a `<record>` twice: 2020 `Entity`, `Title`, `DateOfBirth`;
 * about 2022 `EntityOrShip`, `TitleOrShip`, `ShipIMONumber`, `DateOfBirthOrShipBuildDate`, `DateOfListing`; since
 * then bilingual names (`LastName-NomDeFamille`, `EntityOrShip-EntiteOuNavire`, `TitleOrShipType-TitreOuTypeDeNavire`).
 * Each is read as the field it names, so a file of any of the three layouts reads the same.
 */

/** What a record says, whatever the element was called. */
export type CaField =
  | 'country'
  | 'lastName'
  | 'givenName'
  | 'entity'
  | 'title'
  | 'aliases'
  | 'dateOfBirth'
  | 'imoNumber'
  | 'schedule'
  | 'item'
  | 'dateOfListing';

/** The English part of an element name (before "-") → the field. */
const FIELD_BY_ELEMENT: Readonly<Record<string, CaField>> = {
  Country: 'country',
  LastName: 'lastName',
  GivenName: 'givenName',
  Entity: 'entity',
  EntityOrShip: 'entity',
  Title: 'title',
  TitleOrShip: 'title',
  TitleOrShipType: 'title',
  Aliases: 'aliases',
  DateOfBirth: 'dateOfBirth',
  DateOfBirthOrShipBuildDate: 'dateOfBirth',
  ShipIMONumber: 'imoNumber',
  Schedule: 'schedule',
  Item: 'item',
  DateOfListing: 'dateOfListing',
};

/** The field an element holds, or undefined for an element this parser does not know. */
export function caField(element: string): CaField | undefined {
  const english = element.split('-')[0];
  return Object.hasOwn(FIELD_BY_ELEMENT, english) ? FIELD_BY_ELEMENT[english] : undefined;
}
