/**
 * @module formats/ofac-xml/xml-stream
 * Streams an XML file through saxes and hands each *record* element (an `sdnEntry`, a `DistinctParty`, an
 * `entity`) to the caller as a small tree, then forgets it. Memory is bounded by the largest record, not the
 * file: OFAC's SDN_ADVANCED.XML and SDN_ENHANCED.XML are about 100 MB each. Element names are local names
 * (prefixes dropped), because OFAC has published the same layout under several namespaces.
 * @example await readXmlRecords(xmlSourceOf(file), { root: expectRoot('sdnList'), isRecord: (p) => p.length === 2, record })
 */
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { isEmbargoError, listParseError } from '@embargo/core';
import type { ListFile } from '../../format.js';
import { openStream } from '../../io.js';

/** One element of a record, with its attributes, children and own text (whitespace kept; trim when reading). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** Line of the start tag, for issues about this record. */
  line: number;
}

/** The bytes of one XML document and the name to use for it in messages (set late for a zip member). */
export interface XmlSource {
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

export interface XmlRecordHandlers {
  /** Called with the root element; throws when the file is not of the expected format. */
  root(name: string, attrs: Record<string, string>, line: number): void;
  /** Whether the element at `path` (local names from the root down, root included) is a record. */
  isRecord(path: readonly string[]): boolean;
  record(node: XmlNode, path: readonly string[]): void;
}

/** A plain file as an XML source. */
export function xmlFileSource(file: ListFile): XmlSource {
  return { name: file.name, chunks: readChunks(file) };
}

/**
 * Reads the whole document, calling `handlers.record` for each record in document order. Malformed or
 * truncated XML, invalid UTF-8 and an empty file throw LIST_PARSE errors naming the file and line.
 */
export async function readXmlRecords(source: XmlSource, handlers: XmlRecordHandlers): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const path: string[] = [];
  const open: XmlNode[] = []; // the record being built, outermost first; empty outside records
  let sawRoot = false;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    path.push(name);
    if (!sawRoot) {
      sawRoot = true;
      handlers.root(name, localAttrs(tag.attributes), parser.line);
    }
    if (open.length === 0 && !handlers.isRecord(path)) return;
    const node: XmlNode = { name, attrs: localAttrs(tag.attributes), children: [], text: '', line: parser.line };
    open.at(-1)?.children.push(node);
    open.push(node);
  });
  parser.on('text', (text) => appendText(open, text));
  parser.on('cdata', (text) => appendText(open, text));
  parser.on('closetag', () => {
    path.pop();
    const node = open.pop();
    if (node && open.length === 0) handlers.record(node, [...path, node.name]);
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let linesBefore = 0; // lines of text already given to the parser, for the line of a bad byte
  const feed = (text: string) => {
    parser.write(text);
    linesBefore += countNewlines(text);
  };
  try {
    for await (const chunk of source.chunks) {
      bytes += chunk.length;
      feed(decodeChunk(decoder, chunk, source.name, linesBefore));
    }
    if (bytes === 0) throw listParseError(source.name, 1, 'file is empty');
    feed(decodeChunk(decoder, undefined, source.name, linesBefore));
    parser.close();
  } catch (e) {
    if (isEmbargoError(e)) throw e;
    throw listParseError(source.name, parser.line, xmlProblem(e), e);
  }
}

/** A root check for `handlers.root`: the file must be an OFAC document with this root element. */
export function expectRoot(source: XmlSource, expected: string, what: string) {
  return (name: string, _attrs: Record<string, string>, line: number): void => {
    if (name !== expected) {
      throw listParseError(source.name, line, `root element <${name}> is not ${what} (expected <${expected}>)`);
    }
  };
}

/** Element names without their namespace prefix: `sdn:sdnEntry` → `sdnEntry`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

async function* readChunks(file: ListFile): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of openStream(file)) yield chunk as Buffer;
  } catch (e) {
    throw listParseError(file.name, undefined, `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, e);
  }
}

function localAttrs(attributes: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) attrs[localName(key)] = value;
  return attrs;
}

function appendText(open: XmlNode[], text: string): void {
  const node = open.at(-1);
  if (node) node.text += text;
}

/**
 * Decodes strictly (a list read in the wrong encoding corrupts names); a bad byte is reported with its line.
 * A DOS end-of-file byte (0x1A) after the document, as OFAC's legacy downloads have, is not data.
 */
function decodeChunk(decoder: TextDecoder, chunk: Uint8Array | undefined, name: string, linesBefore: number): string {
  try {
    return decoder.decode(chunk, { stream: chunk !== undefined }).replace(/\x1a+\s*$/, '');
  } catch (e) {
    const lenient = new TextDecoder('utf-8').decode(chunk ?? new Uint8Array());
    const bad = lenient.indexOf('\ufffd');
    const line = linesBefore + 1 + countNewlines(bad < 0 ? lenient : lenient.slice(0, bad));
    throw listParseError(name, line, 'file is not valid UTF-8 (wrong encoding?)', e);
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** saxes says "12:4: unclosed tag: sdnEntry"; the line is given separately, so keep the words. */
function xmlProblem(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/^\d+:\d+:\s*/, '');
  if (/^unclosed tag/.test(message)) return `XML ends early (${message}): the file is truncated or damaged`;
  return `malformed XML: ${message}`;
}
