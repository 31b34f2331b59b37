/**
 * @module text/wade-giles
 * Chinese names written in Wade–Giles (Taiwan, Hong Kong, older press: "Ma Hsiao-hung", "Sun Ssu-tung")
 * read in pinyin, as the lists write mainland names (MA, Xiaohong; SUN, Sidong). Customers' files drop the
 * apostrophes that mark aspiration, so an unmarked k, t, p, ch, ts is read as the commoner unaspirated
 * g, d, b, zh/j, z; the matcher's spelling tolerance covers the rest.
 *
 * Only a name whose every word is a Wade–Giles syllable, with a hyphenated given name ("Hsiao-hung"),
 * is read this way: the hyphen is how Wade–Giles writes a two-syllable given name, and few other names
 * are made only of such syllables.
 */

/** Wade–Giles initials, longest first, and their pinyin (before i or ü the palatal reading: ch → j, hs → x). */
const INITIALS: readonly (readonly [string, string, string?])[] = [
  ['tz', 'z'],
  ['ts', 'z'],
  ['ss', 's'],
  ['sz', 's'],
  ['ch', 'zh', 'j'],
  ['hs', 'x', 'x'],
  ['sh', 'sh'],
  ['p', 'b'],
  ['m', 'm'],
  ['f', 'f'],
  ['t', 'd'],
  ['n', 'n'],
  ['l', 'l'],
  ['k', 'g'],
  ['h', 'h'],
  ['j', 'r'],
  ['s', 's'],
  ['w', 'w'],
  ['y', 'y'],
  ['', ''],
];

/** Wade–Giles finals (ü written u) and their pinyin. */
const FINALS: ReadonlyMap<string, string> = new Map([
  ['a', 'a'],
  ['ai', 'ai'],
  ['an', 'an'],
  ['ang', 'ang'],
  ['ao', 'ao'],
  ['e', 'e'],
  ['ei', 'ei'],
  ['en', 'en'],
  ['eng', 'eng'],
  ['erh', 'er'],
  ['i', 'i'],
  ['ia', 'ia'],
  ['iang', 'iang'],
  ['iao', 'iao'],
  ['ieh', 'ie'],
  ['ien', 'ian'],
  ['ih', 'i'],
  ['in', 'in'],
  ['ing', 'ing'],
  ['iu', 'iu'],
  ['iung', 'iong'],
  ['o', 'o'],
  ['ou', 'ou'],
  ['u', 'u'],
  ['ua', 'ua'],
  ['uai', 'uai'],
  ['uan', 'uan'],
  ['uang', 'uang'],
  ['ueh', 'ue'],
  ['uei', 'ui'],
  ['ui', 'ui'],
  ['un', 'un'],
  ['ung', 'ong'],
  ['uo', 'uo'],
]);

/**
 * The pinyin of one Wade–Giles syllable (lower case, apostrophes and umlauts dropped), or undefined
 * when it is not one.
 * @example wadeGilesSyllable('hsiao') // 'xiao'
 * @example wadeGilesSyllable('ssu') // 'si'
 */
export function wadeGilesSyllable(syllable: string): string | undefined {
  for (const [wg, pinyin, palatal] of INITIALS) {
    if (!syllable.startsWith(wg)) continue;
    const final = syllable.slice(wg.length);
    // The apical vowel: ssu, tzu, szu are si, zi; chih, shih, jih are zhi, shi, ri.
    if (final === 'u' && (wg === 'ss' || wg === 'sz' || wg === 'tz' || wg === 'ts')) return `${pinyin}i`;
    const pinyinFinal = FINALS.get(final);
    if (pinyinFinal === undefined) continue;
    const palatalFinal = (final.startsWith('i') && final !== 'ih') || (wg === 'hs' && final.startsWith('u'));
    const initial = palatal !== undefined && palatalFinal ? palatal : pinyin;
    if (initial === '' && final !== 'a' && final !== 'ai' && final !== 'an' && final !== 'ang' && final !== 'ao' && final !== 'erh')
      continue;
    return initial + (initial === 'y' && pinyinFinal === 'ung' ? 'ong' : pinyinFinal);
  }
  return undefined;
}

/**
 * The pinyin reading of a name written in Wade–Giles, syllables of the hyphenated given name joined
 * ("Ma Hsiao-hung" → "ma xiaohong"), or undefined when the name is not written so.
 */
export function wadeGilesToPinyin(name: string): string | undefined {
  // Every listed person's name passes here when the index is built: most have no hyphen at all.
  if (!name.includes('-')) return undefined;
  const words = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’‘ʻ`]/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length < 2 || words.length > 4 || !words.some((w) => /^[a-z]+-[a-z]+$/.test(w))) return undefined;
  const read: string[] = [];
  for (const word of words) {
    const syllables = word.split('-');
    if (syllables.length > 2) return undefined;
    const pinyin = syllables.map(wadeGilesSyllable);
    if (pinyin.some((p) => p === undefined)) return undefined;
    read.push(pinyin.join(''));
  }
  const reading = read.join(' ');
  return reading === words.join(' ').replace(/-/g, '') ? undefined : reading;
}
