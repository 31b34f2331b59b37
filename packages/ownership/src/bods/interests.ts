/**
 * @module bods/interests
 * One interest of a BODS relationship as one graph edge, from the interested party to the subject. The
 * interest type decides the edge:
 *
 * | interest types | edge |
 * |---|---|
 * | shareholding | ownership, with the share and `directOrIndirect` |
 * | votingRights | control (votingRights), with the share of the votes |
 * | appointmentOfBoard | control (boardAppointment) |
 * | otherInfluenceOrControl, controlViaCompanyRulesOrArticles, controlByLegalFramework, trustee, protector, nominator | control (other) |
 * | seniorManagingOfficial, boardMember, boardChair | directorship |
 * | settlor, beneficiaryOfLegalArrangement, nominee, rights to profit, surplus, assets or by contract, unknownInterest, unpublishedInterest, no type | associate |
 *
 * Only a shareholding is ownership: rights to profits or surplus assets are economic interests without a
 * share of the entity, and a regime's ownership test counts shares (OFAC FAQ 401 "ownership", not
 * control). A trustee holds legal title and runs the trust, a protector can overrule the trustee, a
 * nominator instructs the nominee: control without ownership. A nominee acts for another, so the tie is
 * kept as an association, as is a settlor's, who need keep no power once the trust is made.
 */
import { formatShare, type ControlBasis, type GraphEdge, type GraphSource, type ShareRange } from '@embargo/core';
import type { FieldReader, Json } from '../fields.js';
import { fullDateProblem } from '../dates.js';
import { emptyRangeProblem, percentProblem } from '../percent.js';
import { DIRECT_OR_INDIRECT, INTEREST_TYPES, type InterestType } from './codes.js';

type EdgeShape = { kind: 'ownership' } | { kind: 'control'; basis: ControlBasis } | { kind: 'directorship' } | { kind: 'associate' };

const OWNERSHIP = { kind: 'ownership' } as const;
const CONTROL_OTHER = { kind: 'control', basis: 'other' } as const;
const DIRECTORSHIP = { kind: 'directorship' } as const;
const ASSOCIATE = { kind: 'associate' } as const;

const INTEREST_EDGE: Record<InterestType, EdgeShape> = {
  shareholding: OWNERSHIP,
  votingRights: { kind: 'control', basis: 'votingRights' },
  appointmentOfBoard: { kind: 'control', basis: 'boardAppointment' },
  otherInfluenceOrControl: CONTROL_OTHER,
  controlViaCompanyRulesOrArticles: CONTROL_OTHER,
  controlByLegalFramework: CONTROL_OTHER,
  trustee: CONTROL_OTHER,
  protector: CONTROL_OTHER,
  nominator: CONTROL_OTHER,
  seniorManagingOfficial: DIRECTORSHIP,
  boardMember: DIRECTORSHIP,
  boardChair: DIRECTORSHIP,
  settlor: ASSOCIATE,
  beneficiaryOfLegalArrangement: ASSOCIATE,
  nominee: ASSOCIATE,
  rightsToSurplusAssetsOnDissolution: ASSOCIATE,
  rightsToProfitOrIncome: ASSOCIATE,
  rightsGrantedByContract: ASSOCIATE,
  conditionalRightsGrantedByContract: ASSOCIATE,
  enjoymentAndUseOfAssets: ASSOCIATE,
  rightToProfitOrIncomeFromAssets: ASSOCIATE,
  unknownInterest: ASSOCIATE,
  unpublishedInterest: ASSOCIATE,
};

/** An interest read and checked, before its ends are known and before it is known to be current. */
export interface BodsInterest {
  type?: InterestType;
  directness?: (typeof DIRECT_OR_INDIRECT)[number];
  details?: string;
  startDate?: string;
  endDate?: string;
  share?: ShareRange;
}

/** The interest at `path`, or undefined after reporting its problems. */
export function readInterest(interest: Json, path: string, fields: FieldReader): BodsInterest | undefined {
  const type = fields.code(interest, 'type', `${path}.type`, INTEREST_TYPES);
  const directness = fields.code(interest, 'directOrIndirect', `${path}.directOrIndirect`, DIRECT_OR_INDIRECT);
  fields.boolean(interest, 'beneficialOwnershipOrControl', `${path}.beneficialOwnershipOrControl`);
  const details = fields.string(interest, 'details', `${path}.details`);
  const startDate = fields.date(interest, 'startDate', `${path}.startDate`, fullDateProblem);
  const endDate = fields.date(interest, 'endDate', `${path}.endDate`, fullDateProblem);
  const shareObject = fields.object(interest, 'share', `${path}.share`);
  const share = shareObject ? readShare(shareObject, `${path}.share`, fields) : undefined;
  if (startDate && endDate && endDate < startDate)
    return fields.fail(`${path}.endDate`, `${endDate} is before the start date ${startDate}`);
  if (share === null) return undefined;
  return { type, directness, details, startDate, endDate, share };
}

/**
 * The interest as edge `id` from the interested party to the subject. `joint` is the subject's node id
 * when the subject is an arrangement: shares held through one arrangement (joint-ownership.json's "Joint
 * shareholding") are one joint holding.
 */
export function interestEdge(
  interest: BodsInterest,
  id: string,
  ends: { from: string; to: string; joint?: string },
  statementDate: string,
  source: GraphSource,
): GraphEdge {
  const { type, share } = interest;
  const shape = type ? INTEREST_EDGE[type] : ASSOCIATE;
  const words = interest.details ?? type ?? 'interest of unknown type';
  const base = {
    id,
    from: ends.from,
    to: ends.to,
    source: { ...source, text: words },
    date: interest.startDate ?? statementDate.slice(0, 10),
  };
  switch (shape.kind) {
    case 'ownership':
      return {
        ...base,
        kind: 'ownership',
        ...(share ? { share } : {}),
        directness: interest.directness ?? 'unknown',
        ...(ends.joint ? { jointArrangement: ends.joint } : {}),
      };
    case 'control':
      return { ...base, kind: 'control', basis: shape.basis, ...(share ? { share } : {}), detail: words };
    case 'directorship':
      return { ...base, kind: 'directorship', role: words };
    case 'associate':
      return { ...base, kind: 'associate', label: share ? `${words} (${formatShare(share)})` : words };
  }
}

/**
 * A BODS share as a range: `exact`, or `minimum`/`exclusiveMinimum` and `maximum`/`exclusiveMaximum`
 * (a missing end is 0 or 100). Undefined for an empty share object; null after reporting a value outside
 * 0–100, a range that holds no share, or two values for one end.
 */
function readShare(share: Json, path: string, fields: FieldReader): ShareRange | undefined | null {
  const numbers: Partial<Record<'exact' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum', number>> = {};
  let bad = false;
  for (const key of ['exact', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    if (share[key] === undefined) continue;
    const why = percentProblem(share[key]);
    if (why) {
      fields.fail(`${path}.${key}`, why);
      bad = true;
    } else numbers[key] = share[key] as number;
  }
  if (bad) return null;
  const { exact, minimum, maximum, exclusiveMinimum, exclusiveMaximum } = numbers;
  if (minimum !== undefined && exclusiveMinimum !== undefined)
    return fields.fail(path, 'gives both minimum and exclusiveMinimum; a range has one lower end') ?? null;
  if (maximum !== undefined && exclusiveMaximum !== undefined)
    return fields.fail(path, 'gives both maximum and exclusiveMaximum; a range has one upper end') ?? null;
  const low = minimum ?? exclusiveMinimum;
  const high = maximum ?? exclusiveMaximum;
  if (exact !== undefined) {
    const outside =
      (low !== undefined && (exact < low || (exact === low && exclusiveMinimum !== undefined))) ||
      (high !== undefined && (exact > high || (exact === high && exclusiveMaximum !== undefined)));
    if (outside) return fields.fail(path, `the exact share ${exact} is outside the range it also gives`) ?? null;
    return { min: exact, max: exact, minInclusive: true, maxInclusive: true };
  }
  if (low === undefined && high === undefined) return undefined;
  const range: ShareRange = {
    min: low ?? 0,
    max: high ?? 100,
    minInclusive: exclusiveMinimum === undefined,
    maxInclusive: exclusiveMaximum === undefined,
  };
  const empty = emptyRangeProblem(range);
  return empty ? (fields.fail(path, empty) ?? null) : range;
}
