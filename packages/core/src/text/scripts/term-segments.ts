/**
 * @module text/scripts/term-segments
 * Splits a firm's name written without spaces between words (Chinese, and often Korean) into the known
 * terms it holds, longest first at each place, and the runs of other letters between them: 丹东 至诚
 * 金属 材料 有限公司, 조선 광선 은행. `han-terms` and `hangul-terms` read the terms in English and the runs as
 * proper names.
 */

/** A known term, or a run of letters between terms. */
export type TermSegment<T> = { term: T; run?: undefined } | { run: string; term?: undefined };

/**
 * The segments of `text`: terms found by `lookup` (tried from `maxLength` letters down to `minLength`),
 * and runs of the letters `inRun` accepts between them; any other character (a space, a bracket) ends a run.
 * @example segmentByTerms('조선광선은행', …) // [{ term: korea }, { run: '광선' }, { term: bank }]
 */
export function segmentByTerms<T>(
  text: string,
  lookup: (candidate: string) => T | undefined,
  maxLength: number,
  minLength: number,
  inRun: (ch: string) => boolean,
): TermSegment<T>[] {
  const segments: TermSegment<T>[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') segments.push({ run });
    run = '';
  };
  for (let i = 0; i < text.length;) {
    let found: { term: T; length: number } | undefined;
    for (let length = Math.min(maxLength, text.length - i); length >= minLength && !found; length--) {
      const term = lookup(text.slice(i, i + length));
      if (term !== undefined) found = { term, length };
    }
    if (found) {
      flush();
      segments.push({ term: found.term });
      i += found.length;
    } else {
      if (inRun(text[i])) run += text[i];
      else flush();
      i++;
    }
  }
  flush();
  return segments;
}
