/**
 * @module text/message-highlights
 * Where each hit of a screened payment is in the message as received, so the message view can mark it and
 * label it with the hit's number. A hit names its field as the screening reported it:
 * - SWIFT MT: the field tag (`50F`, `56A`), its lines (from `:50F:` up to the next field tag); `B/59F` is
 *   the field in a cover's sequence B (from the first `:50a:` on), `B[2]/59` in an MT101's second
 *   transaction (from its second `:21:`); `1` and `2` are the basic and application headers; `70 lines 1–2`
 *   marks just those lines of field 70.
 * - ISO 20022: the element path from the Document's root element (`FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr`),
 *   the whole element marked; `RmtInf/Ustrd lines 1–2` marks the first two `Ustrd` occurrences.
 * An address line (`59F address line 2`) marks its whole party field. Pure.
 * @example
 *   const text = messageOf(raw, payment);
 *   const marks = locateHits(text.text, 'MT103', hits.map((h) => h.field)); // [{ hit: 1, start: 180, end: 192 }]
 *   highlightedSegments(text.text, marks) // [{ text: '…', hits: [] }, { text: ':56A:FTBDKPPYXXX', hits: [1], labels: [1] }, …]
 */
import { findXmlPath, readXmlElements } from './xml-elements';

/** One marked stretch of the message: offsets into the text shown, and the hit's number (from 1). */
export interface HitMark {
  hit: number;
  start: number;
  end: number;
}

/** A piece of the message, marked by the hits whose stretch covers it; `labels`: the hits whose stretch starts here. */
export interface MessageSegment {
  text: string;
  hits: number[];
  labels: number[];
}

export type MessageSyntax = 'mt' | 'xml';

export function messageSyntax(raw: string): MessageSyntax {
  return /^\uFEFF?\s*</.test(raw) ? 'xml' : 'mt';
}

/** A hit's field read: the field or element path, and the lines of it the hit is in (from 1), when it names some. */
export interface HitField {
  path: string;
  lines?: { first: number; last: number };
}

/**
 * `70 lines 1–2` → `{ path: '70', lines: { first: 1, last: 2 } }`; `59F address line 2` → `{ path: '59F' }`
 * (address lines are read without their MT line codes, so the party's whole field is marked).
 */
export function readHitField(field: string): HitField {
  const space = field.indexOf(' ');
  if (space < 0) return { path: field };
  const path = field.slice(0, space);
  const lines = /^lines? (\d+)(?:[–-](\d+))?$/.exec(field.slice(space + 1));
  if (!lines) return { path };
  const first = Number(lines[1]);
  return { path, lines: { first, last: lines[2] ? Number(lines[2]) : first } };
}

// --- Which message of a batch ----------------------------------------------------------------------

/** The message of the payment within what was received, with where it starts (an RJE batch holds several). */
export interface MessageText {
  text: string;
  /** Which message of the body (from 1) and how many it held. */
  index: number;
  count: number;
}

/**
 * An RJE batch (messages separated by `$`, SWIFT ACKs `{1:F21…}` before the messages they acknowledge)
 * is cut at each basic header; the message is the one whose field 20 is the payment's reference (and
 * whose UETR is its UETR, when several share the reference). An ISO 20022 file is one message.
 */
export function messageOf(raw: string, payment: { reference?: string; uetr?: string }): MessageText {
  if (messageSyntax(raw) === 'xml') return { text: raw, index: 1, count: 1 };
  const starts = [...raw.matchAll(/\{1:/g)].map((m) => m.index);
  const pieces = starts.map((start, i) => raw.slice(start, starts[i + 1] ?? raw.length));
  const messages = pieces
    .map((text, i) => ({ text: text.replace(/[\s$]+$/, ''), acknowledgement: /^\{1:F21/.test(pieces[i]) }))
    .filter((m) => !m.acknowledgement);
  if (messages.length <= 1) return { text: raw, index: 1, count: 1 };
  const ofReference = (m: { text: string }) =>
    payment.reference !== undefined && new RegExp(`(^|\\n):20:${escapeRegExp(payment.reference)}\\r?(\\n|$)`).test(m.text);
  const ofUetr = (m: { text: string }) => payment.uetr !== undefined && m.text.includes(`{121:${payment.uetr}}`);
  const index =
    [(m: { text: string }) => ofReference(m) && ofUetr(m), ofReference, ofUetr]
      .map((test) => messages.findIndex(test))
      .find((i) => i >= 0) ?? -1;
  return index < 0 ? { text: raw, index: 1, count: 1 } : { text: messages[index].text, index: index + 1, count: messages.length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- SWIFT MT ----------------------------------------------------------------------------------------

interface MtFieldLines {
  tag: string;
  /** Each line's start and end (without its line break); the first holds the `:tag:`. */
  lines: { start: number; end: number }[];
}

/** The fields of block 4, in order, each with its lines. */
function mtFields(text: string): MtFieldLines[] {
  const block = text.indexOf('{4:');
  let offset = block < 0 ? 0 : block + 3;
  const fields: MtFieldLines[] = [];
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    if (line.startsWith('-}')) break;
    const tag = /^:(\d{2}[A-Z]?):/.exec(line)?.[1];
    const span = { start: offset, end: offset + line.length };
    if (tag) fields.push({ tag, lines: [span] });
    else if (fields.length > 0 && line.length > 0) fields[fields.length - 1].lines.push(span);
    if (newline < 0) break;
    offset = newline + 1;
  }
  return fields;
}

/** The fields of the sequence a source prefix names: `` (sequence A, or the whole message), `B/`, `B[n]/`. */
function sequenceFields(fields: MtFieldLines[], format: string, prefix: string): MtFieldLines[] {
  const cover = /COV$/.test(format);
  const transactions = format === 'MT101';
  // A cover's sequence B starts at its ordering customer (50a); an MT101's transactions each at a field 21.
  const startsB = cover ? (f: MtFieldLines) => f.tag.startsWith('50') : (f: MtFieldLines) => f.tag === '21';
  const firstB = cover || transactions ? fields.findIndex(startsB) : -1;
  if (prefix === '') return firstB < 0 ? fields : fields.slice(0, firstB);
  if (firstB < 0) return [];
  if (prefix === 'B/') return fields.slice(firstB);
  const n = Number(/^B\[(\d+)\]\/$/.exec(prefix)?.[1]);
  const starts = fields.map((f, i) => (startsB(f) && i >= firstB ? i : -1)).filter((i) => i >= 0);
  return Number.isInteger(n) && n >= 1 && n <= starts.length ? fields.slice(starts[n - 1], starts[n] ?? fields.length) : [];
}

/** Where an MT hit is: a header block, a field, or some lines of a field. */
function locateMtField(text: string, fields: MtFieldLines[], format: string, field: HitField): { start: number; end: number } | undefined {
  if (field.path === '1' || field.path === '2') {
    const header = new RegExp(`\\{${field.path}:[^}]*\\}`).exec(text);
    return header ? { start: header.index, end: header.index + header[0].length } : undefined;
  }
  const m = /^((?:B(?:\[\d+\])?\/)?)(\d{2}[A-Z]?)$/.exec(field.path);
  if (!m) return undefined;
  const found = sequenceFields(fields, format, m[1]).find((f) => f.tag === m[2]);
  if (!found) return undefined;
  const first = Math.min(Math.max(field.lines?.first ?? 1, 1), found.lines.length);
  const last = Math.min(Math.max(field.lines?.last ?? found.lines.length, first), found.lines.length);
  return { start: found.lines[first - 1].start, end: found.lines[last - 1].end };
}

// --- ISO 20022 ---------------------------------------------------------------------------------------

function locateXmlElement(root: ReturnType<typeof readXmlElements>, field: HitField): { start: number; end: number } | undefined {
  const found = findXmlPath(root, field.path);
  if (!found) return undefined;
  // Lines of a text made of repeated elements (Ustrd) are those occurrences; any other text is its element.
  const { lines } = field;
  if (lines && found.occurrences.length > 1 && found.occurrences[0] === found.element && !/\]$/.test(field.path)) {
    const first = found.occurrences[Math.min(lines.first, found.occurrences.length) - 1];
    const last = found.occurrences[Math.min(Math.max(lines.last, lines.first), found.occurrences.length) - 1];
    return { start: first.start, end: last.end };
  }
  return { start: found.element.start, end: found.element.end };
}

// --- Both --------------------------------------------------------------------------------------------

/**
 * The stretch of `text` (one message, see `messageOf`) each hit's field covers, numbered from 1 in the
 * order given; a field not found in the message gives no mark (the hit list still names it).
 */
export function locateHits(text: string, format: string, fields: readonly string[]): HitMark[] {
  const xml = messageSyntax(text) === 'xml';
  const root = xml ? readXmlElements(text) : undefined;
  const mt = xml ? [] : mtFields(text);
  const marks: HitMark[] = [];
  fields.forEach((raw, i) => {
    const field = readHitField(raw);
    const at = root ? locateXmlElement(root, field) : locateMtField(text, mt, format, field);
    if (at && at.end > at.start) marks.push({ hit: i + 1, ...at });
  });
  return marks;
}

/** The text cut where marks start and end; each piece names the hits covering it and those starting there. */
export function highlightedSegments(text: string, marks: readonly HitMark[]): MessageSegment[] {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((c) => c >= 0 && c <= text.length)
    .sort((a, b) => a - b);
  const segments: MessageSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter((m) => m.start <= from && m.end >= to);
    segments.push({
      text: text.slice(from, to),
      hits: [...new Set(covering.map((m) => m.hit))].sort((a, b) => a - b),
      labels: [...new Set(marks.filter((m) => m.start === from).map((m) => m.hit))].sort((a, b) => a - b),
    });
  }
  return segments;
}
