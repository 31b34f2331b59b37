/**
 * @module text/equivalences
 * Romanisation equivalence: keys under which spellings of one name in different romanisation systems
 * coincide. `Ri`/`Li`/`Lee`/`Rhee`, `Choe`/`Choi`, `Grigoriy`/`Grigorii`/`Grigorij`, `Aleksandr`/`Alexander`,
 * `Hsiao`/`Xiao` share a key; the matcher treats an equal key as a near-exact token match.
 */

/**
 * Korean surnames that romanise so differently that letter rules cannot join them (Ri and Lee).
 * Each group maps to its first spelling. Sources: MR, DPRK 1992, RR and the spellings on the OFAC/UN lists.
 */
const KOREAN_SURNAME_GROUPS: string[][] = [
  ['ri', 'li', 'lee', 'yi', 'rhee', 'rhie', 'lie', 'rii', 'reo'],
  ['pak', 'park', 'bak', 'bark', 'pag'],
  ['choe', 'choi', 'chey', 'tsoi', 'choy', 'chwe', 'cui'],
  ['kim', 'gim', 'ghim'],
  ['ryu', 'yu', 'yoo', 'you', 'ryoo', 'lyu'],
  ['ro', 'no', 'noh', 'roh', 'rho'],
  ['rim', 'im', 'lim', 'yim'],
  ['ryang', 'yang', 'lyang'],
  ['ryom', 'yom', 'yeom', 'yum'],
  ['ryo', 'yeo', 'yo', 'lyo'],
  ['sin', 'shin'],
  ['o', 'oh'],
  ['u', 'woo', 'wu'],
  ['jo', 'cho', 'joe', 'jho'],
  ['jang', 'chang', 'zang'],
  ['jon', 'chon', 'jeon', 'jun', 'chun'],
  ['jong', 'chong', 'jeong', 'jung', 'chung', 'cheong'],
  ['hwang', 'whang'],
  ['kang', 'gang'],
  ['ko', 'go', 'koh'],
  ['ku', 'gu', 'koo'],
  ['kwon', 'gwon'],
  ['kye', 'gye'],
  ['so', 'seo', 'suh'],
  ['song', 'seong', 'sung'],
  ['son', 'sohn'],
  ['mun', 'moon'],
  ['paek', 'baek', 'paik', 'baik'],
  ['tong', 'dong'],
];

const SURNAME_CANONICAL: ReadonlyMap<string, string> = new Map(
  KOREAN_SURNAME_GROUPS.flatMap((group) => group.map((s) => [s, group[0]] as const)),
);

/**
 * Ukrainian and Belarusian given names and their Russian forms: one person's documents and the lists give
 * either (Volodymyr/Uladzimir/Vladimir, Olha/Volha/Olga, Serhiy/Siarhei/Sergey). Each group maps to its first spelling; the letter rules
 * then join the romanisation variants of that spelling (Sergei/Sergey/Serguei).
 */
const UKRAINIAN_RUSSIAN_GIVEN_NAMES: string[][] = [
  ['vladimir', 'volodymyr', 'volodimir', 'wolodymyr', 'uladzimir', 'uladzimer'],
  ['aleksandr', 'oleksandr', 'olexandr', 'oleksander', 'aliaksandr', 'alaksandr', 'aleksandar'],
  ['aleksei', 'oleksiy', 'oleksii', 'oleksij', 'olexiy', 'aliaksei', 'aliaksey'],
  ['andrei', 'andriy', 'andrii', 'andrij'],
  ['sergei', 'serhiy', 'serhii', 'serhij', 'sergiy', 'sergii', 'siarhei', 'siarhey'],
  ['olga', 'olha', 'volha'],
  ['igor', 'ihor', 'ihar'],
  ['oleg', 'oleh'],
  ['nikolai', 'mykola', 'mikola', 'mikalai', 'mikalay'],
  ['mikhail', 'mykhailo', 'mykhaylo', 'mikhailo'],
  ['dmitri', 'dmytro', 'dmitro', 'dzmitry', 'dzmitri'],
  ['grigori', 'hryhoriy', 'hryhorii', 'grygoriy'],
  ['gennadi', 'hennadiy', 'hennadii'],
  ['georgi', 'heorhiy', 'heorhii'],
  ['yevgeni', 'yevhen', 'ievgen', 'yevhenii', 'evhen', 'yauhen', 'yauheni'],
  ['pavel', 'pavlo'],
  ['pyotr', 'petro'],
  ['vasili', 'vasyl', 'vasil'],
  ['konstantin', 'kostiantyn', 'kostyantyn'],
  ['anatoli', 'anatoliy', 'anatolii', 'anatol'],
  ['tatiana', 'tetiana', 'tetyana'],
  ['natalia', 'nataliia', 'nataliya', 'natallia'],
  ['irina', 'iryna'],
  ['galina', 'halyna'],
  ['lyudmila', 'liudmyla', 'lyudmyla'],
  ['yekaterina', 'kateryna', 'ekaterina'],
  ['valentina', 'valentyna'],
  ['svetlana', 'svitlana'],
  ['yelena', 'olena', 'elena'],
  ['yulia', 'yuliia', 'yuliya'],
  ['viktoria', 'viktoriia', 'viktoriya'],
  ['viktor', 'viktar'],
  ['leonid', 'leanid'],
];

const GIVEN_NAME_CANONICAL: ReadonlyMap<string, string> = new Map(
  UKRAINIAN_RUSSIAN_GIVEN_NAMES.flatMap((group) => group.map((s) => [s, group[0]] as const)),
);

/** Ukrainian patronymic endings and the Russian ones they answer to (Volodymyrovych ~ Vladimirovich, Ivanivna ~ Ivanovna). */
const PATRONYMIC_ENDING = /^(.{3,}?)(ovych|ovich|evych|evich|ivna|ovna|evna)$/;
const RUSSIAN_ENDING: Record<string, string> = {
  ovych: 'ovich',
  ovich: 'ovich',
  evych: 'evich',
  evich: 'evich',
  ivna: 'ovna',
  ovna: 'ovna',
  evna: 'evna',
};

/** The Russian form of a Ukrainian given name or patronymic, or the token itself. */
function russianForm(token: string): string {
  const given = GIVEN_NAME_CANONICAL.get(token);
  if (given) return given;
  const patronymic = PATRONYMIC_ENDING.exec(token);
  if (!patronymic) return token;
  const [, stem, ending] = patronymic;
  return (GIVEN_NAME_CANONICAL.get(stem) ?? stem) + RUSSIAN_ENDING[ending];
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * Letter rewrites applied left to right, longest first. Each line is a class of spellings that
 * romanisation systems use for one sound.
 */
const REWRITES: [string, string][] = [
  ['shch', 'sh'], // Russian щ: BGN shch, German sch
  ['tsch', 'j'],
  ['sch', 'sh'],
  ['dzh', 'j'], // Russian дж: BGN dzh, English j
  ['tch', 'j'],
  ['ch', 'j'], // Korean ㅈ/ㅊ: MR without apostrophes writes ch for both, RR and the DPRK system j and ch
  ['kh', 'h'], // Russian/Arabic х/خ: kh, h, ch (German)
  ['gh', 'k'], // Persian reads ق and غ alike and writes either gh or q: Ghasem ~ Qasem, Dehghan ~ Dehqan, Ghods ~ Qods
  ['ph', 'f'],
  ['th', 't'],
  ['dh', 'd'],
  ['ck', 'k'],
  ['zh', 'j'], // ж; pinyin zh ~ Wade-Giles ch
  ['dj', 'j'],
  ['tz', 'z'],
  ['ts', 'z'], // ц: ts, tz, c (ISO 9); Wade-Giles ts ~ pinyin z
  ['x', 'ks'], // Alexander ~ Aleksandr
  ['q', 'k'], // Qasim ~ Kasim; Iraq ~ Irak
  ['w', 'v'], // Wladimir ~ Vladimir
  ['eo', 'o'], // Korean ㅓ: RR eo, MR o (breve dropped)
  ['eu', 'u'], // Korean ㅡ: RR eu, MR u
  ['ou', 'u'], // French-style u: Youssef ~ Yusuf
  ['oo', 'u'],
  ['ee', 'i'],
  ['oi', 'oe'], // Choi ~ Choe
  ['oy', 'oe'], // y is read i after the rewrites: Velesstroy ~ Velesstroi, Boyko ~ Boiko, as Choy ~ Choi
];

/** The rewrites by their first letter, in their order: only those can apply at a given letter. */
const REWRITES_BY_FIRST = new Map<string, [string, string][]>();
for (const rule of REWRITES) REWRITES_BY_FIRST.set(rule[0][0], [...(REWRITES_BY_FIRST.get(rule[0][0]) ?? []), rule]);
const NO_REWRITES: [string, string][] = [];

function rewrite(token: string): string {
  let out = '';
  outer: for (let i = 0; i < token.length;) {
    if (i === 0 && token.startsWith('hs')) {
      out += 'ks'; // Wade-Giles hs ~ pinyin x (Hsiao ~ Xiao), only where a syllable starts
      i += 2;
      continue;
    }
    if (i === 0 && token.startsWith('ht')) {
      out += 't'; // Burmese ht, the aspirated t, is written t as often (Htun ~ Tun, Htet ~ Tet); no other word starts so
      i += 2;
      continue;
    }
    for (const [from, to] of REWRITES_BY_FIRST.get(token[i]) ?? NO_REWRITES) {
      if (token.startsWith(from, i)) {
        out += to;
        i += from.length;
        continue outer;
      }
    }
    const c = token[i];
    const next = token[i + 1];
    if (c === 'y')
      out += 'i'; // Yuriy ~ Iurii; й and ы both
    else if (c === 'j')
      out += next && VOWELS.has(next) ? 'j' : 'i'; // Andrej ~ Andrei; Jong stays
    else if (c === 'c') out += next === 'e' || next === 'i' ? 's' : 'k';
    else out += c;
    i++;
  }
  return out;
}

/** Doubled letters single: 'muhammad' → 'muhamad'. */
export function collapseDoubles(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    // A letter typed three times or more is a placeholder (BBBBBBBB, XXXX), not a spelling: kept whole, it
    // resembles no name, where collapsed to one letter it was an initial of every name starting with it.
    if (c === s[i + 1] && c === s[i + 2]) {
      let end = i;
      while (s[end] === c) end++;
      out += s.slice(i, end);
      i = end - 1;
    } else if (c !== out[out.length - 1]) out += c;
  }
  return out;
}

/**
 * The romanisation key of one folded token (lower-case ASCII).
 * @example romanisationKey('grigoriy') === romanisationKey('grigorii') === romanisationKey('grigorij')
 * @example romanisationKey('lee') === romanisationKey('ri'); romanisationKey('alexander') === romanisationKey('aleksander')
 */
export function romanisationKey(token: string): string {
  const surname = SURNAME_CANONICAL.get(token);
  if (surname) return surname;
  return spellingKey(russianForm(token));
}

/**
 * The romanisation key by letter rules alone, without the Korean surname table: what two syllables
 * joined into one word ('dan' + 'dong' → 'dandong') are compared by.
 */
export function spellingKey(token: string): string {
  // Hull and tail numbers are not spellings; '558th' is 558.
  if (/\d/.test(token)) return /^\d+(st|nd|rd|th)$/.test(token) ? token.replace(/\D+$/, '') : token;
  let key = collapseDoubles(rewrite(token));
  // Russian adjectival and name endings: -iy, -ii, -y, -ij all end up 'ii' or 'i' → 'i'; -ey/-ei → 'ei'.
  key = key.replace(/ii$/, 'i');
  // A final h after a vowel is written or not (Abdullah/Abdulla, Faqih/Faqi, Hamzah/Hamza, Sarah/Sara).
  if (key.length >= 4) key = key.replace(/([aeiou])h$/, '$1');
  return key;
}

/** Voiced and voiceless pairs merged for the loose skeleton: Korean k/g, t/d, p/b, ch/j; Arabic s/z. */
const SKELETON_MERGE: Record<string, string> = { g: 'k', d: 't', b: 'p', j: 'c', z: 's', v: 'f', l: 'r' };

/**
 * The consonant skeleton of a token: its romanisation key without vowels, voicing merged, and 'h' after
 * a consonant dropped. Spellings that differ only in unwritten or reduced vowels share a skeleton:
 * Muhammad/Mohammed/Mohamad → 'mhmt'; Tong Chol/Dong Cheol → 'tn'/'cr'.
 * @example consonantSkeleton('muhammad') === consonantSkeleton('mohamed')
 */
export function consonantSkeleton(token: string): string {
  return skeletonOfKey(romanisationKey(token));
}

/**
 * The plain spelling key, the romanisation key and the consonant skeleton of a token, each computed
 * once (the same as `spellingKey`, `romanisationKey` and `consonantSkeleton` of it).
 */
export function tokenSpellings(token: string): { plainKey: string; key: string; skeleton: string } {
  const plainKey = spellingKey(token);
  const russian = russianForm(token);
  const key = SURNAME_CANONICAL.get(token) ?? (russian === token ? plainKey : spellingKey(russian));
  return { plainKey, key, skeleton: skeletonOfKey(key) };
}

function skeletonOfKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (VOWELS.has(c) || c === 'y') continue;
    if (c === 'h' && i > 0 && !VOWELS.has(key[i - 1])) continue;
    const m = SKELETON_MERGE[c] ?? c;
    if (m !== out[out.length - 1]) out += m;
  }
  return out;
}
