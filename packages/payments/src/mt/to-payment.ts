/**
 * @module mt/to-payment
 * One FIN message's blocks made into a normalised payment: MT103 (STP and REMIT included), MT202, MT205,
 * their covers MT202COV and MT205COV (block 3 `{119:COV}`), and MT101. Party fields take ISO 20022 roles
 * (50a ordering customer → debtor, 59a and 58a → creditor, 52a → debtorAgent, 56a → intermediaryAgent1,
 * 57a → creditorAgent, 51A, 53a, 54a, 55a → the sending institution and correspondents; in an MT101
 * 50C/50L → instructingParty), the headers' sender and receiver become the instructing and instructed
 * agents, and fields 70, 72, 77B and 77T are kept as texts, line for line. Any other message type is an
 * error: Embargo screens payments, not statements or free-format messages.
 *
 * @example
 * mtMessageToPayment(blocks, lineOf)
 * // { value: { format: 'MT103', messageId: '174c245f-…', reference: 'A2B0506272708', amount: { currency: 'USD', value: '136500' }, parties: […], texts: […] } }
 */
import type { Payment, PaymentParty, PaymentPartyRole, PaymentText } from '@embargo/core';
import { readAmount } from './amount.js';
import type { MtBlock } from './blocks.js';
import { readMtFields, type MtField } from './fields.js';
import { readMtHeaders, type MtHeaders } from './headers.js';
import { isPartyTag, readPartyField } from './party-fields.js';
import { mtProblem, type MtParsed, type MtProblem } from './problem.js';
import { instructingInstitutions } from './sender-to-receiver.js';
import { sequencesOf, type MtLayout, type MtSequence } from './sequences.js';

/** The payment message types Embargo screens, and how their fields fall into sequences. */
const LAYOUT_OF_TYPE: Record<string, MtLayout> = { '101': 'transactions', '103': 'single', '202': 'single', '205': 'single' };

/** Free-text fields: remittance information, sender to receiver information, regulatory reporting, envelope contents. */
const TEXT_TAGS = new Set(['70', '72', '77B', '77T']);

const ROLE_OF_FIELD: Record<string, PaymentPartyRole> = {
  '50': 'debtor',
  '51': 'sendingInstitution',
  '52': 'debtorAgent',
  '53': 'sendersCorrespondent',
  '54': 'receiversCorrespondent',
  '55': 'thirdReimbursementInstitution',
  '56': 'intermediaryAgent1',
  '57': 'creditorAgent',
  '58': 'creditor',
  '59': 'creditor',
};

/** MT101 names the instructing party in 50C (BIC) or 50L (identifier), the ordering customer in 50F/G/H. */
function roleOf(tag: string): PaymentPartyRole {
  return tag === '50C' || tag === '50L' ? 'instructingParty' : ROLE_OF_FIELD[tag.slice(0, 2)];
}

export function mtMessageToPayment(blocks: MtBlock[], lineOf: (offset: number) => number): MtParsed<Payment> {
  const headers = readMtHeaders(blocks);
  if (headers.problem) return headers;
  const { messageType, userHeader } = headers.value;
  const cover = userHeader.get('119') === 'COV' && (messageType === '202' || messageType === '205');
  const layout: MtLayout | undefined = cover ? 'cover' : LAYOUT_OF_TYPE[messageType];
  if (layout === undefined)
    return mtProblem(`MT${messageType} is not a payment message Embargo screens`, '2', headers.value.applicationHeaderLine);

  const textBlock = blocks.find((b) => b.id === '4');
  if (!textBlock) return mtProblem('block 4 (the text, with the fields) is missing', '4', blocks[0].line);
  if (textBlock.children.length > 0)
    return mtProblem(`block 4 holds sub-blocks as a system message does, not the fields of an MT${messageType}`, '4', textBlock.line);
  const fields = readMtFields(textBlock, lineOf);
  if (fields.problem) return fields;
  const sequences = sequencesOf(layout, fields.value, textBlock.line);
  const missing = missingField(messageType, layout, sequences, textBlock.line);
  if (missing) return { problem: missing };

  const parties = headerParties(headers.value);
  const texts: PaymentText[] = [];
  for (const sequence of sequences) {
    for (const field of sequence.fields) {
      const source = sequence.prefix + field.tag;
      if (isPartyTag(field.tag)) {
        const party = readPartyField(field, { role: roleOf(field.tag), source });
        if (party.problem) return party;
        parties.push(party.value);
      }
      if (TEXT_TAGS.has(field.tag)) texts.push({ source, lines: field.lines });
      if (field.tag === '72')
        parties.push(
          ...instructingInstitutions(field, source, parties.filter((p) => p.role.startsWith('previousInstructingAgent')).length),
        );
    }
  }

  const amountField =
    layout === 'transactions' ? sequences[1].fields.find((f) => f.tag === '32B') : sequences[0].fields.find((f) => f.tag === '32A');
  const amount = amountField && readAmount(amountField);
  if (amount?.problem) return amount;
  // Later transactions' amounts are not kept (the model has one amount) but are still checked.
  for (const transaction of layout === 'transactions' ? sequences.slice(2) : []) {
    const other = readAmount(transaction.fields.find((f) => f.tag === '32B') as MtField);
    if (other.problem) return other;
  }

  const referenceField = sequences[0].fields.find((f) => f.tag === '20') as MtField;
  const reference = referenceField.lines[0].trim();
  if (reference === '') return mtProblem("field 20 (the sender's reference) is empty", '20', referenceField.line);
  const uetr = userHeader.get('121');
  return {
    value: {
      messageId: uetr ?? `${headers.value.sender.bic}:${reference}`,
      format: `MT${messageType}${cover ? 'COV' : ''}`,
      reference,
      ...(uetr === undefined ? {} : { uetr }),
      ...(amount ? { amount: amount.value } : {}),
      parties: withoutRepeats(parties),
      texts,
      countries: [],
    },
  };
}

function headerParties(headers: MtHeaders): PaymentParty[] {
  const agent = (role: PaymentPartyRole, party: MtHeaders['sender']): PaymentParty => ({
    role,
    kind: 'bank',
    source: party.source,
    bic: party.bic,
    addressLines: [],
    identifiers: [],
  });
  return [agent('instructingAgent', headers.sender), agent('instructedAgent', headers.receiver)];
}

/** The first mandatory field a message lacks, by the rules of its type (a party field in any option). */
function missingField(messageType: string, layout: MtLayout, sequences: MtSequence[], textBlockLine: number): MtProblem | undefined {
  const has = (sequence: MtSequence, tag: string) =>
    sequence.fields.some((f) => (tag.endsWith('a') ? f.tag.slice(0, 2) === tag.slice(0, 2) : f.tag === tag));
  const lacking = (sequence: MtSequence, tags: string[]) => tags.find((tag) => !has(sequence, tag));
  const problem = (sequence: MtSequence, tag: string, what: string): MtProblem => ({
    field: sequence.prefix + tag,
    line: sequence.line,
    reason: `MT${messageType}${layout === 'cover' ? 'COV' : ''} has no field ${tag} (${what})${sequence.prefix ? ` in sequence ${sequence.prefix.slice(0, -1)}` : ''}`,
  });
  const [a, ...bs] = sequences;
  const WHAT: Record<string, string> = {
    '20': "the sender's reference",
    '32A': 'value date, currency and amount',
    '32B': 'currency and amount',
    '50a': 'the ordering customer',
    '58a': 'the beneficiary institution',
    '59a': 'the beneficiary',
  };
  const inA = lacking(a, messageType === '103' ? ['20', '32A', '50a', '59a'] : messageType === '101' ? ['20'] : ['20', '32A', '58a']);
  if (inA) return problem(a, inA, WHAT[inA]);
  if (layout === 'cover' && bs.length === 0)
    return {
      field: 'B/50a',
      line: textBlockLine,
      reason: `MT${messageType}COV has no sequence B (the underlying customer credit transfer, from its field 50a)`,
    };
  if (layout === 'transactions' && bs.length === 0)
    return { field: '21', line: textBlockLine, reason: 'MT101 has no transaction (sequence B, starting at field 21)' };
  for (const b of bs) {
    const inB = lacking(b, layout === 'cover' ? ['50a', '59a'] : ['32B', '59a']);
    if (inB) return problem(b, inB, WHAT[inB]);
  }
  return undefined;
}

/** A party said twice in the same role and words (a cover's sequences both naming the ordering bank) is kept once. */
function withoutRepeats(parties: PaymentParty[]): PaymentParty[] {
  const seen = new Set<string>();
  return parties.filter((p) => {
    const key = JSON.stringify([p.role, p.name, p.addressLines, p.country, p.account, p.bic]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
