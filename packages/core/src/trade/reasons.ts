/**
 * @module trade/reasons
 * A shipment's decision and the reasons for it, as the CLI prints them, the API answers them and the web
 * page shows them: each reason says what kind of thing it is about (the goods, a party, the vessel, the
 * route), the rule it applies (the resolution and paragraph, or the list and programme a party is listed
 * under), the listed record or the measure, and one sentence an analyst reads.
 *
 * @example
 * { kind: 'goods', rule: 'UNSCR 2371 (2017) para 8', id: 'unscr-2371-8', effect: 'prohibited',
 *   detail: 'HS 2701 "anthracite" exported from the DPRK (origin DPRK): prohibited (coal, iron, and iron ore, HS 2701 (coal…)).' }
 */
import type { MatchExplanation } from '../match/explain.js';

export type ShipmentDecisionKind = 'prohibited' | 'review' | 'allowed';

export type ShipmentReasonKind = 'goods' | 'party' | 'vessel' | 'country';

export interface ShipmentReason {
  kind: ShipmentReasonKind;
  /** The resolution and paragraph (`UNSCR 2371 (2017) para 8`), or for a listed party or vessel the list and programme. */
  rule: string;
  /** The measure or country rule (`unscr-2371-8`, `dprk-origin-via-third-port`), or the listed record (`ofac:22603`). */
  id: string;
  /** What this reason makes of the shipment on its own. */
  effect: Exclude<ShipmentDecisionKind, 'allowed'>;
  detail: string;
  /** For goods reasons: which goods line (from 0). */
  good?: number;
  /** For party and vessel reasons: the listed record's name and the match score. */
  caption?: string;
  score?: number;
  /** For party and vessel reasons: what was screened, as the shipment writes it, and its role there. */
  subject?: { text: string; role: string };
  /** For a party or vessel found by its name: the engine's explanation, as a screening's match carries it. */
  explanation?: MatchExplanation;
}

export interface ShipmentDecision {
  id: string;
  decision: ShipmentDecisionKind;
  reasons: ShipmentReason[];
  /** The version of the measures the decision was made under. */
  rulesVersion: string;
  /** What was screened, so that "allowed" can be told from "nothing was looked at". */
  screened: { goods: number; parties: number; vessel: boolean };
}

/** The decision the reasons make: any prohibition prohibits, any other reason asks for review. */
export function decisionOf(reasons: readonly ShipmentReason[]): ShipmentDecisionKind {
  if (reasons.some((r) => r.effect === 'prohibited')) return 'prohibited';
  return reasons.length > 0 ? 'review' : 'allowed';
}

/** The decision as the CLI's `--json` and the API write it: one object per shipment. */
export function shipmentDecisionJson(d: ShipmentDecision) {
  return {
    id: d.id,
    decision: d.decision,
    reasons: d.reasons.map((r) => ({
      kind: r.kind,
      rule: r.rule,
      id: r.id,
      detail: r.detail,
      effect: r.effect,
      ...(r.good !== undefined ? { good: r.good } : {}),
      ...(r.caption !== undefined ? { caption: r.caption } : {}),
      ...(r.score !== undefined ? { score: r.score } : {}),
    })),
    rulesVersion: d.rulesVersion,
    screened: d.screened,
  };
}
