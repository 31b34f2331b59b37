/**
 * @module text/xml-elements
 * The elements of an XML text with where each starts and ends in it (character offsets), for marking an
 * element of an ISO 20022 message as received. Not a validating parser: the server has read the message
 * already; this finds tags, skipping comments, CDATA, processing instructions and the doctype, and
 * compares local names (a `head:AppHdr` is an `AppHdr`). Pure.
 * @example
 *   const root = readXmlElements('<Document><A><B/><B>x</B></A></Document>');
 *   findXmlPath(root, 'A/B[2]')?.element // → { name: 'B', start: 17, end: 25, children: [] }
 */

export interface XmlElement {
  /** The local name, without a namespace prefix. */
  name: string;
  /** Offset of its `<`. */
  start: number;
  /** Offset just after the `>` of its end tag (of the start tag when it is empty, `<B/>`). */
  end: number;
  children: XmlElement[];
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

/** Offset just after the `>` closing a tag that starts at `from`, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | undefined;
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return xml.length;
}

/** Offset after `close` found from `from`, or the end of the text when it is missing. */
function after(xml: string, from: number, close: string): number {
  const at = xml.indexOf(close, from);
  return at < 0 ? xml.length : at + close.length;
}

/** The document as a tree under a nameless root spanning the whole text. */
export function readXmlElements(xml: string): XmlElement {
  const root: XmlElement = { name: '', start: 0, end: xml.length, children: [] };
  const open: XmlElement[] = [root];
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    let next: number;
    if (xml.startsWith('<!--', i)) next = after(xml, i + 4, '-->');
    else if (xml.startsWith('<![CDATA[', i)) next = after(xml, i + 9, ']]>');
    else if (xml.startsWith('<?', i)) next = after(xml, i + 2, '?>');
    else if (xml.startsWith('<!', i)) next = tagEnd(xml, i);
    else if (xml.startsWith('</', i)) {
      next = tagEnd(xml, i);
      const name = localName(/^<\/\s*([^\s>]+)/.exec(xml.slice(i, next))?.[1] ?? '');
      // Close the innermost open element of that name (and any left open inside it).
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at > 0) {
        for (const element of open.splice(at)) element.end = next;
      }
    } else {
      next = tagEnd(xml, i);
      const name = /^<([^\s/>]+)/.exec(xml.slice(i, next))?.[1];
      if (name) {
        const element: XmlElement = { name: localName(name), start: i, end: next, children: [] };
        open[open.length - 1].children.push(element);
        if (xml[next - 2] !== '/') open.push(element);
      }
    }
    i = xml.indexOf('<', next);
  }
  return root;
}

/** The first element named `name` in document order, at any depth. */
function firstNamed(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.name === name) return child;
    const found = firstNamed(child, name);
    if (found) return found;
  }
  return undefined;
}

/** `CdtTrfTxInf[2]` → name and 1-based index (1 without one). */
function readStep(step: string): { name: string; index: number } | undefined {
  const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
  return m ? { name: m[1], index: m[2] ? Number(m[2]) : 1 } : undefined;
}

/** The element a path names, and every element of its name under the same parent, in order (itself included). */
export interface XmlPathMatch {
  element: XmlElement;
  occurrences: XmlElement[];
}

/**
 * The element an ISO 20022 path names (`FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr`: the first step is found
 * wherever it is — under an envelope or not — then child by child, an index from 1 where an element
 * repeats, the first without one); undefined when the message has no such element. The occurrences let a
 * caller mark lines of a text made of repeated elements (`RmtInf/Ustrd lines 1–2`).
 */
export function findXmlPath(root: XmlElement, path: string): XmlPathMatch | undefined {
  const steps = path.split('/').map(readStep);
  if (steps.some((s) => s === undefined)) return undefined;
  const [first, ...rest] = steps as { name: string; index: number }[];
  let element = firstNamed(root, first.name);
  let parent: XmlElement | undefined;
  for (const step of rest) {
    if (!element) return undefined;
    parent = element;
    element = parent.children.filter((c) => c.name === step.name)[step.index - 1];
  }
  if (!element) return undefined;
  const name = element.name;
  return { element, occurrences: parent ? parent.children.filter((c) => c.name === name) : [element] };
}
