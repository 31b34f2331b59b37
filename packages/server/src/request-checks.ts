/**
 * @module request-checks
 * What every request goes through before a route sees it, so that no endpoint can forget it:
 * - bodies are validated without type coercion (`{"name":12}` is not the name "12", `["Kim Jong Un"]` is
 *   not a name); query strings and path parameters arrive as text and are still read as the numbers
 *   their schemas declare;
 * - the formats `party-name` and `birth-date` are the core's checks (`nameProblem`, `birthDateProblem`);
 * - a JSON body must be valid UTF-8, and so must every percent-encoded query string or path;
 * - no string in a body, a path or a query string may hold a control character (U+0000 made PostgreSQL
 *   answer 500; tab and line breaks are allowed in bodies, where free text such as a reason may have them);
 * - a JSON body holds at most `MAX_LIST_ITEMS` items in a top-level list, counted before it is parsed, so
 *   that a 60 MB upload of tiny parties is refused before it is turned into millions of objects;
 * - JSON answers carry `Cache-Control: no-store` (they hold screening results and personal data) and every
 *   answer `X-Content-Type-Options: nosniff`.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { birthDateProblem, controlCharacterProblem, EmbargoError, isBirthDate, nameProblem } from '@embargo/core';
import { Format } from 'typebox/format';

/** The most items a top-level list of a JSON body may hold: a batch's parties, a bulk registration's customers. */
export const MAX_LIST_ITEMS = 100_000;

/** A name the engine can screen: something to match on, a bounded number of words, no control characters. */
export const PARTY_NAME_FORMAT = 'party-name';
/** A real date written YYYY, YYYY-MM or YYYY-MM-DD. */
export const BIRTH_DATE_FORMAT = 'birth-date';

function partyNameReason(value: string): string | undefined {
  // Line breaks and tabs in a name are spaces (see partyProblem); other control characters are refused.
  return controlCharacterProblem(value) ?? nameProblem(value);
}

/** Why a value fails one of Embargo's formats, in words for the error message. */
export function formatReason(format: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (format === PARTY_NAME_FORMAT) return partyNameReason(value);
  if (format === BIRTH_DATE_FORMAT) return birthDateProblem(value);
  return undefined;
}

const FORMATS = {
  [PARTY_NAME_FORMAT]: (value: string) => partyNameReason(value) === undefined,
  [BIRTH_DATE_FORMAT]: isBirthDate,
};

// The same formats for TypeBox's own compiler, which checks each party of a batch.
for (const [name, check] of Object.entries(FORMATS)) Format.Set(name, check);

/**
 * fastify's validator compilers, one per part of the request: bodies strictly typed, query strings,
 * path parameters and headers (text by nature) coerced to the numbers and booleans their schemas declare.
 * `verbose` keeps the failing value in the error, so that the error handler can say why a format failed.
 */
export function strictBodyValidators(): AjvCompiler.ValidatorFactory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const build = (coerceTypes: false | 'array') =>
      pool(externalSchemas, {
        plugins: options?.plugins,
        customOptions: { ...(options?.customOptions as AjvCompiler.Options | undefined), coerceTypes, verbose: true, formats: FORMATS },
      });
    const forBodies = build(false);
    const forText = build('array');
    return (route) => (route.httpPart === 'body' ? forBodies : forText)(route);
  };
}

/** The first string in a parsed value (keys included) that holds a control character, with its path. */
function firstControlCharacter(value: unknown, at: string, allowLineBreaks: boolean): { field: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = controlCharacterProblem(value, allowLineBreaks);
    return reason ? { field: at, reason } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstControlCharacter(item, `${at}/${i}`, allowLineBreaks);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyReason = controlCharacterProblem(key, false);
      if (keyReason) return { field: `${at}/${key}`, reason: `is a key that ${keyReason}` };
      const found = firstControlCharacter(item, `${at}/${key}`, allowLineBreaks);
      if (found) return found;
    }
  }
  return undefined;
}

function refuseControlCharacters(request: FastifyRequest): void {
  const found =
    firstControlCharacter(request.params, 'params', false) ??
    firstControlCharacter(request.query, 'querystring', false) ??
    firstControlCharacter(request.body, 'body', true);
  if (found) throw new EmbargoError('INVALID_INPUT', `${found.field} ${found.reason}`, { field: found.field });
}

/** Percent-decoding that fails on bytes that are not UTF-8 (`%C3%28`, `%FF`), where the default parsers put U+FFFD. */
function refuseInvalidPercentEncoding(url: string): void {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  try {
    decodeURIComponent(path);
  } catch {
    throw new EmbargoError('INVALID_INPUT', `The path ${path} is not valid percent-encoded UTF-8.`, { field: 'params' });
  }
  if (queryAt < 0) return;
  for (const pair of url.slice(queryAt + 1).split('&')) {
    const [rawKey, rawValue = ''] = pair.split('=', 2) as [string, string?];
    let key = rawKey;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      throw new EmbargoError('INVALID_INPUT', `querystring/${key} is not valid percent-encoded UTF-8.`, { field: `querystring/${key}` });
    }
  }
}

/** Thrown by the JSON parser for a body with more list items than `MAX_LIST_ITEMS`; answered 413. */
export class TooManyItems extends Error {
  readonly statusCode = 413;
  constructor(readonly items: number) {
    super(
      `A request holds at most ${MAX_LIST_ITEMS.toLocaleString('en')} parties or customers; this one has at least ${items.toLocaleString('en')}.`,
    );
    this.name = 'TooManyItems';
  }
}

/**
 * The most items of any list directly inside the body's top-level object (`{ "parties": [...] }`),
 * counted on the text without building it, and stopping at `limit + 1`.
 * @example countTopLevelItems('{"parties":[{"name":"a"},{"name":"b"}]}', 10) // 2
 */
export function countTopLevelItems(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  let rootIsObject = false;
  // Inside a list that is a value of the top-level object: its commas, and whether it has an item.
  let inList = false;
  let commas = 0;
  let hasItem = false;
  let most = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
      continue;
    }
    const itemLevel = inList && depth === 2;
    if (c === 0x22) {
      inString = true;
      if (itemLevel) hasItem = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (itemLevel) hasItem = true;
      depth++;
      if (depth === 1) rootIsObject = c === 0x7b;
      else if (depth === 2 && rootIsObject && c === 0x5b) [inList, commas, hasItem] = [true, 0, false];
    } else if (c === 0x7d || c === 0x5d) {
      if (itemLevel) {
        most = Math.max(most, hasItem ? commas + 1 : 0);
        inList = false;
      }
      depth--;
    } else if (itemLevel) {
      if (c === 0x2c) {
        commas++;
        if (commas >= limit) return commas + 1;
      } else if (c > 0x20) hasItem = true;
    }
  }
  return inList && hasItem ? Math.max(most, commas + 1) : most;
}

/**
 * Bodies longer than this are counted before parsing. A smaller one holds fewer than 350,000 items even
 * of `{}`: few enough to parse, and the schema's own limits then apply.
 */
const COUNT_ITEMS_ABOVE_CHARACTERS = 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes as text, refusing bytes that are not UTF-8 (they would be screened as U+FFFD). */
export function decodeUtf8Body(body: Buffer, field = 'body'): string {
  try {
    return strictUtf8.decode(body);
  } catch (error) {
    throw new EmbargoError('INVALID_INPUT', `The ${field} is not valid UTF-8.`, { field }, { cause: error });
  }
}

/** Installs the checks on the whole app; call before registering routes. */
export function installRequestChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8Body(body as Buffer);
      // Only large bodies can hold too many items; counting costs a pass over the text.
      if (text.length > COUNT_ITEMS_ABOVE_CHARACTERS) {
        const items = countTopLevelItems(text, MAX_LIST_ITEMS);
        if (items > MAX_LIST_ITEMS) throw new TooManyItems(items);
      }
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook('onRequest', async (request) => refuseInvalidPercentEncoding(request.url));
  app.addHook('preValidation', async (request) => refuseControlCharacters(request));
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    const type = String(reply.getHeader('content-type') ?? '');
    if (!reply.hasHeader('cache-control') && /^application\/(json|x-ndjson)/.test(type)) void reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
