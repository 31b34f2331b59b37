/**
 * @module text/scripts/arabic-skeleton
 * Consonant skeletons that make an Arabic name in Arabic script and its many Latin spellings comparable:
 * محمد, Muhammad, Mohammed and Mohamad all give 'mhmd'; عبد الله, Abdullah, Abd Allah and Abdallah give
 * 'bd l'. Arabic script does not write short vowels, and Latin spellings write them all differently, so
 * the skeleton keeps consonants only, in classes wide enough to hold the usual spelling variants:
 *
 * | class | Arabic            | Latin            | why                                                      |
 * |-------|-------------------|------------------|----------------------------------------------------------|
 * | b     | ب پ               | b p              | Persian پ; lists write Pasha and Basha                    |
 * | t     | ت ط ٹ             | t                |                                                          |
 * | d     | د ض ذ ظ ث ز ژ ڈ   | d dh th z        | ظ is Kathim, Kazim, Kadhim; ث is Uthman/Othman; ض is Ramadan/Ramzan |
 * | s     | س ص               | s, c before e/i  |                                                          |
 * | x     | ش چ               | sh ch sch        | French-style ch for ش (Cherif, Achour); Urdu چ            |
 * | g     | ج غ گ             | j dj g gh        | Egyptian g for ج (Gamal), g for غ (Gazi), Persian گ      |
 * | k     | ق ك ک             | q k ck c         | Qasim, Kassem                                            |
 * | h     | ح ه خ ھ ہ         | h kh x           | ح and ه are both h in Latin; خ is kh or h                 |
 * | f     | ف                 | f ph             |                                                          |
 * | w     | و (word-initial)  | w v (initial)    | Persian و is v (Vahid, Javad)                             |
 * | y     | ي ی (initial)     | y (initial)      |                                                          |
 * | l m n r | ل م ن ر ں ڑ     | l m n r          |                                                          |
 *
 * Dropped everywhere: vowels, alif and hamza forms (ا أ إ آ ء ؤ ئ), ayn (ع, written ', or nothing), ta
 * marbuta and alif maqsura (ة ى), and و/ي after the first letter (they are the long vowels u/i in Arabic
 * and vowels or diphthongs ou, ee, ei, ay in Latin). A word's last consonant is dropped when it is of the
 * h class, since Latin writes ة and final ه/ح inconsistently (Hamza/Hamzah, Saleh/Salih, Abdulla/Abdullah,
 * Taha/طه). Letters doubled in the source count once (Hussein, Mohammed; Arabic writes shadda, which
 * lists omit). The article (ال; Latin al-, el-, ul-, ur-, and assimilated ad-, ar-, as-, ash-, at-, az-)
 * is removed. Compounds are split the same way on both sides, however they are written: عبدالحليم and
 * Abdelhalim → abd + halim; Abubakar → abu + bakar; Hidayatullah → hidayat + allah; Jalaluddin →
 * jalal + din. On the UN list (2026-02-27) the skeletons of the Arabic-script name and of the Latin name
 * of an individual agree word for word for most entries (see un-original-script.test.ts).
 * ث is also read as s, in a second skeleton (`arabicSkeletonReadings`): Persian, Urdu and Turkish say it
 * so (Saqib ثاقب, Ghias غیاث, Osman عثمان), and a name's Latin spelling follows its speakers.
 * Two Arabic letters a Latin digraph writes (t + h in Fathi فتحي, k + h in Lakhal لكحل) are also read as
 * that digraph's one consonant, in another skeleton of the Arabic side. Known limits: Belgacem (ق as g) and
 * Fayçal (ç as s, folded to c) do not match.
 */
import { foldText } from '../normalize.js';
import { splitArabicCompounds, splitArticle } from './arabic.js';
import { arabicGapLetter, ARTICLE_GAP, latinGapLetter, UNKNOWN_GAP } from './arabic-written-vowels.js';

const ARABIC_CLASSES: ReadonlyMap<string, string> = new Map([
  ['ب', 'b'],
  ['پ', 'b'],
  ['ت', 't'],
  ['ط', 't'],
  ['ٹ', 't'],
  ['د', 'd'],
  ['ض', 'd'],
  ['ذ', 'd'],
  ['ظ', 'd'],
  ['ث', 'd'],
  ['ز', 'd'],
  ['ژ', 'd'],
  ['ڈ', 'd'],
  ['س', 's'],
  ['ص', 's'],
  ['ش', 'x'],
  ['چ', 'x'],
  ['ج', 'g'],
  ['غ', 'g'],
  ['گ', 'g'],
  ['ق', 'k'],
  ['ك', 'k'],
  ['ک', 'k'],
  ['ح', 'h'],
  ['ه', 'h'],
  ['خ', 'h'],
  ['ھ', 'h'],
  ['ہ', 'h'],
  ['ۀ', 'h'],
  ['ف', 'f'],
  ['ڤ', 'f'],
  ['ل', 'l'],
  ['م', 'm'],
  ['ن', 'n'],
  ['ں', 'n'],
  ['ر', 'r'],
  ['ڑ', 'r'],
  ['و', 'w'],
  ['ي', 'y'],
  ['ی', 'y'],
  ['ې', 'y'],
  // Pashto letters (UN: محمد عمر ځدران → MUHAMMAD OMAR ZADRAN):
  ['ځ', 'd'],
  ['څ', 's'],
  ['ښ', 'x'],
  ['ږ', 'd'],
  ['ګ', 'g'],
  ['ڼ', 'n'],
]);

/** Latin letter groups, longest first, and their class ('' = dropped). */
const LATIN_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['sch', 'x'],
  ['sh', 'x'],
  ['ch', 'x'],
  ['kh', 'h'],
  ['gh', 'g'],
  ['dj', 'g'],
  ['dh', 'd'],
  ['th', 'd'],
  ['ph', 'f'],
  ['ck', 'k'],
];
const LATIN_LETTERS: ReadonlyMap<string, string> = new Map([
  ['b', 'b'],
  ['p', 'b'],
  ['t', 't'],
  ['d', 'd'],
  ['z', 'd'],
  ['s', 's'],
  ['j', 'g'],
  ['g', 'g'],
  ['q', 'k'],
  ['k', 'k'],
  ['h', 'h'],
  ['x', 'h'],
  ['f', 'f'],
  ['v', 'w'],
  ['w', 'w'],
  ['y', 'y'],
  ['l', 'l'],
  ['m', 'm'],
  ['n', 'n'],
  ['r', 'r'],
  ['a', ''],
  ['e', ''],
  ['i', ''],
  ['o', ''],
  ['u', ''],
]);
const LATIN_ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'il',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'adh',
  'ath',
  'ud',
  'ur',
  'us',
  'ush',
  'ut',
  'uz',
]);
/**
 * Latin words whose spelling hides an Arabic letter: Mauritanian Ould (ولد, "son of") writes و as ou.
 * And a one-letter preposition or conjunction written with the article after it (wal-Ansar is و + الأنصار,
 * lil-Muslimin ل + المسلمين): the article goes, as it does everywhere else.
 */
const LATIN_WORD_SKELETONS: ReadonlyMap<string, string> = new Map([
  ['ould', 'wld'],
  ['ouled', 'wld'],
  ['wal', 'w'],
  ['wel', 'w'],
  ['lil', 'l'],
  ['bil', 'b'],
]);
/** An article glued to a word before a doubled sun letter: Elsseid, Assayed is not one (no l). */
const GLUED_ARTICLE = /^[ae]l([b-df-hj-np-tv-z])\1/;
/** Latin endings that are a glued الله or الدين: Hidayatullah, Seifallah; Jalaluddin, Noureddine, Salahaldin. */
const GLUED_ALLAH = /[aeiou]ll?ah?$/;
const GLUED_DIN = /(?:[aeiou]l|[aeiou]+)d{1,2}(?:i|ee)ne?$/;
const GLUED_ABU = /^(?:abou|abu|abo)(?=[^aeiou])/;
const MIN_STEM = 3;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** One letter (or Latin letter group) of the source, its class, and what it writes in a gap when dropped. */
interface Step {
  letter: string;
  cls: string;
  /** `arabicGapLetter`/`latinGapLetter`: used when the letter is not kept as a consonant. */
  gap: number;
}

/** One word's consonant skeleton, and per gap around its consonants what the word writes there (`arabic-written-vowels`). */
export interface SkeletonWord {
  skeleton: string;
  /** skeleton.length + 1 gap codes, as characters. */
  gaps: string;
}

/**
 * Builds a skeleton from the steps of one word: drops non-initial w/y and a final h, and counts a letter
 * doubled in the source once (Mohammed, Hussein). Only identical letters merge: ځدران is d-d-r-n like
 * Zadran, whose z and d are also kept apart by a vowel. The letters dropped go into the gaps.
 */
function assemble(steps: ReadonlyArray<Step>): SkeletonWord {
  let skeleton = '';
  const gaps: number[] = [0];
  steps.forEach(({ letter, cls, gap }, i) => {
    const kept = (cls === 'w' || cls === 'y') && i > 0 ? '' : cls;
    if (kept === '') gaps[gaps.length - 1] |= gap;
    else if (letter !== steps[i - 1]?.letter) {
      skeleton += kept;
      gaps.push(0);
    }
  });
  if (skeleton.length > 1 && skeleton.endsWith('h')) {
    // The final h goes, and with it the gap it closed: Hamzah, Saleh, Taha (its ه is still written).
    const after = gaps.pop()!;
    const h = steps.findLast((s) => s.cls === 'h')!;
    gaps[gaps.length - 1] |= after | h.gap;
    skeleton = skeleton.slice(0, -1);
  }
  return { skeleton, gaps: String.fromCharCode(...gaps) };
}

/** The steps of one Arabic-script word (after the article). */
function arabicSteps(stem: string): Step[] {
  const letters = [...stem];
  return letters.map((letter, i) => {
    const position = i === 0 ? 'first' : i === letters.length - 1 ? 'last' : 'inside';
    // Persian writes a silent و in خوا and خوی (خواجه Khaja, خواهر khahar).
    const silentWaw = letter === 'و' && letters[i - 1] === 'خ' && (letters[i + 1] === 'ا' || letters[i + 1] === 'ی');
    return { letter, cls: ARABIC_CLASSES.get(letter) ?? '', gap: arabicGapLetter(letter, position, silentWaw) };
  });
}

/** Skeleton of one Arabic-script word (already folded: no harakat, no tatweel); '' for a lone ال. */
function arabicWordSkeleton(word: string): SkeletonWord {
  if (word === 'ال') return { skeleton: '', gaps: '' };
  const { article, stem } = splitArticle(word);
  const skeleton = assemble(arabicSteps(stem));
  if (!article || skeleton.gaps === '') return skeleton;
  return { skeleton: skeleton.skeleton, gaps: String.fromCharCode(skeleton.gaps.charCodeAt(0) | ARTICLE_GAP) + skeleton.gaps.slice(1) };
}

/**
 * The skeleton of a name in Arabic script word by word, with what each word writes around its consonants.
 * @example arabicSkeletonWords('محمود').map((w) => w.skeleton) // ['mhmd']
 */
export function arabicSkeletonWords(textInArabic: string): SkeletonWord[] {
  return foldText(textInArabic)
    .split(' ')
    .flatMap(splitArabicCompounds)
    .map(arabicWordSkeleton)
    .filter((w) => w.skeleton !== '');
}

/**
 * The consonant skeleton of a name in Arabic script, one skeleton per word, separated by spaces.
 *
 * @example arabicSkeleton('محمد') // 'mhmd'
 * @example arabicSkeleton('عبد الله') // 'bd l'
 */
export function arabicSkeleton(textInArabic: string): string {
  return arabicSkeletonWords(textInArabic)
    .map((w) => w.skeleton)
    .join(' ');
}

/**
 * The skeletons of a name in Arabic script: `arabicSkeleton`'s, and where the name has ث, a second one
 * reading it as s (ثاقب: Thaqib and Saqib).
 * @example arabicSkeletonReadings('نور محمد ثاقب') // ['nr mhmd dkb', 'nr mhmd skb']
 */
export function arabicSkeletonReadings(textInArabic: string): string[] {
  return arabicSkeletonWordReadings(textInArabic).map((words) => words.map((w) => w.skeleton).join(' '));
}

/** `arabicSkeletonReadings`, word by word with what each word writes around its consonants. */
export function arabicSkeletonWordReadings(textInArabic: string): SkeletonWord[][] {
  const readings = [arabicSkeletonWords(textInArabic)];
  const add = (variant: string) => {
    const words = arabicSkeletonWords(variant);
    if (!readings.some((r) => r.length === words.length && r.every((w, i) => w.skeleton === words[i].skeleton))) readings.push(words);
  };
  if (textInArabic.includes('ث')) add(textInArabic.replaceAll('ث', 'س'));
  // Ta marbuta before another word is said t (the construct state): عصبة الأنصار is ASBAT AL-ANSAR,
  // where the name's last word keeps its silent ة (Hamza, Fatima).
  if (MARBUTA_BEFORE_WORD.test(textInArabic)) add(textInArabic.replace(MARBUTA_BEFORE_WORDS, 'ت'));
  // Two letters a Latin spelling writes as one digraph: k + h is LAKHAL's kh (لكحل), t + h FATHI's th
  // (فتحي), s + h and d + h likewise; the Latin side reads kh, th, sh, dh as one consonant.
  if (DIGRAPH_PAIRS.test(textInArabic)) add(textInArabic.replace(DIGRAPH_PAIRS_ALL, (pair) => DIGRAPH_LETTER[pair[0]]));
  return readings;
}

/** The Arabic letter whose class a Latin digraph of this first letter and h has (`LATIN_GROUPS`). */
const DIGRAPH_LETTER: Record<string, string> = { ك: 'خ', ت: 'ث', س: 'ش', د: 'ذ' };
const DIGRAPH_PAIRS = /[كتسد][حه]/;
const DIGRAPH_PAIRS_ALL = /[كتسد][حه]/g;

const MARBUTA_BEFORE_WORD = /ة(?=\s+\S)/;
const MARBUTA_BEFORE_WORDS = /ة(?=\s+\S)/g;

function latinSteps(word: string): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < word.length;) {
    const previous = steps[steps.length - 1]?.letter ?? '';
    const group = LATIN_GROUPS.find(([letters]) => word.startsWith(letters, i));
    if (group !== undefined) {
      steps.push({ letter: group[0], cls: group[1], gap: 0 });
      i += group[0].length;
      continue;
    }
    const letter = word[i];
    const cls = letter === 'c' ? ('eiy'.includes(word[i + 1] ?? '') ? 's' : 'k') : (LATIN_LETTERS.get(letter) ?? '');
    steps.push({ letter, cls, gap: latinGapLetter(letter, previous, i === word.length - 1) });
    i++;
  }
  return steps;
}

/**
 * Splits a Latin abd- compound as Arabic writes it: Abdullah → abd + lah, Abdurrahman → abd + rahman,
 * Abdirahman → abd + rahman, Abdel and Abdur (UN: ABDUR REHMAN) → abd. The connecting vowel and the article's l (or the doubled sun
 * letter) belong to the article, which the skeleton drops.
 */
function splitAbd(word: string): string[] {
  if (!word.startsWith('abd') || word.length === 3) return [word];
  let rest = word.slice(3);
  if (VOWELS.has(rest[0])) {
    const [, second, third] = rest;
    const article = second === 'l' || (second !== undefined && second === third && !VOWELS.has(second)) || rest.length === 2;
    rest = article ? rest.slice(2) : rest.slice(1);
  }
  return rest === '' ? ['abd'] : ['abd', ...splitGluedLatin(rest)];
}

/** Splits the other compounds Latin spellings write as one word (Abubakar, Hidayatullah, Jalaluddin, Elsseid). */
function splitGluedLatin(word: string): string[] {
  if (word.startsWith('abd')) return splitAbd(word);
  const abu = GLUED_ABU.exec(word);
  if (abu !== null && word.length - abu[0].length >= MIN_STEM) return ['abu', ...splitGluedLatin(word.slice(abu[0].length))];
  const article = GLUED_ARTICLE.exec(word);
  if (article !== null) return splitGluedLatin(word.slice(2));
  for (const [ending, arabic] of [
    [GLUED_ALLAH, 'lah'],
    [GLUED_DIN, 'din'],
  ] as const) {
    const match = ending.exec(word);
    if (match !== null && match.index >= MIN_STEM) return [word.slice(0, match.index), arabic];
    if (match !== null && match.index === 0) return [arabic]; // Nor Eldin: the article written apart
  }
  return [word];
}

/**
 * The consonant skeleton of a Latin spelling of an Arabic name, comparable with `arabicSkeleton`.
 *
 * @example latinSkeleton('Mohammed') // 'mhmd'
 * @example latinSkeleton('Abdullah') // 'bd l'
 */
export function latinSkeleton(latinText: string): string {
  return latinSkeletonWords(latinText)
    .map((w) => w.skeleton)
    .join(' ');
}

/**
 * The skeleton of a Latin spelling word by word, with the vowels each word writes around its consonants.
 * @example latinSkeletonWords('Muhammad').map((w) => w.skeleton) // ['mhmd']
 */
export function latinSkeletonWords(latinText: string): SkeletonWord[] {
  return foldText(latinText)
    .split(' ')
    .filter((w) => w !== '' && !LATIN_ARTICLES.has(w))
    .flatMap(splitGluedLatin)
    .map(latinWordSkeleton)
    .filter((w) => w.skeleton !== '');
}

function latinWordSkeleton(word: string): SkeletonWord {
  const fixed = LATIN_WORD_SKELETONS.get(word);
  // A word whose spelling hides its letters (Ould) says nothing about them either.
  if (fixed !== undefined) return { skeleton: fixed, gaps: String.fromCharCode(UNKNOWN_GAP).repeat(fixed.length + 1) };
  return assemble(latinSteps(word));
}
