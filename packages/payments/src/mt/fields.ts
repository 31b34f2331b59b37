/**
 * @module mt/fields
 * Block 4 of a FIN message cut into fields: `:TAG:` at the start of a line begins a field (two digits and an
 * option letter: `20`, `32A`, `50F`), and the lines after it continue it until the next tag. Each field
 * keeps the file line it starts on, so an error can point at it.
 *
 * @example
 * readMtFields(textBlock, lineOf)
 * // [{ tag: '20', lines: ['A2B0506272708'], line: 2 }, { tag: '50F', lines: ['/96325874', '1/GB Engineering '], line: 6 }, …]
 */
import type { MtBlock } from './blocks.js';
import { mtProblem, type MtParsed } from './problem.js';

export interface MtField {
  /** The tag as written, option letter included: `50F`, `59`. */
  tag: string;
  /** The field's lines as written (line ends removed); the first is what follows `:TAG:`. */
  lines: string[];
  /** Line of the file the field starts on; its n-th line is on `line + n`. */
  line: number;
}

const FIELD_START = /^:(\d{2}[A-Z]?):(.*)$/;

export function readMtFields(textBlock: MtBlock, lineOf: (offset: number) => number): MtParsed<MtField[]> {
  const fields: MtField[] = [];
  const firstLine = lineOf(textBlock.contentStart);
  const lines = textBlock.content.split('\n').map((l) => l.replace(/\r$/, ''));
  for (const [i, text] of lines.entries()) {
    // `{4:` is followed by a line end, so the text block's first line is empty.
    if (i === 0 && text === '') continue;
    const start = FIELD_START.exec(text);
    if (start) fields.push({ tag: start[1], lines: [start[2]], line: firstLine + i });
    else if (fields.length > 0) fields[fields.length - 1].lines.push(text);
    else
      return mtProblem(
        `line '${text.slice(0, 40)}' comes before any field tag (a field starts with ':20:', ':32A:', …)`,
        '4',
        firstLine + i,
      );
  }
  return { value: fields };
}
