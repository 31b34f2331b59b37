/**
 * @module text/schema-choices
 * The kinds of party a user can say a name is, as the search and the customer forms offer them; "Any
 * type" leaves the engine to compare the name with every kind of record.
 */
import type { SchemaName } from '../api/types';

export const SCHEMA_CHOICES: readonly { value: '' | SchemaName; label: string }[] = [
  { value: '', label: 'Any type' },
  { value: 'Person', label: 'Person' },
  { value: 'Organization', label: 'Organization' },
  { value: 'Company', label: 'Company' },
  { value: 'Vessel', label: 'Vessel' },
  { value: 'Airplane', label: 'Airplane' },
];
