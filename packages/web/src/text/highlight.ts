/**
 * @module text/highlight
 * Finds the aligned words of a match inside a name as it is written, so the review screen can mark
 * them: the explanation's tokens are folded lower-case ASCII ("tong"), the name keeps its case,
 * accents and punctuation ("KIM, Tong-Un"). Pure.
 * @example
 *   highlightSegments('KIM, Tong-Un', ['kim', 'un'])
 *   // → [{ text: 'KIM', marked: true }, { text: ', Tong-', marked: false }, { text: 'Un', marked: true }]
 */

export interface Segment {
  text: string;
  marked: boolean;
}

/** Lower case without accents, with the index in the original of each folded character. */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
    i += ch.length;
  }
  at.push(text.length);
  return { folded, at };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * The name cut into marked and unmarked parts, marking each whole-word occurrence of the given words
 * (a token of a joined pair, "tong chol", is looked for word by word).
 */
export function highlightSegments(text: string, words: readonly string[]): Segment[] {
  const { folded, at } = fold(text);
  const marked = new Array<boolean>(text.length).fill(false);
  const wanted = new Set(words.flatMap((w) => w.toLowerCase().split(/\s+/)).filter(Boolean));
  for (const word of wanted) {
    let from = 0;
    for (;;) {
      const k = folded.indexOf(word, from);
      if (k < 0) break;
      from = k + 1;
      if (isWordChar(folded[k - 1]) || isWordChar(folded[k + word.length])) continue;
      for (let j = at[k]; j < at[k + word.length]; j++) marked[j] = true;
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.marked === marked[i]) last.text += text[i];
    else segments.push({ text: text[i], marked: marked[i] });
  }
  return segments;
}

/** Whether every given word was found in the text (otherwise the Latin reading is shown marked too). */
export function allWordsFound(text: string, words: readonly string[]): boolean {
  const found = new Set(
    highlightSegments(text, words)
      .filter((s) => s.marked)
      .flatMap((s) => fold(s.text).folded.split(/[^\p{L}\p{N}]+/u)),
  );
  return words.flatMap((w) => w.toLowerCase().split(/\s+/)).every((w) => !w || found.has(w));
}
