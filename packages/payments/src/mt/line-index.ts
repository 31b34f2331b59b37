/**
 * @module mt/line-index
 * The line of the file (from 1) for a character offset, so that every block and field keeps the line an
 * error must name, whichever message of an RJE batch it sits in.
 *
 * @example
 * lineIndex('{1:…}{4:\n:20:X\n-}')(9) // 2
 */

/** A function from character offset to line number (from 1); `\n` ends a line, so CRLF files count the same. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
