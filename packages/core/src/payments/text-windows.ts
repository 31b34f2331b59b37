/**
 * @module payments/text-windows
 * The stretches of a payment's free text worth screening as names. Remittance information and
 * sender-to-receiver lines are prose ("PAYMENT FOR GASOIL / VELMUR MANAGEMENT PTE LTD INV 12"), cut
 * into lines of 35 characters wherever the line ends, even inside a word ("AUG" / "UST"). Screening
 * every run of words would cost thousands of engine calls a message, so only windows made of words that
 * listed names use are screened, and only those holding a word few listed names share: "PAYMENT FOR
 * GOODS" selects nothing, "VELMUR MANAGEMENT" does. A word cut at a line end is also read joined
 * ("AUG" + "UST" → "AUGUST") where the joined word is one listed names use.
 *
 * @example
 * textWindows(['INVOICE 12 VELMUR MANA', 'GEMENT PTE LTD'], vocabulary)
 * // [..., { text: 'VELMUR MANAGEMENT PTE LTD', firstLine: 0, lastLine: 1, joined: true }, ...]
 */
import { nameTokens } from '../text/normalize.js';

/** How many listed names use each folded word: the vocabulary free text is read against. */
export type NameVocabulary = ReadonlyMap<string, number>;

export interface TextWindow {
  /** The window's words as folded, space-separated: what is screened. */
  text: string;
  /** Line indexes (from 0) of the fragment the window starts and ends on. */
  firstLine: number;
  lastLine: number;
  /** Whether a word cut at a line end was joined to read it. */
  joined: boolean;
}

/** The longest window screened, in words: listed names of more words are found by their first six. */
export const MAX_WINDOW_WORDS = 6;
/**
 * A window must hold a word at most this many listed names use; "TRADING", "COMPANY" and "AL" alone
 * select nothing. Chosen so that the sample messages' prose ("PAYMENT", "INVOICE", "GOODS") screens few windows.
 */
export const DISTINCTIVE_WORD_NAMES = 40;
/** A window of one word needs at least this many letters (a two-letter code is not a name). */
const MIN_SINGLE_WORD_LENGTH = 4;
/** A window may hold this many words no listed name uses (a typing error, a word the list leaves out), never at its ends. */
const MAX_UNKNOWN_WORDS = 1;

interface Word {
  text: string;
  line: number;
  /** The line the word ends on: the next one for a word joined across a line break. */
  endLine: number;
  /** Joined from the last word of `line` and the first of the next. */
  joined: boolean;
}

/** The fragment's words in order, each with its line. */
function wordsOf(lines: readonly string[]): Word[] {
  const words: Word[] = [];
  lines.forEach((line, i) => {
    for (const text of nameTokens(line)) words.push({ text, line: i, endLine: i, joined: false });
  });
  return words;
}

/**
 * The word sequences to read: the words as written, and for each line break that cuts a listed word in
 * two, the words with that break joined (one variant per break, so that the variants stay few).
 */
function readings(words: readonly Word[], vocabulary: NameVocabulary): Word[][] {
  const out: Word[][] = [words as Word[]];
  for (let k = 0; k + 1 < words.length; k++) {
    const [a, b] = [words[k], words[k + 1]];
    if (a.line === b.line) continue;
    const text = a.text + b.text;
    if (!vocabulary.has(text)) continue;
    out.push([...words.slice(0, k), { text, line: a.line, endLine: b.line, joined: true }, ...words.slice(k + 2)]);
  }
  return out;
}

/**
 * The windows of a free-text fragment worth screening (see the module comment), each once. A joined
 * reading contributes only windows holding its joined word: the others are the written reading's.
 */
export function textWindows(lines: readonly string[], vocabulary: NameVocabulary): TextWindow[] {
  const seen = new Set<string>();
  const windows: TextWindow[] = [];
  const known = (w: Word) => vocabulary.has(w.text);
  const distinctive = (w: Word) => (vocabulary.get(w.text) ?? Infinity) <= DISTINCTIVE_WORD_NAMES;
  for (const words of readings(wordsOf(lines), vocabulary)) {
    const variant = words.some((w) => w.joined);
    for (let start = 0; start < words.length; start++) {
      if (!known(words[start])) continue;
      let unknown = 0;
      let hasDistinctive = false;
      for (let end = start; end < words.length && end - start < MAX_WINDOW_WORDS; end++) {
        const w = words[end];
        if (!known(w) && ++unknown > MAX_UNKNOWN_WORDS) break;
        if (distinctive(w)) hasDistinctive = true;
        if (!known(w) || !hasDistinctive) continue;
        const span = words.slice(start, end + 1);
        if (span.length === 1 && w.text.length < MIN_SINGLE_WORD_LENGTH) continue;
        if (variant && !span.some((x) => x.joined)) continue;
        const text = span.map((x) => x.text).join(' ');
        if (seen.has(text)) continue;
        seen.add(text);
        windows.push({ text, firstLine: span[0].line, lastLine: w.endLine, joined: span.some((x) => x.joined) });
      }
    }
  }
  return windows;
}

/**
 * How many listed names use each word, from the names' texts (each name counted once per word).
 * @example nameVocabulary(['VELMUR MANAGEMENT PTE LTD', 'TRANSATLANTIC PARTNERS PTE. LTD.']).get('pte') // 2
 */
export function nameVocabulary(names: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) for (const word of new Set(nameTokens(name))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}
