/**
 * @module formats/ofac-xml
 * OFAC's legacy XML format (`<sdnList>`: SDN.XML, CONSOLIDATED.XML), and the streaming XML reading,
 * name, address and detail-item helpers the advanced and enhanced OFAC formats share with it.
 * @example const list = await parseOfacLegacyXml(listFile('lists/ofac-cons/2025-06-30/consolidated.xml'), 'ofac-cons')
 */
export { parseOfacLegacyXml } from './parse-legacy.js';
