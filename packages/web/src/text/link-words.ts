/**
 * @module text/link-words
 * Why two records on different lists are taken for one party (core lists/links.ts), in the words an
 * analyst reads on a profile: "same passport 563120368", "same name and birth date (1970-07-14)". The
 * evidence says what is shared; it does not repeat a name the reader sees beside it, and it does not
 * say "same name" of two records whose primary names are plainly the same (issue 16 point 7).
 */

/** One piece of evidence as the server gives it: the reason's code and the shared value. */
export interface LinkEvidence {
  /** passportNumber, idNumber, nameAndBirthDate, namePartsAndBirthDate, organisationName, organisationAcronym, imoNumber, swiftBic, registrationNumber, unReference. */
  reason: string;
  /** A number without punctuation, `name (birth date)`, `shorter ⊂ longer (birth date)`, or a name. */
  value: string;
}

/** Identifiers: the shared number follows the document's name. */
const IDENTIFIER_WORDS: Record<string, string> = {
  passportNumber: 'same passport',
  idNumber: 'same national ID',
  imoNumber: 'same IMO number',
  swiftBic: 'same SWIFT/BIC code',
  registrationNumber: 'same registration number',
  unReference: 'listed as UN',
};

/**
 * Strongest first, as an analyst weighs them: a document number, then a name with a birth date, then a
 * name alone. core lists/links.ts finds the weaker ones too; the order here only decides what is read first.
 */
const STRENGTH = [
  'unReference',
  'passportNumber',
  'idNumber',
  'imoNumber',
  'swiftBic',
  'registrationNumber',
  'nameAndBirthDate',
  'organisationName',
  'organisationAcronym',
  'namePartsAndBirthDate',
];

/** `name (date)` as core writes the value of a name-and-birth-date link. */
const NAME_AND_DATE = /^(.*) \(([^()]+)\)$/;

/**
 * A name folded for "is it the same name?": letters and digits only, in any case, accents dropped, words
 * in any order ("JANG, Sung Nam" and "JANG SUNG NAM"; "KIM Jong Un" and "Jong Un KIM").
 */
export function foldedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** Whether the two records' primary names are the same name, written alike or not. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && foldedName(a) === foldedName(b);
}

/**
 * One piece of evidence in words. `captions` are the two records' primary names where the page knows
 * them: when they are the same name, the evidence names what else was shared (the birth date) or says
 * the names are identical, rather than repeat the name.
 */
export function linkEvidenceWords(evidence: LinkEvidence, captions?: { self?: string | null; other?: string | null }): string {
  const { reason, value } = evidence;
  const namesEqual = sameName(captions?.self, captions?.other);
  const identifier = IDENTIFIER_WORDS[reason];
  if (identifier) return `${identifier} ${value}`;
  switch (reason) {
    case 'nameAndBirthDate': {
      const parts = NAME_AND_DATE.exec(value);
      if (!parts) return `same name and birth date: ${value}`;
      const [, name, date] = parts;
      // With the same primary name on both records, that name is what an analyst reads as the evidence,
      // whichever of the shared names core reports (the smallest, which may be an alias).
      return namesEqual ? `same name and birth date (${date})` : `same name “${name}” and birth date (${date})`;
    }
    case 'namePartsAndBirthDate': {
      const parts = NAME_AND_DATE.exec(value);
      if (!parts) return `same birth date, one name within the other: ${value}`;
      const [, names, date] = parts;
      const [shorter, longer] = names.split(' ⊂ ');
      return longer
        ? `same birth date (${date}), “${shorter}” within “${longer}”`
        : `same birth date (${date}), one name within the other: ${names}`;
    }
    case 'organisationName':
      // core reports the smallest shared name: KOMID's OFAC and UN records share their primary name and an
      // alias, and the alias ("CHANGGWANG SINYONG CORPORATION") is the one reported.
      return namesEqual ? 'identical primary names' : `same name “${value}”`;
    case 'organisationAcronym':
      return `same acronym ${value}`;
    default:
      return `${reason}: ${value}`;
  }
}

/**
 * All the evidence for one pair of records in words, strongest first, joined with semicolons:
 * "same passport 563120368; same name and birth date (1970-07-14)".
 */
export function linkEvidenceSentence(
  evidence: readonly LinkEvidence[],
  captions?: { self?: string | null; other?: string | null },
): string {
  const rank = (e: LinkEvidence) => (STRENGTH.includes(e.reason) ? STRENGTH.indexOf(e.reason) : STRENGTH.length);
  return [...evidence]
    .sort((x, y) => rank(x) - rank(y))
    .map((e) => linkEvidenceWords(e, captions))
    .join('; ');
}
