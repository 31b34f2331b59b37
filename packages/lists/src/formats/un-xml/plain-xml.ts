/**
 * @module formats/un-xml/plain-xml
 * Reads XML written the plain way the UN writes its consolidated list — elements and text, attributes on
 * the root only, the five predefined entities, no comments, CDATA, processing instructions or DTD — in one
 * pass with `indexOf`, and reports the same element events saxes would. Anything outside that subset,
 * including every malformation, makes it answer `false`: the caller then drops what it was told and reads
 * the file with saxes, which stays the reference for what the file means and for every error message.
 * saxes examines the 2 MB file one character at a time, a third of the time the UN parse took.
 * @example readPlainXml('<A x="1"><B>a &amp; b</B></A>', handler) // open A, open B, text "a & b", close, close
 */

/** What a reader reports, in document order; `line` is where the start tag's `>` is, as saxes counts. */
export interface XmlEvents {
  open(name: string, attributes: Record<string, string>, line: number): void;
  close(): void;
  text(text: string): void;
}

const GT = 0x3e;
const SLASH = 0x2f;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;

/**
 * Characters XML 1.0 forbids (controls, U+FFFE, U+FFFF), CR (saxes turns line ends into LF, which this
 * reader does not copy) and "]]>", which may not appear in text. One search of the whole file for them
 * spares a check of every text run.
 */
const OUTSIDE_SUBSET = /[\0-\x08\x0b-\x1f\ufffe\uffff]|\]\]>/;
/** The declaration the UN writes, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, or a shorter one. */
const DECLARATION = /<\?xml[ \t\n]+version="1\.0"(?:[ \t\n]+encoding="UTF-8")?(?:[ \t\n]+standalone="(?:yes|no)")?[ \t\n]*\?>/y;
/** ASCII element names; names with other letters or a colon are left to saxes. */
const NAME = /[A-Za-z_][\w.-]*/y;
/** A root attribute in double quotes whose value needs no decoding or normalising. */
const ATTRIBUTE = /([A-Za-z_:][\w.:-]*)[ \t\n]*=[ \t\n]*"([^"<&\t\n]*)"/y;
const ENTITY = /&(amp|lt|gt|quot|apos);/y;
const ENTITY_TEXT: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Reports the elements and text of `xml` to `events`; false (possibly after some events) when the document
 * is not plain XML in the sense above or not well-formed, true when it was read to the end.
 */
export function readPlainXml(xml: string, events: XmlEvents): boolean {
  if (OUTSIDE_SUBSET.test(xml)) return false;
  return new PlainXmlReader(xml, events).read();
}

class PlainXmlReader {
  private line = 1;
  // The next "\n" and "&" after the reading position, found once: searching from each tag anew would scan
  // ahead to the next one every time, and the UN file has a handful of "&" in 2 MB.
  private nextNewline: number;
  private nextAmpersand: number;

  constructor(
    private readonly xml: string,
    private readonly events: XmlEvents,
  ) {
    this.nextNewline = xml.indexOf('\n');
    this.nextAmpersand = xml.indexOf('&');
  }

  read(): boolean {
    const { xml, events } = this;
    let pos = 0;
    if (xml.startsWith('<?xml')) {
      DECLARATION.lastIndex = 0;
      if (!DECLARATION.test(xml)) return false;
      pos = DECLARATION.lastIndex;
    }
    const open: string[] = [];
    let rootClosed = false;
    while (pos < xml.length) {
      const lt = xml.indexOf('<', pos);
      const end = lt < 0 ? xml.length : lt;
      if (end > pos) {
        if (open.length === 0) {
          if (skipWhitespace(xml, pos) < end) return false; // text outside the root
        } else {
          const text = this.decodeText(pos, end);
          if (text === undefined) return false;
          events.text(text);
        }
      }
      if (lt < 0) break;
      if (xml.charCodeAt(lt + 1) === SLASH) {
        const name = open.pop();
        if (name === undefined || !xml.startsWith(name, lt + 2)) return false;
        // Closing <A>, `</AB>` has "B" where the `>` must be.
        const gt = skipWhitespace(xml, lt + 2 + name.length);
        if (xml.charCodeAt(gt) !== GT) return false;
        events.close();
        if (open.length === 0) rootClosed = true;
        pos = gt + 1;
        continue;
      }
      if (rootClosed) return false;
      NAME.lastIndex = lt + 1;
      if (!NAME.test(xml)) return false; // also `<!…` and `<?…`
      const name = xml.slice(lt + 1, NAME.lastIndex);
      let attributes: Record<string, string> = {};
      let p = NAME.lastIndex;
      if (open.length === 0) {
        const read = readAttributes(xml, p);
        if (!read) return false;
        [attributes, p] = read;
      } else {
        p = skipWhitespace(xml, p);
      }
      const selfClosing = xml.charCodeAt(p) === SLASH;
      if (selfClosing) p++;
      if (xml.charCodeAt(p) !== GT) return false;
      events.open(name, attributes, this.lineAt(p));
      if (selfClosing) {
        events.close();
        if (open.length === 0) rootClosed = true;
      } else {
        open.push(name);
      }
      pos = p + 1;
    }
    return rootClosed;
  }

  /** The line of `index`, which is never before the index asked for last. */
  private lineAt(index: number): number {
    while (this.nextNewline >= 0 && this.nextNewline < index) {
      this.line++;
      this.nextNewline = this.xml.indexOf('\n', this.nextNewline + 1);
    }
    return this.line;
  }

  /** The text between `start` and `end` with its entities replaced, or undefined for an entity saxes must judge. */
  private decodeText(start: number, end: number): string | undefined {
    const xml = this.xml;
    let amp = this.nextAmpersand;
    if (amp < 0 || amp >= end) return xml.slice(start, end);
    let text = '';
    let p = start;
    while (amp >= 0 && amp < end) {
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(xml);
      if (!m || ENTITY.lastIndex > end) return undefined;
      text += xml.slice(p, amp) + ENTITY_TEXT[m[1]];
      p = ENTITY.lastIndex;
      amp = xml.indexOf('&', p);
    }
    this.nextAmpersand = amp;
    return text + xml.slice(p, end);
  }
}

/** The root's attributes and the index after them, or undefined when one is not plain. */
function readAttributes(xml: string, from: number): [Record<string, string>, number] | undefined {
  const attributes: Record<string, string> = {};
  let p = from;
  for (;;) {
    const next = skipWhitespace(xml, p);
    const c = xml.charCodeAt(next);
    if (c === GT || c === SLASH) return [attributes, next];
    if (next === p) return undefined; // an attribute must follow whitespace
    ATTRIBUTE.lastIndex = next;
    const m = ATTRIBUTE.exec(xml);
    if (!m || Object.hasOwn(attributes, m[1])) return undefined;
    attributes[m[1]] = m[2];
    p = ATTRIBUTE.lastIndex;
  }
}

function skipWhitespace(xml: string, from: number): number {
  let p = from;
  for (let c = xml.charCodeAt(p); c === SPACE || c === LF || c === TAB; c = xml.charCodeAt(++p));
  return p;
}
