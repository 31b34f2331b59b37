/**
 * @module ownership/regimes
 * The ownership-and-control rules of OFAC, the EU and the UK as data: a threshold and whether it is
 * inclusive, how holdings of different designated persons add up, whether control alone blocks and on
 * what basis, what an intermediary passes on, and the words of the guidance each rule rests on. The
 * fixpoint (`evaluate.ts`) reads these fields and nothing else, so a rule change is a change here.
 *
 * Every citation says what was checked against the publisher's own text and what rests on a secondary
 * copy (a law firm's or a blog's quotation). The checks were made on stored copies of the pages named;
 * see `verified` in each. Verified 2026-12 for issue 15.
 *
 * @example
 * OWNERSHIP_REGIMES.uk.threshold; // 50, with inclusive: false — "more than 50%"
 */
import type { ListSource } from '../model/entity.js';
import type { ControlBasis } from './graph.js';

export type RegimeId = 'ofac' | 'eu' | 'uk';

export const REGIME_IDS: readonly RegimeId[] = ['ofac', 'eu', 'uk'];

/** One passage of guidance or law a result rests on. */
export interface RegimeCitation {
  /** Short name shown after a proof line: `OFAC FAQ 401`. */
  label: string;
  /**
   * The publisher's page for the passage where its address is known (OFAC FAQs are at `/faqs/<n>`), else the
   * secondary copy the words were read in; `verified` says which copy was read.
   */
  url: string;
  /** The words, as published (shortened only with `…`). */
  quote: string;
  /** `official`: checked against a copy of the publisher's page; `secondary`: only third parties' copies were found. */
  status: 'official' | 'secondary';
  /** What was checked, against what, and what could not be. */
  verified: string;
}

/**
 * How holdings of different designated persons add up.
 * - `acrossDesignated`: all blocked owners' shares are summed (OFAC FAQ 399, EU Best Practices 2024).
 * - `perDesignatedPerson`: only the holdings of one designated person are summed, with what entities held
 *   for that person hold; holdings under one joint arrangement are summed together (OFSI guidance 4.14).
 */
export type OwnershipAggregation = 'acrossDesignated' | 'perDesignatedPerson';

/**
 * What an intermediary passes on.
 * - `wholeStakeOfBlockedIntermediary`: an entity blocked by the rule counts as a blocked owner with its whole
 *   stake; an entity that is not blocked passes nothing, however much of it a designated person owns
 *   (OFAC FAQ 401: a 25%-owned intermediary passes nothing; there is no multiplication along a chain).
 * - `heldForDesignatedPerson`: an entity owned more than 50% or controlled by designated person P holds its
 *   stakes for P, so P's holdings through such entities add up for P (and only for P).
 */
export type OwnershipPassThrough = 'wholeStakeOfBlockedIntermediary' | 'heldForDesignatedPerson';

export interface OwnershipRegime {
  id: RegimeId;
  /** The rule's name as a compliance officer knows it. */
  name: string;
  /**
   * The lists whose records are designated persons under this regime. A designated party whose source
   * names no list (one the user marks as designated) counts under every regime; a record of any other list
   * counts under none.
   */
  designatingLists: readonly ListSource[];
  /** Percent of shares (aggregate or per person, see `aggregation`) at which an entity is owned. */
  threshold: number;
  /** True for "50% or more" (≥), false for "more than 50%" (>). */
  inclusive: boolean;
  aggregation: OwnershipAggregation;
  passThrough: OwnershipPassThrough;
  /** Whether control without a majority holding makes an entity blocked. */
  controlBlocks: boolean;
  /** The kinds of control that count where `controlBlocks` is true. */
  controlBases: readonly ControlBasis[];
  /**
   * Where a control edge states the share of the votes it carries, the share it must exceed to be control
   * ("more than 50% of the shares or voting rights"): 25–50% of the votes is not control by itself.
   */
  controlVotesAbove: number;
  /** ISO date from which this version of the rule applies. */
  since: string;
  citations: {
    /** Cited on a step where one owner's stake meets the threshold. */
    threshold: RegimeCitation;
    /** Cited on a step that adds up the stakes of several owners. */
    aggregation: RegimeCitation;
    /** Cited on a step that counts the stake of an entity which is itself blocked by the rule. */
    indirect: RegimeCitation;
    /** Cited on a step where control blocks (or, for OFAC, in the README where it does not). */
    control: RegimeCitation;
    /** Cited when a designation ends or a holding is removed and an entity is no longer blocked. */
    unblocking?: RegimeCitation;
  };
}

// The quotes file (../shared/data/ownership/ownership_rules_quotes.md) calls OFAC FAQ 400 the one on
// aggregation across programmes. The publisher's FAQ 400 (home.treasury.gov …/faqs/400, released 13 Aug
// 2014) is about a blocked individual signing for a non-blocked entity. That programmes aggregate is only
// in a secondary summary (financialcrime.world); nothing here depends on it: OFAC roots are all persons
// OFAC designates, whatever the programme.

const OFAC_FAQ_401: RegimeCitation = {
  label: 'OFAC FAQ 401',
  url: 'https://ofac.treasury.gov/faqs/401',
  quote:
    '"Indirectly," as used in OFAC’s 50 Percent Rule, refers to one or more blocked persons\' ownership of shares of an entity through another entity or entities that are 50 percent or more owned in the aggregate by the blocked person(s). … Example 1: Blocked Person X owns 50 percent of Entity A, and Entity A owns 50 percent of Entity B. Entity B is considered to be blocked.',
  status: 'official',
  verified:
    'Preamble and Examples 1 and 2 match the copy of ofac.treasury.gov/faqs/401 word for word. The stored official copy stops inside Example 3 ("Entity A also owns 40 per"); Example 3\'s facts and conclusion (X 50% of A, 10% of B; A 40% of B; B blocked) were read in the August 2014 FAQ text quoted by Lexology (g=dfee3e19…). The "negative example" (X 25% of A and of B, A and B 50% each of C: C not blocked) was found in no stored copy beyond the quotes file\'s secondary Lexology excerpt; the tests use it as the consequence of the preamble\'s definition, not as a quotation.',
};

const OFAC_FAQ_399: RegimeCitation = {
  label: 'OFAC FAQ 399',
  url: 'https://ofac.treasury.gov/faqs/399',
  quote:
    '[I]f Blocked Person X owns 25 percent of Entity A, and Blocked Person Y owns another 25 percent of Entity A, Entity A is considered to be blocked.',
  status: 'secondary',
  verified:
    'The question ("Does OFAC aggregate ownership stakes of all blocked persons when determining whether an entity is block[ed]…") is on the publisher\'s FAQ topic page (home.treasury.gov …/faqs/topic/1521), whose stored copy ends there. The answer\'s example is quoted here as the quotes file has it from ofaclawyer.net; Lexology\'s August 2014 summary (g=356e1d00…) states the same 25% + 25% example. The rule itself is in the regulations (31 CFR 587.406, read in eCFR mirrors): "directly or indirectly own, whether individually or in the aggregate, a 50 percent or greater interest".',
};

const OFAC_FAQ_398: RegimeCitation = {
  label: 'OFAC FAQ 398',
  url: 'https://ofac.treasury.gov/faqs/398',
  quote:
    'OFAC’s 50 Percent Rule speaks only to ownership and not to control. An entity that is controlled (but not owned 50 percent or more) by one or more blocked persons is not considered automatically blocked pursuant to OFAC’s 50 Percent Rule.',
  status: 'official',
  verified:
    'Matches ofac.treasury.gov/faqs/398 and the FAQ topic page on home.treasury.gov word for word (released 11 Aug 2020 per the topic page).',
};

const OFAC_FAQ_402: RegimeCitation = {
  label: 'OFAC FAQ 402',
  url: 'https://ofac.treasury.gov/faqs/402',
  quote:
    'If one or more blocked persons divest their ownership stake such that the resulting combined ownership by blocked persons is less than 50 percent, the entity is no longer considered automatically to be a blocked entity.',
  status: 'secondary',
  verified:
    'No copy of ofac.treasury.gov/faqs/402 was stored; the text (question and answer) was read in a verbatim repost on a forum page (red.rankia.com). Not checked against the publisher.',
};

const EU_OWNERSHIP: RegimeCitation = {
  label: 'EU Best Practices 2024 (ownership)',
  url: 'https://www.dlapiper.com/en/insights/publications/2024/08/changes-to-the-eu-sanctions-best-practices',
  quote:
    'the criterium of ownership has been changed to “50% or more” of the proprietary rights of an entity, where before the threshold was “more than 50%”.',
  status: 'secondary',
  verified:
    'The Council\'s document (Update of the EU Best Practices for the effective implementation of restrictive measures, 3 July 2024) was found in no stored copy. DLA Piper (6 Aug 2024), Sorainen and Plesner each state the change from "more than 50%" to "50% or more"; the quotes file\'s wording of the paragraph ("the possession of 50% or more of the proprietary rights of an entity or having majority interest in it") matches the earlier paragraph 62 as alphaumi.com quotes it, apart from the threshold.',
};

const EU_AGGREGATION: RegimeCitation = {
  label: 'EU Best Practices 2024 (aggregation)',
  url: 'https://www.dlapiper.com/en/insights/publications/2024/08/changes-to-the-eu-sanctions-best-practices',
  quote:
    'where the sum of the ownership percentages of all designated persons or entities in a non-designated entity is 50% or more, this will result in the latter being considered sanctioned, regardless of whether the designated persons or entities are acting in concert',
  status: 'secondary',
  verified:
    'A law firm\'s summary of the Council text (DLA Piper, 6 Aug 2024). The 30% + 25% example the quotes file attributes to the Best Practices is, in the copies found, the Commission\'s Russia FAQ of 8 April 2022 ("if one listed person owns 30% of the entity and another listed person owns 25% of the entity, the entity should be considered as owned by listed persons"), read in a forum repost; Sorainen says the Council "reiterated" that FAQ\'s interpretation.',
};

const EU_CONTROL: RegimeCitation = {
  label: 'EU Best Practices 2024 (control)',
  url: 'https://sorainen.com/publications/enhancing-sanctions-effectiveness-key-changes-in-eu-best-practices',
  quote:
    'When assessing whether a legal person or entity is subject to EU restrictive measures, operators must consider not only direct ownership, but also the concept of “control.”',
  status: 'secondary',
  verified:
    "Only secondary copies were found. That control extends the freeze is stated by Sorainen and Plesner; the control indicators the quotes file lists (right to appoint or remove a majority of the board, voting rights by agreement, largest shareholder, buyback options) were found in no stored copy of the Council text. The board, voting-rights and other bases are taken from the quotes file and from the UK guidance's parallel list.",
};

const UK_OWNERSHIP_AND_CONTROL: RegimeCitation = {
  label: 'OFSI ownership and control guidance',
  url: 'https://www.gov.uk/government/publications/ownership-and-control-public-officials-and-control-guidance/ownership-and-control-public-officials-and-control-guidance',
  quote:
    'the person holds (directly or indirectly) more than 50% of the shares or voting rights in an entity; the person has the right (directly or indirectly) to appoint or remove a majority of the board of directors of the entity, or it is reasonable to expect that the person would be able to ensure the affairs of the entity are conducted in accordance with the person’s wishes',
  status: 'official',
  verified:
    'Matches the copy of the gov.uk page (published 17 Nov 2023, updated 20 Aug 2024), which restates the test "as set out in UK financial sanctions general guidance". The general guidance itself (chapter 4) was found in no stored copy.',
};

const OFSI_4_14: RegimeCitation = {
  label: 'OFSI general guidance 4.14',
  url: 'https://mrwatchlist.com/2022/03/22/ofsi-updates-ownership-control-guidance/',
  quote:
    'OFSI would not simply aggregate different designated persons’ holdings in a company, unless, for example, the shares or rights are subject to a joint arrangement between the designated parties or one party controls the rights of another.',
  status: 'secondary',
  verified:
    "The paragraph (added March 2022) was read in mrwatchlist.com's reproduction; natlawreview.com and Eversheds Sutherland summarise it the same way. The general guidance on gov.uk was found in no stored copy.",
};

/** The three regimes. Edit here, with the citation, when a regulator changes its rule. */
export const OWNERSHIP_REGIMES: Readonly<Record<RegimeId, OwnershipRegime>> = {
  ofac: {
    id: 'ofac',
    name: 'OFAC 50 Percent Rule',
    // The rule follows blocked persons: the SDN list. The consolidated non-SDN lists (sectoral and other
    // restrictions) do not block, so their records are not roots.
    designatingLists: ['ofac-sdn'],
    threshold: 50,
    inclusive: true,
    aggregation: 'acrossDesignated',
    passThrough: 'wholeStakeOfBlockedIntermediary',
    // FAQ 398: control without 50% ownership does not block automatically (OFAC may designate separately).
    controlBlocks: false,
    controlBases: [],
    controlVotesAbove: 50,
    since: '2014-08-13',
    citations: {
      threshold: OFAC_FAQ_401,
      aggregation: OFAC_FAQ_399,
      indirect: OFAC_FAQ_401,
      control: OFAC_FAQ_398,
      unblocking: OFAC_FAQ_402,
    },
  },
  eu: {
    id: 'eu',
    name: 'EU ownership and control (Council Best Practices, July 2024)',
    // The EU's own consolidated list (Financial Sanctions Files), and the UN Security Council's designations,
    // which the EU freezes through Council regulations: the records of both are EU roots.
    designatingLists: ['eu-fsf', 'un-sc'],
    // "50% or more" since the 3 July 2024 update; "more than 50%" before.
    threshold: 50,
    inclusive: true,
    aggregation: 'acrossDesignated',
    passThrough: 'wholeStakeOfBlockedIntermediary',
    controlBlocks: true,
    controlBases: ['boardAppointment', 'votingRights', 'other'],
    controlVotesAbove: 50,
    since: '2024-07-03',
    citations: { threshold: EU_OWNERSHIP, aggregation: EU_AGGREGATION, indirect: EU_OWNERSHIP, control: EU_CONTROL },
  },
  uk: {
    id: 'uk',
    name: 'UK ownership and control (OFSI)',
    // The UK list carries the UN designations the UK implements; the UN list's own records are taken too,
    // so that a graph built from the UN list alone is evaluated.
    designatingLists: ['uk-hmt', 'un-sc'],
    threshold: 50,
    inclusive: false,
    aggregation: 'perDesignatedPerson',
    passThrough: 'heldForDesignatedPerson',
    controlBlocks: true,
    controlBases: ['boardAppointment', 'votingRights', 'other'],
    controlVotesAbove: 50,
    since: '2022-03-23',
    citations: {
      threshold: UK_OWNERSHIP_AND_CONTROL,
      aggregation: OFSI_4_14,
      indirect: UK_OWNERSHIP_AND_CONTROL,
      control: UK_OWNERSHIP_AND_CONTROL,
    },
  },
};

/** All three regimes, in a fixed order. */
export const ALL_OWNERSHIP_REGIMES: readonly OwnershipRegime[] = REGIME_IDS.map((id) => OWNERSHIP_REGIMES[id]);
