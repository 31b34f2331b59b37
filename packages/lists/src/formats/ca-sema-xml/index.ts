/**
 * @module formats/ca-sema-xml
 * Canada's consolidated list of the Special Economic Measures Act and the Justice for Victims of Corrupt
 * Foreign Officials Act (sema-lmes.xml, root `<data-set>`, one `<record>` per listing).
 */
export { parseCaSemaXml } from './parse.js';
export { readCaDates } from './dates.js';
