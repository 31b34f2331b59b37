/**
 * @module jobs/batch-result
 * One line of a batch job's results (`GET /v1/jobs/:id/results`, NDJSON): the party's place in the
 * submission, the caller's key for it, and the matches exactly as `POST /v1/screen` answers them.
 */
import { Type, type Static } from 'typebox';
import { Match } from '../schemas.js';
import type { Party, PartyScreening } from '../screening-flow.js';

export const BatchResultLine = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: "The party's place in the submission, from 0" }),
    customerKey: Type.Union([Type.String(), Type.Null()], { description: 'The customerKey given with the party' }),
    alerted: Type.Boolean(),
    matches: Type.Array(Match),
    publicationIds: Type.Array(Type.Integer(), { description: 'The list publications the party was screened against' }),
    listsGeneration: Type.Optional(
      Type.Integer({ description: 'The lists generation the party was screened against (as /healthz says it)' }),
    ),
  },
  { description: 'One line of application/x-ndjson per party, in submission order' },
);
export type BatchResult = Static<typeof BatchResultLine>;

export function batchResult(
  index: number,
  party: Party,
  screened: PartyScreening,
  publicationIds: number[],
  listsGeneration: number,
): BatchResult {
  return {
    index,
    customerKey: party.customerKey ?? null,
    alerted: screened.alerted,
    matches: screened.matches,
    publicationIds,
    listsGeneration,
  };
}

/** The id of one party's screening inside a batch job, as its alerts name it: `<jobId>#<index>`. */
export const batchScreeningId = (jobId: string, index: number): string => `${jobId}#${index}`;

/** The job and the party's place of a batch screening id, or undefined for any other id. */
export function parseBatchScreeningId(id: string): { jobId: string; index: number } | undefined {
  const m = /^(.+)#(\d{1,9})$/.exec(id);
  return m ? { jobId: m[1], index: Number(m[2]) } : undefined;
}
