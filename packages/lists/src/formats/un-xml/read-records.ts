/**
 * @module formats/un-xml/read-records
 * Reads the UN Security Council consolidated list (root CONSOLIDATED_LIST, no namespace, schema
 * sc-sanctions.xsd) and hands each INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY element to a callback as a
 * small tree. The elements come from `readPlainXml` when the file is plain XML, as the UN writes it, and
 * from saxes otherwise; malformed or truncated XML, another root element or an empty file is a LIST_PARSE
 * error naming the file and line.
 */
import { isEmbargoError, listParseError, type EmbargoError, type RecordIssue } from '@embargo/core';
import { SaxesParser } from 'saxes';
import type { ListFile } from '../../format.js';
import { readPlainXml, type XmlEvents } from './plain-xml.js';
import type { XmlNode } from './xml-node.js';

export type UnRecordKind = 'INDIVIDUAL' | 'ENTITY';

/** The two record containers under the root and the element each holds (sc-sanctions.xsd). */
const RECORD_ELEMENT: Readonly<Record<string, UnRecordKind>> = { INDIVIDUALS: 'INDIVIDUAL', ENTITIES: 'ENTITY' };

export const UN_ROOT = 'CONSOLIDATED_LIST';

/**
 * Builds the records from element events. `read` takes the whole text when it is plain XML; otherwise
 * `write` chunks of text (to saxes) as they arrive, then `end`.
 */
export class UnRecordReader implements XmlEvents {
  /** From the root's dateGenerated ("2017-07-03T20:27:45.483-04:00" → 2017-07-03, the generator's own date). */
  published: string | null = null;
  readonly issues: RecordIssue[] = [];
  private readonly parser = new SaxesParser({ position: true });
  /** Names of the open elements outside the current record. */
  private readonly path: string[] = [];
  /** The open elements of the record being read, outermost first; empty between records. */
  private readonly record: XmlNode[] = [];
  private recordKind: UnRecordKind | undefined;
  private sawContent = false;

  constructor(
    private readonly file: ListFile,
    private readonly onRecord: (node: XmlNode, kind: UnRecordKind) => void,
  ) {
    this.parser.on('opentag', (tag) => this.open(tag.name, tag.attributes as Record<string, string>, this.parser.line));
    this.parser.on('closetag', () => this.close());
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
  }

  /**
   * Reads the whole text when it is plain XML and returns true; returns false when it is not, having
   * possibly reported some records already: the caller then starts again with a new reader and `write`.
   */
  read(xml: string): boolean {
    return readPlainXml(xml, this);
  }

  write(chunk: string): void {
    if (!this.sawContent && chunk.trim()) this.sawContent = true;
    try {
      this.parser.write(chunk);
    } catch (e) {
      throw this.wrap(e);
    }
  }

  end(): void {
    try {
      this.parser.close();
    } catch (e) {
      throw this.wrap(e);
    }
  }

  open(name: string, attributes: Record<string, string>, line: number): void {
    const depth = this.path.length + this.record.length;
    if (depth === 0) {
      if (name !== UN_ROOT) {
        throw listParseError(
          this.file.name,
          line,
          `root element is <${name}>, expected <${UN_ROOT}> (UN Security Council consolidated list)`,
        );
      }
      this.published = /^(\d{4}-\d{2}-\d{2})/.exec(attributes.dateGenerated ?? '')?.[1] ?? null;
      if (!this.published) this.issue(line, `root has no readable dateGenerated ("${attributes.dateGenerated ?? ''}")`);
    } else if (this.record.length > 0) {
      const node: XmlNode = { name, line, text: '', children: [] };
      this.record[this.record.length - 1].children.push(node);
      this.record.push(node);
      return;
    } else if (depth === 1 && !Object.hasOwn(RECORD_ELEMENT, name)) {
      this.issue(line, `unexpected element <${name}> under <${UN_ROOT}>; ignored`);
    } else if (depth === 2 && Object.hasOwn(RECORD_ELEMENT, this.path[1])) {
      const kind = RECORD_ELEMENT[this.path[1]];
      if (name === kind) {
        this.recordKind = kind;
        this.record.push({ name, line, text: '', children: [] });
        return;
      }
      this.issue(line, `unexpected element <${name}> in <${this.path[1]}>; ignored`);
    }
    this.path.push(name);
  }

  close(): void {
    if (this.record.length > 0) {
      const node = this.record.pop()!;
      if (this.record.length === 0) this.onRecord(node, this.recordKind!);
      return;
    }
    this.path.pop();
  }

  text(text: string): void {
    if (this.record.length > 0) this.record[this.record.length - 1].text += text;
  }

  private issue(line: number, message: string): void {
    this.issues.push({ file: this.file.name, line, message });
  }

  /** saxes reports "12:5: unclosed tag: INDIVIDUAL"; ours carry file and line in the catalogue's form. */
  private wrap(e: unknown): EmbargoError {
    if (isEmbargoError(e)) return e;
    if (!this.sawContent) return listParseError(this.file.name, this.parser.line, 'file is empty', e);
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^\d+:\d+: /, '');
    return listParseError(this.file.name, this.parser.line, `malformed XML: ${reason}`, e);
  }
}
