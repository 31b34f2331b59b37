/**
 * @module formats/ofac-xml/relation-kinds
 * OFAC's relation types (advanced RelationType, enhanced "RELATIONSHIP TYPE" reference values) as the
 * model's relationship kinds; the list's words are kept as the relationship's `sourceText`.
 * @example relationshipKind('Owned or Controlled By') // 'ownedBy'
 */
import type { RelationshipKind } from '@embargo/core';

const KINDS: Readonly<Record<string, RelationshipKind>> = {
  'owned or controlled by': 'ownedBy',
  'owns, controls, or operates': 'owns',
  'acting for or on behalf of': 'actingFor',
  'associate of': 'associate',
  'family member of': 'family',
  'linked to': 'linkedTo',
};

/**
 * The kind for OFAC's words; other types ("Providing support to", "Leader or official of", "Principal
 * Executive Officer", "playing a significant role in", "Property in the interest of") are 'other'.
 */
export function relationshipKind(relationType: string): RelationshipKind {
  return KINDS[relationType.trim().toLowerCase()] ?? 'other';
}
