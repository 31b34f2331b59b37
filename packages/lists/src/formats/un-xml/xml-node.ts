/**
 * @module formats/un-xml/xml-node
 * One UN record (INDIVIDUAL or ENTITY) as a small element tree, built while streaming so that the mapping
 * can look fields up by name. A record is a few kilobytes; the file is never held as a tree.
 */

export interface XmlNode {
  name: string;
  /** Line of the opening tag, for issues. */
  line: number;
  /** The text directly inside the element, untrimmed. */
  text: string;
  children: XmlNode[];
}

export function childNodes(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/**
 * The text of the first child element `name`, whitespace collapsed, or undefined when absent or empty.
 * The UN writes empty placeholders (`<THIRD_NAME/>`, `<VALUE/>`) and pads values with spaces (" RI ").
 */
export function childText(node: XmlNode, name: string): string | undefined {
  for (const child of node.children) if (child.name === name) return cleanText(child.text);
  return undefined;
}

/** All `<VALUE>` texts under the child elements `name` (NATIONALITY, DESIGNATION, TITLE, LAST_DAY_UPDATED). */
export function childValues(node: XmlNode, name: string): string[] {
  const out: string[] = [];
  for (const child of childNodes(node, name)) {
    for (const value of childNodes(child, 'VALUE')) {
      const text = cleanText(value.text);
      if (text) out.push(text);
    }
  }
  return out;
}

export function cleanText(text: string): string | undefined {
  // Most values are clean already, and replacing each single space with a space copied every one of them.
  const clean = UNUSUAL_SPACE.test(text) ? text.replace(WHITESPACE_RUN, ' ').trim() : text;
  return clean || undefined;
}

/** Whitespace at either end, two in a row, or one that is not a plain space. */
const UNUSUAL_SPACE = /^\s|\s$|\s\s|[^\S ]/;
const WHITESPACE_RUN = /\s+/g;
