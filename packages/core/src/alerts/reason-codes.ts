/**
 * @module alerts/reason-codes
 * Why a decision was taken, as a code from a list each tenant keeps (issue 16, point 4): codes make
 * decisions countable ("how many false positives were a different date of birth?") where free text is
 * not; the free text stays beside the code for what the code cannot say. A tenant that never set its
 * list uses `DEFAULT_REASON_CODES`. Pure: the store keeps the lists, the server checks them here.
 */
import { EmbargoError } from '../errors.js';

export interface ReasonCode {
  /** Stable, machine-readable: lower-case letters, digits and '-' (`different-birth-date`). */
  code: string;
  /** What analysts read and choose from. */
  label: string;
}

/** The codes a tenant starts with: the reasons analysts gave most in free text. */
export const DEFAULT_REASON_CODES: readonly ReasonCode[] = [
  { code: 'different-birth-date', label: 'Different date of birth' },
  { code: 'different-nationality', label: 'Different nationality' },
  { code: 'different-gender', label: 'Different gender' },
  { code: 'different-identifier', label: 'Different passport or identifier' },
  { code: 'different-entity-type', label: 'Different type of party (person, company, vessel)' },
  { code: 'common-name', label: 'Common name' },
  { code: 'partial-name-only', label: 'Partial name only' },
  { code: 'true-match-confirmed', label: 'True match confirmed' },
  { code: 'needs-more-information', label: 'Needs more information (escalated)' },
  { code: 'second-review-agrees', label: 'Second review agrees' },
  { code: 'second-review-disagrees', label: 'Second review disagrees' },
];

export const REASON_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_REASON_CODES = 100;
export const MAX_REASON_LABEL_LENGTH = 200;

function invalid(field: string, message: string): never {
  throw new EmbargoError('INVALID_INPUT', `${field}: ${message}`, { field });
}

/**
 * A tenant's new list, checked: 1 to 100 codes, each a well-formed code with a label, no code twice.
 * Throws `INVALID_INPUT` naming the field (`codes/2/code`) otherwise; nothing is trimmed or coerced.
 * @example checkReasonCodes([{ code: 'common-name', label: 'Common name' }])
 */
export function checkReasonCodes(codes: readonly ReasonCode[]): readonly ReasonCode[] {
  if (codes.length === 0) invalid('codes', 'give at least one reason code: a decision needs one to choose from.');
  if (codes.length > MAX_REASON_CODES) invalid('codes', `at most ${MAX_REASON_CODES} reason codes (${codes.length} given).`);
  const seen = new Set<string>();
  codes.forEach(({ code, label }, i) => {
    if (typeof code !== 'string' || !REASON_CODE_PATTERN.test(code))
      invalid(
        `codes/${i}/code`,
        `"${String(code)}" is not a reason code (1–64 lower-case letters, digits or "-", starting with a letter or digit).`,
      );
    if (seen.has(code)) invalid(`codes/${i}/code`, `"${code}" is given twice.`);
    seen.add(code);
    if (typeof label !== 'string' || label.trim() === '' || label !== label.trim() || label.length > MAX_REASON_LABEL_LENGTH)
      invalid(
        `codes/${i}/label`,
        `the label of "${code}" must be 1–${MAX_REASON_LABEL_LENGTH} characters without leading or trailing spaces.`,
      );
  });
  return codes;
}

/**
 * The code, if the tenant's list has it; `INVALID_INPUT` naming `field` otherwise (a code the tenant
 * removed, or one of another tenant's).
 */
export function checkReasonCodeIn(codes: readonly ReasonCode[], code: string, field = 'reasonCode'): ReasonCode {
  const found = codes.find((c) => c.code === code);
  if (!found) invalid(field, `"${code}" is not one of this tenant's reason codes (${codes.map((c) => c.code).join(', ')}).`);
  return found;
}
