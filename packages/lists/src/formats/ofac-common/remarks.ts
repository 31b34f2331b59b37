/**
 * @module formats/ofac-common/remarks
 * Reads OFAC's free-text Remarks field, which the legacy CSV and XML files use for everything that has no
 * column of its own: "DOB 15 Jan 1962; POB Pyongyang, Korea, North; nationality Korea, North; Gender Male;
 * Passport 563120368 (Korea, North) expires 20 Feb 2022; a.k.a. 'JANG'; Linked To: KOREA MINING DEVELOPMENT
 * TRADING CORPORATION." Items are separated by "; " and the last ends with a period. An "alt. " prefix marks
 * a further value of the same kind ("alt. DOB 1963"). Items no rule reads are kept only in the notes.
 * @example parseOfacRemarks("DOB 1962; Gender Male.", { file: 'sdn.csv', line: 3, recordId: 'ofac:1', schema: 'Person' })
 */
import {
  addStatement,
  type Entity,
  type PropertyName,
  type Properties,
  type RecordIssue,
  type SchemaName,
  type Statement,
} from '@embargo/core';
import { countryStatement, type RecordSite } from './countries.js';
import { parseOfacDate, yearIn } from './dates.js';
import { readRemarkIdentifier } from './remark-identifiers.js';

export interface RemarksContext extends RecordSite {
  /** The record's schema: "Nationality of Registration" is a flag for a vessel, a jurisdiction for a company. */
  schema: SchemaName;
  /**
   * The remarks were cut at OFAC's 1,000-character limit and no continuation was found: the last item is
   * incomplete, so it is kept in the notes only.
   */
  truncated?: boolean;
}

/** A "Linked To: NAME" item; the caller resolves NAME to a record of the same publication. */
export interface LinkedToName {
  name: string;
  sourceText: string;
}

export interface ParsedRemarks {
  /** Statements read from the remarks, by property, in remark order; `notes` holds the whole text. */
  properties: Properties;
  linkedTo: LinkedToName[];
  /** Items no rule reads (titles, "Target Type …", "Aircraft Operator …"); they are only in the notes. */
  otherItems: string[];
  issues: RecordIssue[];
}

/**
 * Collects what the rules read from one record's remarks: into a `Properties` object for `parseOfacRemarks`,
 * or straight onto the entity for `addOfacRemarks`.
 */
class RemarksReader {
  readonly linkedTo: LinkedToName[] = [];
  readonly otherItems: string[] = [];
  readonly issues: RecordIssue[] = [];
  constructor(
    readonly ctx: RemarksContext,
    private readonly into: { entity: Entity } | { properties: Properties },
  ) {}

  add(property: PropertyName, statement: Statement): void {
    if (!statement.value) return;
    if ('entity' in this.into) addStatement(this.into.entity, property, statement);
    else (this.into.properties[property] ??= []).push(statement);
  }

  /** A date item; one that cannot be read is reported and, if it has a year, kept with year precision. */
  date(property: PropertyName, text: string): void {
    const date: Statement | undefined = parseOfacDate(text);
    if (date) {
      // A new object from parseOfacDate: given its original in place, not copied with a spread.
      date.original = text;
      return this.add(property, date);
    }
    this.issue(property, text, `cannot read date "${text}"`);
    const year = yearIn(text);
    if (year) this.add(property, { value: year, original: text });
  }

  country(property: PropertyName, text: string, note?: string): void {
    const statement = countryStatement(text, this.ctx, property, this.issues);
    if (statement) this.add(property, note ? { ...statement, note } : statement);
  }

  issue(field: string, raw: string, message: string): void {
    const { file, line, recordId } = this.ctx;
    this.issues.push({ file, ...(line !== undefined ? { line } : {}), recordId, field, raw, message });
  }
}

type Read = (r: RemarksReader, m: RegExpExecArray, item: string) => void;

/** A pattern for items starting with one of `heads` (the first word, lower case, without a colon). */
interface Rule {
  heads: readonly string[];
  pattern: RegExp;
  read: Read;
}

/** "alt. DOB 1963": a further value of the same kind. */
const ALT_PREFIX = /^alt\.\s+/i;

// Sanctions treatment OFAC adds to a record, kept whole as sanctionsNote. The `authority` group names the legal
// basis where the item gives one ("Executive Order 13846 information: BANKING TRANSACTIONS.  Sec. 5(a)(iii)").
const SANCTIONS_INFO =
  /^(?:Secondary sanctions risk:|Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:|(?<authority>Executive Order \d+|CAATSA Section \d+)\b|IFCA Determination|U\.S\. Persons Must Continue to Block|United States financial institutions are prohibited|(?:Listing|Effective) Date \(|Purchase\/Sales For Divestment Date)/;

const readSanctionsInfo: Read = (r, m, item) => {
  r.add('sanctionsNote', { value: item.replace(ALT_PREFIX, '') });
  if (m.groups?.authority) r.add('authority', { value: m.groups.authority });
};

// Within one head, the first matching rule wins: "Nationality of Registration" before "nationality".
const RULES: readonly Rule[] = [
  { heads: ['dob'], pattern: /^DOB:?\s+(.+)$/, read: (r, m) => r.date('birthDate', m[1]) },
  { heads: ['dod'], pattern: /^DOD:?\s+(.+)$/, read: (r, m) => r.date('deathDate', m[1]) },
  { heads: ['pob'], pattern: /^POB:?\s+(.+)$/i, read: (r, m) => r.add('birthPlace', { value: m[1].trim() }) },
  { heads: ['organization'], pattern: /^Organization Established Date:?\s+(.+)$/, read: (r, m) => r.date('incorporationDate', m[1]) },
  {
    heads: ['nationality'],
    pattern: /^Nationality of Registration:?\s+(.+)$/,
    read: (r, m) => r.country(registrationCountryProperty(r.ctx.schema), m[1]),
  },
  {
    heads: ['nationality'],
    pattern: /^nationality:?\s+(possibly\s+)?(.+)$/i,
    read: (r, m) => r.country('nationality', m[2], m[1] ? 'possibly' : undefined),
  },
  {
    heads: ['citizen', 'citizenship'],
    pattern: /^citizen(?:ship)?:?\s+(possibly\s+)?(.+)$/i,
    read: (r, m) => r.country('citizenship', m[2], m[1] ? 'possibly' : undefined),
  },
  { heads: ['gender'], pattern: /^Gender:?\s+(Male|Female)$/i, read: (r, m) => r.add('gender', { value: m[1].toLowerCase() }) },
  { heads: ['a.k.a.', 'f.k.a.', 'n.k.a.', 'a.k.a.,'], pattern: /^([afn])\.k\.a\.,?\s+(.+)$/, read: (r, m) => readAka(r, m[1], m[2]) },
  {
    heads: ['linked'],
    pattern: /^Linked To:\s*(.+)$/,
    read: (r, m, item) => void r.linkedTo.push({ name: m[1].trim(), sourceText: item }),
  },
  {
    heads: ['additional'],
    pattern: /^Additional Sanctions Information\s+-\s+(.+)$/,
    read: (r, m) => r.add('sanctionsNote', { value: m[1] }),
  },
  {
    heads: ['secondary', 'transactions', 'executive', 'caatsa', 'ifca', 'u.s.', 'united', 'listing', 'effective', 'purchase/sales'],
    pattern: SANCTIONS_INFO,
    read: readSanctionsInfo,
  },
  { heads: ['other'], pattern: /^Other Vessel Flag:?\s+(.+)$/, read: (r, m) => r.country('flag', m[1]) },
  { heads: ['other'], pattern: /^Other Vessel Type:?\s+(.+)$/, read: (r, m) => r.add('vesselType', { value: m[1] }) },
  { heads: ['aircraft'], pattern: /^Aircraft Model:?\s+(.+)$/, read: (r, m) => r.add('model', { value: m[1] }) },
  { heads: ['website'], pattern: /^Website:?\s+(\S+)$/i, read: (r, m) => r.add('website', { value: m[1] }) },
  { heads: ['email', 'e-mail'], pattern: /^E-?mail(?: Address)?:?\s+(\S+)$/i, read: (r, m) => r.add('email', { value: m[1] }) },
  {
    heads: ['telephone', 'phone'],
    pattern: /^(?:Telephone|Phone)(?: No\.| Number)?:?\s+(.+)$/i,
    read: (r, m) => r.add('phone', { value: m[1] }),
  },
  { heads: ['title'], pattern: /^Title:?\s+(.+)$/, read: (r, m) => r.add('title', { value: m[1] }) },
  { heads: ['position'], pattern: /^Position:\s+(.+)$/, read: (r, m) => r.add('position', { value: m[1] }) },
];

// Each item is tried only against the rules for its first word, not against all of them (sdn.csv has
// about 56,000 remark items).
const RULES_BY_HEAD: ReadonlyMap<string, readonly Rule[]> = RULES.reduce((map, rule) => {
  for (const head of rule.heads) map.set(head, [...(map.get(head) ?? []), rule]);
  return map;
}, new Map<string, Rule[]>());

/**
 * Reads one record's remarks. Never throws: items that cannot be read are reported as issues or kept in
 * the notes only.
 */
export function parseOfacRemarks(remarks: string, ctx: RemarksContext): ParsedRemarks {
  const properties: Properties = {};
  const reader = new RemarksReader(ctx, { properties });
  readRemarks(reader, remarks);
  return { properties, linkedTo: reader.linkedTo, otherItems: reader.otherItems, issues: reader.issues };
}

/**
 * Reads one record's remarks straight onto its entity, as `parseOfacRemarks` followed by `addStatement` of
 * each statement would (each property's statements arrive in the same order), without an intermediate
 * `Properties` object for each of the 14,000 records of sdn.csv.
 */
export function addOfacRemarks(entity: Entity, remarks: string, ctx: RemarksContext): Omit<ParsedRemarks, 'properties'> {
  const reader = new RemarksReader(ctx, { entity });
  readRemarks(reader, remarks);
  return { linkedTo: reader.linkedTo, otherItems: reader.otherItems, issues: reader.issues };
}

function readRemarks(reader: RemarksReader, remarks: string): void {
  const text = remarks.trim();
  if (!text) return;
  reader.add('notes', { value: text });
  const items = splitRemarkItems(text);
  if (reader.ctx.truncated) {
    reader.issue('remarks', text.slice(-80), 'remarks cut at 1,000 characters and no continuation found');
    reader.otherItems.push(...items.splice(-1));
  }
  for (const item of items) readItem(reader, item);
}

/**
 * "DOB 1962; alt. DOB 1963; Gender Male." → ['DOB 1962', 'alt. DOB 1963', 'Gender Male']. The text between
 * semicolons, trimmed, is what a split on the pattern `;\s*` and a trim gave, without its regular expression
 * or the array of every piece.
 */
export function splitRemarkItems(remarks: string): string[] {
  const text = remarks.trim();
  const end = text.endsWith('.') ? text.length - 1 : text.length;
  const items: string[] = [];
  for (let start = 0; start <= end;) {
    let semicolon = text.indexOf(';', start);
    if (semicolon < 0 || semicolon > end) semicolon = end;
    const item = text.slice(start, semicolon).trim();
    if (item) items.push(item);
    start = semicolon + 1;
  }
  return items;
}

function readItem(reader: RemarksReader, item: string): void {
  const alt = startsWithA(item) ? ALT_PREFIX.exec(item) : null;
  const bare = alt ? item.slice(alt[0].length) : item;
  const space = bare.indexOf(' ');
  let head = space < 0 ? bare : bare.slice(0, space);
  if (head.endsWith(':')) head = head.slice(0, -1);
  for (const { pattern, read } of RULES_BY_HEAD.get(head.toLowerCase()) ?? []) {
    const m = pattern.exec(bare);
    if (m) return read(reader, m, item);
  }
  const identifier = readRemarkIdentifier(bare);
  if (identifier) return reader.add(identifier.property, identifier.statement);
  reader.otherItems.push(item);
}

/** Whether the item may start with "alt." (most items do not, and need no regular expression to tell). */
function startsWithA(item: string): boolean {
  const first = item.charCodeAt(0);
  return first === 0x61 || first === 0x41;
}

/**
 * OFAC keeps weak aliases in the remarks, in quotes: "a.k.a. 'ABU 'ABD'" (cons_dat_spec.txt, "THE DISPOSITION
 * OF ALIASES"). The name is everything between the first and the last quote, as names contain apostrophes.
 */
const QUOTED = /^'(.*)'$/;
const WHITESPACE_RUN = /\s+/g;

function readAka(reader: RemarksReader, letter: string, text: string): void {
  const quoted = QUOTED.exec(text.trim());
  const value = (quoted ? quoted[1] : text).trim().replace(WHITESPACE_RUN, ' ');
  if (!value) return;
  if (letter === 'f') return reader.add('previousName', quoted ? { value, weak: true } : { value });
  reader.add(quoted ? 'weakAlias' : 'alias', quoted ? { value, weak: true } : { value });
}

/** A vessel's country of registration is its flag; for companies and persons it is the jurisdiction. */
function registrationCountryProperty(schema: SchemaName): PropertyName {
  if (schema === 'Vessel') return 'flag';
  if (schema === 'Airplane') return 'registrationCountry';
  return 'jurisdiction';
}
