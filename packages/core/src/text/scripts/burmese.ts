/**
 * @module text/scripts/burmese
 * Burmese (Myanmar script) to Latin as Myanmar names and firms are conventionally romanised in English, on
 * sanctions lists, in passports and in the company register (Myanmar has no official romanisation that
 * names follow; MLC transcription writes Kyaw as "Kyau" and Htun as "Htun:", which no list does): ကျော် →
 * Kyaw, ထွန်း → Htun, လှိုင် → Hlaing, မြင့် → Myint, ရွှေ → Shwe, စိုး → Soe, ဖြိုး → Phyo, ဦး → U
 * (the honorific) or Oo. Each syllable is read as its own word, as the lists write names ("U Kyaw Zaw
 * Htun"); the matcher joins neighbouring words where a list writes them together (Hlaingtharyar).
 *
 * A name is read syllable by syllable: the initial consonant with its medials (ျ ြ ွ ှ), then the rhyme
 * from its vowel signs and final consonant (killed by asat ်, or by the stacking mark ္, or kinzi င်္).
 * Firms' legal forms (ကုမ္ပဏီလီမိတက်) are read as their English words, and `translateBurmeseOrganisationName`
 * gives a further reading of a firm's name with its common words in English (ကုန်သွယ်ရေး, trading).
 *
 * @example romanizeBurmese('မင်းအောင်လှိုင်') // ['min aung hlaing', …]
 */

/** Initial consonants as the conventional romanisation writes them (ဆ is S, as in Aung San; ရ is Y, as in Yangon). */
const CONSONANTS: ReadonlyMap<string, string> = new Map([
  ['က', 'k'],
  ['ခ', 'kh'],
  ['ဂ', 'g'],
  ['ဃ', 'g'],
  ['င', 'ng'],
  ['စ', 's'],
  ['ဆ', 's'],
  ['ဇ', 'z'],
  ['ဈ', 'z'],
  ['ဉ', 'ny'],
  ['ည', 'ny'],
  ['ဋ', 't'],
  ['ဌ', 'ht'],
  ['ဍ', 'd'],
  ['ဎ', 'd'],
  ['ဏ', 'n'],
  ['တ', 't'],
  ['ထ', 'ht'],
  ['ဒ', 'd'],
  ['ဓ', 'd'],
  ['န', 'n'],
  ['ပ', 'p'],
  ['ဖ', 'ph'],
  ['ဗ', 'b'],
  ['ဘ', 'b'],
  ['မ', 'm'],
  ['ယ', 'y'],
  ['ရ', 'y'],
  ['လ', 'l'],
  ['ဝ', 'w'],
  ['သ', 'th'],
  ['ဟ', 'h'],
  ['ဠ', 'l'],
  ['အ', ''],
  ['ဿ', 'th'],
]);

/** Independent vowels, read whole (ဧ as in Ayeyarwady). ဦ is handled apart: the honorific U, or Oo. */
const INDEPENDENT_VOWELS: ReadonlyMap<string, string> = new Map([
  ['ဣ', 'i'],
  ['ဤ', 'i'],
  ['ဥ', 'u'],
  ['ဧ', 'aye'],
  ['ဩ', 'aw'],
  ['ဪ', 'aw'],
]);

/** Symbols that stand for whole words. */
const WORD_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['၌', 'hnaik'],
  ['၍', 'ywe'],
  ['၎', 'lagaung'],
  ['၏', 'i'],
]);

/** Legal forms and honorifics, read as their English words (ဒေါ်, Daw, as names write it). */
const LEGAL_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ကုမ္ပဏီလီမိတက်', ['company limited']],
  ['ကုမ္ပဏီ', ['company']],
  ['လီမိတက်', ['limited']],
  ['ဒေါ်', ['daw']],
]);

/** Pali words of names conventionally spelled as one word; the second spelling is the older one. */
const NAME_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ရတနာ', ['yadanar', 'yadana']],
  ['မင်္ဂလာ', ['mingalar', 'mingala']],
  ['ဇေယျာ', ['zeyar', 'zeya']],
]);

const WORDS: ReadonlyMap<string, readonly string[]> = new Map([...LEGAL_WORDS, ...NAME_WORDS]);

/** Syllables of names whose conventional spellings the rules below do not give (ထွန်း: Htun, or Tun). */
const SYLLABLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['ထွန်း', ['htun', 'tun']],
  ['ထွန်', ['htun', 'tun']],
  ['ထူး', ['htoo', 'tu']],
  ['ကြီး', ['gyi', 'kyi']],
  ['ရိ', ['ri', 'yi']],
  ['ဝေ', ['wai', 'way']],
  ['ဘုန်း', ['phone', 'hpone']],
  ['လင်း', ['lin', 'linn']],
]);

/**
 * Common words of firms' names and their English, as Myanmar firms' Burmese and English names pair them
 * in the company register (DICA) and the Myanmar–English Dictionary of the Myanmar Language Commission
 * gives them. A second English word is the other rendering in use (ပို့ဆောင်ရေး: logistics, or transport).
 * Only words for trades and kinds of firm: never words that are also personal names.
 */
const FIRM_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ကုန်သွယ်ရေး', ['trading']],
  ['ပို့ဆောင်ရေး', ['logistics', 'transport']],
  ['ရေကြောင်းပို့ဆောင်ရေး', ['shipping']],
  ['ဆန်စက်', ['rice mill']],
  ['ဆီစက်', ['oil mill']],
  ['စက်မှုလုပ်ငန်း', ['industries']],
  ['ဆောက်လုပ်ရေး', ['construction']],
  ['ရေနံ', ['petroleum']],
  ['သံမဏိ', ['steel']],
  ['ဆေးဝါး', ['pharmaceutical']],
  ['ငါးလုပ်ငန်း', ['fishery']],
  ['စိုက်ပျိုးရေး', ['agriculture']],
  ['သင်္ဘောကျင်း', ['shipyard']],
  ['ဘဏ်', ['bank']],
]);

const ASAT = '\u103a';
const VIRAMA = '\u1039';
const DOT_BELOW = '\u1037';
const VISARGA = '\u1038';
const MEDIALS = /[\u103b-\u103e]/;
const VOWEL_SIGNS = /[\u102b-\u1032\u1036]/;
const CONSONANT = /[\u1000-\u1021\u103f]/;
const BURMESE_DIGIT = /[\u1040-\u1049]/;

/** One syllable as written: its letters, and the parts its reading depends on. */
interface Syllable {
  text: string;
  initial: string;
  medials: string;
  vowels: string;
  final: string;
  creaky: boolean;
  high: boolean;
}

/** A piece of a word: a syllable, or something read as it is (digits, other characters). */
type Piece = { syllable: Syllable } | { literal: string };

/** True when the consonant at `i` closes a syllable: it bears asat (after any dot below) or is stacked on the next. */
function isFinalAt(word: string, i: number): boolean {
  let j = i + 1;
  while (word[j] === DOT_BELOW) j++;
  return word[j] === ASAT || word[j] === VIRAMA;
}

/** The syllables and other pieces of a word written without spaces. */
function piecesOf(word: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < word.length) {
    const ch = word[i];
    if (BURMESE_DIGIT.test(ch) || /[0-9]/.test(ch)) {
      let digits = '';
      while (i < word.length && (BURMESE_DIGIT.test(word[i]) || /[0-9]/.test(word[i]))) {
        const code = word.charCodeAt(i);
        digits += code >= 0x1040 ? String(code - 0x1040) : word[i];
        i++;
      }
      pieces.push({ literal: digits });
      continue;
    }
    if (!CONSONANT.test(ch) && !INDEPENDENT_VOWELS.has(ch) && ch !== 'ဦ') {
      pieces.push({ literal: WORD_SYMBOLS.get(ch) ?? ch });
      i++;
      continue;
    }
    const s: Syllable = { text: ch, initial: ch, medials: '', vowels: '', final: '', creaky: false, high: false };
    i++;
    while (i < word.length) {
      const c = word[i];
      if (MEDIALS.test(c)) s.medials += c;
      else if (VOWEL_SIGNS.test(c)) s.vowels += c;
      else if (c === DOT_BELOW) s.creaky = true;
      else if (c === VISARGA) s.high = true;
      else if (c === ASAT || c === VIRAMA) {
        // asat on a vowel (ော်) or on the initial itself: nothing more to read
      } else if (CONSONANT.test(c) && s.final === '' && isFinalAt(word, i)) s.final = c;
      else break;
      s.text += c;
      i++;
    }
    pieces.push({ syllable: s });
  }
  return pieces;
}

/** Final consonants by the sound they close a syllable with. */
function finalClass(final: string): 'k' | 'ng' | 'c' | 'ny' | 'nya' | 't' | 'n' | 'm' | 'y' | 'l' | '' {
  if (final === '') return '';
  if ('ကခဂဃ'.includes(final)) return 'k';
  if (final === 'င') return 'ng';
  if ('စဆဇဈ'.includes(final)) return 'c';
  if (final === 'ည') return 'ny';
  if (final === 'ဉ') return 'nya';
  if ('ဋဌဍဎတထဒဓပဖဗဘ'.includes(final)) return 't';
  if ('ဏန'.includes(final)) return 'n';
  if (final === 'မ') return 'm';
  if (final === 'ယ') return 'y';
  if (final === 'လ') return 'l';
  return '';
}

/** A reading and, where another spelling is as common, that spelling. */
type Spellings = readonly [primary: string, other?: string];

/** The rhyme: the vowel with its final, as names write it (-aung, -ein, -ait…). */
function rhymeOf(s: Syllable, wIsVowel: boolean): Spellings {
  const v = s.vowels;
  const fin = s.final === '' && v.includes('ံ') ? 'm' : finalClass(s.final);
  const e = v.includes('ေ');
  const a = v.includes('ာ') || v.includes('ါ');
  const i = v.includes('ိ') || v.includes('ီ');
  const u = v.includes('ု') || v.includes('ူ');
  const nasal = fin === 'n' || fin === 'm';
  const stop = fin === 't' || fin === 'k' || fin === 'c';
  if (wIsVowel) return nasal ? ['un', 'on'] : ['ut'];
  if (e && a) return fin === 'k' ? ['auk'] : fin === 'ng' ? ['aung'] : ['aw'];
  if (i && u) {
    if (fin === 'k') return ['aik'];
    if (fin === 'ng') return ['aing'];
    // Soe, Moe (high tone) but Ko, Myo, Phyo
    if (/[\u103b\u103c]/.test(s.medials)) return ['o'];
    return s.high ? ['oe', 'o'] : ['o', 'oe'];
  }
  if (e) return fin === '' ? ['ay', 'e'] : stop ? ['et'] : ['en'];
  if (v.includes('ဲ')) return ['e'];
  if (i) return nasal ? ['ein'] : stop ? ['eik'] : fin === 'ng' ? ['in'] : ['i'];
  if (u) {
    if (nasal) return ['one', 'on'];
    if (stop) return ['oke', 'ok'];
    return v.includes('ူ') ? ['u', 'oo'] : ['u'];
  }
  if (a) return s.creaky || fin !== '' ? ['a'] : ['ar', 'a'];
  switch (fin) {
    case 'k':
      return ['et'];
    case 'ng':
      return ['in'];
    case 'c':
      return ['it'];
    case 'ny':
      return s.creaky ? ['ae', 'e'] : ['i', 'ee']; // ပြည့် Pyae, ကြည် Kyi
    case 'nya':
      return ['in'];
    case 't':
      return ['at'];
    case 'n':
    case 'm':
    case 'l':
      return ['an'];
    case 'y':
      return ['e', 'al'];
    default:
      return ['a'];
  }
}

/** The initial consonant with its medials: ky, gy, my, ch, hl, hm, sh (ရှ, လျှ, သျှ), shw… */
function initialOf(s: Syllable, wIsVowel: boolean): Spellings {
  const base = CONSONANTS.get(s.initial) ?? '';
  const y = /[\u103b\u103c]/.test(s.medials);
  const w = s.medials.includes('\u103d') && !wIsVowel;
  const h = s.medials.includes('\u103e');
  let out: string;
  if (h && (s.initial === 'ရ' || s.initial === 'ယ' || (y && (s.initial === 'လ' || s.initial === 'သ')))) out = 'sh';
  else if (y) out = s.initial === 'ခ' ? 'ch' : s.initial === 'င' ? 'ny' : s.initial === 'ယ' ? 'y' : `${base}y`;
  else out = base;
  if (h && out !== 'sh') out = `h${out}`;
  if (w) out += 'w';
  if (out.startsWith('ph')) return [out, y ? out.replace('ph', 'p') : out.replace('ph', 'hp')];
  return [out];
}

/** Whether ွ is the vowel of the syllable (ထွန်း Htun, ထွဋ် Htut) rather than a W after the initial (ရွှေ Shwe). */
function wIsVowelOf(s: Syllable): boolean {
  return s.medials.includes('\u103d') && s.vowels === '' && ['n', 'm', 't'].includes(finalClass(s.final));
}

/** The spellings of one syllable; `first` is its place at the start of a word (where ဦး is the honorific U). */
function spellSyllable(s: Syllable, first: boolean): Spellings {
  const known = SYLLABLES.get(s.text);
  if (known) return [known[0], known[1]];
  if (s.initial === 'ဦ') return first ? ['u'] : ['oo', 'u'];
  const independent = INDEPENDENT_VOWELS.get(s.initial);
  if (independent !== undefined) return [independent];
  const wIsVowel = wIsVowelOf(s);
  const [initial, otherInitial] = initialOf(s, wIsVowel);
  let [rhyme, otherRhyme] = rhymeOf(s, wIsVowel);
  if (s.vowels === 'ေ' && s.final === '') {
    // Nwe, Shwe, Ngwe, Swe; Ye; Aye
    if (initial.endsWith('w')) [rhyme, otherRhyme] = ['e', undefined];
    else if (initial === 'y') [rhyme, otherRhyme] = ['e', 'ay'];
    else if (initial === '') [rhyme, otherRhyme] = ['aye', undefined];
  }
  if (s.final === 'ယ' && initial.endsWith('w')) otherRhyme = undefined; // နွယ် Nwe, ကြယ် Kye or Kyal
  if (initial === '' && rhyme === 'one') [rhyme, otherRhyme] = ['ohn', 'on']; // Ohn Mar
  // A creaky nasal is written with a t: မြင့် Myint, သန့် Thant.
  if (s.creaky && s.final !== '' && ['in', 'an', 'ein', 'un'].includes(rhyme)) [rhyme, otherRhyme] = [`${rhyme}t`, rhyme];
  const primary = initial + rhyme;
  const other = (otherInitial ?? initial) + (otherRhyme ?? rhyme);
  return other === primary ? [primary] : [primary, other];
}

/** Unaspirated initials voiced inside a word after a vowel or nasal (ရတနာ Yadanar, မြဝတီ Myawaddy, ရန်ကုန် Yangon). */
const VOICED: ReadonlyArray<readonly [string, string]> = [
  ['ky', 'gy'],
  ['k', 'g'],
  ['t', 'd'],
  ['py', 'by'],
  ['p', 'b'],
  ['s', 'z'],
];

function voiced(spelling: string): string {
  if (spelling.startsWith('kh') || spelling.startsWith('th') || spelling.startsWith('sh')) return spelling;
  for (const [plain, voice] of VOICED) if (spelling.startsWith(plain)) return voice + spelling.slice(plain.length);
  return spelling;
}

/** One unit of a reading: its spellings, and whether its initial is voiced after the unit before it. */
interface Unit {
  spellings: Spellings;
  voice: boolean;
  endsOpen: boolean;
  firmWord?: boolean;
}

/** The units of a word: table words (longest first), then syllables, digits and other characters. */
function unitsOf(word: string, table: ReadonlyMap<string, readonly string[]>): Unit[] {
  const pieces = piecesOf(word);
  const units: Unit[] = [];
  for (let i = 0; i < pieces.length;) {
    let found: { english: readonly string[]; length: number } | undefined;
    for (let j = pieces.length; j > i && !found; j--) {
      const run = pieces.slice(i, j);
      const english = table.get(run.map((p) => ('syllable' in p ? p.syllable.text : '\n')).join(''));
      if (english) found = { english, length: j - i };
    }
    const piece = pieces[i];
    if (found) {
      const text = pieces
        .slice(i, i + found.length)
        .map((p) => ('syllable' in p ? p.syllable.text : ''))
        .join('');
      units.push({
        spellings: [found.english[0], found.english[1]],
        voice: false,
        endsOpen: NAME_WORDS.has(text),
        firmWord: FIRM_WORDS.has(text),
      });
      i += found.length;
    } else if ('literal' in piece) {
      units.push({ spellings: [piece.literal], voice: false, endsOpen: false });
      i++;
    } else {
      const closed = ['k', 'c', 't'].includes(finalClass(piece.syllable.final));
      units.push({
        spellings: spellSyllable(piece.syllable, i === 0),
        voice: units[units.length - 1]?.endsOpen ?? false,
        endsOpen: !closed,
      });
      i++;
    }
  }
  return units;
}

/** At most this many readings of one name: a syllable may have two spellings, and a word may voice. */
const MAX_BURMESE_READINGS = 4;

function unitsOfText(text: string, table: ReadonlyMap<string, readonly string[]>): Unit[] {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .flatMap((w) => unitsOf(w, table));
}

function joined(words: string[]): string {
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The Latin readings of Burmese text, first the most common spellings, then a voiced reading and the
 * other common spellings (Tun for Htun, Yadana for Yadanar), at most four. Burmese digits become 0–9;
 * other characters are kept as they are.
 *
 * @example romanizeBurmese('ဦးကျော်ဇော်ထွန်း') // ['u kyaw zaw htun', 'u gyaw zaw htun', 'u kyaw zaw tun', …]
 */
export function romanizeBurmese(text: string): string[] {
  const units = unitsOfText(text, WORDS);
  const primary = units.map((u) => u.spellings[0]);
  const other = units.map((u) => u.spellings[1] ?? u.spellings[0]);
  const voicedPrimary = units.map((u, i) => (u.voice ? voiced(primary[i]) : primary[i]));
  const voicedOther = units.map((u, i) => (u.voice ? voiced(other[i]) : other[i]));
  const readings = [primary, voicedPrimary, other, voicedOther].map(joined).filter((r) => r !== '');
  return [...new Set(readings)].slice(0, MAX_BURMESE_READINGS);
}

const ORGANISATION_TABLE: ReadonlyMap<string, readonly string[]> = new Map([...WORDS, ...FIRM_WORDS]);
const FIRM_WORD_PATTERN = new RegExp([...FIRM_WORDS.keys()].join('|'));

/**
 * Readings of a firm's name with its common words in English and its proper names romanised (ရွှေပုလဲ
 * ကုန်သွယ်ရေး ကုမ္ပဏီလီမိတက် → "shwe pu le trading company limited"), or [] when it holds none of them.
 *
 * @example translateBurmeseOrganisationName('ငွေမြို့ ရေနံ ကုမ္ပဏီလီမိတက်') // ['ngwe myo petroleum company limited']
 */
export function translateBurmeseOrganisationName(text: string): string[] {
  if (!FIRM_WORD_PATTERN.test(text)) return [];
  const units = unitsOfText(text, ORGANISATION_TABLE);
  if (!units.some((u) => u.firmWord)) return [];
  const first = units.map((u) => u.spellings[0]);
  const secondEnglish = units.map((u) => (u.firmWord ? (u.spellings[1] ?? u.spellings[0]) : u.spellings[0]));
  const otherNames = units.map((u) => (u.firmWord ? u.spellings[0] : (u.spellings[1] ?? u.spellings[0])));
  return [...new Set([first, secondEnglish, otherNames].map(joined))];
}
