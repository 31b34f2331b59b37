/**
 * @module trade/measures
 * The shape of a goods measure as data: which way the goods move (out of the DPRK, or into it), whether
 * the measure bans them or caps an aggregate quantity, the HS codes it covers and how completely, the
 * resolution's own words, its caps and exemptions, when it came into force and what replaced it, and how
 * far each part of the row was checked against the resolution's text. The evaluator
 * (`trade/screen-shipment`) reads these fields and nothing else, so a change of the rules is a change of
 * the data (`trade/dprk-measures`).
 *
 * @example
 * { id: 'unscr-2371-8', citation: 'UNSCR 2371 (2017) para 8', direction: 'export-from-dprk', kind: 'ban',
 *   hs: [{ code: '2701', coverage: 'whole', label: 'coal' }], … }
 */

/**
 * Which way the goods move. The resolutions word it from the DPRK's side ("the DPRK shall not supply, sell
 * or transfer … from its territory", and "all Member States shall prevent the … supply, sale or transfer to
 * the DPRK").
 */
export type TradeDirection = 'export-from-dprk' | 'supply-to-dprk';

/**
 * - `ban`: every shipment of the goods is prohibited (save the measure's exemptions).
 * - `cap`: an aggregate quantity over a period is allowed; one shipment cannot be checked against it, so a
 *   shipment under a cap is for review, with the cap cited.
 */
export type MeasureKind = 'ban' | 'cap';

/**
 * How much of an HS code a measure covers.
 * - `whole`: every good under the code is covered (coal, HS 2701): a match prohibits.
 * - `part`: the code also holds goods the measure does not name (aviation fuel within HS 2710, new vessels
 *   within HS 89 before used ones were banned): a match is for review, unless the description names the
 *   measure's goods (`keywords`), which makes it whole.
 */
export type HsCoverage = 'whole' | 'part';

export interface MeasureHsCode {
  /**
   * The HS code, digits only: a chapter (2 digits), heading (4) or subheading (6), or a range of chapters
   * written `72-83` (both ends included), as resolution 2397 writes "HS codes 72 through 83".
   */
  code: string;
  coverage: HsCoverage;
  /** What the code is, in the HS nomenclature's words shortened. */
  label: string;
}

/**
 * Exemptions a shipment's own fields can show, and what they do to it: each turns a prohibition into a
 * review, because the exemption rests on something only an analyst can confirm (a notification to the
 * Committee, a contract's date, the purpose of a part).
 * - `transit-via-rajin`: coal that originated outside the DPRK and was carried through it solely for export
 *   from the port of Rajin (Rason), with advance notification to the Committee.
 * - `contracts-before-adoption`: shipments under written contracts finalised before the resolution, imported
 *   within `days` of its adoption, with notification to the Committee.
 * - `livelihood`: transactions the procuring State determines are exclusively for livelihood purposes.
 * - `civil-aircraft-parts`: spare parts to maintain DPRK commercial civilian passenger aircraft in use
 *   (the HS codes of aircraft parts, `hs`).
 * - `committee-approval`: what the Committee approves in advance, case by case; nothing in a shipment shows
 *   it, so it is cited and never applied.
 * - `civil-aircraft-fuel`: fuel sold to civilian passenger aircraft outside the DPRK for their flight to the
 *   DPRK and back; not a cargo, so cited and never applied.
 */
export type ExemptionKind =
  'transit-via-rajin' | 'contracts-before-adoption' | 'livelihood' | 'civil-aircraft-parts' | 'committee-approval' | 'civil-aircraft-fuel';

export interface MeasureExemption {
  kind: ExemptionKind;
  /** The exemption in the resolution's words (or as a cited secondary source quotes them; see `verification`). */
  words: string;
  /** For `contracts-before-adoption`: the days after adoption during which such imports were allowed. */
  days?: number;
  /** For `civil-aircraft-parts`: the HS codes of the parts. */
  hs?: readonly string[];
}

/** A quantity a cap allows, per period. */
export interface CapLimit {
  quantity: number;
  unit: 'barrels' | 'tonnes' | 'usd';
  /** The period the quantity is counted over, as the resolution words it. */
  period: string;
}

export interface MeasureCap {
  /** The cap in the resolution's words. */
  words: string;
  /** The limits; where the resolution gives two ("4 million barrels or 525,000 tons"), both. */
  limits: readonly CapLimit[];
  /** What the supplier must do so that the aggregate can be counted (notify the Committee every 30 days…). */
  reporting?: string;
}

/**
 * How far a row was checked against the resolution's text, part by part. `checked` and `unchecked` say in
 * words what was and was not confirmed; `sources` name the texts read (stored copies of public pages; the
 * resolutions' own documents on undocs.org were not among them).
 */
export interface MeasureVerification {
  /**
   * - `checked`: the paragraph number and the words were found quoted with the paragraph number.
   * - `partly-checked`: the goods and figures were found in the UN's or a government's summary, the paragraph
   *   number (or an HS code) was not.
   * - `unchecked`: nothing beyond the draft was found.
   */
  state: 'checked' | 'partly-checked' | 'unchecked';
  checked: string;
  unchecked: string;
  sources: readonly string[];
}

export interface GoodsMeasure {
  /** Stable id: `unscr-<resolution>-<paragraph>`, with a suffix where one paragraph holds several measures. */
  id: string;
  resolution: string;
  paragraph: string;
  /** As a decision cites it: `UNSCR 2371 (2017) para 8`. */
  citation: string;
  /** The day the Council adopted the resolution (ISO date); shipments dated before are not under the measure. */
  adopted: string;
  /**
   * The day the measure starts to apply where the text sets one after adoption (2397's refined-products cap
   * counts from 1 January 2018; until then 2375's applied).
   */
  appliesFrom?: string;
  /**
   * The day a later measure took its place (ISO date), with that measure's id: shipments dated from then on
   * are judged by the later one (the coal cap of 2321 gave way to the ban of 2371).
   */
  replaced?: { on: string; by: string };
  direction: TradeDirection;
  kind: MeasureKind;
  /** The goods in the resolution's words. */
  words: string;
  hs: readonly MeasureHsCode[];
  /**
   * `resolution`: the resolution itself names these HS codes (2397 does); `mapping`: the resolution names the
   * goods only, and the codes are this project's reading of the HS nomenclature.
   */
  hsSource: 'resolution' | 'mapping';
  /** Words in a goods description that make a `part` code whole (`jet fuel` within HS 2710). */
  keywords?: readonly string[];
  cap?: MeasureCap;
  exemptions: readonly MeasureExemption[];
  verification: MeasureVerification;
}

/**
 * A rule about where a shipment goes rather than what it carries: the DPRK as origin, destination or port,
 * and the transshipment patterns the goods rules can be evaded by.
 */
export interface CountryRule {
  id: 'dprk-cargo' | 'dprk-port-transit' | 'dprk-origin-via-third-port' | 'origin-declared-elsewhere-loaded-in-dprk';
  citation: string;
  /** The rule in the resolution's words. */
  words: string;
  verification: MeasureVerification;
}

/** A versioned set of measures: the version changes with every change of a row. */
export interface TradeMeasures {
  /** `YYYY-MM-DD.n`: the day of the change and its number that day. */
  version: string;
  /** The sanctions regime the measures belong to. */
  regime: string;
  /** The ISO code of the country the measures are about. */
  target: string;
  measures: readonly GoodsMeasure[];
  countryRules: readonly CountryRule[];
}
