/**
 * @module text/json-array
 * The elements of a top-level JSON array as text, each with the line it starts on, so that a file of
 * records (shipments, ownership statements) can read each record on its own and name the line of the one
 * that is malformed: JSON.parse says neither where an element starts nor, always, where it failed.
 *
 * @example
 * jsonArrayElements('[\n {"a":1},\n {"b":2}\n]').elements // [{ text: '{"a":1}', line: 2 }, { text: '{"b":2}', line: 3 }]
 */

/** One element's text, trimmed, and the line it starts on (from 1). */
export interface JsonElementText {
  text: string;
  line: number;
}

/**
 * Splits where a comma stands outside any string, object or array nested in the top-level array.
 * Malformed nesting inside an element is left for JSON.parse of the element to report; what is wrong with
 * the array itself (not closed, closed twice, text after it) is `error`, with its line, beside the elements
 * read before it.
 */
export function jsonArrayElements(text: string): { elements: JsonElementText[]; error?: { line: number; reason: string } } {
  const start = text.indexOf('[');
  const elements: JsonElementText[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
  let elementStart = start + 1;
  let elementLine = line;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        if (c !== ']') return { elements, error: { line, reason: 'a "}" closes nothing' } };
        const last = text.slice(elementStart, i);
        if (last.trim() !== '') elements.push({ text: last.trim(), line: elementLine + leadingLines(last) });
        const rest = text.slice(i + 1).trim();
        if (rest !== '') return { elements, error: { line, reason: 'text after the closing "]" of the array' } };
        return { elements };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      const element = text.slice(elementStart, i);
      elements.push({ text: element.trim(), line: elementLine + leadingLines(element) });
      elementStart = i + 1;
      elementLine = line;
    }
  }
  return { elements, error: { line, reason: 'the array is not closed with "]"' } };
}

/** Lines before the first non-space character of a piece of text. */
function leadingLines(piece: string): number {
  const lead = /^\s*/.exec(piece)![0];
  return lead.match(/\n/g)?.length ?? 0;
}
