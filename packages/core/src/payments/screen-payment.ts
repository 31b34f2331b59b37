/**
 * @module payments/screen-payment
 * A payment's screening decision: every party's name against the lists, every BIC against the BICs the
 * lists carry, every country against the embargoed jurisdictions, and the free text (remittance
 * information, sender-to-receiver lines, address lines) for listed names, BICs and IMO numbers. The
 * payment passes, is held for an analyst, or is blocked, with one hit per reason, each naming the field
 * it is in, the text seen, the listed record and the rule.
 *
 * @example
 * const screener = new PaymentScreener(engine);
 * screener.screen(payment) // { decision: 'block', hits: [{ source: '50K', rule: 'party-name', id: 'ofac:22606', … }] }
 */
import type { Entity } from '../model/entity.js';
import type { SchemaName } from '../model/schema.js';
import type { ScreeningEngine, ScreeningMatch } from '../match/engine.js';
import type { MatchExplanation } from '../match/explain.js';
import { nameTokens } from '../text/normalize.js';
import { OFAC_EMBARGOED_JURISDICTIONS, type EmbargoedJurisdiction, type PaymentAction } from './embargoed-jurisdictions.js';
import type { Payment, PaymentParty, PaymentPartyKind, PaymentPartyRole, PaymentText } from './payment.js';
import { nameVocabulary, textWindows, type NameVocabulary } from './text-windows.js';

export type PaymentDecisionKind = 'pass' | 'hold' | 'block';

/** Why a hit was raised. */
export type PaymentRule =
  /** A party's name resembles a listed name. */
  | 'party-name'
  /** A BIC (a party's, or one in free text) is a listed institution's, branch or not. */
  | 'bic'
  /** A country of the payment is embargoed: a party's address or a country the message states. */
  | 'country'
  /** A BIC's country code is an embargoed country's. */
  | 'bic-country'
  /** An address line or free text names a place in an embargoed jurisdiction. */
  | 'place'
  /** Free text holds a listed name. */
  | 'text-name'
  /** Free text holds a listed vessel's IMO number. */
  | 'imo';

export interface PaymentHit {
  /** The field or path of the message (`50K`, `B/70`, `FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr`), with the line where it is free text. */
  source: string;
  /** What the screening saw there. */
  text: string;
  rule: PaymentRule;
  action: PaymentAction;
  score: number;
  /** The party's role, for party hits. */
  role?: PaymentPartyRole;
  /** The listed record, for name, BIC and IMO hits. */
  id?: string;
  caption?: string;
  /** The embargoed jurisdiction, for country and place hits. */
  jurisdiction?: string;
  /** One sentence an analyst reads: why this is a hit. */
  reason: string;
  /** For name hits, the engine's explanation (word by word, scorer by scorer), as for any screening. */
  explanation?: MatchExplanation;
}

/**
 * A hit as the CLI prints it, the API answers it and the worker publishes it: `field` for its place in the
 * message, `null` where a hit has no listed record or jurisdiction, and without the engine's explanation
 * (the stored payment keeps it).
 */
export function paymentHitJson(h: PaymentHit) {
  return {
    field: h.source,
    text: h.text,
    id: h.id ?? null,
    caption: h.caption ?? null,
    jurisdiction: h.jurisdiction ?? null,
    score: h.score,
    rule: h.rule,
    action: h.action,
    reason: h.reason,
  };
}

export interface PaymentDecision {
  messageId: string;
  format: string;
  decision: PaymentDecisionKind;
  hits: PaymentHit[];
  /** What was screened, so that "pass" can be told from "nothing was looked at". */
  screened: { parties: number; bics: number; texts: number; windows: number };
}

export interface PaymentScreeningRules {
  /** A party name scoring this much holds the payment (default: the matching algorithm's alert threshold). */
  holdAt?: number;
  /** …and this much blocks it. */
  blockAt: number;
  /** A name in free text must score this much to hold (windows of prose are noisier than a party's name field). */
  textHoldAt: number;
  /** What a listed BIC or IMO number does: block, by default (an identifier is not a resemblance). */
  identifierAction: PaymentAction;
  jurisdictions: readonly EmbargoedJurisdiction[];
}

/**
 * Defaults. Tuned by hand on the sample messages and the lists, 2026-12: a listed firm's full name with
 * another legal form scores 0.95–1.00 and blocks; resemblances from the alert threshold up hold.
 */
export const DEFAULT_PAYMENT_RULES: PaymentScreeningRules = {
  blockAt: 0.95,
  textHoldAt: 0.9,
  identifierAction: 'block',
  jurisdictions: OFAC_EMBARGOED_JURISDICTIONS,
};

/** Matches kept per party or window: the best few, enough for an analyst to compare. */
const MATCHES_PER_NAME = 3;
/** A listed word this many names use is too common for its absence to matter when prose names a party (see `coversListedName`). */
const COMMON_WORD_NAMES = 200;
/**
 * Address lines are read for a name only in windows of two words or more: a town or street of one word
 * that is also a listed one-word name (the vessel STREAM, Carol Stream, Illinois) is an address, not a party.
 */
const ADDRESS_MIN_WINDOW_WORDS = 2;
/** A one-word window must match this well: the word as listed, not a spelling of it. */
const EXACT_SCORE = 0.99;
/** Screened names remembered (payments repeat their counterparties); cleared whole when full. */
const NAME_CACHE_SIZE = 50_000;

const BIC_IN_TEXT = /\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b/g;
const IMO_IN_TEXT = /\bIMO[\s:.#-]*(?:NO\.?|NUMBER)?[\s:.#-]*(\d{7})\b/gi;

function schemaOf(kind: PaymentPartyKind): SchemaName | undefined {
  if (kind === 'person') return 'Person';
  if (kind === 'organisation' || kind === 'bank') return 'Organization';
  return undefined;
}

/** A BIC as compared: upper case, 11 characters (a BIC8 is its head office, branch XXX). */
function bic11(bic: string): string {
  const b = bic.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return b.length === 8 ? b + 'XXX' : b;
}

/** The listed BICs and IMO numbers, by value. */
interface ListedIdentifiers {
  /** BIC11 → records; and the first 8 characters → records, for another branch of a listed bank. */
  bics: Map<string, Entity[]>;
  bic8s: Map<string, Entity[]>;
  imos: Map<string, Entity[]>;
}

function add(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const held = map.get(key);
  if (!held) map.set(key, [entity]);
  else if (!held.includes(entity)) held.push(entity);
}

function listedIdentifiers(entities: readonly Entity[]): ListedIdentifiers {
  const ids: ListedIdentifiers = { bics: new Map(), bic8s: new Map(), imos: new Map() };
  for (const entity of entities) {
    for (const { value } of entity.properties.swiftBic ?? []) {
      const bic = bic11(value);
      if (bic.length !== 11) continue;
      add(ids.bics, bic, entity);
      add(ids.bic8s, bic.slice(0, 8), entity);
    }
    for (const { value } of entity.properties.imoNumber ?? []) {
      const imo = value.replace(/\D/g, '');
      if (imo.length === 7) add(ids.imos, imo, entity);
    }
  }
  return ids;
}

function listedNames(entities: readonly Entity[]): string[] {
  const names: string[] = [];
  for (const e of entities)
    for (const p of ['name', 'alias', 'previousName'] as const) for (const s of e.properties[p] ?? []) names.push(s.value);
  return names;
}

/** Place phrases of the jurisdictions as folded word sequences, longest first. */
function placePhrases(
  jurisdictions: readonly EmbargoedJurisdiction[],
): { words: string[]; jurisdiction: EmbargoedJurisdiction; place: string }[] {
  return jurisdictions
    .flatMap((jurisdiction) => jurisdiction.places.map((place) => ({ words: nameTokens(place), jurisdiction, place })))
    .sort((a, b) => b.words.length - a.words.length);
}

/** Screens payments against one engine's lists; remembers names it has screened (pure memoisation). */
export class PaymentScreener {
  private readonly rules: Required<PaymentScreeningRules>;
  private readonly identifiers: ListedIdentifiers;
  private readonly vocabulary: NameVocabulary;
  private readonly places: ReturnType<typeof placePhrases>;
  private readonly nameCache = new Map<string, ScreeningMatch[]>();
  /** The counts of the payment being screened (one at a time: screening is synchronous). */
  private screened: PaymentDecision['screened'] = { parties: 0, bics: 0, texts: 0, windows: 0 };

  constructor(
    private readonly engine: ScreeningEngine,
    rules: Partial<PaymentScreeningRules> = {},
  ) {
    this.rules = { ...DEFAULT_PAYMENT_RULES, holdAt: engine.algorithm.threshold, ...rules } as Required<PaymentScreeningRules>;
    const entities = engine.index.entities;
    this.identifiers = listedIdentifiers(entities);
    this.vocabulary = nameVocabulary(listedNames(entities));
    this.places = placePhrases(this.rules.jurisdictions);
  }

  screen(payment: Payment): PaymentDecision {
    const hits: PaymentHit[] = [];
    const screened = (this.screened = { parties: 0, bics: 0, texts: 0, windows: 0 });
    for (const party of payment.parties) {
      if (party.name) {
        screened.parties++;
        hits.push(...this.partyNameHits(party));
      }
      if (party.bic) {
        screened.bics++;
        hits.push(...this.bicHits(party.bic, party.source, party.role));
        hits.push(...this.bicCountryHits(party));
      }
      if (party.country) hits.push(...this.countryHits(party.country, party.source, party.role));
      if (party.addressLines.length > 0) {
        screened.texts++;
        const label = (i: number) => `${party.source} address line ${i + 1}`;
        hits.push(...this.placeHits(party.addressLines, label));
        // The name and address lines read together: a name too long for its line goes on in the address
        // (MT 50K and 59 give 35 characters a line). The name alone was screened above.
        const lines = party.name ? [party.name, ...party.addressLines] : party.addressLines;
        const named = new Set(hits.filter((h) => h.source === party.source && h.id).map((h) => h.id));
        const offset = party.name ? 1 : 0;
        const inAddress = this.textNameHits(lines, ADDRESS_MIN_WINDOW_WORDS, (first, last) =>
          last < offset
            ? undefined
            : first < offset
              ? `${party.source} name and address line ${last}`
              : label(first - offset) + (last > first ? `–${last - offset + 1}` : ''),
        );
        hits.push(...inAddress.filter((h) => !named.has(h.id)));
      }
    }
    for (const { source, code } of payment.countries) hits.push(...this.countryHits(code, source, undefined));
    for (const text of payment.texts) {
      screened.texts++;
      const label = (first: number, last = first) =>
        `${text.source} ${first === last ? `line ${first + 1}` : `lines ${first + 1}–${last + 1}`}`;
      hits.push(...this.placeHits(text.lines, label));
      hits.push(...this.textNameHits(text.lines, 1, label));
      hits.push(...this.textIdentifierHits(text));
    }
    const decision: PaymentDecisionKind = hits.some((h) => h.action === 'block') ? 'block' : hits.length > 0 ? 'hold' : 'pass';
    return { messageId: payment.messageId, format: payment.format, decision, hits: dedupe(hits), screened };
  }

  /** Engine matches of a name, remembered. */
  private matches(name: string, schema: SchemaName | undefined, birthDate: string | undefined, minScore: number): ScreeningMatch[] {
    const key = `${schema ?? ''}\u0000${birthDate ?? ''}\u0000${minScore}\u0000${name}`;
    let found = this.nameCache.get(key);
    if (!found) {
      found = this.engine.screen({ name, schema, birthDate }, { limit: MATCHES_PER_NAME, minScore, threshold: this.rules.holdAt });
      if (this.nameCache.size >= NAME_CACHE_SIZE) this.nameCache.clear();
      this.nameCache.set(key, found);
    }
    return found;
  }

  private partyNameHits(party: PaymentParty): PaymentHit[] {
    const { holdAt, blockAt } = this.rules;
    return this.matches(party.name!, schemaOf(party.kind), party.birthDate, holdAt).map((m) => ({
      source: party.source,
      text: party.name!,
      rule: 'party-name' as const,
      action: m.score >= blockAt ? ('block' as const) : ('hold' as const),
      score: round(m.score),
      role: party.role,
      id: m.id,
      caption: m.entity.caption,
      reason: m.explanation.summary,
      explanation: m.explanation,
    }));
  }

  private bicHits(bic: string, source: string, role: PaymentPartyRole | undefined): PaymentHit[] {
    const full = bic11(bic);
    const exact = this.identifiers.bics.get(full) ?? [];
    const branch = (this.identifiers.bic8s.get(full.slice(0, 8)) ?? []).filter((e) => !exact.includes(e));
    const hit = (entity: Entity, sameBranch: boolean): PaymentHit => ({
      source,
      text: bic,
      rule: 'bic',
      action: this.rules.identifierAction,
      score: 1,
      role,
      id: entity.id,
      caption: entity.caption,
      reason: sameBranch
        ? `BIC ${bic} is listed for ${entity.caption}`
        : `BIC ${bic} is a branch of ${full.slice(0, 8)}, which is listed for ${entity.caption}`,
    });
    return [...exact.map((e) => hit(e, true)), ...branch.map((e) => hit(e, false))];
  }

  private bicCountryHits(party: PaymentParty): PaymentHit[] {
    const code = bic11(party.bic!).slice(4, 6);
    return this.jurisdictionsOf(code).map((j) => ({
      source: party.source,
      text: party.bic!,
      rule: 'bic-country' as const,
      action: j.action,
      score: 1,
      role: party.role,
      jurisdiction: j.code,
      reason: `BIC ${party.bic} is a bank in ${j.name} (${j.source})`,
    }));
  }

  private countryHits(code: string, source: string, role: PaymentPartyRole | undefined): PaymentHit[] {
    return this.jurisdictionsOf(code.toUpperCase()).map((j) => ({
      source,
      text: code,
      rule: 'country' as const,
      action: j.action,
      score: 1,
      role,
      jurisdiction: j.code,
      reason: `country ${code} is ${j.name}, under embargo (${j.source})`,
    }));
  }

  private jurisdictionsOf(code: string): EmbargoedJurisdiction[] {
    return this.rules.jurisdictions.filter((j) => j.scope === 'country' && j.code === code);
  }

  /** Places of embargoed jurisdictions named in the lines, each jurisdiction once per fragment. */
  private placeHits(lines: readonly string[], sourceOfLine: (line: number) => string): PaymentHit[] {
    const hits: PaymentHit[] = [];
    const found = new Set<string>();
    lines.forEach((line, i) => {
      const words = nameTokens(line);
      for (const { words: phrase, jurisdiction, place } of this.places) {
        if (found.has(jurisdiction.code) || !containsRun(words, phrase)) continue;
        found.add(jurisdiction.code);
        hits.push({
          source: sourceOfLine(i),
          text: line,
          rule: 'place',
          action: jurisdiction.action,
          score: 1,
          jurisdiction: jurisdiction.code,
          reason: `"${place}" is in ${jurisdiction.name}, under embargo (${jurisdiction.source})`,
        });
      }
    });
    return hits;
  }

  /**
   * Listed names in a fragment's windows, the best window per listed record. `sourceOfLines` names the
   * lines a window spans, or says (undefined) that the window is not to be screened.
   */
  private textNameHits(
    lines: readonly string[],
    minWords: number,
    sourceOfLines: (first: number, last: number) => string | undefined,
  ): PaymentHit[] {
    const best = new Map<string, PaymentHit>();
    for (const window of textWindows(lines, this.vocabulary)) {
      const source = sourceOfLines(window.firstLine, window.lastLine);
      if (source === undefined || window.text.split(' ').length < minWords) continue;
      this.screened.windows++;
      for (const m of this.matches(window.text, undefined, undefined, this.rules.textHoldAt)) {
        if (!this.coversListedName(m, window.text)) continue;
        const current = best.get(m.id);
        if (current && current.score >= m.score) continue;
        best.set(m.id, {
          source,
          text: lines.slice(window.firstLine, window.lastLine + 1).join(' / '),
          rule: 'text-name',
          // Prose can name a listed party without paying it ("NOT FOR VELMUR"): a name in free text holds, never blocks.
          action: 'hold',
          score: round(m.score),
          id: m.id,
          caption: m.entity.caption,
          reason: `free text reads "${window.text}"${window.joined ? ' (a word joined across a line break)' : ''}: ${m.explanation.summary}`,
          explanation: m.explanation,
        });
      }
    }
    return [...best.values()];
  }

  /**
   * Whether a window names the listed party, not merely shares words with its name: every word of the
   * window is part of the match (smaller windows are screened too), every word of the listed name the
   * window leaves out is one hundreds of listed names use (a legal form, GROUP, TRADING), and a window of
   * one word is a listed name of one word, spelled the same. "PAPER MILL" in prose is not MEHRAN PAPER
   * MILL, "VOLGA" not VOLGA GROUP, "BUENOS AIRES" not the vessel ARIES.
   */
  private coversListedName(match: ScreeningMatch, window: string): boolean {
    if (match.explanation.unmatched.query.length > 0) return false;
    const left = match.explanation.unmatched.listed.flatMap((w) => nameTokens(w));
    if (!window.includes(' ')) return left.length === 0 && match.score >= EXACT_SCORE;
    return left.every((w) => (this.vocabulary.get(w) ?? 0) >= COMMON_WORD_NAMES);
  }

  /** Listed BICs and IMO numbers written in free text. */
  private textIdentifierHits(text: PaymentText): PaymentHit[] {
    const hits: PaymentHit[] = [];
    text.lines.forEach((line, i) => {
      const source = `${text.source} line ${i + 1}`;
      for (const [bic] of line.toUpperCase().matchAll(BIC_IN_TEXT)) {
        if (!this.identifiers.bics.has(bic11(bic)) && !this.identifiers.bic8s.has(bic.slice(0, 8))) continue;
        this.screened.bics++;
        hits.push(...this.bicHits(bic, source, undefined).map((h) => ({ ...h, text: line })));
      }
      for (const [, imo] of line.matchAll(IMO_IN_TEXT))
        for (const entity of this.identifiers.imos.get(imo) ?? [])
          hits.push({
            source,
            text: line,
            rule: 'imo',
            action: this.rules.identifierAction,
            score: 1,
            id: entity.id,
            caption: entity.caption,
            reason: `IMO ${imo} is listed for ${entity.caption}`,
          });
    });
    return hits;
  }
}

/** Whether `phrase` occurs in `words` as a run of whole words. */
function containsRun(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** One hit per (source, rule, record or jurisdiction): a party's BIC is not reported twice because its text names it too. */
function dedupe(hits: PaymentHit[]): PaymentHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.source}\u0000${h.rule}\u0000${h.id ?? h.jurisdiction ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
