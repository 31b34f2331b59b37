/**
 * @module mt/batch
 * A file of FIN messages cut into messages: RJE batches (messages separated by `$`, on its own line or
 * straight after `-}`), and acknowledgement wrappers, where SWIFT's ACK `{1:F21…}{4:{177:…}{451:0}}`
 * stands immediately before the message it acknowledges. An ACK is not a message of its own; a NAK
 * (`{451:1}`) means SWIFT refused the message after it, which is then reported as an error naming the
 * error code of field 405.
 *
 * @example
 * readMtBatch('{1:F21…}{4:{177:…}{451:0}}{1:F01…}{2:O103…}{4:\n:20:X\n…\n-}$…')
 * // [{ blocks: [block 1, block 2, block 4] }, …]: one entry per message, the ACK gone
 */
import { readMtBlock, type MtBlock } from './blocks.js';
import type { MtProblem } from './problem.js';

/** One message of the file: its blocks, or why it could not be cut out or was refused. */
export type MtBatchEntry = { blocks: MtBlock[]; line: number; problem?: undefined } | { blocks?: undefined; problem: MtProblem };

interface RawMessage {
  blocks: MtBlock[];
  line: number;
  problem?: MtProblem;
}

/** Every message in an MT file, in order, acknowledgements folded into the message they acknowledge. */
export function readMtBatch(text: string, lineOf: (offset: number) => number): MtBatchEntry[] {
  return foldAcknowledgements(cutMessages(text, lineOf));
}

function cutMessages(text: string, lineOf: (offset: number) => number): RawMessage[] {
  const messages: RawMessage[] = [];
  let current: RawMessage | undefined;
  const close = () => {
    if (current) messages.push(current);
    current = undefined;
  };
  const fail = (problem: MtProblem, at: number) => {
    current ??= { blocks: [], line: lineOf(at) };
    current.problem ??= problem;
  };

  for (let pos = 0; pos < text.length;) {
    const c = text[pos];
    if (/\s|\uFEFF/.test(c)) {
      pos += 1;
    } else if (c === '$') {
      close();
      pos += 1;
    } else if (c === '{' && /^\{\s*(\$|$)/.test(text.slice(pos, pos + 200))) {
      // prowide_MT103-out-ack.rje has a lone '{' after its twelfth message's '-}', just before the '$': an
      // editing slip holding nothing, so nothing is lost by passing over it.
      pos += 1;
    } else if (c === '{') {
      const read = readMtBlock(text, pos, lineOf);
      if (read.problem) {
        if (text.startsWith('{1:', pos)) close(); // a broken basic header still starts a new message
        fail(read.problem, pos);
        pos = read.resumeAt;
        continue;
      }
      if (read.block.id === '1' && current) close();
      current ??= { blocks: [], line: read.block.line };
      current.blocks.push(read.block);
      pos = read.block.end;
    } else {
      const next = text.slice(pos).search(/[{$]/);
      const stray = text.slice(pos, next < 0 ? undefined : pos + next).trim();
      fail(
        { line: lineOf(pos), reason: `text outside any block: '${stray.slice(0, 40)}' (a block starts with '{1:', '{2:', … '{5:')` },
        pos,
      );
      pos = next < 0 ? text.length : pos + next;
    }
  }
  close();
  return messages;
}

/** The service identifier 21 in the basic header marks an ACK or NAK (FIN user handbook, "Basic Header Block"). */
function isAcknowledgement(message: RawMessage): boolean {
  return message.problem === undefined && message.blocks[0]?.id === '1' && message.blocks[0].content.startsWith('F21');
}

function foldAcknowledgements(messages: RawMessage[]): MtBatchEntry[] {
  const entries: MtBatchEntry[] = [];
  let pending: RawMessage | undefined;
  for (const message of messages) {
    if (isAcknowledgement(message)) {
      if (pending) entries.push({ problem: unansweredAcknowledgement(pending, 'another acknowledgement') });
      pending = message;
      continue;
    }
    const refusal = pending && refusalOf(pending);
    pending = undefined;
    if (refusal) entries.push({ problem: refusal });
    else if (message.problem) entries.push({ problem: message.problem });
    else entries.push({ blocks: message.blocks, line: message.line });
  }
  if (pending) entries.push({ problem: unansweredAcknowledgement(pending, 'the end of the file') });
  return entries;
}

function unansweredAcknowledgement(ack: RawMessage, followedBy: string): MtProblem {
  return {
    field: '1',
    line: ack.line,
    reason: `the acknowledgement (F21) on line ${ack.line} is followed by ${followedBy}, not by the message it acknowledges`,
  };
}

/** Why SWIFT refused the message after `ack` (field 451 = 1, error code in 405), or undefined when it accepted it. */
function refusalOf(ack: RawMessage): MtProblem | undefined {
  const text = ack.blocks.find((b) => b.id === '4');
  const accepted = text?.children.find((b) => b.id === '451')?.content;
  if (accepted === '0') return undefined;
  if (accepted === '1') {
    const code = text?.children.find((b) => b.id === '405')?.content;
    return {
      field: code === undefined ? '451' : '405',
      line: ack.line,
      reason: `SWIFT refused this message (NAK on line ${ack.line}${code === undefined ? ', no error code given' : `, error code ${code}`})`,
    };
  }
  return {
    field: '451',
    line: ack.line,
    reason: `the acknowledgement on line ${ack.line} has no field 451 saying 0 (accepted) or 1 (refused)`,
  };
}
