/**
 * @module text/scripts/arabic-terms
 * Groups and firms named in Arabic are listed under their English names: الجماعة الإسلامية المقاتلة الليبية
 * is the UN's LIBYAN ISLAMIC FIGHTING GROUP, الدولة الإسلامية في العراق والشام its ISLAMIC STATE IN IRAQ AND
 * THE LEVANT. Transliterated ("al-jamaa al-islamiya al-muqatila al-libiya") they share no word with the
 * list. This module gives a second reading of such a name: the common words of organisations' names and
 * the places they name in English, other words transliterated, so that the matcher, which ignores word
 * order, can align it with the English name. As `han-terms` does for Chinese firms' names.
 *
 * Only names holding a word that names a kind of organisation (group, movement, army, company…) are
 * read this way: a person's name is not translated, though many are words (Jamal, Nasr, Islam).
 */
import { foldText } from '../normalize.js';
import { arabicLookupKey, GLUED_PREPOSITIONS, romanizeArabic, splitArabicCompounds, splitArticle } from './arabic.js';

/** Words naming a kind of organisation, by lookup key (ة as ه, hamza seats as ا), without the article. */
const ORGANISATION_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    جماعه: 'group',
    مجموعه: 'group',
    حركه: 'movement',
    جبهه: 'front',
    جيش: 'army',
    تنظيم: 'organization',
    منظمه: 'organization',
    دوله: 'state',
    حزب: 'party',
    مجلس: 'council',
    لواء: 'brigade',
    الويه: 'brigades',
    كتيبه: 'battalion',
    كتائب: 'battalions|brigades',
    شبكه: 'network',
    موسسه: 'foundation|institution',
    جمعيه: 'society|association',
    مركز: 'center',
    شركه: 'company',
    مصرف: 'bank',
    بنك: 'bank',
    اتحاد: 'union',
    رابطه: 'league',
    عصبه: 'league',
    جند: 'soldiers',
    مكتب: 'office',
    خدمات: 'services',
    صرافه: 'exchange',
    // Persian and Urdu spellings (ک, ی and ہ are levelled to ك, ي and ه before lookup).
    صرافي: 'exchange',
    شركت: 'company',
    كمپني: 'company',
    گروپ: 'group',
    تحريك: 'movement',
    حركت: 'movement',
  }),
);

/** Other words of such names, and places, as the lists translate them; `a|b` where lists use either. */
const OTHER_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // The lists' spelling of القاعدة ("the base"), the name of a network of groups.
    قاعده: 'qaida',
    اسلاميه: 'islamic',
    اسلامي: 'islamic',
    اسلام: 'islam',
    مسلمين: 'muslims',
    مسلمون: 'muslims',
    مقاتله: 'fighting|combatant',
    مسلحه: 'armed',
    جهاد: 'jihad',
    توحيد: 'unity|oneness',
    تحرير: 'liberation',
    شريعه: 'sharia',
    خيريه: 'charitable',
    اغاثه: 'relief',
    انصار: 'supporters',
    مهاجرين: 'emigrants',
    شهداء: 'martyrs',
    اهل: 'people',
    بلاد: 'lands|country',
    ارض: 'land',
    جزيره: 'peninsula',
    عرب: 'arab|arabian',
    عربيه: 'arab|arabian',
    عربي: 'arab|arabian',
    غرب: 'west',
    شرق: 'east',
    شمال: 'north',
    جنوب: 'south',
    كبري: 'greater',
    عراق: 'iraq',
    شام: 'levant|sham',
    سوريا: 'syria',
    يمن: 'yemen',
    ليبيا: 'libya',
    ليبيه: 'libyan',
    تونس: 'tunisia',
    تونسيه: 'tunisian',
    مغرب: 'maghreb|morocco',
    مغربيه: 'moroccan',
    جزاير: 'algeria',
    جزايريه: 'algerian',
    مصر: 'egypt',
    مصريه: 'egyptian',
    سودان: 'sudan',
    صومال: 'somalia',
    افغانستان: 'afghanistan',
    باكستان: 'pakistan',
    خراسان: 'khorasan',
    فلسطين: 'palestine',
    فلسطينيه: 'palestinian',
    لبنان: 'lebanon',
    افريقيا: 'africa',
    افريقيه: 'africa',
    صحراء: 'sahara',
    ساحل: 'sahel',
    // Words of firms' and movements' names (HAMAS is the Islamic Resistance Movement; NIOC the National
    // Iranian Oil Company).
    مقاومه: 'resistance',
    نفط: 'oil',
    ناقلات: 'tanker',
    بترول: 'petroleum',
    غاز: 'gas',
    وطنيه: 'national',
    وطني: 'national',
    ايران: 'iran',
    ايرانيه: 'iranian',
    ايراني: 'iranian',
    تجاره: 'trading',
    تجاريه: 'commercial',
    صناعات: 'industries',
    صناعه: 'industry',
    دوليه: 'international',
    دولي: 'international',
    عامه: 'general',
    عام: 'general',
    // Prepositions and the conjunction, also when `splitArabicCompounds` has split them off the next word.
    في: 'in',
    و: 'and',
    ب: 'in',
    ل: 'for',
    من: 'of',
  }),
);

function known(key: string): boolean {
  return ORGANISATION_WORDS.has(key) || OTHER_WORDS.has(key);
}

/** At most this many translated readings per name, where words have two usual translations. */
const MAX_TRANSLATIONS = 4;

/**
 * English readings of an organisation's name in Arabic script, or [] when it names no kind of
 * organisation. Words not in the tables are transliterated as `romanizeArabic` does.
 *
 * @example translateArabicOrganisationName('الجماعة الإسلامية المقاتلة الليبية')
 * // ['group islamic fighting libyan', 'group islamic combatant libyan']
 */
export function translateArabicOrganisationName(text: string): string[] {
  const words = foldText(text).split(' ').filter(Boolean).flatMap(splitArabicCompounds);
  let organisation = false;
  const choices = words.flatMap((word) => {
    const key = arabicLookupKey(splitArticle(word).stem);
    // A preposition written onto a word without the article (ببلاد: bi + bilad) is split off when the rest is known.
    const glued = !known(key) && key.length > 3 && GLUED_PREPOSITIONS.has(key[0]) ? key.slice(1) : undefined;
    const keys = glued !== undefined && known(glued) ? [key[0], glued] : [key];
    return keys.map((k) => {
      const kind = ORGANISATION_WORDS.get(k);
      if (kind !== undefined) organisation = true;
      const english = kind ?? OTHER_WORDS.get(k);
      return english !== undefined ? english.split('|') : [romanizeArabic(word)];
    });
  });
  if (!organisation) return [];
  let readings = [''];
  for (const options of choices) {
    const next: string[] = [];
    for (const reading of readings)
      for (const option of options) if (next.length < MAX_TRANSLATIONS) next.push(reading === '' ? option : `${reading} ${option}`);
    readings = next;
  }
  return readings;
}
