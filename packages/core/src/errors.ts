/**
 * @module errors
 * One error type for the whole project, with a code from a closed catalogue. Each edge (CLI, HTTP)
 * maps codes to its transport in one table the compiler checks against this catalogue.
 */

export const ERROR_CODES = {
  LIST_PARSE: 'A list file could not be parsed; nothing from it was stored.',
  LIST_FORMAT_UNKNOWN: 'A file is not in any list format Embargo reads.',
  LIST_INCOMPLETE: 'A publication is missing a file it needs (e.g. add.csv without sdn.csv).',
  LIST_SHRANK:
    'A publication has fewer records or aliases than the one in force, by more than the allowed share; load it with allow-shrink and a reason.',
  LIST_OLDER: 'A publication is older than the one in force; load it with allow-older.',
  LIST_DOWNLOAD: 'A list file could not be downloaded or failed verification.',
  INVALID_INPUT: 'A request or command argument is malformed.',
  PAYMENT_PARSE: 'A payment message could not be read as SWIFT MT or ISO 20022; the error names the message, field or line.',
  SHIPMENT_PARSE: 'A shipment or letter of credit could not be read as JSON or CSV; the error names the record, the line and the field.',
  OWNERSHIP_PARSE:
    'An ownership file could not be read as BODS 0.4, FollowTheMoney or the ownership CSV; the error names the file, the line or statement, and the field. Nothing from it was loaded.',
  TRANSACTIONS_PARSE:
    'A transactions file (CSV date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel) could not be read; the error names the line, column and field. Nothing from it was ranked.',
  NOT_FOUND: 'The requested record does not exist.',
  STORE_UNAVAILABLE: 'The database cannot be reached.',
  STORE_CONFLICT: 'The stored data changed underneath the operation.',
  UNAUTHENTICATED: 'The request carries no API key, or one that is unknown or revoked.',
  FORBIDDEN: "The API key's role may not do this.",
  DECISION_NOT_ALLOWED: 'The alert is not in a state that admits this decision (e.g. it is closed, or nothing awaits approval).',
  FOUR_EYES_REQUIRED:
    'A high-scoring false positive must be approved by another person than the one who proposed it (with any of their keys or sessions).',
  RATE_LIMITED: 'Too many requests for this API key or session, or too many failed keys from this address; retry after the time given.',
  SCREENING_UNAVAILABLE: 'The screening engine stopped while answering; it is restarting, retry shortly.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorContext {
  file?: string;
  line?: number;
  field?: string;
  [key: string]: unknown;
}

export class EmbargoError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;

  constructor(code: ErrorCode, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbargoError';
    this.code = code;
    this.context = context;
  }
}

/**
 * A list file that cannot be read as its format; `file` and `line` tell the user where to look.
 * @example throw listParseError('sdn.csv', 1042, 'unterminated quoted field')
 */
export function listParseError(file: string, line: number | undefined, reason: string, cause?: unknown): EmbargoError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new EmbargoError('LIST_PARSE', `${where}: ${reason}`, { file, line }, { cause });
}

export function isEmbargoError(e: unknown): e is EmbargoError {
  return e instanceof EmbargoError;
}
