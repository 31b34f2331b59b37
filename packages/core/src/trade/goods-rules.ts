/**
 * @module trade/goods-rules
 * The goods and country reasons of a shipment, from the measures as data and nothing else (no lists, no
 * engine): which way the goods move relative to the DPRK, which measures were in force on the shipment's
 * date, which of their HS codes each goods line falls under and how completely, what a cap or an exemption
 * does to that, and the routing patterns a shipment shows (DPRK-origin goods loaded at a third port; goods
 * loaded in the DPRK but declared of another origin; a DPRK port on the way to somewhere else).
 *
 * @example
 * goodsReasons(dprkCoalToDandong, DPRK_MEASURES)
 * // [{ kind: 'goods', rule: 'UNSCR 2371 (2017) para 8', id: 'unscr-2371-8', effect: 'prohibited', … }]
 */
import { hsRelation, formatHsCode } from './hs-codes.js';
import type { CountryRule, GoodsMeasure, HsCoverage, MeasureExemption, TradeDirection, TradeMeasures } from './measures.js';
import { EXPORTING_ROLES, IMPORTING_ROLES, type Shipment, type ShipmentGood } from './shipment.js';
import type { ShipmentReason } from './reasons.js';

/** Ports of Rajin (Rason) as shipments write them: the coal transit exemption names this port alone. */
const RAJIN_PORT = /\b(rajin|rason|najin|rajin-sonbong|rason port)\b/i;
const COAL_HEADING = '2701';

/** Which ways a shipment moves goods relative to the target country, and the facts that say so. */
export interface ShipmentDirections {
  exportFromTarget: string[];
  supplyToTarget: string[];
}

/**
 * Why the shipment is an export from the target (its origin, its port of loading, a seller or shipper
 * there) or a supply to it (its destination, its port of discharge, a buyer or consignee there). The
 * resolutions ban the DPRK's supplying goods "from its territory or by its nationals", so a port or a party
 * in the DPRK is enough.
 */
export function shipmentDirections(shipment: Shipment, target: string): ShipmentDirections {
  const exportFromTarget: string[] = [];
  const supplyToTarget: string[] = [];
  if (shipment.origin.code === target) exportFromTarget.push(`origin ${shipment.origin.written}`);
  if (shipment.portOfLoading?.country.code === target) exportFromTarget.push(`loaded at ${shipment.portOfLoading.name}`);
  if (shipment.destination.code === target) supplyToTarget.push(`destination ${shipment.destination.written}`);
  if (shipment.portOfDischarge?.country.code === target) supplyToTarget.push(`discharged at ${shipment.portOfDischarge.name}`);
  for (const party of shipment.parties) {
    if (party.country?.code !== target) continue;
    if (EXPORTING_ROLES.has(party.role)) exportFromTarget.push(`${party.role} ${party.name} in ${party.country.written}`);
    if (IMPORTING_ROLES.has(party.role)) supplyToTarget.push(`${party.role} ${party.name} in ${party.country.written}`);
  }
  return { exportFromTarget, supplyToTarget };
}

/** Whether a measure governed shipments of `date`: applying by then and not yet replaced. */
export function inForce(measure: GoodsMeasure, date: string): boolean {
  return (measure.appliesFrom ?? measure.adopted) <= date && !(measure.replaced && measure.replaced.on <= date);
}

/** How completely a measure covers a goods line, or undefined when it does not reach it. */
function coverageOf(measure: GoodsMeasure, good: ShipmentGood): { coverage: HsCoverage; code: string; label: string } | undefined {
  let best: { coverage: HsCoverage; code: string; label: string } | undefined;
  const named = (measure.keywords ?? []).some((k) => good.description.toLowerCase().includes(k));
  for (const hs of measure.hs) {
    const relation = hsRelation(hs.code, good.hs);
    if (relation === 'outside') continue;
    // A broader line ("27") may hold the measure's goods or not; a code the measure covers in part is whole
    // when the description names the measure's goods ("jet fuel" under 2710 19).
    const coverage: HsCoverage = relation === 'within' && (hs.coverage === 'whole' || named) ? 'whole' : 'part';
    if (!best || (coverage === 'whole' && best.coverage === 'part')) best = { coverage, code: hs.code, label: hs.label };
  }
  return best;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The exemption the shipment's own fields show, if any: it turns a prohibition into a review, because
 * what it rests on (an advance notification, a contract's date, an aircraft's use) only an analyst can
 * confirm.
 */
function exemptionShown(measure: GoodsMeasure, good: ShipmentGood, shipment: Shipment, target: string): string | undefined {
  for (const exemption of measure.exemptions) {
    const shown = exemptionApplies(exemption, measure, good, shipment, target);
    if (shown) return shown;
  }
  return undefined;
}

function exemptionApplies(
  exemption: MeasureExemption,
  measure: GoodsMeasure,
  good: ShipmentGood,
  shipment: Shipment,
  target: string,
): string | undefined {
  switch (exemption.kind) {
    case 'transit-via-rajin': {
      const port = shipment.portOfLoading;
      const transit =
        hsRelation(COAL_HEADING, good.hs) === 'within' &&
        shipment.origin.code !== target &&
        port?.country.code === target &&
        RAJIN_PORT.test(port.name);
      return transit
        ? `exemption: ${exemption.words}; confirm the origin (${shipment.origin.written}) and the Committee's advance notification`
        : undefined;
    }
    case 'contracts-before-adoption': {
      const until = addDays(measure.adopted, exemption.days ?? 0);
      return shipment.date < until
        ? `exemption: ${exemption.words} (until ${until}); confirm the contract was finalised before ${measure.adopted} and the Committee notified`
        : undefined;
    }
    case 'livelihood':
      return `exemption: ${exemption.words}; confirm the procuring State's determination`;
    case 'civil-aircraft-parts':
      return (exemption.hs ?? []).some((code) => hsRelation(code, good.hs) === 'within')
        ? `exemption: ${exemption.words}; confirm the aircraft and its use`
        : undefined;
    case 'committee-approval':
    case 'civil-aircraft-fuel':
      // Nothing in a shipment shows an approval the Committee gave or fuel sold to an aircraft in flight.
      return undefined;
  }
}

const DIRECTION_WORDS: Record<TradeDirection, string> = {
  'export-from-dprk': 'exported from the DPRK',
  'supply-to-dprk': 'supplied to the DPRK',
};

function goodsLine(good: ShipmentGood): string {
  return `HS ${formatHsCode(good.hs)} "${good.description}"`;
}

/** The reason one in-force measure gives for one goods line, or undefined when it does not reach it. */
function measureReason(
  measure: GoodsMeasure,
  good: ShipmentGood,
  index: number,
  shipment: Shipment,
  directions: ShipmentDirections,
  target: string,
): ShipmentReason | undefined {
  const covered = coverageOf(measure, good);
  if (!covered) return undefined;
  const facts = measure.direction === 'export-from-dprk' ? directions.exportFromTarget : directions.supplyToTarget;
  const moving = `${goodsLine(good)} ${DIRECTION_WORDS[measure.direction]} (${facts.join('; ')})`;
  const under = `HS ${formatHsCode(covered.code)} (${covered.label})`;
  const base = { kind: 'goods' as const, rule: measure.citation, id: measure.id, good: index };
  if (measure.kind === 'cap') {
    const cap = measure.cap!;
    return {
      ...base,
      effect: 'review',
      detail:
        `${moving}: ${measure.words}, under ${under}. Capped: ${cap.words}; a cap counts the aggregate, which one shipment ` +
        `cannot show${cap.reporting ? ` (${cap.reporting})` : ''}.`,
    };
  }
  if (covered.coverage === 'part')
    return {
      ...base,
      effect: 'review',
      detail: `${moving}: ${under} holds "${measure.words}" among other goods; confirm what the goods are.`,
    };
  const exemption = exemptionShown(measure, good, shipment, target);
  if (exemption) return { ...base, effect: 'review', detail: `${moving}: prohibited (${measure.words}, ${under}), but ${exemption}.` };
  return { ...base, effect: 'prohibited', detail: `${moving}: prohibited (${measure.words}, ${under}).` };
}

/** Every goods reason of a shipment: each line against each measure in force on its date, in its direction. */
export function goodsReasons(shipment: Shipment, measures: TradeMeasures): ShipmentReason[] {
  const directions = shipmentDirections(shipment, measures.target);
  const moving: Record<TradeDirection, boolean> = {
    'export-from-dprk': directions.exportFromTarget.length > 0,
    'supply-to-dprk': directions.supplyToTarget.length > 0,
  };
  const active = measures.measures.filter((m) => moving[m.direction] && inForce(m, shipment.date));
  const reasons: ShipmentReason[] = [];
  shipment.goods.forEach((good, index) => {
    for (const measure of active) {
      const reason = measureReason(measure, good, index, shipment, directions, measures.target);
      if (reason) reasons.push(reason);
    }
  });
  return reasons;
}

function countryReason(rule: CountryRule, detail: string): ShipmentReason {
  return { kind: 'country', rule: rule.citation, id: rule.id, effect: 'review', detail: `${detail} (${rule.words}).` };
}

/**
 * The country and routing reasons: the most specific pattern the shipment shows, else plain cargo to or
 * from the target. All are for review: the cargo-inspection rule obliges a look, and the goods rules decide
 * whether the goods themselves are prohibited.
 */
export function countryReasons(shipment: Shipment, measures: TradeMeasures): ShipmentReason[] {
  const target = measures.target;
  const rule = (id: CountryRule['id']) => measures.countryRules.find((r) => r.id === id)!;
  const { portOfLoading: loading, portOfDischarge: discharge } = shipment;
  const reasons: ShipmentReason[] = [];
  if (shipment.origin.code === target && loading && loading.country.code !== target)
    reasons.push(
      countryReason(
        rule('dprk-origin-via-third-port'),
        `goods of DPRK origin loaded at ${loading.name} (${loading.country.written}): routed through a third port; the goods rules apply by origin`,
      ),
    );
  if (shipment.origin.code !== target && loading?.country.code === target)
    reasons.push(
      countryReason(
        rule('origin-declared-elsewhere-loaded-in-dprk'),
        `goods declared of ${shipment.origin.written} origin but loaded at ${loading.name} (${loading.country.written})`,
      ),
    );
  if (shipment.destination.code !== target && discharge?.country.code === target)
    reasons.push(
      countryReason(
        rule('dprk-port-transit'),
        `goods bound for ${shipment.destination.written} discharged at ${discharge.name} (${discharge.country.written}): a DPRK port on the way`,
      ),
    );
  if (reasons.length > 0) return reasons;
  const { exportFromTarget, supplyToTarget } = shipmentDirections(shipment, target);
  const facts = [...exportFromTarget, ...supplyToTarget];
  if (facts.length > 0) reasons.push(countryReason(rule('dprk-cargo'), `cargo to or from the DPRK: ${facts.join('; ')}`));
  return reasons;
}
