/**
 * @module mt/headers
 * What the headers of a FIN message say: the message type and who sent it to whom (basic header block 1,
 * application header block 2), and the user header's fields (block 3: 108 MUR, 119 validation flag such
 * as `STP` or `COV`, 121 UETR). An input message (block 2 `I…`, as a bank writes it) names its sender in
 * block 1 and its receiver in block 2; an output message (`O…`, as SWIFT delivers it) the other way round.
 *
 * @example
 * readMtHeaders(blocks) // { messageType: '103', sender: { bic: 'CHASGB2LXXX', source: '2' }, receiver: …, userHeader: Map { '121' => '174c…' } }
 */
import type { MtBlock } from './blocks.js';
import { mtProblem, type MtParsed } from './problem.js';

export interface MtHeaderParty {
  bic: string;
  /** The block it came from: `1` or `2`. */
  source: '1' | '2';
}

export interface MtHeaders {
  /** Three digits: `103`, `202`. */
  messageType: string;
  sender: MtHeaderParty;
  receiver: MtHeaderParty;
  /** Block 3's fields by tag (`119` → `COV`, `121` → the UETR); empty without block 3. */
  userHeader: Map<string, string>;
  /** Line of block 2, for errors about the message type. */
  applicationHeaderLine: number;
}

/** `F01` + logical terminal (12) + session (4) + sequence (6); service 21 is an ACK/NAK. */
const BASIC_HEADER = /^[FAL]\d{2}([A-Z0-9]{12})(\d{10})?$/;
/** Input: `I` + type + receiver's logical terminal + optional priority, delivery monitoring, obsolescence period. */
const INPUT_HEADER = /^I(\d{3})([A-Z0-9]{12})([UNS]\d{0,4})?$/;
/** Output: `O` + type + input time + MIR (input date, sender's logical terminal, session, sequence) + output date, time + optional priority. */
const OUTPUT_HEADER = /^O(\d{3})\d{4}\d{6}([A-Z0-9]{12})\d{10}\d{6}\d{4}[UNS]?$/;

/**
 * A logical terminal address is the BIC8, a terminal letter and the branch: `CHASGB2LXXXX` → `CHASGB2LXXX`
 * (the letter at position 9 names a terminal, not the bank).
 */
export function bicOfLogicalTerminal(address: string): string {
  return address.slice(0, 8) + address.slice(9);
}

export function readMtHeaders(blocks: MtBlock[]): MtParsed<MtHeaders> {
  const basic = blocks.find((b) => b.id === '1');
  const application = blocks.find((b) => b.id === '2');
  const firstLine = blocks[0]?.line;
  if (!basic) return mtProblem('the basic header block {1:…} is missing', '1', firstLine);
  const terminal = BASIC_HEADER.exec(basic.content)?.[1];
  if (terminal === undefined)
    return mtProblem(
      `block 1 '${basic.content}' is not 'F01' + a 12-character logical terminal address + session and sequence numbers`,
      '1',
      basic.line,
    );
  if (!application) return mtProblem('the application header block {2:…} is missing, so the message type is unknown', '2', firstLine);

  const userHeader = new Map((blocks.find((b) => b.id === '3')?.children ?? []).map((f) => [f.id, f.content] as const));
  const headers = { userHeader, applicationHeaderLine: application.line };
  const input = INPUT_HEADER.exec(application.content);
  if (input)
    return {
      value: {
        ...headers,
        messageType: input[1],
        sender: { bic: bicOfLogicalTerminal(terminal), source: '1' },
        receiver: { bic: bicOfLogicalTerminal(input[2]), source: '2' },
      },
    };
  const output = OUTPUT_HEADER.exec(application.content);
  if (output)
    return {
      value: {
        ...headers,
        messageType: output[1],
        sender: { bic: bicOfLogicalTerminal(output[2]), source: '2' },
        receiver: { bic: bicOfLogicalTerminal(terminal), source: '1' },
      },
    };
  return mtProblem(
    `block 2 '${application.content}' is neither an input header ('I' + type + receiver address) nor an output header ('O' + type + time + MIR + date + time)`,
    '2',
    application.line,
  );
}
