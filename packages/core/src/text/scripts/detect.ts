/**
 * @module text/scripts/detect
 * Which writing system a character or a name is written in, so that `latinReadings` can send each word to
 * the right transliteration. Only the scripts that appear on sanctions lists are named; everything else is
 * 'Other' (and goes to the any-ascii fallback).
 *
 * @example dominantScript('김정은') // 'Hang'
 */

/** ISO 15924 codes of the scripts we transliterate specially; Japanese kana are 'Kana'. */
export type Script = 'Latn' | 'Hang' | 'Hani' | 'Cyrl' | 'Arab' | 'Grek' | 'Hebr' | 'Thai' | 'Geor' | 'Armn' | 'Mymr' | 'Kana' | 'Other';

/**
 * Code-point ranges, sorted by start, so that a binary search finds the script of any character.
 * Only letters are looked up (digits and punctuation are 'Other' by the caller's test), so ranges may
 * include a few non-letters of the block.
 */
const RANGES: ReadonlyArray<readonly [start: number, end: number, script: Script]> = [
  [0x0041, 0x005a, 'Latn'],
  [0x0061, 0x007a, 'Latn'],
  [0x00aa, 0x00aa, 'Latn'],
  [0x00ba, 0x00ba, 'Latn'],
  [0x00c0, 0x00d6, 'Latn'],
  [0x00d8, 0x00f6, 'Latn'],
  [0x00f8, 0x02af, 'Latn'],
  [0x0370, 0x03ff, 'Grek'],
  [0x0400, 0x052f, 'Cyrl'],
  [0x0530, 0x058f, 'Armn'],
  [0x0590, 0x05ff, 'Hebr'],
  [0x0600, 0x06ff, 'Arab'],
  [0x0750, 0x077f, 'Arab'],
  [0x0870, 0x08ff, 'Arab'],
  [0x0e00, 0x0e7f, 'Thai'],
  [0x1000, 0x109f, 'Mymr'],
  [0x10a0, 0x10ff, 'Geor'],
  [0x1100, 0x11ff, 'Hang'],
  [0x1c80, 0x1c8f, 'Cyrl'],
  [0x1c90, 0x1cbf, 'Geor'],
  [0x1d00, 0x1d7f, 'Latn'],
  [0x1e00, 0x1eff, 'Latn'],
  [0x1f00, 0x1fff, 'Grek'],
  [0x2c60, 0x2c7f, 'Latn'],
  [0x2d00, 0x2d2f, 'Geor'],
  [0x2de0, 0x2dff, 'Cyrl'],
  [0x3005, 0x3007, 'Hani'],
  [0x3041, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hang'],
  [0x31f0, 0x31ff, 'Kana'],
  [0x3400, 0x4dbf, 'Hani'],
  [0x4e00, 0x9fff, 'Hani'],
  [0xa640, 0xa69f, 'Cyrl'],
  [0xa720, 0xa7ff, 'Latn'],
  [0xa960, 0xa97f, 'Hang'],
  [0xa9e0, 0xa9ff, 'Mymr'],
  [0xaa60, 0xaa7f, 'Mymr'],
  [0xab30, 0xab6f, 'Latn'],
  [0xac00, 0xd7af, 'Hang'],
  [0xd7b0, 0xd7ff, 'Hang'],
  [0xf900, 0xfaff, 'Hani'],
  [0xfb00, 0xfb06, 'Latn'],
  [0xfb13, 0xfb17, 'Armn'],
  [0xfb1d, 0xfb4f, 'Hebr'],
  [0xfb50, 0xfdff, 'Arab'],
  [0xfe70, 0xfeff, 'Arab'],
  [0xff21, 0xff3a, 'Latn'],
  [0xff41, 0xff5a, 'Latn'],
  [0xff66, 0xff9f, 'Kana'],
  [0xffa0, 0xffdc, 'Hang'],
  [0x20000, 0x3134f, 'Hani'],
];

/** The script of one character (the first code point of `char`); 'Other' for digits, punctuation, unknown. */
export function scriptOf(char: string): Script {
  return scriptOfCodePoint(char.codePointAt(0) ?? 0);
}

/** Same as `scriptOf` for a code point; the hot path of `latinReadings`. */
export function scriptOfCodePoint(cp: number): Script {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? 'Latn' : 'Other';
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end, script] = RANGES[mid];
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return script;
  }
  return 'Other';
}

/**
 * The script most of the letters of `s` are written in ('Other' when it has no letter of a named script).
 * On a tie the script that reached the count first wins; callers that care about mixed strings split
 * words first, as `latinReadings` does.
 */
export function dominantScript(s: string): Script {
  const counts = new Map<Script, number>();
  let best: Script = 'Other';
  let bestCount = 0;
  for (const ch of s) {
    const script = scriptOfCodePoint(ch.codePointAt(0) ?? 0);
    if (script === 'Other') continue;
    const n = (counts.get(script) ?? 0) + 1;
    counts.set(script, n);
    if (n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  return best;
}
