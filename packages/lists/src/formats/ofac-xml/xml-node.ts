/**
 * @module formats/ofac-xml/xml-node
 * Reading the small record trees that `readXmlRecords` hands out: children by local name and their text.
 * @example childText(entry, 'lastName') // 'BANK MARKAZI JOMHOURI ISLAMI IRAN'
 */
import type { XmlNode } from './xml-stream.js';

/** The first child element with this name, if any. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** All child elements with this name, in document order. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The grandchildren `list/item` (`akaList/aka`), in document order. */
export function listItems(node: XmlNode | undefined, list: string, item: string): XmlNode[] {
  return childrenNamed(node, list).flatMap((l) => childrenNamed(l, item));
}

/** An element's text, trimmed with runs of whitespace made one space; '' when absent. */
export function textOf(node: XmlNode | undefined): string {
  return node ? cleanText(node.text) : '';
}

/** The text of the first child with this name; '' when absent. */
export function childText(node: XmlNode | undefined, name: string): string {
  return textOf(child(node, name));
}

/** Trims and collapses whitespace: OFAC wraps some long values across lines. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
