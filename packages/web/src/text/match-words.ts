/**
 * @module text/match-words
 * Plain words for the codes an explanation carries: how two name words matched, which script a name
 * is in and how it was read, and what kind of name on the list aligned. Shared by the explanation and
 * the alert review.
 */
import type { NameProperty, TokenMatchKind } from '../api/types';

/**
 * What each kind of word match means, beyond its label (core match/token-similarity.ts TokenMatchKind).
 * An exact match needs no gloss: "exact — exact: the same word" said it twice (issue 16 point 3).
 */
export const TOKEN_MATCH_WORDS: Record<TokenMatchKind, string> = {
  exact: '',
  romanisation: 'the same name in another romanisation',
  vowels: 'the same consonants with other vowels',
  stem: 'the same word with another ending',
  translation: 'the same word in another language (ZAVOD for PLANT)',
  abbreviation: 'an abbreviation of the word (IMP for IMPORT)',
  skeleton: 'the same consonants (the script leaves vowels unwritten)',
  initial: 'an initial standing for the name',
  spelling: 'a few letters differ',
  none: '',
};

/**
 * `how` is a TokenMatchKind, possibly followed by ", joined" (one side is two words written as one): what
 * the match means beyond its label, or '' when the label says it all.
 */
export function describeTokenMatch(how: string): string {
  const [kind, ...rest] = how.split(',').map((s) => s.trim());
  const words = kind in TOKEN_MATCH_WORDS ? TOKEN_MATCH_WORDS[kind as TokenMatchKind] : '';
  const joined = rest.includes('joined') ? 'two words on one side written as one' : '';
  return [words, joined].filter(Boolean).join('; ');
}

/** Short label for the kind of match, for badges ("romanisation variant"). */
export function tokenMatchLabel(how: string): string {
  const kind = how.split(',')[0].trim();
  const label: Record<string, string> = {
    exact: 'exact',
    romanisation: 'romanisation variant',
    vowels: 'vowel variant',
    stem: 'word ending',
    translation: 'translation',
    abbreviation: 'abbreviation',
    skeleton: 'consonant skeleton',
    initial: 'initial',
    spelling: 'spelling variant',
    none: 'no match',
  };
  return (label[kind] ?? kind) + (how.includes('joined') ? ', joined' : '');
}

/** The label and, where it adds something, what it means: "romanisation variant — the same name in another romanisation". */
export function tokenMatchPhrase(how: string): string {
  const gloss = describeTokenMatch(how);
  return gloss ? `${tokenMatchLabel(how)} — ${gloss}` : tokenMatchLabel(how);
}

/** ISO 15924 codes of the scripts names come in, with how Embargo reads them in Latin letters. */
const SCRIPTS: Record<string, { name: string; reading: string }> = {
  Latn: { name: 'Latin script', reading: 'compared as' },
  Hang: { name: 'Hangul (Korean)', reading: 'romanised as' },
  Hani: { name: 'Chinese characters', reading: 'read in pinyin as' },
  Cyrl: { name: 'Cyrillic', reading: 'transliterated as' },
  Arab: { name: 'Arabic script', reading: 'transliterated as' },
  Grek: { name: 'Greek', reading: 'transliterated as' },
};

export function scriptName(script: string): string {
  return SCRIPTS[script]?.name ?? `${script} script`;
}

/** Whether a name's script is other than Latin, so its Latin reading is worth stating. */
export function isNonLatin(script: string | undefined): boolean {
  return !!script && script !== 'Latn' && script !== 'Zyyy' && script !== 'Zzzz';
}

/** "Hangul (Korean), romanised as". */
export function readingPhrase(script: string): string {
  const s = SCRIPTS[script] ?? { name: `${script} script`, reading: 'read as' };
  return `${s.name}, ${s.reading}`;
}

/** "Hangul (Korean), romanised as “jang song nam”". */
export function describeReading(script: string, reading: string): string {
  return `${readingPhrase(script)} “${reading}”`;
}

export const NAME_PROPERTY_WORDS: Record<NameProperty, string> = {
  name: 'primary name',
  alias: 'alias',
  previousName: 'former name',
  weakAlias: 'weak alias',
};
