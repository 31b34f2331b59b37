/**
 * @module formats/ofac-enhanced
 * OFAC's enhanced XML format (SDN_ENHANCED.XML, CONS_ENHANCED.XML, or the .ZIP they are distributed in),
 * with relationships between records.
 * @example const list = await parseOfacEnhancedXml(listFile('lists/ofac-cons/2025-01-10/CONS_ENHANCED.ZIP'), 'ofac-cons')
 */
export { parseOfacEnhancedXml } from './parse-enhanced.js';
