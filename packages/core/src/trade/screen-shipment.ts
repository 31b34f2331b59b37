/**
 * @module trade/screen-shipment
 * A shipment's decision: the goods against the measures in force on its date (`trade/goods-rules`), its
 * route against the country rules, every party's name against the lists with the screening engine, and
 * the vessel by IMO number against the listed vessels' IMO numbers (decisive) and by name (for review
 * only: a name alone does not tell one ship from another of the same name).
 *
 * @example
 * const screener = new ShipmentScreener(engine);
 * screener.screen(shipment) // { id: 'BL-1', decision: 'prohibited', reasons: [{ kind: 'goods', rule: 'UNSCR 2371 (2017) para 8', … }] }
 */
import type { Entity, ListSource } from '../model/entity.js';
import type { ScreeningEngine } from '../match/engine.js';
import { DPRK_MEASURES } from './dprk-measures.js';
import { countryReasons, goodsReasons } from './goods-rules.js';
import type { TradeMeasures } from './measures.js';
import { decisionOf, type ShipmentDecision, type ShipmentReason } from './reasons.js';
import type { Shipment, ShipmentParty } from './shipment.js';

export interface ShipmentScreeningRules {
  /** A party or vessel name scoring this much asks for review (default: the matching algorithm's alert threshold). */
  reviewAt?: number;
  /** A party name scoring this much prohibits (a listed party's name as listed, or another legal form of it). */
  prohibitAt: number;
}

/**
 * Tuned by hand on the acceptance shipment and the lists, 2026-12, as the payment screening's block level:
 * a listed firm's full name written with another legal form or a plural scores 0.95–1.00.
 */
export const DEFAULT_SHIPMENT_RULES: ShipmentScreeningRules = { prohibitAt: 0.95 };

/** Matches kept per party or vessel name: the best few, enough for an analyst to compare. */
const MATCHES_PER_NAME = 3;

const LIST_NAMES: Record<ListSource, string> = {
  'ofac-sdn': 'OFAC SDN list',
  'ofac-cons': 'OFAC consolidated non-SDN lists',
  'un-sc': 'UN Security Council consolidated list',
  'uk-hmt': 'UK consolidated list',
  'eu-fsf': 'EU consolidated financial sanctions list',
  'au-dfat': 'Australian consolidated sanctions list (DFAT)',
  'ca-sema': 'Canadian consolidated autonomous sanctions list (SEMA)',
};

/** The rule a listed record stands under: its list and, where the list gives them, its programmes. */
function listedRule(entity: Entity): string {
  const programmes = [...new Set((entity.properties.program ?? []).map((p) => p.value))];
  return programmes.length > 0 ? `${LIST_NAMES[entity.source]} (${programmes.join(', ')})` : LIST_NAMES[entity.source];
}

function imoNumbersOf(entity: Entity): string[] {
  return (entity.properties.imoNumber ?? []).map((s) => s.value.replace(/\D/g, '')).filter((v) => v.length === 7);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Screens shipments against one engine's lists and one set of measures. */
export class ShipmentScreener {
  private readonly rules: Required<ShipmentScreeningRules>;
  /** Listed vessels (and other records) by IMO number. */
  private readonly byImo = new Map<string, Entity[]>();

  constructor(
    private readonly engine: ScreeningEngine,
    private readonly measures: TradeMeasures = DPRK_MEASURES,
    rules: Partial<ShipmentScreeningRules> = {},
  ) {
    this.rules = { ...DEFAULT_SHIPMENT_RULES, reviewAt: engine.algorithm.threshold, ...rules } as Required<ShipmentScreeningRules>;
    for (const entity of engine.index.entities)
      for (const imo of imoNumbersOf(entity)) {
        const held = this.byImo.get(imo);
        if (!held) this.byImo.set(imo, [entity]);
        else if (!held.includes(entity)) held.push(entity);
      }
  }

  screen(shipment: Shipment): ShipmentDecision {
    const reasons: ShipmentReason[] = [
      ...goodsReasons(shipment, this.measures),
      ...countryReasons(shipment, this.measures),
      ...shipment.parties.flatMap((p) => this.partyReasons(p)),
      ...this.vesselReasons(shipment),
    ];
    return {
      id: shipment.id,
      decision: decisionOf(reasons),
      reasons,
      rulesVersion: this.measures.version,
      screened: { goods: shipment.goods.length, parties: shipment.parties.length, vessel: shipment.vessel !== undefined },
    };
  }

  private partyReasons(party: ShipmentParty): ShipmentReason[] {
    const { reviewAt, prohibitAt } = this.rules;
    const matches = this.engine.screen(
      { name: party.name, country: party.country?.code },
      { limit: MATCHES_PER_NAME, minScore: reviewAt, threshold: reviewAt },
    );
    return matches.map((m) => ({
      kind: 'party' as const,
      rule: listedRule(m.entity),
      id: m.id,
      effect: m.score >= prohibitAt ? ('prohibited' as const) : ('review' as const),
      caption: m.entity.caption,
      score: round(m.score),
      detail: `${party.role} "${party.name}" resembles ${m.entity.caption} (${m.id}, score ${round(m.score)}): ${m.explanation.summary}`,
      subject: { text: party.name, role: party.role },
      explanation: m.explanation,
    }));
  }

  /**
   * The vessel's IMO number against the listed ones (an identifier match prohibits), and its name against
   * the listed vessels' names (a resemblance asks for review, saying the listed vessel's own IMO number).
   */
  private vesselReasons(shipment: Shipment): ShipmentReason[] {
    const vessel = shipment.vessel;
    if (!vessel) return [];
    const reasons: ShipmentReason[] = [];
    const byImo = vessel.imo ? (this.byImo.get(vessel.imo) ?? []) : [];
    for (const entity of byImo)
      reasons.push({
        kind: 'vessel',
        rule: listedRule(entity),
        id: entity.id,
        effect: 'prohibited',
        caption: entity.caption,
        score: 1,
        detail: `vessel IMO ${vessel.imo}${vessel.name ? ` ("${vessel.name}")` : ''} is listed as ${entity.caption} (${entity.id})`,
        subject: { text: `IMO ${vessel.imo}`, role: 'vessel' },
      });
    if (!vessel.name) return reasons;
    const { reviewAt } = this.rules;
    const named = this.engine.screen(
      { name: vessel.name, schema: 'Vessel' },
      { limit: MATCHES_PER_NAME, minScore: reviewAt, threshold: reviewAt },
    );
    for (const m of named) {
      if (byImo.includes(m.entity)) continue;
      const listedImos = imoNumbersOf(m.entity);
      const imoNote =
        listedImos.length === 0
          ? 'the list gives no IMO number; confirm the ship'
          : vessel.imo
            ? `listed with IMO ${listedImos.join(', ')}, the shipment's vessel is IMO ${vessel.imo}; a name shared by two ships`
            : `listed with IMO ${listedImos.join(', ')}; the shipment gives none: confirm the ship by its IMO number`;
      reasons.push({
        kind: 'vessel',
        rule: listedRule(m.entity),
        id: m.id,
        effect: 'review',
        caption: m.entity.caption,
        score: round(m.score),
        detail: `vessel "${vessel.name}" resembles ${m.entity.caption} (${m.id}, score ${round(m.score)}): ${imoNote}`,
        subject: { text: vessel.name, role: 'vessel' },
        explanation: m.explanation,
      });
    }
    return reasons;
  }
}
