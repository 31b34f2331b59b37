/**
 * @module lists/links
 * Records on different lists that designate the same person or firm, found by a shared document
 * number, by the same name with the same birth date (people), by a name within the other's on the
 * same full birth date (people), or by the same name (organisations). Records are indexed by key, so the work is
 * linear in the number of statements, not quadratic in records.
 *
 * @example
 * findCrossListLinks([...un.entities, ...ofac.entities]);
 * // [{ a: 'ofac:21736', b: 'un:KPi.057', reason: 'passportNumber', value: '563120368' }, …]
 */
import type { Entity, Statement } from '../model/entity.js';
import { closingParenthesis } from '../text/legal-forms.js';
import { NAME_PARTICLES } from '../text/name-words.js';
import { birthDateKey, foldedNameWords, identifierKey, MIN_IDENTIFIER_LENGTH, nameKey } from './link-keys.js';

export type CrossListLinkReason =
  | 'passportNumber'
  | 'idNumber'
  | 'nameAndBirthDate'
  | 'namePartsAndBirthDate'
  | 'organisationName'
  | 'organisationAcronym'
  | 'imoNumber'
  | 'swiftBic'
  | 'registrationNumber'
  | 'unReference';

/**
 * Organisations linked by name alone. A person's name is shared by many people, so people also need a
 * birth date; a firm's or group's full name is its own, and the UN's entries are listed again by OFAC
 * and the UK under the same words. Vessels and aircraft have IMO numbers and registrations instead.
 */
const NAME_LINKED_SCHEMATA: ReadonlySet<string> = new Set(['Organization', 'Company', 'LegalEntity']);

export interface CrossListLink {
  /** The smaller of the two record ids (code-unit order). */
  a: string;
  b: string;
  reason: CrossListLinkReason;
  /** The shared key: the number without punctuation, or `name (birth date)` as record `a` writes the name. */
  value: string;
}

/** Identifier properties whose shared value links records. Each is compared only with itself. */
export const LINKING_IDENTIFIERS = ['passportNumber', 'idNumber', 'imoNumber', 'swiftBic', 'registrationNumber'] as const;
type LinkingIdentifier = (typeof LINKING_IDENTIFIERS)[number];

/**
 * A number held by more records than this on one list is a placeholder, not a document: lists fill
 * unknown fields with the same dummy value, and registries share one number among branches.
 */
export const MAX_RECORDS_PER_SOURCE_FOR_IDENTIFIER = 3;

/** One record's claim on a key: which record, and the value as it wrote it. */
interface Holder {
  entity: Entity;
  shown: string;
}

/** A person holding a name key, with the birth dates that can link it. */
interface NamedPerson extends Holder {
  dates: readonly string[];
}

/** A person born on a given full date, with all its strong names as `nameKey`s. */
interface PersonBornOn extends Holder {
  date: string;
  names: readonly string[];
}

/**
 * Links between records of different sources (`ofac-sdn` and `ofac-cons` count as different),
 * one per (a, b, reason), sorted by a, b, reason. When several values support the same link, the
 * smallest is reported, so the answer does not depend on statement order.
 */
export function findCrossListLinks(entities: readonly Entity[]): CrossListLink[] {
  const links = new Map<string, CrossListLink>();
  for (const holders of indexUnReferences(entities).values()) linkHolders(links, holders, 'unReference', () => [holders[0].shown]);
  for (const [property, index] of indexIdentifiers(entities)) {
    for (const [number, holders] of index) {
      if (holders.length < 2 || isPlaceholder(holders)) continue;
      linkHolders(links, holders, property, () => [number]);
    }
  }
  // Names are indexed alone and dates compared within a name's few holders: keying by name and
  // date together would multiply the index by the number of dates, and build as many key strings.
  for (const holders of indexPersonNames(entities).values()) {
    if (holders.length < 2) continue;
    linkHolders(links, holders, 'nameAndBirthDate', (a, b) =>
      a.dates.filter((date) => b.dates.includes(date)).map((date) => `${a.shown} (${date})`),
    );
  }
  for (const holders of indexOrganisationNames(entities).values()) {
    if (holders.length < 2 || heldTwiceOnOneList(holders)) continue;
    linkHolders(links, holders, 'organisationName', (a, b) => (formerNameOfAnother(a, b) ? [] : [a.shown]));
  }
  // Acronyms link only records whose names nothing else matched (the UN's French name and OFAC's English one).
  const namedPairs = new Set([...links.values()].map((link) => `${link.a}\u0000${link.b}`));
  for (const holders of indexOrganisationAcronyms(entities).values()) {
    if (holders.length < 2 || heldTwiceOnOneList(holders)) continue;
    linkHolders(links, holders, 'organisationAcronym', (a, b) =>
      (a.spelledOut || b.spelledOut) && !namedPairs.has(`${a.entity.id}\u0000${b.entity.id}`) ? [a.shown] : [],
    );
  }
  // The weakest evidence comes last, and only for pairs nothing else links.
  const linkedPairs = new Set([...links.values()].map((link) => `${link.a}\u0000${link.b}`));
  for (const holders of indexPersonsByFullBirthDate(entities).values()) {
    if (holders.length < 2 || holders.length > MAX_PERSONS_PER_BIRTH_DATE) continue;
    linkHolders(links, holders, 'namePartsAndBirthDate', (a, b) =>
      linkedPairs.has(`${a.entity.id}\u0000${b.entity.id}`) ? [] : namePartsShared(a, b),
    );
  }
  return [...links.values()].sort((x, y) => compare(x.a, y.a) || compare(x.b, y.b) || compare(x.reason, y.reason));
}

/**
 * UN reference number → the UN record with it (id `un:QDi.006`) and the records of other lists that state
 * it as the UN's number for the same designation (the EU's `unitedNationId`). A list's word that its record
 * is the UN's is the strongest link there is; a stated number no UN record has links nothing.
 */
function indexUnReferences(entities: readonly Entity[]): Map<string, Holder[]> {
  const index = new Map<string, Holder[]>();
  for (const entity of entities)
    if (entity.source === 'un-sc' && entity.id.startsWith(UN_ID_PREFIX))
      addHolder(index, entity.id.slice(UN_ID_PREFIX.length), { entity, shown: entity.id.slice(UN_ID_PREFIX.length) });
  for (const entity of entities) {
    if (entity.source === 'un-sc') continue;
    for (const statement of entity.properties.unscId ?? []) {
      const holders = index.get(statement.value);
      if (holders) addHolder(index, statement.value, { entity, shown: statement.value });
    }
  }
  return index;
}
const UN_ID_PREFIX = 'un:';

/** Per identifier property: number (compared form) → records holding it, each record once. */
function indexIdentifiers(entities: readonly Entity[]): Map<LinkingIdentifier, Map<string, Holder[]>> {
  const indexes = new Map<string, Map<string, Holder[]>>(LINKING_IDENTIFIERS.map((p) => [p, new Map()]));
  for (const entity of entities) {
    // Walking the few keys a record has is cheaper than probing five mostly absent ones: records come
    // in thousands of property shapes, too many for the engine's property caches.
    for (const property in entity.properties) {
      const index = indexes.get(property);
      if (!index) continue;
      for (const statement of entity.properties[property as LinkingIdentifier] ?? []) {
        const number = identifierKey(property, statement.value);
        if (number.length >= MIN_IDENTIFIER_LENGTH) addHolder(index, number, { entity, shown: number });
      }
    }
  }
  return indexes as Map<LinkingIdentifier, Map<string, Holder[]>>;
}

/** Folded name → persons with a linkable birth date who bear that name (caption, name or alias). */
function indexPersonNames(entities: readonly Entity[]): Map<string, NamedPerson[]> {
  const index = new Map<string, NamedPerson[]>();
  for (const entity of entities) {
    if (entity.schema !== 'Person') continue;
    const dates: string[] = [];
    for (const statement of entity.properties.birthDate ?? []) {
      const date = birthDateKey(statement);
      if (date && !dates.includes(date)) dates.push(date);
    }
    if (dates.length === 0) continue;
    // The caption is the primary name; parsers also state it as `name`, but a link must not hinge on that.
    const names = [entity.caption];
    for (const statement of entity.properties.name ?? []) names.push(statement.value);
    for (const statement of entity.properties.alias ?? []) names.push(statement.value);
    for (let i = 0; i < names.length; i++) {
      if (names.indexOf(names[i]) < i) continue; // the caption is usually also the first `name`
      const folded = nameKey(names[i]);
      if (folded) addHolder(index, folded, { entity, shown: names[i], dates });
    }
  }
  return index;
}

/**
 * Full birth date → persons born on it, with their strong names as sorted folded tokens. Lists write
 * one person's name at different lengths ("GASMI, Salah" on OFAC, "SALAH EDDINE GASMI" on the UN);
 * on the same full date, a name whose words all appear in the other record's name is the same person.
 * Bare years are too common to link on a partial name, and weak aliases (nicknames, "Abu Ahmad")
 * too loose.
 */
function indexPersonsByFullBirthDate(entities: readonly Entity[]): Map<string, PersonBornOn[]> {
  const index = new Map<string, PersonBornOn[]>();
  for (const entity of entities) {
    if (entity.schema !== 'Person') continue;
    let names: string[] | undefined;
    for (const statement of entity.properties.birthDate ?? []) {
      if (!isFullDate(statement)) continue;
      names ??= strongNameKeys(entity);
      addHolder(index, statement.value, { entity, shown: entity.caption, date: statement.value, names });
    }
  }
  return index;
}

/**
 * A date more persons were born on than this is a filler, not a birth date (on the real lists no full
 * date holds more than 20, most of them 1 January); pairing its holders would also be quadratic.
 */
const MAX_PERSONS_PER_BIRTH_DATE = 100;

function isFullDate(statement: Statement): boolean {
  return !statement.until && FULL_DATE.test(statement.value);
}
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A record's caption, names, aliases and previous names, each folded to sorted tokens. */
function strongNameKeys(entity: Entity): string[] {
  const keys = [nameKey(entity.caption)];
  for (const property of ['name', 'alias', 'previousName'] as const)
    for (const statement of entity.properties[property] ?? []) {
      const key = nameKey(statement.value);
      if (!keys.includes(key)) keys.push(key);
    }
  return keys;
}

/**
 * The fewest distinctive words a name must have for its words to link it into a longer name: one is
 * a surname. Name particles (`al`, `Abu`, `bin`, `de`) do not count: `Abu al-Khayr` is one word of name.
 */
const MIN_NAME_PART_WORDS = 2;
const ARTICLES = new Set(['al', 'el', 'the', 'of', 'de', 'la']);

/** `shorter ⊂ longer (date)` for the first name of either record whose words all appear in a name of the other. */
function namePartsShared(a: PersonBornOn, b: PersonBornOn): string[] {
  for (const x of a.names) {
    for (const y of b.names) {
      const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
      const words = shorter.split(' ');
      if (words.filter((w) => !NAME_PARTICLES.has(w)).length < MIN_NAME_PART_WORDS) continue;
      const longerWords = longer.split(' ');
      if (words.every((w) => longerWords.includes(w))) return [`${shorter} ⊂ ${longer} (${a.date})`];
    }
  }
  return [];
}

/** One word (an acronym, "AL-JIHAD") names too many different groups to prove two records the same. */
const MIN_ORGANISATION_NAME_WORDS = 2;

function distinctiveWords(folded: string): number {
  return folded.split(' ').filter((w) => !ARTICLES.has(w)).length;
}

/** An organisation bearing a name: as its caption, one of its names or aliases, or a name it had before. */
interface NamedOrganisation extends Holder {
  bearsAs: 'caption' | 'name' | 'previousName';
}

/**
 * Folded name → organisations that bear it: caption, names, aliases and previous names (AQIM's former
 * name, "Salafist Group for Call and Combat", is OFAC's name for it), each also without a closing
 * parenthesis that is the name's own acronym (the UN's "(AQAP)"; a "(KENYA)" branch is another
 * record). Weak aliases are too loose.
 */
function indexOrganisationNames(entities: readonly Entity[]): Map<string, NamedOrganisation[]> {
  const index = new Map<string, NamedOrganisation[]>();
  for (const entity of entities) {
    if (!NAME_LINKED_SCHEMATA.has(entity.schema)) continue;
    const names: [string, NamedOrganisation['bearsAs']][] = [[entity.caption, 'caption']];
    for (const property of ['name', 'alias', 'previousName'] as const)
      for (const statement of entity.properties[property] ?? [])
        if (!statement.weak) names.push([statement.value, property === 'previousName' ? property : 'name']);
    const keys: string[] = [];
    for (const [name, bearsAs] of names) {
      const parenthesis = closingParenthesis(name);
      const acronymDropped = parenthesis && isAcronymOf(parenthesis.inside, parenthesis.without) ? parenthesis.without : undefined;
      for (const variant of acronymDropped ? [name, acronymDropped] : [name]) {
        const folded = nameKey(variant);
        if (keys.includes(folded) || distinctiveWords(folded) < MIN_ORGANISATION_NAME_WORDS) continue;
        keys.push(folded);
        addHolder(index, folded, { entity, shown: name, bearsAs });
      }
    }
  }
  return index;
}

/** An organisation bearing an acronym, and whether one of its own names spells it out. */
interface AcronymHolder extends Holder {
  spelledOut: boolean;
}

/** Shorter acronyms (AAS, IJU, KKB) stand for too many different names to link two records. */
const MIN_LINKING_ACRONYM = 4;

/**
 * Acronym → organisations that bear it: as the closing parenthesis of a name it abbreviates
 * ("MOUVEMENT POUR L'UNIFICATION ET LE JIHAD EN AFRIQUE DE L'OUEST (MUJAO)", spelled out), or as a
 * one-word name or alias in capitals (OFAC's a.k.a. 'MUJAO'; weak aliases count here, since the other
 * record's own name must spell the acronym out for the two to link). Lists name one group in different
 * languages, and its acronym is often all their names share.
 */
function indexOrganisationAcronyms(entities: readonly Entity[]): Map<string, AcronymHolder[]> {
  const index = new Map<string, AcronymHolder[]>();
  for (const entity of entities) {
    if (!NAME_LINKED_SCHEMATA.has(entity.schema)) continue;
    const found = new Map<string, AcronymHolder>();
    const bear = (acronym: string, shown: string, spelledOut: boolean) => {
      const key = acronym.replace(/[^A-Z]/g, '');
      if (key.length < MIN_LINKING_ACRONYM) return;
      const held = found.get(key);
      if (!held) found.set(key, { entity, shown: key, spelledOut });
      else held.spelledOut ||= spelledOut;
    };
    const names = [entity.caption];
    for (const property of ['name', 'alias', 'previousName', 'weakAlias'] as const)
      for (const statement of entity.properties[property] ?? []) names.push(statement.value);
    for (const name of names) {
      const parenthesis = closingParenthesis(name);
      if (parenthesis && ACRONYM_WRITTEN.test(parenthesis.inside.trim()) && isAcronymOf(parenthesis.inside, parenthesis.without))
        bear(parenthesis.inside, name, true);
      const alone = name.trim().replace(/^['"‘’]|['"‘’]$/g, '');
      if (ACRONYM_WRITTEN.test(alone)) bear(alone, name, false);
    }
    for (const holder of found.values()) addHolder(index, holder.shown, holder);
  }
  return index;
}

/** An acronym as lists write one: capital letters, perhaps with dots or hyphens between them (U.T.N., AAS-T). */
const ACRONYM_WRITTEN = /^[A-Z](?:[.-]?[A-Z])+\.?$/;

/**
 * Whether `acronym` is made of the leading letters of the words of `name`, in order, some words
 * skipped: AQAP of "Al-Qaida in the Arabian Peninsula", SAPICO of "Sahand Aluminum Parts Industrial
 * Company", AAS-T of "Ansar al-Shari'a in Tunisia".
 */
export function isAcronymOf(acronym: string, name: string): boolean {
  const parts = foldedNameWords(acronym);
  // One word, or letters joined by hyphens or dots (AAS-T, U.T.N.).
  if (/\s/.test(acronym.trim()) && parts.some((p) => p.length > 1)) return false;
  const letters = parts.join('');
  if (letters.length < 2) return false;
  // French and Italian elide an article into the next word (L'UNIFICATION, D'ITALIA): the word keeps its letter.
  const words = foldedNameWords(name.replace(ELIDED_ARTICLE, '$1 '));
  // Each letter continues the word the last one came from, or starts a later word.
  const fits = (k: number, w: number, at: number): boolean => {
    if (k === letters.length) return true;
    if (w >= 0 && at < words[w].length && words[w][at] === letters[k] && fits(k + 1, w, at + 1)) return true;
    for (let next = w + 1; next < words.length; next++) if (words[next][0] === letters[k] && fits(k + 1, next, 1)) return true;
    return false;
  };
  return fits(0, -1, 0);
}

const ELIDED_ARTICLE = /\b([DL])['\u2019]/gi;

/**
 * Two records of one list bearing the name are two parties (AL-HARAMAYN FOUNDATION names the Kenyan,
 * Tanzanian and Pakistani branches; ANSAR AL-SHARIAH three groups): which the other list means is unknown.
 */
function heldTwiceOnOneList(holders: readonly Holder[]): boolean {
  const sources = new Set<string>();
  for (const { entity } of holders) {
    if (sources.has(entity.source)) return true;
    sources.add(entity.source);
  }
  return false;
}

/**
 * A group's former name is shared by what it became and by groups that split from it (Harakat
 * ul-Ansar): it links only to a record whose own primary name it is.
 */
function formerNameOfAnother(a: NamedOrganisation, b: NamedOrganisation): boolean {
  return (a.bearsAs === 'previousName' && b.bearsAs !== 'caption') || (b.bearsAs === 'previousName' && a.bearsAs !== 'caption');
}

/** Add a record to a key's holders unless it already holds it (entities are indexed one at a time). */
function addHolder<H extends Holder>(index: Map<string, H[]>, key: string, holder: H): void {
  const holders = index.get(key);
  if (!holders) index.set(key, [holder]);
  else if (holders[holders.length - 1].entity !== holder.entity) holders.push(holder);
}

function isPlaceholder(holders: readonly Holder[]): boolean {
  const perSource = new Map<string, number>();
  for (const { entity } of holders) {
    const n = (perSource.get(entity.source) ?? 0) + 1;
    if (n > MAX_RECORDS_PER_SOURCE_FOR_IDENTIFIER) return true;
    perSource.set(entity.source, n);
  }
  return false;
}

/**
 * Link every pair of holders from different sources by the values `valuesOf` finds for the pair
 * (none: no link); keep the smallest value per (a, b, reason).
 */
function linkHolders<H extends Holder>(
  links: Map<string, CrossListLink>,
  holders: readonly H[],
  reason: CrossListLinkReason,
  valuesOf: (a: H, b: H) => string[],
): void {
  if (holders.length < 2) return;
  for (let i = 0; i < holders.length; i++) {
    for (let j = i + 1; j < holders.length; j++) {
      const x = holders[i];
      const y = holders[j];
      if (x.entity.source === y.entity.source || x.entity.id === y.entity.id) continue;
      const a = x.entity.id < y.entity.id ? x : y;
      const b = a === x ? y : x;
      for (const value of valuesOf(a, b)) {
        const key = `${a.entity.id}\u0000${b.entity.id}\u0000${reason}`;
        const existing = links.get(key);
        if (!existing || value < existing.value) links.set(key, { a: a.entity.id, b: b.entity.id, reason, value });
      }
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
