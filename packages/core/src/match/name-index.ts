/**
 * @module match/name-index
 * The in-memory index built when lists are loaded: every name and alias of every listed entity, in each
 * Latin reading, with blocking keys (romanisation keys and their one-letter deletions, consonant
 * skeletons, joined neighbour tokens) so that a query is compared in full with a few hundred names
 * instead of all of them, and token rarity (how many listed names use a token) for weighting.
 */
import type { Entity } from '../model/entity.js';
import { SCHEMATA, schemataCompatible, type NameProperty, type SchemaName } from '../model/schema.js';
import { hashKey, joinedKeyHash, KEY_SEED, pushDeletionHashes } from './blocking-keys.js';
import { PostingBuffer } from './postings.js';
import { smallestInOrder } from './smallest.js';
import { latinSkeleton } from '../text/scripts/arabic-skeleton.js';
import { closingParenthesis } from '../text/legal-forms.js';
import { COMPOUND_ENDINGS, firmWordMeaning, placesOfAdjective } from '../text/firm-words.js';
import { isKoreanEntity } from './scorers/korean-syllables.js';
import { frenchReading, germanArabicReading, MIN_EAST_SLAVIC_LENGTH, russianConsonants, germanReading } from './token-similarity.js';
import {
  nameForm,
  nameForms,
  nameToken,
  tokenKeys,
  registrationForm,
  registrationMark,
  ROLE_WEIGHT,
  type NameForm,
  type NameKind,
  type NameToken,
} from './name-form.js';

export interface IndexedName {
  /** Position of the entity in the index's entity array. */
  entity: number;
  property: NameProperty;
  /** OFAC weak a.k.a. or UN low-quality alias: may confirm a match, never raise one alone. */
  weak: boolean;
  form: NameForm;
}

const SCHEMA_NAMES = Object.keys(SCHEMATA) as SchemaName[];

/** Token rarity: tokens used by at most this many names count fully. Tuned on the dev set, 2026-11. */
const FULL_WEIGHT_DOCUMENT_FREQUENCY = 3;
const MIN_RARITY_WEIGHT = 0.2;
/** Blocking keys shared by more names than this are too common to select candidates on their own. */
const MAX_POSTINGS_PER_KEY = 800;
/** A query token whose exact key this many listed names share is not also looked up with typing errors. */
const DELETIONS_UNNEEDED = 20;
/**
 * The rank bonus of a name holding a one-word query's key, as a share of the best name's votes: enough to
 * rank it before names only one letter away, and before names of other lengths (TIE_BREAK).
 */
const EXACT_KEY_VOTE = 0.05;
const NO_FAMILY_NAMES: ReadonlySet<string> = new Set();
/** Names with less than this share of the best name's blocking votes are not aligned. */
const MIN_VOTE_SHARE = 0.25;
const TIE_BREAK = 0.001;
/** Ranks are compared to a millionth; a rank never reaches RANK_CEILING / RANK_SCALE (a name has few tokens). */
const RANK_SCALE = 1e6;
const RANK_CEILING = 1e9;
/** The highest rank kept apart from others: a query of ordinary length never comes near it. */
const MAX_RANK = RANK_CEILING / RANK_SCALE - 1;
type PostingRange = readonly [number, number];
/** Names two words find only by too-common keys are voted on where those words weigh this share of the query's words at least. */
const CROWDED_WORDS_SHARE = 0.5;
/** A vote group with its keys' postings found (`vote`). */
interface RangedGroup {
  weight: number;
  word: boolean;
  ranges: readonly PostingRange[];
}

/** A query word's or pair's group of keys that select names (`vote`). */
interface SelectiveGroup {
  weight: number;
  word: boolean;
  /** The postings of its keys that select names. */
  ranges: PostingRange[];
  /** The postings of the word's own key, where it selects: names holding the word, not a neighbour of it. */
  own: readonly PostingRange[];
  /** The postings of its keys too common to select (the skeleton hmt of every Ahmad and Ahmed). */
  crowded: readonly PostingRange[];
}
/** Names of the query's kind of party aligned at least, where the best names kept are mostly of another kind. */
const NAMES_OF_ITS_KIND = 10;
/** Names a query word left out of the aligned names brings in of its own (`addUnrepresentedWords`). */
const WORD_QUOTA = 3;
/** …and all such words together, at most. */
const MAX_WORD_QUOTA_NAMES = 9;

/** The blocking keys of one query word (`word`) or joined pair, and the vote a name sharing one gets. */
interface VoteGroup {
  hashes: number[];
  weight: number;
  word?: boolean;
}

/** How many names per query reading are aligned in full. */
export const CANDIDATES_PER_FORM = 50;
/** …and per reading after a name's first (another romanisation of the same name). Tuned on the dev set, 2026-12. */
export const CANDIDATES_PER_OTHER_READING = 30;

/** A national or citizen of one of `countries` (ISO codes): whose names that country's romanisation writes. */
function nationalOf(entity: Entity, countries: ReadonlySet<string>): boolean {
  const p = entity.properties;
  const of = (s: { value: string }) => countries.has(s.value);
  return Boolean(p.nationality?.some(of) || p.citizenship?.some(of));
}

/** Ukraine and Belarus: their names write г as h. */
const H_FOR_G_COUNTRIES: ReadonlySet<string> = new Set(['UA', 'BY']);

/**
 * Countries whose names reach the lists romanised in French, ch for the sh of English spellings: the
 * Maghreb, Lebanon and Syria (French mandate and schooling), French-speaking Africa, and France.
 * Belgium and Switzerland are left out: Dutch and German write ch for kh.
 */
const FRENCH_CH_COUNTRIES: ReadonlySet<string> = new Set([
  ...['DZ', 'TN', 'MA', 'MR', 'LB', 'SY', 'FR'],
  ...['ML', 'NE', 'TD', 'SN', 'BF', 'GN', 'CI', 'CM', 'CF', 'CD', 'CG', 'DJ', 'KM', 'BJ', 'TG', 'GA'],
]);

/**
 * Countries that wrote Cyrillic in Soviet times or do now: their people's names reach German, Polish and
 * Czech files spelled their way (Jurij, Jewgenij Prigoschin). Serbia is left out: its own Latin script
 * writes j, and so do English spellings of its names (Jovan).
 */
const CYRILLIC_COUNTRIES: ReadonlySet<string> = new Set(['RU', 'UA', 'BY', 'KZ', 'KG', 'UZ', 'TJ', 'TM', 'MD', 'AZ', 'AM', 'GE', 'BG']);

/**
 * Countries that write their names in Arabic script: the Arab League's members, Iran and Afghanistan. German
 * (and Dutch) files spell their people's names their way: Chamenei, Scheich, Dschamal, Ijad.
 */
const ARABIC_SCRIPT_COUNTRIES: ReadonlySet<string> = new Set([
  ...['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE'],
  ...['IR', 'AF'],
]);
/** A listed word a German spelling of an Arabic name would write otherwise (kh, sh, j, y), and a query word it may have written (ch, j). */
const GERMAN_ARABIC_SPELLED = /kh|sh|[jy]/;
const GERMAN_ARABIC_SPELLING = /ch|j/;

/** The blocking key of a word read as a German spelling of an Arabic name (`germanArabicReading`): CHAMENEI and KHAMENEI share it. */
function germanArabicKey(t: NameToken): number {
  return hashKey(KEY_SEED.germanArabic, germanArabicReading(t).key);
}

/**
 * Keys that find a firm's name in translation (`out` gets them): a word of the name by its meaning
 * (ZAVOD: plant, PRIBOROSTROITELNY: instrument-making, also when English writes the compound as two words),
 * and a Russian place adjective by the place (MUROMSKY: MUROM). OFAC lists Russian firms under English names
 * (JSC MUROM INSTRUMENT-MAKING PLANT) that customers write transliterated (AO MUROMSKY PRIBOROSTROITELNY
 * ZAVOD), and the other way round; their words share no letters.
 */
function translationHashes(t: NameToken, next: NameToken | undefined, out: number[]): void {
  if (t.meaning !== '' && t.role === 'word') out.push(hashKey(KEY_SEED.meaning, t.meaning));
  if (next && COMPOUND_ENDINGS.has(next.text)) {
    const meaning = firmWordMeaning(t.text + next.text);
    if (meaning !== '') out.push(hashKey(KEY_SEED.meaning, meaning));
  }
  for (const place of placesOfAdjective(t.text)) out.push(hashKey(KEY_SEED.key, tokenKeys(place).key));
}

/** Translation keys shared by more listed names than this are left out of a query's vote (see `translationHashes`). */
const MAX_TRANSLATION_POSTINGS = 60;

/** A query word German spelling may have written (j, sch), and a listed word it would write so (y, zh, j). */
const GERMAN_SPELLING = /j|sch/;
const GERMAN_SPELLED = /[jy]|zh/;

/** The blocking key of a word read as a German spelling (`germanReading`): JURIJ and YURIY share it, PRIGOSCHIN and PRIGOZHIN. */
function germanKey(t: NameToken): number {
  return hashKey(KEY_SEED.germanSpelling, germanReading(t).key);
}

/** Words this long at least get a French-reading or j-for-y key: shorter ones (Chu, Shi, Jin) are other names in any form. */
const MIN_NATIONAL_READING_LENGTH = 4;

/** The blocking key of a word read with French ch as sh, vowels blind: CHERIF, SHARIF and SHERIF share it. */
function frenchChKey(t: NameToken): number {
  return hashKey(KEY_SEED.frenchCh, frenchReading(t).vowelKey);
}

/** Whether a word could be read differently in French: it writes ch or sh. */
function hasFrenchReading(t: NameToken): boolean {
  return t.text.length >= MIN_NATIONAL_READING_LENGTH && (t.text.includes('ch') || t.text.includes('sh'));
}

/**
 * The forms a listed name is compared in: its own, and where it ends in a parenthesis (perhaps before
 * its legal form), also without it (`closingParenthesis`): left in, an acronym or qualifier the
 * list adds counts as unmatched words. The form without keeps the full name as its original, so
 * explanations quote the list.
 */
function listedNameForms(name: string, kind: NameKind): NameForm[] {
  const forms = nameForms(name, kind);
  const bare = closingParenthesis(name)?.without;
  if (bare === undefined) return forms;
  for (const form of nameForms(bare, kind)) forms.push(nameForm({ ...form, original: name }));
  return forms;
}

/**
 * How many tokens of a name are not its legal form: what ties between candidates are broken by. "SOKHRA
 * LIMITED LIABILITY COMPANY" is as long as OOO SOKHRA, not as the four-word names that share a key with it.
 */
function namedLength(form: NameForm): number {
  let n = 0;
  for (const t of form.tokens) if (t.role !== 'legalForm') n++;
  return n;
}

export function nameKindOf(schema: SchemaName | undefined): NameKind {
  if (schema === 'Person') return 'person';
  if (!schema || schema === 'LegalEntity') return 'unknown';
  return 'organisation';
}

const BLOCKING_ROLES = new Set(['word', 'patronymic', 'generic', 'initial', 'particle', 'registration']);

/** Packs (rank, name id) into one double so that a Float64Array sorts a query's candidates (`vote`). */
const ID_BITS = 2 ** 22;
const MAX_NAMES = ID_BITS - 1;

/** The blocking-key hashes of one token of a name. */
function tokenHashes(t: NameToken, next: NameToken | undefined, out: number[]): void {
  pushDeletionHashes(t.key, KEY_SEED.key, out);
  // A typing error can hide the spelling the key is made from (FREEAT keys as 'friat', FREGAT as 'fregat';
  // SOKHRA as 'sohra', SOKIHRA as 'sokihra'): the word as written gets its one-letter deletions too.
  if (t.text !== t.key && !t.hasDigit) pushDeletionHashes(t.text, KEY_SEED.key, out);
  if (t.skeleton.length >= 3) out.push(hashKey(KEY_SEED.skeleton, t.skeleton));
  if (!next) return;
  // An article joined to its word is written every way and mistyped like one word (AL-ARABI, ALARABI,
  // AVARABI): the joined pair gets its one-letter deletions too, as the query's does.
  if (t.role === 'particle' || next.role === 'particle') pushDeletionHashes(t.plainKey + next.plainKey, KEY_SEED.key, out);
  else out.push(joinedKeyHash(t.plainKey, next.plainKey));
}

/**
 * Where each blocking key's postings are: an open-addressing table from key hash to its [start, end)
 * range. A binary search over millions of postings misses the cache at nearly every step; this is one or
 * two reads per key.
 */
class PostingDirectory {
  /** hash + 1 per slot (0 = empty; hashes are 30-bit). */
  private readonly keys: Uint32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly mask: number;

  /** From the postings' hashes, sorted (`PostingBuffer.sortedByHash`). */
  constructor(sorted: Int32Array) {
    let distinct = 0;
    for (let p = 0; p < sorted.length; p++) if (p === 0 || sorted[p] !== sorted[p - 1]) distinct++;
    let size = 1;
    while (size < distinct * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.mask = size - 1;
    let start = 0;
    for (let p = 1; p <= sorted.length; p++) {
      const hash = sorted[start];
      if (p < sorted.length && sorted[p] === hash) continue;
      let slot = this.slotOf(hash);
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = hash + 1;
      this.starts[slot] = start;
      this.ends[slot] = p;
      start = p;
    }
  }

  private slotOf(hash: number): number {
    return (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The slot of a hash, or -1 when no name has the key. */
  find(hash: number): number {
    let slot = this.slotOf(hash);
    for (;;) {
      const key = this.keys[slot];
      if (key === 0) return -1;
      if (key === hash + 1) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

export class NameIndex {
  readonly entities: readonly Entity[];
  readonly names: IndexedName[] = [];
  /** The postings of every blocking key: name ids, grouped by key (the directory says where each key's are). */
  private readonly postingNames: Int32Array;
  private readonly directory: PostingDirectory;
  private readonly documentFrequency = new Map<string, number>();
  /** How many listed names have each Arabic-name consonant skeleton word ('mhmd': Muhammad, Mohamed, Mahmoud…). */
  private readonly skeletonFrequency = new Map<string, number>();
  /**
   * One-word family names of listed persons, as written (MORINA of "MORINA, Xhavit"), from names that
   * say which word is the family name and are not weak aliases.
   */
  readonly familyNames = new Set<string>();
  /** The same, per listed person. */
  private readonly familyNamesByEntity = new Map<Entity, Set<string>>();
  private readonly fullWeightIdf: number;
  private readonly totalNames: number;

  constructor(entities: readonly Entity[]) {
    this.entities = entities;
    // Which listed name (as the list writes it) each indexed form comes from: a name's forms (its readings,
    // its form without a closing parenthesis) are one name when counting how many names use a token.
    const statementOf: number[] = [];
    let statements = 0;
    entities.forEach((entity, e) => {
      const kind = nameKindOf(entity.schema);
      const person = entity.schema === 'Person';
      const korean = person && isKoreanEntity(entity);
      const hForG = person && nationalOf(entity, H_FOR_G_COUNTRIES);
      const frenchCh = person && nationalOf(entity, FRENCH_CH_COUNTRIES);
      const germanSpelling = person && nationalOf(entity, CYRILLIC_COUNTRIES);
      const germanArabic = person && nationalOf(entity, ARABIC_SCRIPT_COUNTRIES);
      for (const property of ['name', 'alias', 'previousName', 'weakAlias'] as const) {
        for (const st of entity.properties[property] ?? []) {
          const weak = property === 'weakAlias' || st.weak === true;
          for (const form of listedNameForms(st.value, kind)) {
            if (korean) form.korean = true;
            if (hForG) form.hForG = true;
            if (frenchCh) form.frenchCh = true;
            if (germanSpelling) form.germanSpelling = true;
            if (germanArabic) form.germanArabic = true;
            this.names.push({ entity: e, property, weak, form });
            statementOf.push(statements);
            const family = form.surname?.length === 1 ? form.tokens[form.surname[0]] : undefined;
            // A title the list writes as a family name ("HAJI, Ali Ahmed") names no family.
            if (kind === 'person' && !weak && family?.role === 'word') this.addFamilyName(entity, family.text);
          }
          const mark = entity.schema === 'Airplane' ? registrationMark(st.value) : undefined;
          if (mark) {
            this.names.push({ entity: e, property, weak, form: registrationForm(st.value, mark) });
            statementOf.push(statements);
          }
          statements++;
        }
      }
    });
    if (this.names.length > MAX_NAMES) throw new Error(`too many names to index (${this.names.length})`);
    const postings = new PostingBuffer();
    const hashes: number[] = [];
    let seen = new Set<string>();
    let seenSkeletons = new Set<string>();
    this.names.forEach((n, id) => {
      if (id === 0 || statementOf[id] !== statementOf[id - 1]) {
        seen = new Set<string>();
        seenSkeletons = new Set<string>();
      }
      const tokens = n.form.tokens;
      let previousPart = '';
      tokens.forEach((t, i) => {
        if (!seen.has(t.key)) {
          seen.add(t.key);
          this.documentFrequency.set(t.key, (this.documentFrequency.get(t.key) ?? 0) + 1);
        }
        if (BLOCKING_ROLES.has(t.role)) {
          tokenHashes(t, tokens[i + 1], hashes);
          // A Belarusian or Ukrainian person's name is also found by its Russian form's consonants.
          if (n.form.hForG && t.text.length >= MIN_EAST_SLAVIC_LENGTH) hashes.push(hashKey(KEY_SEED.eastSlavic, russianConsonants(t.text)));
          // A French-writing country's person is also found by the word read with ch as sh (Bushusha: BOUCHOUCHA).
          if (n.form.frenchCh && hasFrenchReading(t)) hashes.push(frenchChKey(t));
          // …and a person of a country that wrote Cyrillic by the word as German spells it (Jurij: YURIY).
          if (n.form.germanSpelling && t.text.length >= MIN_NATIONAL_READING_LENGTH && GERMAN_SPELLED.test(t.text))
            hashes.push(germanKey(t));
          // …and a person of a country that writes Arabic script by the word as German spells it (Chamenei: KHAMENEI).
          if (n.form.germanArabic && t.text.length >= MIN_NATIONAL_READING_LENGTH && GERMAN_ARABIC_SPELLED.test(t.text))
            hashes.push(germanArabicKey(t));
          if (n.form.kind === 'organisation') translationHashes(t, tokens[i + 1], hashes);
          for (const part of this.arabicSkeletonParts(t.text)) {
            if (!seenSkeletons.has(part)) {
              seenSkeletons.add(part);
              this.skeletonFrequency.set(part, (this.skeletonFrequency.get(part) ?? 0) + 1);
            }
            if (part.length >= 2) hashes.push(hashKey(KEY_SEED.arabicSkeleton, part));
            // Neighbouring skeleton words read together, within a word (MATIULLAH: mt+l) or across two
            // (AMIR ABDULLAH: mr+bd, bd+l): an Arabic-script query's neighbouring words find them where one
            // word alone is too short (l, g) or too common (bd, mr) to select on.
            if (previousPart !== '') hashes.push(hashKey(KEY_SEED.arabicSkeleton, previousPart + part));
            previousPart = part;
          }
        }
      });
      for (const h of hashes) postings.add(h, id);
      hashes.length = 0;
    });
    const sorted = postings.sortedByHash();
    this.postingNames = sorted.ids;
    this.directory = new PostingDirectory(sorted.hashes);
    this.totalNames = Math.max(statements, 1);
    this.fullWeightIdf = Math.log((this.totalNames + 1) / (FULL_WEIGHT_DOCUMENT_FREQUENCY + 1));
    this.internTokens();
    this.votes = new Float64Array(this.names.length);
    this.lastGroup = new Int32Array(this.names.length);
  }

  private addFamilyName(entity: Entity, word: string): void {
    this.familyNames.add(word);
    const own = this.familyNamesByEntity.get(entity);
    if (own) own.add(word);
    else this.familyNamesByEntity.set(entity, new Set([word]));
  }

  /** A listed person's one-word family names (empty for others, and where no name says which word it is). */
  familyNamesOf(entity: Entity): ReadonlySet<string> {
    return this.familyNamesByEntity.get(entity) ?? NO_FAMILY_NAMES;
  }

  private readonly skeletonParts = new Map<string, string[]>();

  /**
   * The Arabic-name consonant skeleton of a Latin token, word by word ('abdullah' → ['bd', 'l']), so that
   * queries written in Arabic script find Latin spellings whatever vowels they use. Memoised per token.
   */
  private arabicSkeletonParts(text: string): string[] {
    let parts = this.skeletonParts.get(text);
    if (!parts) {
      parts = /\d/.test(text) ? [] : latinSkeleton(text).split(' ').filter(Boolean);
      this.skeletonParts.set(text, parts);
    }
    return parts;
  }

  /**
   * One token object per distinct (text, role), with its weight computed once: query-time comparisons
   * are then cached by token identity and weights are read, not recomputed.
   */
  private internTokens(): void {
    const interned = new Map<string, NameToken>();
    for (const n of this.names) {
      n.form.tokens = n.form.tokens.map((t) => {
        const k = t.text + '\u0000' + t.role;
        let shared = interned.get(k);
        if (!shared) {
          shared = nameToken(t.text, t, t.role, this.computeWeight(t), interned.size);
          interned.set(k, shared);
        }
        return shared;
      });
    }
    this.tokenCount = interned.size;
    this.nameLengths = Int32Array.from(this.names, (n) => namedLength(n.form));
    this.nameSchemata = Uint8Array.from(this.names, (n) => SCHEMA_NAMES.indexOf(this.entities[n.entity].schema));
  }

  /** Per name, its entity's schema (a position in SCHEMA_NAMES). */
  private nameSchemata = new Uint8Array(0);
  /** Per query schema, which schemata (positions in SCHEMA_NAMES) it may match. */
  private readonly compatibleSchemata = new Map<SchemaName, Uint8Array>();

  private schemataCompatibleWith(schema: SchemaName): Uint8Array {
    let compatible = this.compatibleSchemata.get(schema);
    if (!compatible) {
      compatible = Uint8Array.from(SCHEMA_NAMES, (other) => (schemataCompatible(schema, other) ? 1 : 0));
      this.compatibleSchemata.set(schema, compatible);
    }
    return compatible;
  }

  /** The indexed names of one entity (by its position), for records found by identifier rather than name. */
  namesOf(entity: number): IndexedName[] {
    if (!this.namesByEntity) {
      this.namesByEntity = new Map();
      for (const n of this.names) {
        const list = this.namesByEntity.get(n.entity);
        if (list) list.push(n);
        else this.namesByEntity.set(n.entity, [n]);
      }
    }
    return this.namesByEntity.get(entity) ?? [];
  }

  private namesByEntity: Map<number, IndexedName[]> | undefined;

  /** Named length (`namedLength`) of each listed name, by name id (read in the hot loop of `vote`). */
  private nameLengths = new Int32Array(0);

  /** Distinct listed tokens; their ids are 0 … tokenCount − 1. */
  tokenCount = 0;

  /** Gives a query's tokens their weights and per-query ids (after the listed tokens' ids). */
  weighQuery(forms: readonly NameForm[]): void {
    let id = 0;
    for (const f of forms)
      for (const t of f.tokens) {
        t.weight = this.computeWeight(t);
        t.id = id++;
      }
  }

  /** Scratch space for `candidates`, reset after each call (queries run one at a time per index). */
  private votes = new Float64Array(0);
  private lastGroup = new Int32Array(0);
  /** The kept names' packed ranks (`vote`), grown as needed. */
  private order = new Float64Array(1024);

  private postingCount(hash: number): number {
    const at = this.directory.find(hash);
    return at < 0 ? 0 : this.directory.ends[at] - this.directory.starts[at];
  }

  /** How much a token counts: its role's weight times its rarity among listed names. */
  tokenWeight = (token: NameToken): number => token.weight ?? this.computeWeight(token);

  private computeWeight(token: NameToken): number {
    return ROLE_WEIGHT[token.role] * this.rarity(this.documentFrequency.get(token.key) ?? 0);
  }

  private rarity(documentFrequency: number): number {
    const idf = Math.log((this.totalNames + 1) / (documentFrequency + 1));
    return Math.min(1, Math.max(MIN_RARITY_WEIGHT, idf / this.fullWeightIdf));
  }

  /**
   * How much a consonant-skeleton token counts: its rarity among the skeletons of listed names, which
   * gathers every spelling of a name (mhmd is Muhammad, Mohamed and Mahmoud; hsn is Hassan, Husain and
   * Ehsan), so that two common names' skeletons say as little as the names themselves.
   */
  skeletonTokenWeight(token: NameToken): number {
    return ROLE_WEIGHT[token.role] * this.rarity(this.skeletonFrequency.get(token.text) ?? 0);
  }

  /** Gives the skeleton tokens of an Arabic-script query their weights (`skeletonTokenWeight`) and per-query ids. */
  weighSkeletonQuery(forms: readonly NameForm[]): void {
    let id = 0;
    for (const f of forms)
      for (const t of f.tokens) {
        t.weight = this.skeletonTokenWeight(t);
        t.id = id++;
      }
  }

  /**
   * Names worth aligning in full with one query reading, best first: each listed name collects the
   * weights of the query tokens whose blocking keys it shares.
   */
  candidates(form: NameForm, limit = CANDIDATES_PER_FORM, schema?: SchemaName): number[] {
    const groups: VoteGroup[] = [];
    if (form.script === 'skeleton') {
      form.tokens.forEach((t, i) => {
        if (t.text.length >= 2) groups.push({ hashes: [hashKey(KEY_SEED.arabicSkeleton, t.text)], weight: 1 });
        const next = form.tokens[i + 1];
        if (next) groups.push({ hashes: [hashKey(KEY_SEED.arabicSkeleton, t.text + next.text)], weight: 1 });
      });
      return this.vote(form, groups, limit, undefined, schema);
    }
    form.tokens.forEach((t, i) => {
      if (t.role === 'honorific') {
        // A title may be a listed person's family name (SAYED, Khan; HAJI, Ali): its key finds those names,
        // at a title's weight, without the spelling variants or a place of its own among the names aligned.
        groups.push({ hashes: [hashKey(KEY_SEED.key, t.key)], weight: this.tokenWeight(t) });
        return;
      }
      if (!BLOCKING_ROLES.has(t.role)) return;
      const hashes: number[] = [];
      // A token many listed names share needs no typing-error variants: its spellings are already there.
      const exact = hashKey(KEY_SEED.key, t.key);
      if (this.postingCount(exact) >= DELETIONS_UNNEEDED) hashes.push(exact);
      else {
        pushDeletionHashes(t.key, KEY_SEED.key, hashes);
        if (t.text !== t.key && !t.hasDigit) pushDeletionHashes(t.text, KEY_SEED.key, hashes);
      }
      if (t.skeleton.length >= 3) hashes.push(hashKey(KEY_SEED.skeleton, t.skeleton));
      if (form.script === 'Latn' && t.text.length >= MIN_EAST_SLAVIC_LENGTH)
        hashes.push(hashKey(KEY_SEED.eastSlavic, russianConsonants(t.text)));
      // Only persons carry the French and German readings (`FRENCH_CH_COUNTRIES`, `CYRILLIC_COUNTRIES`, `ARABIC_SCRIPT_COUNTRIES`): a firm's query does without their keys.
      if (form.script === 'Latn' && form.kind !== 'organisation') {
        if (hasFrenchReading(t)) hashes.push(frenchChKey(t));
        if (t.text.length >= MIN_NATIONAL_READING_LENGTH) {
          if (GERMAN_SPELLING.test(t.text)) hashes.push(germanKey(t));
          if (GERMAN_ARABIC_SPELLING.test(t.text)) hashes.push(germanArabicKey(t));
        }
      }
      if (form.kind !== 'person') {
        // A meaning many listed firms share (plant, research) selects nothing: its postings are only read.
        const from = hashes.length;
        translationHashes(t, form.tokens[i + 1], hashes);
        for (let k = hashes.length - 1; k >= from; k--) if (this.postingCount(hashes[k]) > MAX_TRANSLATION_POSTINGS) hashes.splice(k, 1);
      }
      groups.push({ hashes, weight: this.tokenWeight(t), word: true });
      const next = form.tokens[i + 1];
      if (!next) return;
      const joined = [joinedKeyHash(t.plainKey, next.plainKey)];
      // An article's vowel is written every way where it joins a word (Ansar al-Islam, ANSARUL ISLAM): the
      // joined pair is also looked up with a letter dropped, as listed words are indexed.
      if (t.role === 'particle' || next.role === 'particle') pushDeletionHashes(t.plainKey + next.plainKey, KEY_SEED.key, joined);
      groups.push({ hashes: joined, weight: this.tokenWeight(t) + this.tokenWeight(next) });
    });
    return this.vote(form, groups, limit, this.oneWordKey(form), schema);
  }

  /**
   * The key of a query's only word. A one-word query ("AYARI", "SAAD") has nothing else to select names
   * by, and the names one letter away (IYARI, AIAI) or holding the word among many others can fill the
   * names kept, leaving out the listed AYARI, Chiheb: names with the word itself rank first among equal
   * votes, those whose family name it is before the others. (With more words, the other words select.)
   */
  private oneWordKey(form: NameForm): string | undefined {
    let word: NameToken | undefined;
    for (const t of form.tokens) {
      if (!BLOCKING_ROLES.has(t.role)) continue;
      if (word) return undefined;
      word = t;
    }
    return word?.key;
  }

  /** The rank bonus of a name for a one-word query's key: it holds the key, and as its family name. */
  private exactKeyBonus(id: number, key: string): number {
    const form = this.names[id].form;
    const tokens = form.tokens;
    let bonus = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].key !== key) continue;
      if (form.surname?.length === 1 && form.surname[0] === i) return 2 * EXACT_KEY_VOTE;
      bonus = EXACT_KEY_VOTE;
    }
    return bonus;
  }

  private vote(form: NameForm, groups: VoteGroup[], limit: number, oneWordKey?: string, schema?: SchemaName): number[] {
    // Each hash's postings as a [start, end) range, found once.
    const directory = this.directory;
    const ranged = groups.map((g) => ({
      weight: g.weight,
      word: g.word === true,
      ranges: g.hashes.map((h) => {
        const at = directory.find(h);
        return at < 0 ? ([0, 0] as const) : ([directory.starts[at], directory.ends[at]] as const);
      }),
    }));
    // A key too common to select on ('hsn', the skeleton of Hassan, Husain and Ehsan) is dropped from its
    // group, not the group with it: the token's other keys still find its names.
    const selective: SelectiveGroup[] = [];
    // Tokens all of whose keys are too common (Mohammad, Ali): they select no names, but among the names
    // the other tokens selected, those that have them rank higher.
    const common: RangedGroup[] = [];
    let selectivePostings = 0;
    for (const g of ranged) {
      const ranges = g.ranges.filter(([a, b]) => b - a <= MAX_POSTINGS_PER_KEY);
      const postings = ranges.reduce((n, [a, b]) => n + b - a, 0);
      if (postings === 0) {
        if (g.ranges.some(([a, b]) => b > a)) common.push(g);
        continue;
      }
      // The word's own key (the first): the names that hold the word itself, give or take a letter.
      const [a, b] = g.ranges[0];
      const own = b > a && b - a <= MAX_POSTINGS_PER_KEY ? [g.ranges[0]] : ranges;
      const crowded = g.ranges.filter(([a, b]) => b - a > MAX_POSTINGS_PER_KEY);
      selective.push({ weight: g.weight, word: g.word, ranges, own, crowded });
      selectivePostings += postings;
    }
    const votes = this.votes;
    const lastGroup = this.lastGroup;
    const names = this.postingNames;
    const touched: number[] = [];
    let group = 0;
    for (const g of selectivePostings > 0 ? selective : ranged) {
      group++;
      for (const [start, end] of g.ranges) {
        for (let p = start; p < end; p++) {
          const id = names[p];
          if (lastGroup[id] === group) continue; // one vote per query token, however many of its keys hit
          if (lastGroup[id] === 0) touched.push(id);
          lastGroup[id] = group;
          votes[id] += g.weight;
        }
      }
    }
    if (selectivePostings > 0 && touched.length > limit) this.voteCrowdedKeys(selective, touched);
    // Not for consonant skeletons of Arabic script, whose groups are not one per word.
    if (selectivePostings > 0 && form.script !== 'skeleton') this.voteCrowdedPairs(ranged, common, touched, group + 1);
    group++;
    if (selectivePostings > 0) {
      // Where the selective keys found fewer names than are aligned, the common tokens' names fill the
      // rest, best voted first: "Muhammad Ali" selects by its joined words alone, and the listed Mohamed Ali,
      // whose words are both common, was not aligned at all.
      // Not for consonant skeletons of Arabic script: mhmd alone would then bring in every Muhammad.
      const fill = touched.length < limit && form.script !== 'skeleton';
      for (const g of common) {
        group++;
        for (const [start, end] of g.ranges)
          for (let p = start; p < end; p++) {
            const id = names[p];
            if (lastGroup[id] === group) continue;
            if (lastGroup[id] === 0) {
              if (!fill) continue;
              touched.push(id);
            }
            lastGroup[id] = group;
            votes[id] += g.weight;
          }
      }
    }
    // Names with a small share of the best name's votes cannot win; dropping them first keeps the sort short.
    let top = 0;
    for (const id of touched) if (votes[id] > top) top = votes[id];
    const length = namedLength(form);
    // Each kept name as one number, best first when sorted ascending: the rank (votes, ties going to names
    // of about the query's length) in millionths, negated, then the name id. A typed array sorts these
    // natively, several times faster than an array sorted through a comparator.
    const threshold = top * MIN_VOTE_SHARE;
    let kept = 0;
    for (const id of touched) if (votes[id] >= threshold) kept++;
    if (this.order.length < kept) this.order = new Float64Array(Math.max(kept, 2 * this.order.length));
    const order = this.order;
    let k = 0;
    for (const id of touched) {
      if (votes[id] < threshold) continue;
      // Capped below the ceiling: a query of thousands of words gathers more votes than a rank can hold,
      // and an uncapped rank went negative and decoded as no name at all (a crash in the engine).
      const bonus = oneWordKey === undefined ? 0 : top * this.exactKeyBonus(id, oneWordKey);
      const rank = Math.min(votes[id] + bonus - TIE_BREAK * Math.abs(this.nameLengths[id] - length), MAX_RANK);
      order[k++] = (RANK_CEILING - Math.round(rank * RANK_SCALE)) * ID_BITS + id;
    }
    // Only the best `limit` are aligned: they are picked, and only they sorted.
    const first = smallestInOrder(order, kept, limit);
    const best: number[] = [];
    // Names of another kind of party than the query's are left out (the engine would set them aside). Where
    // few of the names kept are of its kind, the best of its kind are picked instead: a vessel's query
    // among persons of the name found no vessel. (Not always: that aligned a quarter more names on the dev
    // set, for no alert.)
    const compatible = schema ? this.schemataCompatibleWith(schema) : undefined;
    const nameSchemata = this.nameSchemata;
    for (let i = 0; i < first.length; i++) {
      const id = first[i] % ID_BITS;
      if (!compatible || compatible[nameSchemata[id]] === 1) best.push(id);
    }
    const wanted = Math.min(limit, NAMES_OF_ITS_KIND);
    if (compatible && best.length < wanted && kept > limit) {
      let ofKind = 0;
      for (let i = 0; i < kept; i++) if (compatible[nameSchemata[order[i] % ID_BITS]] === 1) order[ofKind++] = order[i];
      const firstOfKind = smallestInOrder(order, ofKind, wanted);
      best.length = 0;
      for (let i = 0; i < firstOfKind.length; i++) best.push(firstOfKind[i] % ID_BITS);
    }
    if (kept > limit) this.addUnrepresentedWords(selective, best, length, compatible);
    for (const id of touched) {
      votes[id] = 0;
      lastGroup[id] = 0;
    }
    return best;
  }

  /** Per name, the selective groups (a bit each, the first 32) that voted for it (`voteCrowdedKeys`). */
  private votedBy = new Uint32Array(0);

  /**
   * A word's keys too common to select names still vote among the names selected, once per word, as the
   * words all of whose keys are too common do: "Ahmed Husain" selects the names holding AHMED, and the
   * hundreds near HUSAIN (HUSSEIN, Ahmad among them), and the listed HUSSEIN, Ahmad shares with AHMED only
   * the skeleton of every Ahmad. Without that word's vote it ranked with every Hussein, below the names
   * kept. Only where more names are selected than are kept: otherwise all are aligned anyway.
   */
  private voteCrowdedKeys(selective: readonly SelectiveGroup[], touched: readonly number[]): void {
    if (!selective.some((g) => g.crowded.length > 0)) return;
    if (this.votedBy.length < this.names.length) this.votedBy = new Uint32Array(this.names.length);
    const { votedBy, votes, lastGroup } = this;
    const names = this.postingNames;
    const groups = Math.min(selective.length, 32);
    // Which groups voted for each name selected: the postings of its selective keys again (few), not its
    // crowded ones (many).
    for (let k = 0; k < groups; k++) {
      const bit = 1 << k;
      for (const [start, end] of selective[k].ranges) for (let p = start; p < end; p++) votedBy[names[p]] |= bit;
    }
    for (let k = 0; k < groups; k++) {
      const g = selective[k];
      const bit = 1 << k;
      for (const [start, end] of g.crowded)
        for (let p = start; p < end; p++) {
          const id = names[p];
          if (lastGroup[id] === 0 || (votedBy[id] & bit) !== 0) continue;
          votedBy[id] |= bit;
          votes[id] += g.weight;
        }
    }
    for (const id of touched) votedBy[id] = 0;
  }

  /** Per name, the last query word (1-based) whose too-common keys hold it, and how many words' do (`voteCrowdedPairs`). */
  private crowdWord = new Int32Array(0);
  private crowdCount = new Uint8Array(0);
  private crowdVotes = new Float64Array(0);

  /**
   * Names that two of the query's words find only by keys too common to select on (MAX_POSTINGS_PER_KEY)
   * join the names voted on, with both words' votes: "Abdullah Muhammad" selects by the names spelled
   * ABDULLAH, and the listed MOHAMMED, Abdallah shares with it only the skeleton of Abdallah (one of
   * hundreds of names) and a key of Muhammad (one of thousands). Few names hold both. Each is marked with
   * `mark` in `lastGroup`, so that the common words' groups, voted next, count it as touched.
   */
  private voteCrowdedPairs(groups: readonly RangedGroup[], common: readonly RangedGroup[], touched: number[], mark: number): void {
    const crowded = groups.filter((g) => g.word && g.ranges.some(([a, b]) => b - a > MAX_POSTINGS_PER_KEY));
    if (crowded.length < 2) return;
    // Where the words found only so are a small part of the query, its other words select the name (and
    // the thousands of postings are not worth reading).
    let crowdedWeight = 0;
    let wordWeight = 0;
    for (const g of groups) if (g.word) wordWeight += g.weight;
    for (const g of crowded) crowdedWeight += g.weight;
    if (crowdedWeight < CROWDED_WORDS_SHARE * wordWeight) return;
    if (this.crowdWord.length < this.names.length) {
      this.crowdWord = new Int32Array(this.names.length);
      this.crowdCount = new Uint8Array(this.names.length);
      this.crowdVotes = new Float64Array(this.names.length);
    }
    const { crowdWord, crowdCount, crowdVotes, lastGroup, votes } = this;
    const names = this.postingNames;
    const seen: number[] = [];
    crowded.forEach((g, w) => {
      // A word all of whose keys are too common votes with the common words, after this.
      const weight = common.includes(g) ? 0 : g.weight;
      for (const [start, end] of g.ranges) {
        if (end - start <= MAX_POSTINGS_PER_KEY) continue;
        for (let p = start; p < end; p++) {
          const id = names[p];
          if (lastGroup[id] !== 0 || crowdWord[id] === w + 1) continue;
          if (crowdWord[id] === 0) seen.push(id);
          crowdWord[id] = w + 1;
          crowdCount[id]++;
          crowdVotes[id] += weight;
        }
      }
    });
    for (const id of seen) {
      if (crowdCount[id] >= 2) {
        touched.push(id);
        lastGroup[id] = mark;
        votes[id] = crowdVotes[id];
      }
      crowdWord[id] = 0;
      crowdCount[id] = 0;
      crowdVotes[id] = 0;
    }
  }

  /** Names chosen by `vote` so far (scratch flags, cleared after each use). */
  private chosen = new Uint8Array(0);

  /**
   * Each word of the query gets its own best few names among those aligned (WORD_QUOTA), when the names
   * chosen hold none of it: a short word's one-letter neighbours can fill every place ahead of a longer,
   * rarer word's names. "NK Rosneft": NK and the 106 listed names one letter from it (NOK, INK) outvoted
   * the 14 names holding ROSNEFT, and the listed Rosneft was never aligned.
   */
  private addUnrepresentedWords(
    groups: readonly SelectiveGroup[],
    best: number[],
    length: number,
    compatible: Uint8Array | undefined,
  ): void {
    const names = this.postingNames;
    const votes = this.votes;
    const nameSchemata = this.nameSchemata;
    // Of the query's kind of party: a firm's word is represented by firms, not by persons of that name.
    const ofKind = (id: number) => !compatible || compatible[nameSchemata[id]] === 1;
    if (this.chosen.length < this.names.length) this.chosen = new Uint8Array(this.names.length);
    const chosen = this.chosen;
    for (const id of best) chosen[id] = 1;
    const added: number[] = [];
    for (const g of groups) {
      if (!g.word || added.length >= MAX_WORD_QUOTA_NAMES) continue;
      let represented = false;
      for (const [start, end] of g.own) {
        for (let p = start; p < end && !represented; p++) represented = chosen[names[p]] === 1 && ofKind(names[p]);
        if (represented) break;
      }
      if (represented) continue;
      // The group's best WORD_QUOTA names, ranked as the vote ranks them (votes, then length).
      const pick: number[] = [];
      const rankOf = (id: number) => votes[id] - TIE_BREAK * Math.abs(this.nameLengths[id] - length);
      for (const [start, end] of g.own)
        for (let p = start; p < end; p++) {
          const id = names[p];
          if (chosen[id] === 1 || pick.includes(id)) continue;
          if (!ofKind(id)) continue;
          if (pick.length < WORD_QUOTA) pick.push(id);
          else {
            let worst = 0;
            for (let k = 1; k < pick.length; k++) if (rankOf(pick[k]) < rankOf(pick[worst])) worst = k;
            if (rankOf(id) > rankOf(pick[worst])) pick[worst] = id;
          }
        }
      pick.sort((a, b) => rankOf(b) - rankOf(a));
      for (const id of pick) {
        chosen[id] = 1;
        added.push(id);
      }
    }
    for (const id of best) chosen[id] = 0;
    for (const id of added) {
      chosen[id] = 0;
      best.push(id);
    }
  }
}
