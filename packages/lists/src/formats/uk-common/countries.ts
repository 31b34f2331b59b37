/**
 * @module formats/uk-common/countries
 * Country words in the HMT list as ISO codes. HMT writes short names ("Russia", "Syria", "Congo (Democratic
 * Republic)"), demonyms in the 2014 Nationality column ("Afghan", "Tunisian"), remarks in brackets ("Yemen
 * (since Nov 2008)", "Iranian (Iranian citizenship)") and now and then a postcode after the name
 * ("Singapore 188425"), and for places of birth in the Soviet Union the republic and its successor ("Former
 * USSR, now Azerbaijan", "Ukrainian SSR (now Ukraine)"): the present-day country is taken.
 */
import { countryCode, type RecordIssue, type Statement } from '@embargo/core';

/** Where a value came from, for the issues about one record. */
export interface RecordSite {
  file: string;
  line?: number;
  recordId: string;
}

/** The ISO code; null when the text holds no country at all ("(Complex)", "-"); undefined when unknown. */
export function ukCountryCode(text: string): string | null | undefined {
  const words = text.trim().replace(/\.$/, '');
  const withoutRemarks = words.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (!/\p{L}/u.test(withoutRemarks)) return null;
  const successor = /\b(?:now|currently)\s+([^()]+?)\)?$/i.exec(words)?.[1];
  if (successor && countryCode(successor)) return countryCode(successor);
  return (
    countryCode(words) ??
    countryCode(withoutRemarks) ??
    // "Singapore 188425", "Kuwaiti citizenship", "former Yugoslavia"
    countryCode(
      withoutRemarks
        .replace(/\s+[\d\s-]+$/, '')
        .replace(/\s+(?:citizenship|national)$/i, '')
        .replace(/^former\s+/i, ''),
    )
  );
}

/** `{ value: 'KP', original: 'North Korea' }`, or undefined plus an issue when the country is unknown. */
export function countryStatement(text: string, site: RecordSite, field: string, issues: RecordIssue[]): Statement | undefined {
  const code = ukCountryCode(text);
  if (code === null) return undefined;
  if (code === undefined) {
    issues.push({ ...site, field, raw: text, message: `unknown country "${text}"` });
    return undefined;
  }
  return code === text ? { value: code } : { value: code, original: text };
}

/**
 * The issuing country named at the start of an identity document remark, if any: "India number, issued on
 * 4 Jun. 1985" → IN, "Tunisian. Issued on 14.3.2011" → TN, "G827238 (Tunisian). Issued …" → TN.
 */
export function issuerCountry(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const phrases = [text.split(/[,.;(]/)[0], ...[...text.matchAll(/\(([^)]+)\)/g)].map((m) => m[1])];
  for (const phrase of phrases) {
    const words = phrase.trim().split(/\s+/).slice(0, 9);
    for (let n = words.length; n > 0; n--) {
      const code = countryCode(words.slice(0, n).join(' '));
      // Two-letter words are taken as codes by countryCode; "no" (number) and "ID" are not countries here.
      if (code && (n > 1 || words[0].length > 2)) return code;
    }
  }
  return undefined;
}
