/**
 * @module match/algorithm
 * An algorithm is a list of named scorers with weights, and an alert threshold. A new algorithm can be
 * added beside this one and compared on the evaluation set (`npm run bench:screen`).
 */
import { scoreBirthDateAgreement, scoreBirthDateConflict, scoreBirthDateSlip } from './scorers/birth-date.js';
import type { Scorer } from './scorers/context.js';
import { scoreCountryAgreement, scoreCountryConflict } from './scorers/country.js';
import { scoreIdentifierMatch } from './scorers/identifier.js';
import { scoreLegalFormMismatch } from './scorers/legal-form.js';
import { scoreLineOfBusinessConflict } from './scorers/line-of-business.js';
import { scorePlaceConflict } from './scorers/place-conflict.js';
import { scoreOtherCharacters } from './scorers/other-characters.js';
import { scoreSubstitutedName } from './scorers/substituted-name.js';
import { scoreKoreanSyllableMismatch } from './scorers/korean-syllables.js';
import { LEFTOVER_RESTORED, scoreNameContained } from './scorers/name-contained.js';
import { scoreNameSimilarity } from './scorers/name-similarity.js';
import { scoreNumberConflict } from './scorers/number-conflict.js';
import {
  scoreFamilyNameAlone,
  scoreOneNameAndPatronymic,
  scoreOnlyCommonNamesShared,
  scoreQueryIsAnotherFamilyName,
} from './scorers/family-name-alone.js';
import { scoreNasabConflict, scorePatronymicConflict } from './scorers/patronymic.js';
import { scoreSurnameMisaligned } from './scorers/surname-alignment.js';
import {
  scoreFamilyNameLeftOut,
  scoreKunyaReadAsName,
  scoreNasabReversed,
  scoreSchemaCompatibility,
  scoreSurnameOnly,
  scoreWeakAliasOnly,
} from './scorers/rules.js';
import { scoreSingleWordSpelling } from './scorers/single-word.js';

export interface WeightedScorer {
  /** Stable name shown in explanations and API output. */
  name: string;
  /** What the scorer measures, in an analyst's words. */
  label: string;
  scorer: Scorer;
  /** Contribution = weight × value; negative weights lower the score. */
  weight: number;
}

export interface MatchingAlgorithm {
  name: string;
  /** Scores at or above this raise an alert. */
  threshold: number;
  scorers: WeightedScorer[];
}

/** The default algorithm. Weights and threshold tuned on the dev set, 2026-11 (0.81 keeps false alerts under 1% there). */
export const NAME_LOGIC_V1: MatchingAlgorithm = {
  name: 'name-logic-v1',
  threshold: 0.81,
  scorers: [
    { name: 'nameSimilarity', label: 'Name similarity', scorer: scoreNameSimilarity, weight: 1 },
    { name: 'nameContained', label: 'One name contains the other', scorer: scoreNameContained, weight: LEFTOVER_RESTORED },
    { name: 'birthDateAgreement', label: 'Birth date agrees', scorer: scoreBirthDateAgreement, weight: 0.06 },
    // A small cost, not a conflict: a mistyped date must leave an exact name in the alert band (issue 13).
    { name: 'birthDateSlip', label: 'Birth date one typing error away', scorer: scoreBirthDateSlip, weight: -0.03 },
    { name: 'birthDateConflict', label: 'Birth date conflicts', scorer: scoreBirthDateConflict, weight: -0.3 },
    { name: 'surnameMisaligned', label: 'Family names do not align', scorer: scoreSurnameMisaligned, weight: -0.08 },
    { name: 'numberConflict', label: 'Numbers differ', scorer: scoreNumberConflict, weight: -0.2 },
    { name: 'patronymicConflict', label: 'Patronymic differs', scorer: scorePatronymicConflict, weight: -0.15 },
    { name: 'substitutedName', label: 'Another name in its place', scorer: scoreSubstitutedName, weight: -0.05 },
    { name: 'nasabConflict', label: "Father's name differs", scorer: scoreNasabConflict, weight: -0.15 },
    { name: 'countryAgreement', label: 'Country agrees', scorer: scoreCountryAgreement, weight: 0.03 },
    { name: 'countryConflict', label: 'Country conflicts', scorer: scoreCountryConflict, weight: -0.08 },
    { name: 'identifierMatch', label: 'Identifier matches', scorer: scoreIdentifierMatch, weight: 0.5 },
    { name: 'legalFormMismatch', label: 'Legal forms differ', scorer: scoreLegalFormMismatch, weight: -0.05 },
    { name: 'lineOfBusinessConflict', label: 'Another line of business', scorer: scoreLineOfBusinessConflict, weight: 0 },
    { name: 'placeConflict', label: 'Another country or city', scorer: scorePlaceConflict, weight: 0 },
    { name: 'otherCharacters', label: 'Another character', scorer: scoreOtherCharacters, weight: 0 },
    { name: 'schemaCompatibility', label: 'Type of party fits', scorer: scoreSchemaCompatibility, weight: 0 },
    { name: 'surnameOnly', label: 'Only one name matched', scorer: scoreSurnameOnly, weight: 0 },
    // Weight 1: the given names a query of the family name alone leaves out count nothing (it stays capped).
    { name: 'familyNameAlone', label: 'The family name alone', scorer: scoreFamilyNameAlone, weight: 1 },
    {
      name: 'queryIsAnotherFamilyName',
      label: 'Query is another listed family name',
      scorer: scoreQueryIsAnotherFamilyName,
      weight: 0,
    },
    { name: 'oneNameAndPatronymic', label: 'One name and a patronymic', scorer: scoreOneNameAndPatronymic, weight: 0 },
    { name: 'onlyCommonNamesShared', label: 'Only common names shared', scorer: scoreOnlyCommonNamesShared, weight: 0 },
    { name: 'singleWordSpelling', label: 'One word, matched by spelling', scorer: scoreSingleWordSpelling, weight: 0 },
    { name: 'koreanSyllableMismatch', label: 'Korean syllables differ', scorer: scoreKoreanSyllableMismatch, weight: 0 },
    { name: 'weakAliasOnly', label: 'Weak alias only', scorer: scoreWeakAliasOnly, weight: 0 },
    { name: 'kunyaReadAsName', label: 'Kunya read as a name', scorer: scoreKunyaReadAsName, weight: 0 },
    { name: 'nasabReversed', label: 'Father and son the other way round', scorer: scoreNasabReversed, weight: 0 },
    { name: 'familyNameLeftOut', label: 'Alias leaves out the family name', scorer: scoreFamilyNameLeftOut, weight: 0 },
  ],
};
