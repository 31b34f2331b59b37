import { describe, expect, it } from 'vitest';
import { jsonArrayElements } from './json-array.js';

describe('jsonArrayElements', () => {
  it('gives each element with the line it starts on, commas and brackets inside strings and nesting left alone', () => {
    const text = '\n[\n  {"a": "x, ] y", "b": [1, 2]},\n\n  {"c": "\\"}"}\n]\n';
    expect(jsonArrayElements(text)).toEqual({
      elements: [
        { text: '{"a": "x, ] y", "b": [1, 2]}', line: 3 },
        { text: '{"c": "\\"}"}', line: 5 },
      ],
    });
  });

  it('names the line of what is wrong with the array itself, beside the elements read before it', () => {
    expect(jsonArrayElements('[{"a":1},\n{"b":2}')).toEqual({
      elements: [{ text: '{"a":1}', line: 1 }],
      error: { line: 2, reason: 'the array is not closed with "]"' },
    });
    expect(jsonArrayElements('[{"a":1}]\nmore').error).toEqual({ line: 1, reason: 'text after the closing "]" of the array' });
    expect(jsonArrayElements('[{"a":1}}]').error).toEqual({ line: 1, reason: 'a "}" closes nothing' });
  });
});
