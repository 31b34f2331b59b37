/**
 * @module bods/codes
 * The BODS 0.4 code lists this reader checks values against (schema/codelists/*.csv; all closed lists).
 */

export const RECORD_TYPES = ['entity', 'person', 'relationship'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_STATUSES = ['new', 'updated', 'closed'] as const;

export const ENTITY_TYPES = [
  'registeredEntity',
  'legalEntity',
  'arrangement',
  'anonymousEntity',
  'unknownEntity',
  'state',
  'stateBody',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const PERSON_TYPES = ['anonymousPerson', 'unknownPerson', 'knownPerson'] as const;

export const DIRECT_OR_INDIRECT = ['direct', 'indirect', 'unknown'] as const;

export const UNSPECIFIED_REASONS = [
  'noBeneficialOwners',
  'subjectUnableToConfirmOrIdentifyBeneficialOwner',
  'interestedPartyHasNotProvidedInformation',
  'subjectExemptFromDisclosure',
  'interestedPartyExemptFromDisclosure',
  'unknown',
  'informationUnknownToPublisher',
] as const;

export const INTEREST_TYPES = [
  'shareholding',
  'votingRights',
  'appointmentOfBoard',
  'otherInfluenceOrControl',
  'seniorManagingOfficial',
  'settlor',
  'trustee',
  'protector',
  'beneficiaryOfLegalArrangement',
  'rightsToSurplusAssetsOnDissolution',
  'rightsToProfitOrIncome',
  'rightsGrantedByContract',
  'conditionalRightsGrantedByContract',
  'controlViaCompanyRulesOrArticles',
  'controlByLegalFramework',
  'boardMember',
  'boardChair',
  'unknownInterest',
  'unpublishedInterest',
  'enjoymentAndUseOfAssets',
  'rightToProfitOrIncomeFromAssets',
  'nominee',
  'nominator',
] as const;
export type InterestType = (typeof INTEREST_TYPES)[number];
