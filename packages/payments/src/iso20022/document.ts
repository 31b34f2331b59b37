/**
 * @module iso20022/document
 * Where the ISO 20022 Document is and which message it holds, whatever wraps it: a bare `<Document>`, the
 * SWIFT `<Envelope>` with `<AppHdr>` and `<Document>`, prowide's `<message>` wrapper, a `<RequestPayload>`,
 * with or without namespace prefixes (`pacs:Document`, `head:AppHdr`). The message definition comes from
 * the Document's namespace (`urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08` → `pacs.008.001.08`, SIX's
 * `http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd` → `pain.001.001.03.ch.02`), else the
 * business application header's `MsgDefIdr`; the message itself is named by the Document's root element.
 *
 * @example
 * findDocuments(readXmlTree(xml).top) // [{ document, appHdr }] for each Document in the file
 */
import { childElements, childNames, childPath, failAt, optionalText, repeatedChildren, type MxElement } from './xml-tree.js';

/** The payment messages Embargo screens, by the root element of their Document. */
export const MESSAGE_OF_ROOT = {
  FIToFICstmrCdtTrf: 'pacs.008',
  FICdtTrf: 'pacs.009',
  CstmrCdtTrfInitn: 'pain.001',
} as const;
export type MxMessage = (typeof MESSAGE_OF_ROOT)[keyof typeof MESSAGE_OF_ROOT];

/** A Document found in the file, with the business application header written beside it, if any. */
export interface FoundDocument {
  document: MxElement;
  appHdr?: MxElement;
  /** The namespace the Document element is in, declared on it or on an element around it. */
  namespace?: string;
}

/** A Document read: its message, its root element (paths start there) and its definition where known. */
export interface MxDocument extends FoundDocument {
  message: MxMessage;
  root: MxElement;
  definition?: string;
}

/** The start tag's attributes of the element starting at `start` (the parser drops `xmlns` declarations when it removes prefixes). */
function startTagOf(xml: string, start: number): { prefix: string; attributes: Map<string, string> } {
  let end = start;
  let quote = '';
  for (; end < xml.length; end++) {
    const c = xml[end];
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  const tag = xml.slice(start, end);
  const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s=<]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(match[1], match[2] ?? match[3]);
  return { prefix: name.includes(':') ? name.slice(0, name.indexOf(':')) : '', attributes };
}

/** The namespace of the element starting at `start`, looking for its declaration on it and then outwards. */
function namespaceOf(xml: string, start: number | undefined, ancestorStarts: readonly number[]): string | undefined {
  if (start === undefined) return undefined;
  const { prefix } = startTagOf(xml, start);
  const declaration = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (const at of [start, ...[...ancestorStarts].reverse()]) {
    const declared = startTagOf(xml, at).attributes.get(declaration);
    if (declared !== undefined) return declared;
  }
  return undefined;
}

/**
 * Every Document in the file, in order, each paired with the AppHdr written beside it (the i-th AppHdr of
 * a wrapper with the i-th Document when the wrapper holds as many of each). Wrappers are looked through
 * whatever their name; a Document's content is not searched for further Documents.
 */
export function findDocuments(top: MxElement): FoundDocument[] {
  const found: FoundDocument[] = [];
  const xml = top.file.xml;
  // `starts`: where the element and the elements around it start, to find inherited namespace declarations.
  const visit = (element: MxElement, starts: number[]): void => {
    const documents = childElements(element, 'Document');
    const appHdrs = childElements(element, 'AppHdr');
    for (const [i, document] of documents.entries()) {
      const appHdr = appHdrs.length === documents.length ? appHdrs[i] : undefined;
      // Paths start at the Document's root element, as analysts and the message definitions name them.
      found.push({
        document: { ...document, path: '' },
        appHdr: appHdr && { ...appHdr, path: 'AppHdr' },
        namespace: namespaceOf(xml, document.start, starts),
      });
    }
    for (const name of childNames(element)) {
      if (name === 'Document' || name === 'AppHdr') continue;
      for (const child of childElements(element, name))
        if (childNames(child).length > 0) visit(child, child.start === undefined ? starts : [...starts, child.start]);
    }
  };
  visit(top, []);
  return found;
}

/**
 * The message definition a namespace names: the last `xxxx.nnn.nnn.nn` in it, with a national variant's
 * suffix (`.ch.02`) when there is one, without `.xsd`.
 */
export function definitionOfNamespace(namespace: string): string | undefined {
  return /([a-z]{4}\.\d{3}\.\d{3}\.\d{2}(?:\.[a-z]{2}\.\d{2})?)(?:\.xsd)?$/.exec(namespace.trim())?.[1];
}

const SCREENED =
  'the messages it reads are pacs.008 (FIToFICstmrCdtTrf), pacs.009 and its cover variant (FICdtTrf) and pain.001 (CstmrCdtTrfInitn)';

/**
 * The Document read: which message it is (by its root element), and its definition. The Document's
 * namespace wins over the header's `MsgDefIdr` when they disagree: the namespace is what the content was
 * written against (WSO2's CBPR+ p.2.1.2 sample declares pacs.008.001.12 on the Document while its AppHdr
 * says pacs.008.001.08; its content reads as either).
 */
export function readDocument(found: FoundDocument): MxDocument {
  const { document, appHdr, namespace } = found;
  const roots = childNames(document);
  if (roots.length === 0) failAt(document, `the Document is empty; ${SCREENED}`);
  if (roots.length > 1)
    failAt(
      document,
      `the Document holds ${roots.map((r) => `<${r}>`).join(', ')} where it holds one message`,
      childPath(document, roots[1]),
    );
  const rootName = roots[0];
  const [root, ...more] = repeatedChildren(document, rootName);
  if (more.length > 0) failAt(more[0], `the Document holds ${more.length + 1} <${rootName}> where it holds one message`);
  const fromNamespace = namespace === undefined ? undefined : definitionOfNamespace(namespace);
  const fromHeader = appHdr === undefined ? undefined : optionalText(appHdr, 'MsgDefIdr');
  const definition = fromNamespace ?? fromHeader;
  const message = (MESSAGE_OF_ROOT as Record<string, MxMessage | undefined>)[rootName];
  const rooted = { ...root, path: rootName };
  if (message === undefined) {
    const named = definition === undefined ? `<${rootName}>` : `${definition} (<${rootName}>)`;
    failAt(rooted, `not a payment message Embargo screens: ${named}; ${SCREENED}`);
  }
  if (definition !== undefined && !definition.startsWith(message)) {
    const said = fromNamespace !== undefined ? 'namespace' : 'AppHdr MsgDefIdr';
    failAt(rooted, `the Document's ${said} says ${definition} but its root element <${rootName}> is a ${message} message`);
  }
  return { ...found, message, root: rooted, definition };
}
