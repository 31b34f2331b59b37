/**
 * @module mt/sender-to-receiver
 * The parties field 72 (sender to receiver information) names with the code `/INS/`: the instructing
 * institution that asked the sender to make the payment, which ISO 20022 calls the previous instructing
 * agent (the CBPR+ translation rules map the first `/INS/` to `PrvsInstgAgt1`, the next to 2 and 3, as
 * the twins of wso2_cbpr_c2922_MT202COV_AtoB.fin and wso2_custom_MT103_a2015 do). Its value is a BIC or a
 * name, which may continue on `//` lines. Field 72 stays a text too; this only makes its banks screenable
 * as parties.
 *
 * @example
 * instructingInstitutions({ tag: '72', lines: ['/INS/INGBROBUXXX'], line: 9 }, '72', 0)
 * // [{ role: 'previousInstructingAgent1', kind: 'bank', source: '72', bic: 'INGBROBUXXX', addressLines: [], identifiers: [] }]
 */
import type { PaymentParty, PaymentPartyRole } from '@embargo/core';
import type { MtField } from './fields.js';
import { bicOf, normalisedName, partyOf } from './party-lines.js';

/** ISO 20022 has three previous instructing agents; a fourth and later `/INS/` stay in the third role rather than be dropped. */
const PREVIOUS_INSTRUCTING_AGENTS: PaymentPartyRole[] = [
  'previousInstructingAgent1',
  'previousInstructingAgent2',
  'previousInstructingAgent3',
];

/** The `/INS/` institutions of a field 72, numbered after the `alreadyFound` ones of earlier 72 fields of the message. */
export function instructingInstitutions(field: MtField, source: string, alreadyFound: number): PaymentParty[] {
  const values: string[][] = [];
  let continuing = false;
  for (const line of field.lines) {
    const code = /^\/INS\/(.*)$/.exec(line);
    if (code) values.push([code[1]]);
    else if (continuing && line.startsWith('//')) values[values.length - 1].push(line.slice(2));
    continuing = code !== null || (continuing && line.startsWith('//'));
  }
  // An empty `/INS/` names no one: nothing to screen.
  const named = values.filter((lines) => normalisedName(lines) !== undefined);
  return named.map((lines, i) => {
    const bic = lines.length === 1 ? bicOf(lines[0]) : undefined;
    const role = PREVIOUS_INSTRUCTING_AGENTS[Math.min(alreadyFound + i, PREVIOUS_INSTRUCTING_AGENTS.length - 1)];
    return partyOf({ role, kind: 'bank', source, bic, name: bic ? undefined : normalisedName(lines), addressLines: [], identifiers: [] });
  });
}
