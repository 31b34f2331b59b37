/**
 * @module mt/blocks
 * One block of a FIN message read from the file: `{1:…}` basic header, `{2:…}` application header,
 * `{3:{108:…}{121:…}}` user header, `{4:\n…\n-}` text, `{5:{CHK:…}}` trailer (and `{S:…}`), each with the
 * line it starts on. Blocks 3, 5 and S hold sub-blocks in braces; block 4 is free lines ending at a line
 * `-}`, except in system messages (an ACK's `{4:{177:…}{451:0}}`) where it holds sub-blocks too.
 *
 * @example
 * readMtBlock('{3:{121:174c245f-…}}', 0, lineIndex(text))
 * // { block: { id: '3', content: '', children: [{ id: '121', content: '174c245f-…', … }], … } }
 */
import { mtProblem, type MtProblem } from './problem.js';

export interface MtBlock {
  /** `1`…`5`, `S`, or a sub-block's tag (`108`, `121`, `CHK`, `451`). */
  id: string;
  /** The block's own text without its sub-blocks; block 4's text without the closing line `-}`. */
  content: string;
  /** Offset in the file of the content's first character, for the lines of block 4's fields. */
  contentStart: number;
  /** Line of the file the opening brace is on. */
  line: number;
  children: MtBlock[];
  /** Offset just after the block's closing `}`. */
  end: number;
}

export type MtBlockRead = { block: MtBlock; problem?: undefined } | { block?: undefined; problem: MtProblem; resumeAt: number };

/** Header blocks are flat text: a brace inside one means its own `}` is missing. */
const FLAT_BLOCKS = new Set(['1', '2']);

/** Reads the block whose `{` is at `at`; `lineOf` gives file lines. A problem says where reading can resume. */
export function readMtBlock(text: string, at: number, lineOf: (offset: number) => number): MtBlockRead {
  return readBlock(text, at, lineOf, 0);
}

function readBlock(text: string, at: number, lineOf: (offset: number) => number, depth: number): MtBlockRead {
  const line = lineOf(at);
  const opening = /\{([0-9A-Z]{1,3}):/y;
  opening.lastIndex = at;
  const id = opening.exec(text)?.[1];
  if (id === undefined)
    return { ...mtProblem(`'{' is not followed by a block number and ':' (as in '{1:', '{4:')`, undefined, line), resumeAt: at + 1 };
  const contentStart = opening.lastIndex;
  if (depth === 0 && id === '4' && text[contentStart] !== '{') return readTextBlock(text, contentStart, line);

  let content = '';
  const children: MtBlock[] = [];
  for (let pos = contentStart; ;) {
    const c = text[pos];
    const unclosed = (before: string, resumeAt: number): MtBlockRead => ({
      ...mtProblem(`block {${id}: starting on line ${line} is not closed by '}' before ${before}`, depth === 0 ? id : undefined, line),
      resumeAt,
    });
    if (c === undefined) return unclosed('the end of the file', text.length);
    if (c === '}') return { block: { id, content, contentStart, line, children, end: pos + 1 } };
    if (c === '$') return unclosed(`the message separator '$' on line ${lineOf(pos)}`, pos);
    if (c === '{') {
      // Blocks 1 to 5 only ever open at the top level: one opening inside another means the outer one's `}` is missing.
      if ((depth === 0 && FLAT_BLOCKS.has(id)) || /^\{[1-5]:/.test(text.slice(pos, pos + 3)))
        return unclosed(`the next block on line ${lineOf(pos)}`, pos);
      const child = readBlock(text, pos, lineOf, depth + 1);
      if (child.problem) return child;
      children.push(child.block);
      pos = child.block.end;
      continue;
    }
    content += c;
    pos += 1;
  }
}

function readTextBlock(text: string, contentStart: number, line: number): MtBlockRead {
  // The text block ends at a line `-}`; a `$` (RJE separator) or a new `{1:` before it means it never closed.
  const textBlockEnd = /\r?\n-\}|\$|\{1:/g;
  textBlockEnd.lastIndex = contentStart;
  const end = textBlockEnd.exec(text);
  if (end === null || !end[0].endsWith('-}')) {
    const before = end === null ? 'the end of the file' : `'${end[0]}'`;
    return {
      ...mtProblem(`block 4 (the text) starting on line ${line} is not closed by a line '-}' before ${before}`, '4', line),
      resumeAt: end === null ? text.length : end.index,
    };
  }
  return {
    block: { id: '4', content: text.slice(contentStart, end.index), contentStart, line, children: [], end: end.index + end[0].length },
  };
}
