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
  },
  { description: 'One line of application/x-ndjson per party, in submission order' },
);
export type BatchResult = Static<typeof BatchResultLine>;

export function batchResult(index: number, party: Party, screened: PartyScreening): BatchResult {
  return { index, customerKey: party.customerKey ?? null, alerted: screened.alerted, matches: screened.matches };
}
