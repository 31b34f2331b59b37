/**
 * @module formats/ofac-advanced
 * OFAC's advanced XML format (sdn_advanced.xsd: SDN_ADVANCED.XML, CONS_ADVANCED.XML), with ownership and
 * control relationships between records.
 * @example const list = await parseOfacAdvancedXml(listFile('lists/ofac-cons/2019-03-14/cons_advanced.xml'), 'ofac-cons')
 */
export { parseOfacAdvancedXml } from './parse-advanced.js';
