/**
 * @module text/scripts/hebrew
 * Hebrew to Latin as Israeli names, firms and vessels are romanised in English (the registrar of companies,
 * passports, ship registers): ח → kh or ch (Shachaf, Nahshol), כ → k, and kh or ch after a vowel, ב → b, and
 * v after a vowel, פ → p, and f, צ → tz, ש → sh, ג׳ → j, ז׳ → zh, צ׳ → ch. Like Arabic, Hebrew leaves most vowels
 * unwritten: ו and י between consonants are read as vowels (o or u; i), א and ע as a vowel, a final ה as a,
 * and an 'a' is put where a syllable needs a vowel (כנרת → kanarat ~ Kinneret, ירקון → yarkon). The matcher
 * takes a word with the same consonants and the same places of vowels as a variant (`vowelKey`), so the
 * places matter more than the vowels. Pointed text (niqqud) is read with its written vowels.
 *
 * Up to three readings: vowels placed by syllables with kh; the same with ch, u and b/p after a consonant;
 * and a vowel in every gap (Levana, Yerushalayim), with the article ה spaced ("ha galil"). The
 * article is attached in the others (HATZAFON, HaGalil). Legal forms are read in English (בע"מ → ltd).
 *
 * @example romanizeHebrew('שחף הצפון') // ['shakhaf hatzafon', 'shachaf hatzafun', 'shakhaf ha tzafon']
 */

/** One of the readings: how its ambiguous letters are read. */
interface Variant {
  /** ח, and כ after a vowel. */
  guttural: 'kh' | 'ch';
  /** ו read as a vowel. */
  vav: 'o' | 'u';
  /** ב, כ, פ after a consonant that ends syllables read as stops (Arbel, Grinshpan, Malka), as a dagesh makes them. */
  stopsAfterConsonant: boolean;
  /** A vowel in every gap between consonants (Kinneret, Levana), not only where a syllable needs one. */
  everyGap: boolean;
  /** The article written as a word of its own (ha galil), not attached (hagalil). */
  spacedArticle: boolean;
}

const VARIANTS: readonly Variant[] = [
  { guttural: 'kh', vav: 'o', stopsAfterConsonant: false, everyGap: false, spacedArticle: false },
  { guttural: 'ch', vav: 'u', stopsAfterConsonant: true, everyGap: false, spacedArticle: false },
  { guttural: 'kh', vav: 'o', stopsAfterConsonant: false, everyGap: true, spacedArticle: true },
];

/** Letters always read as one consonant. ב כ פ ח ו י ה א ע depend on their place and are read apart. */
const CONSONANTS: ReadonlyMap<string, string> = new Map([
  ['ג', 'g'],
  ['ד', 'd'],
  ['ז', 'z'],
  ['ט', 't'],
  ['ל', 'l'],
  ['מ', 'm'],
  ['נ', 'n'],
  ['ס', 's'],
  ['צ', 'tz'],
  ['ק', 'k'],
  ['ר', 'r'],
  ['ש', 'sh'],
  ['ת', 't'],
]);

/** Letters with a geresh for sounds Hebrew letters lack: ג׳ in Jamal, ז׳ in Zhaklin, צ׳ in Chelsea. */
const WITH_GERESH: ReadonlyMap<string, string> = new Map([
  ['ג', 'j'],
  ['ז', 'zh'],
  ['צ', 'ch'],
  ['ת', 't'],
  ['ד', 'd'],
]);

const FINAL_FORMS: ReadonlyMap<string, string> = new Map([
  ['ך', 'כ'],
  ['ם', 'מ'],
  ['ן', 'נ'],
  ['ף', 'פ'],
  ['ץ', 'צ'],
]);

/**
 * Common names whose vowels or letters the rules cannot tell: ש read s (ישראל, שרה), vowels the spelling leaves
 * out (ירושלים), ו as a consonant (דוד), as the Israeli press and registers write them.
 */
const KNOWN_WORDS: ReadonlyMap<string, string> = knownWords([
  ['ישראל', 'yisrael'],
  ['ירושלים', 'yerushalayim'],
  ['דוד', 'david'],
  ['שרה', 'sarah'],
  ['אהרן', 'aharon'],
  ['אהרון', 'aharon'],
  ['יעקב', 'yaakov'],
  ['שמעון', 'shimon'],
  ['שמואל', 'shmuel'],
  ['יוסף', 'yosef'],
  ['לוי', 'levi'],
  ['משה', 'moshe'],
  ['חיפה', 'haifa'],
  ['אביב', 'aviv'],
  ['חיים', 'chaim'],
  // "Son of" and "daughter of" in family names (Ben Gurion, Ben Ami): too short for a vowel variant to meet Ben.
  ['בן', 'ben'],
  ['בת', 'bat'],
]);

/** The table keyed by the words with their final letters as medial ones, as `lettersOf` writes them. */
function knownWords(entries: [string, string][]): ReadonlyMap<string, string> {
  return new Map(entries.map(([hebrew, latin]) => [[...hebrew].map((ch) => FINAL_FORMS.get(ch) ?? ch).join(''), latin]));
}

/**
 * Legal forms as firms' names write them: בע"מ (בערבון מוגבל, with limited liability) is Ltd, and is written
 * with gershayim, a double quote, or none; חברה (construct form חברת) is a company.
 */
const LEGAL_FORM = /(?<![\u05D0-\u05EA])(?:בע["\u05F4\u05F3']?מ|בערבון\s+מוגבל)(?![\u05D0-\u05EA])/gu;
const COMPANY = /(?<![\u05D0-\u05EA])חבר[הת](?![\u05D0-\u05EA])/gu;

/** A Hebrew word: letters, points, and a geresh or quote after a letter. */
const HEBREW_WORD = /[\u05D0-\u05EA](?:[\u05D0-\u05EA\u05F3\u05F4'"]|\p{Mn})*/gu;
const POINTS = /[\u05B0-\u05BB\u05C7]/u;

type Unit = { kind: 'C' | 'V'; text: string };

interface Letter {
  ch: string;
  geresh: boolean;
}

function lettersOf(word: string): Letter[] {
  const letters: Letter[] = [];
  for (const ch of word) {
    if (ch === '\u05F3' || ch === "'") {
      const last = letters[letters.length - 1];
      if (last) last.geresh = true;
    } else if (ch >= '\u05D0' && ch <= '\u05EA') letters.push({ ch: FINAL_FORMS.get(ch) ?? ch, geresh: false });
  }
  return letters;
}

/** Consonants that often close a syllable, after which ב כ פ take a dagesh and are stops. */
const CODAS: ReadonlySet<string | undefined> = new Set(['r', 'l', 'n', 'm', 'sh', 's']);

const isVowelCarrier = (ch: string | undefined) => ch === 'א' || ch === 'ע';

/** The units of an unpointed word: consonants, and vowels where a letter writes one. */
function unitsOf(letters: readonly Letter[], v: Variant, atStart: boolean): Unit[] {
  const units: Unit[] = [];
  const previousIsConsonant = () => units.length > 0 && units[units.length - 1].kind === 'C';
  for (let i = 0; i < letters.length; i++) {
    const { ch, geresh } = letters[i];
    const next = letters[i + 1]?.ch;
    const last = i === letters.length - 1;
    const first = i === 0 && atStart;
    const geresed = geresh ? WITH_GERESH.get(ch) : undefined;
    if (geresed !== undefined) {
      units.push({ kind: 'C', text: geresed });
      continue;
    }
    switch (ch) {
      case 'א':
      case 'ע':
        // A vowel carrier; a ו or י after it writes the vowel itself (אור, Or; אילת, Eilat).
        if ((next === 'ו' || next === 'י') && letters[i + 2]?.ch !== next) continue;
        units.push({ kind: 'V', text: i === 0 && ch === 'ע' && next !== undefined ? 'e' : 'a' });
        break;
      case 'ה':
        units.push(last && i > 0 ? { kind: 'V', text: 'a' } : { kind: 'C', text: 'h' });
        break;
      case 'ו':
        if (next === 'ו') {
          units.push({ kind: 'C', text: 'v' });
          i++;
        } else if (first && letters.length >= 4) units.push({ kind: 'V', text: 'u' });
        else if (first) units.push({ kind: 'C', text: 'v' });
        else if (!previousIsConsonant()) units.push({ kind: 'V', text: v.vav });
        else if (!last && (isVowelCarrier(next) || (next === 'ה' && i + 2 === letters.length))) units.push({ kind: 'C', text: 'v' });
        else if (!last && next === 'י' && i + 2 === letters.length) units.push({ kind: 'C', text: 'v' });
        else units.push({ kind: 'V', text: last ? 'u' : v.vav });
        break;
      case 'י':
        if (next === 'י' && !first) {
          units.push({ kind: 'V', text: 'ai' });
          i++;
        } else if (first) units.push({ kind: 'V', text: next === undefined || 'אעוי'.includes(next) ? 'y' : v.vav === 'u' ? 'yi' : 'ya' });
        else units.push({ kind: 'V', text: 'i' });
        break;
      case 'ח':
        units.push({ kind: 'C', text: v.guttural });
        break;
      case 'ב':
      case 'כ':
      case 'פ': {
        // A final ך ף ב is a fricative (Yaakov, Shachaf); elsewhere the dagesh after a closed syllable makes a stop.
        const stop = first || i === 0 || (!last && v.stopsAfterConsonant && CODAS.has(units[units.length - 1]?.text));
        const sound = ch === 'ב' ? (stop ? 'b' : 'v') : ch === 'פ' ? (stop ? 'p' : 'f') : stop ? 'k' : v.guttural;
        units.push({ kind: 'C', text: sound });
        break;
      }
      default:
        units.push({ kind: 'C', text: CONSONANTS.get(ch) ?? '' });
    }
  }
  return units.filter((u) => u.text !== '');
}

/** Word-initial clusters that keep no vowel: sht, shp (Shtern, Shpigel), and gr, kl… before a written i (Grinshpan, Klein). */
function isInitialCluster(units: readonly Unit[]): boolean {
  const [a, b, c] = units;
  if (a?.kind !== 'C' || b?.kind !== 'C') return false;
  if ((a.text === 'sh' || a.text === 's') && (b.text === 't' || b.text === 'p')) return true;
  return ['g', 'k', 'b', 'p', 'f'].includes(a.text) && (b.text === 'r' || b.text === 'l') && c?.kind === 'V' && c.text === 'i';
}

/**
 * The units with an 'a' put between consonants where a syllable needs a vowel. A run of consonants before
 * the first vowel is read CaC.CaC.CV (ירקון yar.kon, מגדלי mig.da.li); between vowels VC.CV, VC.CaCV; after
 * the last vowel VC…CaC (יצחק yitz.khak, עמק e.mek); with no vowel at all, or `everyGap`, CaCaC (כנרת).
 */
function withDefaultVowels(units: readonly Unit[], everyGap: boolean): string {
  const cluster = isInitialCluster(units);
  const vowelAt = units.map((u) => u.kind === 'V');
  const anyVowel = vowelAt.some(Boolean);
  let out = '';
  let runStart = 0;
  for (let i = 0; i < units.length; i++) {
    if (vowelAt[i]) runStart = i + 1;
    out += units[i].text;
    const next = units[i + 1];
    if (vowelAt[i] || next === undefined || next.kind !== 'C') continue;
    if (cluster && i === 0) continue;
    // Position in the consonant run (1-based), the run's length, and whether it is before the first vowel or after the last.
    let runEnd = i + 1;
    while (runEnd < units.length && !vowelAt[runEnd]) runEnd++;
    const k = i - runStart + 1;
    const n = runEnd - runStart;
    const leading = runStart === 0;
    const trailing = runEnd === units.length;
    let insert: boolean;
    if (everyGap || !anyVowel) insert = true;
    else if (leading && trailing) insert = true;
    else if (leading) insert = k % 2 === 1;
    else if (trailing) insert = k === n - 1;
    else insert = k % 2 === 0;
    if (insert) out += 'a';
  }
  return out;
}

/** Vowel points as the Israeli press writes the vowels: qamats and patah a, tsere and segol e, holam o. */
const POINT_VOWELS: ReadonlyMap<string, string> = new Map([
  ['\u05B1', 'e'],
  ['\u05B2', 'a'],
  ['\u05B3', 'o'],
  ['\u05B4', 'i'],
  ['\u05B5', 'e'],
  ['\u05B6', 'e'],
  ['\u05B7', 'a'],
  ['\u05B8', 'a'],
  ['\u05B9', 'o'],
  ['\u05BA', 'o'],
  ['\u05BB', 'u'],
  ['\u05C7', 'o'],
]);
const SHEVA = '\u05B0';
const DAGESH = '\u05BC';
const SIN_DOT = '\u05C2';

/** A pointed word read with its written vowels: בִּנְיָמִין → binyamin. */
function readPointed(word: string, v: Variant): string {
  const groups: { ch: string; marks: string; geresh: boolean }[] = [];
  for (const ch of word) {
    if (ch >= '\u05D0' && ch <= '\u05EA') groups.push({ ch: FINAL_FORMS.get(ch) ?? ch, marks: '', geresh: false });
    else if (groups.length === 0) continue;
    else if (ch === '\u05F3' || ch === "'") groups[groups.length - 1].geresh = true;
    else groups[groups.length - 1].marks += ch;
  }
  let out = '';
  let previousVowel = '';
  groups.forEach(({ ch, marks, geresh }, i) => {
    const vowel = [...marks].map((m) => POINT_VOWELS.get(m) ?? '').join('') || (marks.includes(SHEVA) && i === 0 ? 'e' : '');
    const dagesh = marks.includes(DAGESH);
    const last = i === groups.length - 1;
    let consonant: string;
    if (geresh && WITH_GERESH.has(ch)) consonant = WITH_GERESH.get(ch) ?? '';
    else if (ch === 'ו' && vowel === 'o' && !dagesh) return void ((out += 'o'), (previousVowel = 'o'));
    else if (ch === 'ו' && dagesh && vowel === '') return void ((out += 'u'), (previousVowel = 'u'));
    else if (ch === 'י' && vowel === '' && previousVowel !== '' && i > 0)
      consonant = previousVowel === 'i' || previousVowel === 'e' ? '' : 'y';
    else if (ch === 'ו') consonant = 'v';
    else if (ch === 'י') consonant = 'y';
    else if (ch === 'א' || ch === 'ע') consonant = '';
    else if (ch === 'ה') consonant = last && !dagesh ? '' : 'h';
    else if (ch === 'ח') consonant = v.guttural;
    else if (ch === 'ב') consonant = dagesh ? 'b' : 'v';
    else if (ch === 'כ') consonant = dagesh ? 'k' : v.guttural;
    else if (ch === 'פ') consonant = dagesh ? 'p' : 'f';
    else if (ch === 'ש') consonant = marks.includes(SIN_DOT) ? 's' : 'sh';
    else consonant = CONSONANTS.get(ch) ?? '';
    // A patah under a final guttural is said before it (תַּפּוּחַ, tapuach).
    out += last && (ch === 'ח' || ch === 'ע' || ch === 'ה') && vowel === 'a' ? vowel + consonant : consonant + vowel;
    previousVowel = vowel;
  });
  return out;
}

/** One word's reading in one variant. */
function readWord(word: string, v: Variant): string {
  if (POINTS.test(word)) return readPointed(word, v);
  const letters = lettersOf(word);
  const plain = letters.map((l) => l.ch).join('');
  const known = KNOWN_WORDS.get(plain);
  if (known !== undefined) return known;
  // The article ה before a word of three letters or more (הצפון, HaTzafon; הכרמל, HaCarmel); not before
  // a single ו, which is the vowel of a word of its own (הובלות, hovalot).
  if (letters.length >= 4 && letters[0].ch === 'ה' && !(letters[1].ch === 'ו' && letters[2].ch !== 'ו')) {
    const rest = letters.slice(1);
    const restPlain = plain.slice(1);
    const read = KNOWN_WORDS.get(restPlain) ?? withDefaultVowels(unitsOf(rest, v, true), v.everyGap);
    return v.spacedArticle ? `ha ${read}` : `ha${read}`;
  }
  return withDefaultVowels(unitsOf(letters, v, true), v.everyGap);
}

/**
 * The Latin readings of Hebrew text, most likely first; other characters (digits, Latin letters) are left as
 * they are.
 *
 * @example romanizeHebrew('אלמוג אדום') // ['almog adom', 'almug adum', 'alamavag adavam']
 */
export function romanizeHebrew(text: string): string[] {
  return [...new Set(VARIANTS.map((v) => readText(text, (word) => readWord(word, v))))];
}

/** Text with its legal forms in English and each Hebrew word read by `read`; other characters are kept. */
function readText(text: string, read: (word: string) => string): string {
  return text
    .normalize('NFD')
    .replace(LEGAL_FORM, ' ltd ')
    .replace(COMPANY, ' company ')
    .replace(HEBREW_WORD, (word) => ` ${read(word)} `)
    .replace(/["\u05F3\u05F4]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Common words of Israeli firms' names and their English, as firms' Hebrew and English registered names pair
 * them (Israeli Corporations Authority): a firm is listed or paid under either name. Words of trades and
 * kinds of firm only, never words that are also personal names (Shachar, dawn; Galim, waves; Or, light).
 * Construct forms (מוצרי, products of) are entries of their own.
 */
const FIRM_WORDS: ReadonlyMap<string, string> = knownWords([
  ['בנק', 'bank'],
  ['ביטוח', 'insurance'],
  ['השקעות', 'investments'],
  ['אחזקות', 'holdings'],
  ['נכסים', 'properties'],
  ['סחר', 'trading'],
  ['שיווק', 'marketing'],
  ['יבוא', 'import'],
  ['יצוא', 'export'],
  ['תעשיות', 'industries'],
  ['תעשייה', 'industry'],
  ['מפעלי', 'works'],
  ['מפעל', 'plant'],
  ['ספנות', 'shipping'],
  ['הובלה', 'transport'],
  ['הובלות', 'transport'],
  ['תובלה', 'transport'],
  ['לוגיסטיקה', 'logistics'],
  ['סוכנויות', 'agencies'],
  ['בנייה', 'construction'],
  ['בניין', 'building'],
  ['הנדסה', 'engineering'],
  ['מערכות', 'systems'],
  ['שירותי', 'services'],
  ['שירותים', 'services'],
  ['מוצרי', 'products'],
  ['מוצרים', 'products'],
  ['חומרי', 'materials'],
  ['ציוד', 'equipment'],
  ['חלקים', 'parts'],
  ['מדויקים', 'precision'],
  ['מתכת', 'metal'],
  ['נייר', 'paper'],
  ['פלסטיק', 'plastic'],
  ['שיש', 'marble'],
  ['עץ', 'wood'],
  ['חשמל', 'electric'],
  ['מזון', 'food'],
  ['כימיקלים', 'chemicals'],
  ['תרופות', 'pharmaceuticals'],
  ['רפואי', 'medical'],
  ['ימית', 'marine'],
  ['אחים', 'brothers'],
  ['ובניו', 'and sons'],
  ['דלק', 'fuel'],
  ['נפט', 'oil'],
  ['טכנולוגיות', 'technologies'],
]);

/** A word's letters as `knownWords` keys them, without the article ה or the conjunction ו before a table word. */
function firmWordOf(word: string): string | undefined {
  const plain = lettersOf(word)
    .map((l) => l.ch)
    .join('');
  const english = FIRM_WORDS.get(plain);
  if (english !== undefined) return english;
  if ((plain[0] === 'ה' || plain[0] === 'ו') && plain.length > 2) return FIRM_WORDS.get(plain.slice(1));
  return undefined;
}

/**
 * A firm's name read with its common words in English and its other words romanised (גרינשפן מוצרי נייר
 * בע"מ → "grinshpan products paper ltd", Grinshpan Paper Products Ltd: the matcher aligns words in any
 * order), or [] when it holds none of them.
 *
 * @example translateHebrewOrganisationName('ברזילי תעשיות מתכת בע"מ') // ['barzili industries metal ltd']
 */
export function translateHebrewOrganisationName(text: string): string[] {
  let translated = false;
  const reading = readText(text, (word) => {
    const english = POINTS.test(word) ? undefined : firmWordOf(word);
    if (english !== undefined) translated = true;
    return english ?? readWord(word, VARIANTS[0]);
  });
  return translated ? [reading] : [];
}
