/**
 * @module iso20022/texts
 * The free text of one credit transfer transaction, each with the path it came from: remittance
 * information (`RmtInf/Ustrd`, one text whose lines are its occurrences; `RmtInf/Strd`, every text it holds: a creditor reference, an
 * invoicee's name, `AddtlRmtInf`), related remittance information (`RltdRmtInf`: where the remittance
 * advice goes, an address or e-mail), the purpose (`Purp` code or proprietary text), regulatory reporting
 * (`Dtls/Inf` lines, the authority's name), tax (`Tax`, which names the parties' tax ids and an authority's
 * name), the instructions to agents (`InstrForCdtrAgt/InstrInf`, `InstrForNxtAgt/InstrInf`, pain.001's
 * `InstrForDbtrAgt`); and the countries regulatory reporting names (`Dtls/Ctry`, `Authrty/Ctry`).
 *
 * @example
 * readTransactionTexts(draft, tx)
 * // draft.texts: [{ source: 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd', lines: ['/ROC/E2E04044506271305'] }]
 */
import type { PaymentDraft } from './payment-draft.js';
import { codeOrProprietary } from './parties.js';
import {
  childPath,
  holdsText,
  optionalChild,
  optionalText,
  repeatedChildren,
  repeatedTexts,
  textLeaves,
  type MxElement,
} from './xml-tree.js';

/** Every text the element holds as one text. */
function pushLeafText(draft: PaymentDraft, element: MxElement | undefined): void {
  const lines = element === undefined ? [] : textLeaves(element);
  if (element !== undefined && lines.length > 0) draft.texts.push({ source: element.path, lines });
}

/** `InstrForDbtrAgt`: text in pain.001.001.03, an element with `InstrInf` (and a code) in later versions. */
function pushDebtorAgentInstruction(draft: PaymentDraft, transaction: MxElement): void {
  if (holdsText(transaction, 'InstrForDbtrAgt')) {
    const text = optionalText(transaction, 'InstrForDbtrAgt');
    if (text !== undefined) draft.texts.push({ source: childPath(transaction, 'InstrForDbtrAgt'), lines: [text] });
    return;
  }
  const instruction = optionalChild(transaction, 'InstrForDbtrAgt');
  const text = instruction && optionalText(instruction, 'InstrInf');
  if (instruction !== undefined && text !== undefined) draft.texts.push({ source: childPath(instruction, 'InstrInf'), lines: [text] });
}

/** `InstrForCdtrAgt` / `InstrForNxtAgt`: the instruction's text (its `Cd` is a code such as PHOB, not text). */
function pushInstructions(draft: PaymentDraft, transaction: MxElement, name: string): void {
  for (const instruction of repeatedChildren(transaction, name)) {
    const text = optionalText(instruction, 'InstrInf');
    if (text !== undefined) draft.texts.push({ source: childPath(instruction, 'InstrInf'), lines: [text] });
  }
}

/** `RgltryRptg`: the authority's name and each detail's `Inf` lines as texts; their countries as countries. */
function pushRegulatoryReporting(draft: PaymentDraft, transaction: MxElement): void {
  for (const reporting of repeatedChildren(transaction, 'RgltryRptg')) {
    const authority = optionalChild(reporting, 'Authrty');
    if (authority !== undefined) {
      const name = optionalText(authority, 'Nm');
      if (name !== undefined) draft.texts.push({ source: childPath(authority, 'Nm'), lines: [name] });
      const country = optionalText(authority, 'Ctry');
      if (country !== undefined) draft.countries.push({ source: childPath(authority, 'Ctry'), code: country });
    }
    for (const details of repeatedChildren(reporting, 'Dtls')) {
      const country = optionalText(details, 'Ctry');
      if (country !== undefined) draft.countries.push({ source: childPath(details, 'Ctry'), code: country });
      const lines = repeatedTexts(details, 'Inf').map((line) => line.text);
      if (lines.length > 0) draft.texts.push({ source: details.path, lines });
    }
  }
}

/**
 * `RmtInf`: its `Ustrd` occurrences as the lines of one text (they continue each other: a sender writes
 * remittance information longer than 140 characters over several, and a name can run from one into the
 * next), each `Strd` a text of all it holds.
 */
function pushRemittance(draft: PaymentDraft, transaction: MxElement): void {
  const remittance = optionalChild(transaction, 'RmtInf');
  if (remittance === undefined) return;
  const unstructured = repeatedTexts(remittance, 'Ustrd');
  if (unstructured.length > 0)
    draft.texts.push({ source: unstructured[0].path.replace(/\[1\]$/, ''), lines: unstructured.map((line) => line.text) });
  for (const structured of repeatedChildren(remittance, 'Strd')) pushLeafText(draft, structured);
}

/** The texts and countries of one transaction (pacs.008/pacs.009 `CdtTrfTxInf`, `UndrlygCstmrCdtTrf`, pain.001 `CdtTrfTxInf`), in the schema's order. */
export function readTransactionTexts(draft: PaymentDraft, transaction: MxElement): void {
  pushInstructions(draft, transaction, 'InstrForCdtrAgt');
  pushDebtorAgentInstruction(draft, transaction);
  pushInstructions(draft, transaction, 'InstrForNxtAgt');
  const purpose = optionalChild(transaction, 'Purp');
  const purposeText = purpose && codeOrProprietary(purpose);
  if (purpose !== undefined && purposeText !== undefined) draft.texts.push({ source: purpose.path, lines: [purposeText] });
  pushRegulatoryReporting(draft, transaction);
  pushLeafText(draft, optionalChild(transaction, 'Tax'));
  for (const related of repeatedChildren(transaction, 'RltdRmtInf')) pushLeafText(draft, related);
  pushRemittance(draft, transaction);
}
