/**
 * @module formats/eu-fsf-xml
 * The EU Financial Sanctions Files, full list as XML (xmlFullSanctionsList_1_1, root `<export>` in the
 * namespace http://eu.europa.ec/fpi/fsd/export, one `<sanctionEntity>` per designated person or entity).
 * Built from the published format and the public readers of it, without a full copy of the file: see README.
 */
export { parseEuFsfXml } from './parse.js';
