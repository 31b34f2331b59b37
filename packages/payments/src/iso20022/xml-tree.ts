/**
 * @module iso20022/xml-tree
 * The XML of an ISO 20022 file as a tree of elements that know their path and line: well-formedness
 * checked first (so a broken file is reported at its line), then parsed with every element kept as text
 * and every element an array, and read through accessors that fail loudly, naming the path, where the
 * message does not have the shape its definition gives it (text where elements belong, elements where
 * text belongs, a single element written twice).
 *
 * @example
 * const tree = readXmlTree('<Document><FIToFICstmrCdtTrf>…</FIToFICstmrCdtTrf></Document>');
 * // tree.top: the element holding the file's root; optionalChild(tree.top, 'Document') …
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element: its children by name (always arrays), its attributes as `@_name`, its text as `#text`. */
export interface XmlNode {
  [key: string]: unknown;
  [key: symbol]: unknown;
}

/** The text of the file and where its lines start, to turn a character index into a line number. */
export interface XmlFile {
  readonly xml: string;
  readonly lineStarts: readonly number[];
}

/** One element of the file: its name, content, the path an analyst can find it by, and where it starts. */
export interface MxElement {
  readonly name: string;
  readonly node: XmlNode;
  /** The path from the Document's root element (`FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr`), '' for the Document itself. */
  readonly path: string;
  /** Character index of the element's `<` in the file, when the parser recorded it. */
  readonly start?: number;
  readonly file: XmlFile;
}

/**
 * A message that does not have the shape its definition gives it, at `path` (line `line` of the file).
 * Thrown inside the reading of one Document and turned into that Document's error result in one place
 * (`iso20022/index.ts`), so that the mapping code reads like the message definition instead of threading a
 * result through every field; nothing else catches it.
 */
export class MxPathError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(reason);
    this.name = 'MxPathError';
  }
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const PARSER = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  // Everything stays text as written: an account "0031234567" or an amount "6.20" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Every element is an array, so a repeated element (CdtTrfTxInf, AdrLine, Ustrd) reads the same whether
  // the file holds one or ten, and a single element written twice can be told apart and reported.
  isArray: (_name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
  // The callbacks read no path: left on, the parser writes each element's path out as a string for them,
  // a tenth of the time a pacs.008 takes to parse (profiled 2026-12-07).
  jPath: false,
  captureMetaData: true,
  // XML character references (`Soci&#233;t&#233;`) are the characters they stand for, and a name must be
  // screened as written; the parser decodes them only with its HTML entity set (which includes XML's).
  htmlEntities: true,
});

/** The file parsed, or the line and reason it is not well-formed XML. */
export type XmlTreeResult = { top: MxElement; error?: undefined } | { top?: undefined; error: { line?: number; reason: string } };

/**
 * The file as a tree: `top` holds the file's root element as its child. Malformed XML is an error with the
 * validator's line and message.
 */
export function readXmlTree(xml: string): XmlTreeResult {
  const text = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: { line: valid.err.line, reason: `the XML is not well-formed: ${valid.err.msg}` } };
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const file: XmlFile = { xml: text, lineStarts };
  return { top: { name: '', node: PARSER.parse(text) as XmlNode, path: '', start: 0, file } };
}

/** The line (from 1) of an element's start, or of the nearest element around it that the parser placed. */
export function lineOf(element: MxElement): number | undefined {
  if (element.start === undefined) return undefined;
  const starts = element.file.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= element.start) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Fails the reading of the Document at `element` (or at `path` inside it), on the element's line. */
export function failAt(element: MxElement, reason: string, path: string = element.path): never {
  throw new MxPathError(path || 'Document', lineOf(element), reason);
}

export function childPath(parent: MxElement, segment: string): string {
  return parent.path === '' ? segment : `${parent.path}/${segment}`;
}

/** The element `value` (one entry of a child array) as an element, or an error if it is text. */
function asElement(parent: MxElement, name: string, value: unknown, path: string): MxElement {
  if (typeof value === 'string') {
    // An empty element (`<Dbtr/>`) is an element with nothing in it; text is not an element.
    if (value.trim() === '') return { name, node: {}, path, start: parent.start, file: parent.file };
    failAt(parent, `<${name}> should hold elements but holds the text "${value.trim()}"`, path);
  }
  const node = value as XmlNode;
  const meta = node[META] as { startIndex?: number } | undefined;
  return { name, node, path, start: meta?.startIndex ?? parent.start, file: parent.file };
}

function rawChildren(parent: MxElement, name: string): unknown[] {
  const value = parent.node[name];
  return Array.isArray(value) ? value : [];
}

/** The names of the child elements present, in the order they first appear. */
export function childNames(element: MxElement): string[] {
  return Object.keys(element.node).filter((key) => !key.startsWith('@_') && !key.startsWith('#') && !key.startsWith('?'));
}

/** The child element `name`, if present; an error if the message writes it more than once. */
export function optionalChild(parent: MxElement, name: string): MxElement | undefined {
  const values = rawChildren(parent, name);
  if (values.length > 1)
    failAt(parent, `<${name}> appears ${values.length} times where the message definition allows one`, childPath(parent, name));
  return values.length === 0 ? undefined : asElement(parent, name, values[0], childPath(parent, name));
}

/** The child element `name`; an error saying `why` it is needed when absent. */
export function requiredChild(parent: MxElement, name: string, why: string): MxElement {
  const child = optionalChild(parent, name);
  if (child === undefined) failAt(parent, `<${name}> is missing: ${why}`, childPath(parent, name));
  return child;
}

/** Every child element `name`, each with its 1-based index in its path (`CdtTrfTxInf[2]`). */
export function repeatedChildren(parent: MxElement, name: string): MxElement[] {
  return rawChildren(parent, name).map((value, i) => asElement(parent, name, value, childPath(parent, `${name}[${i + 1}]`)));
}

/**
 * Every child element `name`, text ones read as empty elements, never failing: for looking through
 * wrappers of unknown shape for the Document, before any message definition applies.
 */
export function childElements(parent: MxElement, name: string): MxElement[] {
  return rawChildren(parent, name).map((value, i) =>
    typeof value === 'string'
      ? { name, node: {}, path: childPath(parent, `${name}[${i + 1}]`), start: parent.start, file: parent.file }
      : asElement(parent, name, value, childPath(parent, `${name}[${i + 1}]`)),
  );
}

/** The text of a leaf value, or an error naming the elements it holds instead. */
function leafText(parent: MxElement, name: string, value: unknown, path: string): string {
  if (typeof value === 'string') return value.trim();
  const element = asElement(parent, name, value, path);
  const inner = childNames(element);
  if (inner.length > 0) failAt(element, `<${name}> should hold text but holds the elements ${inner.map((n) => `<${n}>`).join(', ')}`);
  const text = element.node['#text'];
  return typeof text === 'string' ? text.trim() : '';
}

/** The trimmed text of the child `name`, undefined when absent or empty; an error if it holds elements or repeats. */
export function optionalText(parent: MxElement, name: string): string | undefined {
  const values = rawChildren(parent, name);
  if (values.length > 1)
    failAt(parent, `<${name}> appears ${values.length} times where the message definition allows one`, childPath(parent, name));
  if (values.length === 0) return undefined;
  const text = leafText(parent, name, values[0], childPath(parent, name));
  return text === '' ? undefined : text;
}

/** The trimmed text of the child `name`; an error saying `why` it is needed when absent or empty. */
export function requiredText(parent: MxElement, name: string, why: string): string {
  const text = optionalText(parent, name);
  if (text === undefined) failAt(parent, `<${name}> is missing: ${why}`, childPath(parent, name));
  return text;
}

/** Every non-empty text of the repeated child `name`, with its indexed path (`Ustrd[1]`), in the message's order. */
export function repeatedTexts(parent: MxElement, name: string): { path: string; text: string }[] {
  return rawChildren(parent, name)
    .map((value, i) => {
      const path = childPath(parent, `${name}[${i + 1}]`);
      return { path, text: leafText(parent, name, value, path) };
    })
    .filter((entry) => entry.text !== '');
}

/** Whether the element has a child `name`, written as text or as elements. */
export function hasChild(parent: MxElement, name: string): boolean {
  return rawChildren(parent, name).length > 0;
}

/** An attribute (`Ccy`) of the leaf child `name`, as written; undefined when the child or the attribute is absent. */
export function leafAttribute(parent: MxElement, name: string, attribute: string): string | undefined {
  const [first] = rawChildren(parent, name);
  const value = typeof first === 'object' && first !== null ? (first as XmlNode)[`@_${attribute}`] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Every text the element holds, at any depth, trimmed and non-empty, in the message's order (a leaf written
 * as a sibling of an earlier same-named element reads after it: the parser groups elements by name).
 */
export function textLeaves(element: MxElement): string[] {
  const lines: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim() !== '') lines.push(value.trim());
      return;
    }
    const node = value as XmlNode;
    for (const key of Object.keys(node)) {
      if (key.startsWith('@_') || key.startsWith('?')) continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(element.node);
  return lines;
}

/** Whether the child `name` is written as text (a version that made a text field into an element is read both ways). */
export function holdsText(parent: MxElement, name: string): boolean {
  const [first] = rawChildren(parent, name);
  return typeof first === 'string' || (first !== undefined && childNames({ ...parent, node: first as XmlNode }).length === 0);
}
