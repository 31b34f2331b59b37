/**
 * @module formats/un-xml
 * The UN Security Council consolidated list as XML (consolidated.xml, root CONSOLIDATED_LIST, schema
 * https://www.un.org/sc/resources/sc-sanctions.xsd).
 */
export { parseUnXml } from './parse.js';
export { detectScript } from './script.js';
