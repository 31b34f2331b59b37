/**
 * @module text/name-words
 * Words in personal names that carry little identity: honorifics and titles ("Haji", "Dr", "General"),
 * Arabic name particles ("al", "bin"), and patronymics, which Russian and Central Asian names may drop.
 */

/** Honorifics, titles and ranks the lists write into names ("Mullah Omar", "Haji Khairullah"). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'dame',
  'lord',
  'lady',
  'sheikh',
  'shaikh',
  'sheik',
  'shaykh',
  // Common spellings of sheikh in customer files and press reports.
  'shiekh',
  'sheykh',
  'cheikh',
  'shaik',
  // Malaysian titles written before the name (Dato' Sri Teo Boon Ching); 'tan' (Tan Sri) is left out, being a common surname.
  'dato',
  'datuk',
  'datin',
  'tun',
  'sri',
  'haji',
  'hajji',
  'hadji',
  'alhaji',
  'mullah',
  'mulla',
  'mawlawi',
  'maulavi',
  'maulvi',
  'mawlavi',
  'maulana',
  'mufti',
  'qari',
  'sayyed',
  'seyed',
  'seyyed',
  'seyyid',
  'sayed',
  'alhaj',
  'alhajj',
  'hajj',
  'hajjii',
  'mawlana',
  'mullaj',
  'imam',
  'sayyid',
  'syed',
  'general',
  'gen',
  'colonel',
  'col',
  'major',
  'maj',
  'captain',
  'capt',
  'lt',
  'lieutenant',
  'brigadier',
  'admiral',
  'commander',
  'marshal',
  'sergeant',
  // Not 'amir': one of the commonest given names (Amir Hossein, Amir Khan), rarely a title in a customer's name.
  'emir',
  'prince',
  'princess',
  'king',
  'queen',
  'president',
  'minister',
  'judge',
  'father',
  'rev',
  'reverend',
  'bishop',
  'ustad',
  'ustadh',
  'engineer',
  'eng',
]);

/** The particles of a kunya: Abu Mohamed is the father of a Mohamed, Umm Ahmad the mother of an Ahmad. */
export const KUNYA_PARTICLES: ReadonlySet<string> = new Set(['abu', 'abou', 'abo', 'umm', 'um']);

/** The particles of a nasab: the next word is the father's name (Mohammed bin Salman, the son of Salman). */
export const NASAB_PARTICLES: ReadonlySet<string> = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'ibni', 'bte', 'ould', 'wuld']);

/** Arabic and Persian name particles; they join or split freely ("al-Hussein", "Alhussein", "Hussein"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'al',
  'bin',
  'ben',
  'ibn',
  'bint',
  'binti',
  'ould',
  'wuld',
  ...KUNYA_PARTICLES,
  'ait',
  'ag',
  'ibni',
  'bte',
  'de',
  'da',
  'del',
  'della',
  'di',
  'do',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'y',
]);

/**
 * Russian, Ukrainian, Belarusian and Turkic patronymic endings (Viktorovich, Nikolaevna, Ogly). A bare -ich
 * is a patronymic of a name in -a (Ilyich, Kuzmich, Lukich, Nikitich), never after r: Friedrich, Heinrich
 * and Dietrich are German given names. French and German files write -ovitch and -owitsch (Borisovitch,
 * Wladimirowitsch).
 */
const PATRONYMIC_ENDING =
  /(ovich|evich|ovych|evych|(?<!r)ich|[oe]vitch|[oe]witsch|ovna|evna|ivna|ichna|inichna|ogly|oglu|ugli|uly|kyzy|qizi|gizi)$/;

/**
 * Whether a folded token looks like a patronymic. Only meaningful for a Person's non-first token.
 * @example isPatronymic('viktorovich') === true; isPatronymic('ivan') === false
 */
export function isPatronymic(token: string): boolean {
  return token.length >= 6 && PATRONYMIC_ENDING.test(token);
}
