/**
 * @module http-errors
 * How errors leave the server: one status per error code (the compiler checks every code has one), a JSON
 * body `{ error, message }` a client can act on, and no stack traces.
 */
import { ERROR_CODES, EmbargoError, isEmbargoError, type ErrorCode } from '@embargo/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { formatReason, TooManyItems } from './request-checks.js';

export const HTTP_STATUS = {
  LIST_PARSE: 422,
  LIST_FORMAT_UNKNOWN: 422,
  LIST_INCOMPLETE: 422,
  LIST_SHRANK: 409,
  LIST_OLDER: 409,
  LIST_DOWNLOAD: 502,
  INVALID_INPUT: 400,
  PAYMENT_PARSE: 422,
  SHIPMENT_PARSE: 422,
  OWNERSHIP_PARSE: 422,
  TRANSACTIONS_PARSE: 422,
  NOT_FOUND: 404,
  STORE_UNAVAILABLE: 503,
  STORE_CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  DECISION_NOT_ALLOWED: 409,
  FOUR_EYES_REQUIRED: 403,
  RATE_LIMITED: 429,
  SCREENING_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/** What a 503 tells the client to wait before retrying: long enough for a database restart to begin answering. */
const STORE_RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  error: ErrorCode | 'INTERNAL' | 'PAYLOAD_TOO_LARGE';
  message: string;
  field?: string;
  file?: string;
  line?: number;
  /** Every bad line of an uploaded file, when the refusal lists them (see monitoring/customers-csv). */
  problems?: { line: number; field: string; message: string }[];
}

/**
 * The bad lines of an uploaded file in the documented shape (`{ line, field, message }`). Other readers keep
 * problems of their own shape in the error's context (an ownership statement has no line): those stay out of
 * the answer, whose message and `line`/`field` already name the first.
 */
function listedProblems(value: unknown): ErrorBody['problems'] {
  if (!Array.isArray(value)) return undefined;
  const listed = value.filter(
    (p): p is { line: number; field: string; message: string } =>
      typeof p === 'object' && p !== null && Number.isInteger(p.line) && typeof p.field === 'string' && typeof p.message === 'string',
  );
  return listed.length === value.length && listed.length > 0
    ? listed.map(({ line, field, message }) => ({ line, field, message }))
    : undefined;
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isEmbargoError(error)) {
    const { field, file, line } = error.context;
    const problems = listedProblems(error.context.problems);
    if (error.code === 'STORE_UNAVAILABLE') {
      // The operator needs the database and the driver's reason; the client needs to know to retry, not
      // where the database lives.
      request.log.error({ code: error.code, reason: error.message }, 'database unavailable');
      void reply
        .status(HTTP_STATUS.STORE_UNAVAILABLE)
        .header('retry-after', String(STORE_RETRY_AFTER_SECONDS))
        .send({
          error: error.code,
          message: `The database is not answering, so nothing was done. Retry in a few seconds.`,
        } satisfies ErrorBody);
      return;
    }
    const body: ErrorBody = { error: error.code, message: error.message, field, file, line, ...(problems ? { problems } : {}) };
    void reply.status(HTTP_STATUS[error.code]).send(body);
    return;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    // fastify/ajv says where: "body/name must NOT have fewer than 1 characters".
    const first = fastifyError.validation[0];
    const at = `${fastifyError.validationContext ?? 'body'}${first?.instancePath ?? ''}`;
    // A missing or unknown property is reported by ajv on its parent object; name the property itself.
    const missing = first?.params?.missingProperty as string | undefined;
    const unknown = first?.params?.additionalProperty as string | undefined;
    const field = missing ? `${at}/${missing}` : unknown ? `${at}/${unknown}` : at;
    // Embargo's own formats (a party's name, a birth date) say why in the core's words.
    const why = first?.keyword === 'format' ? formatReason(String(first.params?.format), (first as { data?: unknown }).data) : undefined;
    const message = missing
      ? `${field} is required`
      : unknown
        ? `${field} is not a field this endpoint accepts`
        : why
          ? `${field} ${why}`
          : fastifyError.message;
    void reply.status(400).send({ error: 'INVALID_INPUT', message, field } satisfies ErrorBody);
    return;
  }
  if (error instanceof TooManyItems) {
    void reply.status(413).send({ error: 'PAYLOAD_TOO_LARGE', message: error.message } satisfies ErrorBody);
    return;
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    void reply
      .status(413)
      .send({ error: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this endpoint accepts.' } satisfies ErrorBody);
    return;
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    // Malformed JSON, an unsupported content type and the like: the client's to fix.
    void reply.status(status).send({ error: 'INVALID_INPUT', message: fastifyError.message } satisfies ErrorBody);
    return;
  }
  request.log.error({ err: { message: error.message, code: fastifyError.code } }, 'unexpected error');
  void reply
    .status(500)
    .send({ error: 'INTERNAL', message: 'The server failed to answer; the error is logged with the request id.' } satisfies ErrorBody);
}

/** For route code: a 4xx with a message naming the field. */
export function invalid(message: string, field?: string): EmbargoError {
  return new EmbargoError('INVALID_INPUT', message, { field });
}

export { ERROR_CODES };
