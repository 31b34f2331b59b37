/**
 * @module trade/dprk-measures
 * The DPRK goods measures of Security Council resolutions 2270 (2016), 2321 (2016), 2371 (2017),
 * 2375 (2017) and 2397 (2017) as data: one row per measure, each with its citation, the resolution's words,
 * the HS codes, caps and exemptions, and how far it was checked. It began as
 * `../shared/data/trade/dprk_sectoral_measures.csv` (a first draft, its rows marked `MEMORY-verify`); every
 * row was then looked for in stored copies of public pages (2026-12-07, issue 17), and `verification` says,
 * row by row, what was found and what was not. No copy of the resolutions' own documents (S/RES/…) was
 * found; where a row's paragraph number rests on a secondary quotation, or on nothing found, it says so.
 *
 * A second search (2026-12-07, version .2) looked for the operative paragraphs of the partly-checked rows
 * in the UN press releases, the resolutions' own wording, the 1718 Committee's pages and the UN Sanctions
 * App. It checked one more row (2321 para 26, through the Committee's coal page). Full-text copies of 2371
 * exist (https://lawglobalhub.com/united-nations-security-council-resolution-2371-non-proliferation-democratic-peoples-republic-of-korea,
 * and https://tedmontgomery.com/remarks/17.7-12/NKorea/Resolution2371.adopted.html, a copy of press release
 * SC/12945), but the search tools gave only their opening, before the operative paragraphs: they are where
 * a reader with the whole page would check 2371 paras 8 to 10 next.
 *
 * Changes from the draft: the 2371 iron and the 2270 iron rows cover pig iron and direct-reduced iron
 * (7201, 7203, 7205) whole and the rest of chapter 72 in part (the draft wrote "72(part)"); 2397 para 14
 * (new or used vessels) replaces 2321 para 30 for vessels; the cap rows carry both limits where the
 * resolution gives two; the exemptions a shipment can show (Rajin transit, contracts before adoption,
 * civil aircraft parts) are data the evaluator applies; every row has an adoption date and, where a later
 * resolution took its place, the date and the measure that did.
 *
 * @example
 * DPRK_MEASURES.measures.find((m) => m.id === 'unscr-2371-8')!.citation // 'UNSCR 2371 (2017) para 8'
 */
import type { CountryRule, GoodsMeasure, MeasureVerification, TradeMeasures } from './measures.js';

/** The pages read, as cited in `verification.sources`. All were read as stored copies on 2026-12-07. */
export const MEASURE_SOURCES = {
  un1718:
    'UN 1718 Committee, resolutions page (unofficial descriptions): https://main.un.org/securitycouncil/en/sanctions/1718/resolutions',
  un1718Old: 'UN 1718 Committee, resolutions page (2017 copy): https://www.un.org/sc/suborg/en/sanctions/1718/resolutions',
  unRes2375: 'UN Security Council, S/RES/2375 (2017) summary (French): https://www.un.org/securitycouncil/fr/s/res/2375-%282017%29',
  un1718Refined:
    'UN 1718 Committee, exemptions page for refined petroleum products (Arabic), citing "paragraph 5 of resolution 2397 (2017)": https://main.un.org/securitycouncil/ar/sanctions/1718/exemptions-measures/arms-embargo/refined-petroleum-products',
  usFact2397: 'US Mission to the UN, fact sheet on UNSCR 2397 (22 Dec 2017), numbering OP4 and OP5: https://usun.state.gov/remarks/8238',
  usFact2371:
    'US Embassy Cairo, fact sheet on resolution 2371 (5 Aug 2017): https://eg.usembassy.gov/fact-sheet-strengthening-sanctions-north-korea/',
  usFact2321:
    'US Embassy Seoul, fact sheet on resolution 2321 (30 Nov 2016): https://kr.usembassy.gov/113016-fact-sheet-resolution-2321-2016-strengthening-sanctions-dprk/',
  appAviation:
    'UN Sanctions App (Graduate Institute Geneva), "Aviation fuel imports", quoting UNSCR 2270 (2016) para 31: https://unsanctionsapp.com/types-of-sanctions/aviation-fuel-imports',
  appTransport:
    'UN Sanctions App, "Transportation vehicles", quoting UNSCR 2321 (2016) para 30, UNSCR 2397 (2017) paras 6 and 14: https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles',
  appShipping:
    'UN Sanctions App, "Shipping", quoting UNSCR 2270 (2016) para 18: https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping',
  asil2371:
    'ASIL, "UN Security Council Passes Resolution 2371" (quotes the coal, iron and iron ore ban): https://asil.org/print/blogs/un-security-council-passes-resolution-strengthening-sanctions-against-north-korea-august-5',
  reuters2017:
    'Reuters, "U.N. sanctions on North Korea" (19 Apr 2017): http://uk.reuters.com/article/northkorea-usa-sanctions-idUKL3N1HR1LZ',
  freekorea: 'freekorea.us, "Understanding North Korea sanctions: U.N. Security Council Resolutions": https://freekorea.us/sanctions-unsc',
  lexology2321:
    'Lexology, resolution 2321 summary (30 Nov 2016): https://www.lexology.com/library/detail.aspx?g=432ba8d1-ee8c-4c6b-85cc-ee533095424d',
  thompson2375:
    'Thompson Hine SmarTrade, resolution 2375 (11 Sep 2017): https://www.thompsonhinesmartrade.com/2017/09/united-nations-adds-sanctions-north-korea/',
  fashion2375:
    'Fibre2Fashion via FashionNetwork, textile ban of 2375: http://in.fashionnetwork.com/news/Fresh-UNSC-sanctions-on-DPRK-include-textile-exports-ban,867094.html',
  openNuclear:
    'Open Nuclear Network, DPRK sanctions measures database (pages 8 and 11): https://platform.opennuclear.org/sanctions/details?page=11',
  euRajin:
    'EU Council decision text on the Rajin coal exemption (EN/FR, wordscope.be copy): http://www.wordscope.be/francais/anglais/confirmés+depuis+lors.html',
  euArt9e:
    'EU Regulation 2017/1509 art. 9e, implementing 2397 (betterregulation.com copy): https://service.betterregulation.com/document/578840',
  euArt16g: 'EU Regulation 2017/1509 art. 16g, citing "paragraph 4 of UNSCR 2397 (2017)" (betterregulation.com copy)',
  topwar2371:
    'Press report of 5 Aug 2017 on 2371, after RIA (contracted imports to be completed within a month of adoption): https://it.topwar.ru/121967-tramp-vyrazil-priznatelnost-moskve-i-pekinu-za-golosovanie-po-sankciyam-protiv-kndr.html',
  redstateCoal2321:
    'RedState (9 Jun 2017), quoting the UN 1718 Committee’s coal page: "Pursuant to paragraph 26 (b) of resolution 2321 (2016), total exports to all Member States of coal originating from the DPRK shall not exceed the aggregate of 400,870,018 US dollars or 7,500,000 metric tons, whichever is lower, between 1 January 2017 and 31 December 2017": http://redstate.com/streiff/2017/06/09/north-korea-coal-april-n72969',
  euCoalCap:
    'EU Council decision text on the 2321 coal cap (EN/NL, wordscope.be copy): "400 870 018 US dollars or 7 500 000 metric tons per year, whichever is lower, beginning on 1 January 2017": http://wordscope.be/engels/nederlands/aggregation.html',
} as const;

const S = MEASURE_SOURCES;

function verified(state: MeasureVerification['state'], checked: string, unchecked: string, sources: string[]): MeasureVerification {
  return { state, checked, unchecked, sources };
}

const PRIMARY_IRON = [
  { code: '7201', coverage: 'whole', label: 'pig iron and spiegeleisen' },
  { code: '7203', coverage: 'whole', label: 'ferrous products obtained by direct reduction of iron ore (sponge iron)' },
  { code: '7205', coverage: 'whole', label: 'granules and powders of pig iron, spiegeleisen, iron or steel' },
  { code: '72', coverage: 'part', label: 'iron and steel (the resolutions name iron, not steel)' },
] as const;

const COAL = { code: '2701', coverage: 'whole', label: 'coal; briquettes and similar solid fuels manufactured from coal' } as const;
const IRON_ORE = { code: '2601', coverage: 'whole', label: 'iron ores and concentrates' } as const;

/** The HS codes of aircraft parts: heading 8803 until HS 2022, 8807 since. */
const AIRCRAFT_PARTS = ['8803', '8807'];

const MEASURES: readonly GoodsMeasure[] = [
  {
    id: 'unscr-2270-29',
    resolution: '2270 (2016)',
    paragraph: '29',
    citation: 'UNSCR 2270 (2016) para 29',
    adopted: '2016-03-02',
    replaced: { on: '2016-11-30', by: 'unscr-2321-26' },
    direction: 'export-from-dprk',
    kind: 'ban',
    words:
      'coal, iron, and iron ore (with exceptions: coal from outside the DPRK exported through Rajin; transactions exclusively for livelihood purposes)',
    hs: [COAL, IRON_ORE, ...PRIMARY_IRON],
    hsSource: 'mapping',
    exemptions: [
      {
        kind: 'transit-via-rajin',
        words:
          'coal that, as confirmed by the procuring State on the basis of credible information, originated outside the DPRK and was transported through the DPRK solely for export from the port of Rajin (Rason)',
      },
      {
        kind: 'livelihood',
        words:
          'transactions that are determined to be exclusively for livelihood purposes and unrelated to generating revenue for the DPRK’s nuclear or ballistic missile programmes',
      },
    ],
    verification: verified(
      'partly-checked',
      'The goods (coal, iron, iron ore), the livelihood exception and the Rajin transit exception are described in Reuters (2017-04-19) and freekorea.us; the Rajin exception’s wording is the EU decision text’s.',
      'The paragraph number 29 was not found quoted; the HS codes are this project’s mapping (the resolution names no codes). A second search (2026-12-07) for 2270’s own wording found no stored page quoting paragraph 29.',
      [S.reuters2017, S.freekorea, S.euRajin],
    ),
  },
  {
    id: 'unscr-2270-30',
    resolution: '2270 (2016)',
    paragraph: '30',
    citation: 'UNSCR 2270 (2016) para 30',
    adopted: '2016-03-02',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'gold, titanium ore, vanadium ore, and rare earth minerals',
    hs: [
      { code: '7108', coverage: 'whole', label: 'gold (including gold plated with platinum)' },
      { code: '2614', coverage: 'whole', label: 'titanium ores and concentrates' },
      { code: '2615', coverage: 'part', label: 'niobium, tantalum, vanadium or zirconium ores (vanadium ore only)' },
      { code: '280530', coverage: 'whole', label: 'rare-earth metals, scandium and yttrium' },
      { code: '2846', coverage: 'whole', label: 'compounds of rare-earth metals, of yttrium or of scandium' },
      { code: '2617', coverage: 'part', label: 'other ores and concentrates (rare earth ores among them)' },
    ],
    hsSource: 'mapping',
    keywords: ['vanadium', 'rare earth', 'rare-earth', 'monazite', 'bastnaesite', 'bastnasite'],
    exemptions: [],
    verification: verified(
      'partly-checked',
      'The goods (gold, titanium ore, vanadium ore, rare earth minerals) are listed as banned DPRK exports by Reuters (2017-04-19) and freekorea.us.',
      'The paragraph number 30 was not found quoted; the HS codes are this project’s mapping. A second search (2026-12-07) for 2270’s own wording (“gold, titanium ore, vanadium ore, and rare earth minerals”) found no stored page quoting paragraph 30.',
      [S.reuters2017, S.freekorea],
    ),
  },
  {
    id: 'unscr-2270-31',
    resolution: '2270 (2016)',
    paragraph: '31',
    citation: 'UNSCR 2270 (2016) para 31',
    adopted: '2016-03-02',
    direction: 'supply-to-dprk',
    kind: 'ban',
    words: 'aviation fuel, including aviation gasoline, naphtha-type jet fuel, kerosene-type jet fuel, and kerosene-type rocket fuel',
    hs: [
      { code: '271012', coverage: 'part', label: 'light petroleum oils (aviation gasoline and naphtha-type jet fuel among them)' },
      { code: '271019', coverage: 'part', label: 'other petroleum oils (kerosene-type jet and rocket fuel among them)' },
    ],
    hsSource: 'mapping',
    keywords: ['aviation fuel', 'aviation gasoline', 'avgas', 'jet fuel', 'jet a-1', 'jet a1', 'jp-8', 'rocket fuel', 'kerosene-type jet'],
    exemptions: [
      {
        kind: 'committee-approval',
        words:
          'unless the Committee has approved in advance on an exceptional case-by-case basis the transfer to the DPRK of such products for verified essential humanitarian needs',
      },
      {
        kind: 'civil-aircraft-fuel',
        words:
          'this provision shall not apply with respect to the sale or supply of aviation fuel to civilian passenger aircraft outside the DPRK exclusively for consumption during its flight to the DPRK and its return flight',
      },
    ],
    verification: verified(
      'checked',
      'Paragraph number, the goods and both exemptions found quoted as "UNSCR 2270 (2016), Paragraph 31" by the UN Sanctions App.',
      'The HS codes are this project’s mapping (the resolution names none).',
      [S.appAviation],
    ),
  },
  {
    id: 'unscr-2321-26',
    resolution: '2321 (2016)',
    paragraph: '26',
    citation: 'UNSCR 2321 (2016) para 26',
    adopted: '2016-11-30',
    replaced: { on: '2017-08-05', by: 'unscr-2371-8' },
    direction: 'export-from-dprk',
    kind: 'cap',
    words:
      'coal, capped at an aggregate of US$ 400,870,018 or 7,500,000 metric tons a year, whichever is lower (iron and iron ore only for livelihood purposes)',
    hs: [COAL, IRON_ORE, ...PRIMARY_IRON],
    hsSource: 'mapping',
    cap: {
      words: 'US$ 400,870,018 or 7,500,000 metric tons of coal per calendar year from 1 January 2017, whichever is lower',
      limits: [
        { quantity: 400_870_018, unit: 'usd', period: 'calendar year from 1 January 2017' },
        { quantity: 7_500_000, unit: 'tonnes', period: 'calendar year from 1 January 2017' },
      ],
      reporting: 'the procuring State notifies the Committee of the amount of coal procured each month',
    },
    exemptions: [
      {
        kind: 'transit-via-rajin',
        words:
          'coal that, as confirmed by the procuring Member State on the basis of credible information, originated from outside the DPRK and was transported through the DPRK solely for export from the port of Rajin (Rason), provided that the Member State notifies the Committee in advance',
      },
      { kind: 'livelihood', words: 'iron and iron ore: transactions determined to be exclusively for livelihood purposes' },
    ],
    verification: verified(
      'checked',
      'Paragraph number, goods and both limits found quoted together: the UN 1718 Committee’s coal page, as quoted by RedState (2017-06-09), reads "Pursuant to paragraph 26 (b) of resolution 2321 (2016), total exports … of coal originating from the DPRK shall not exceed the aggregate of 400,870,018 US dollars or 7,500,000 metric tons, whichever is lower, between 1 January 2017 and 31 December 2017"; the EU decision text gives the same figures "per year … beginning on 1 January 2017". The livelihood condition for iron and iron ore and the Rajin exemption are in Reuters (2017-04-19); the Rajin exemption’s wording is the EU decision text’s.',
      'The quotation is the Committee’s, read through a blog, not the S/RES document itself; the livelihood and Rajin sub-paragraphs were not found quoted with their paragraph letters. The EU text also gives a first-period limit (US$ 53,495,894 or 1,000,866 tonnes, from adoption to 31 December 2016), which this row does not carry. The HS codes are this project’s mapping.',
      [S.redstateCoal2321, S.euCoalCap, S.reuters2017, S.usFact2321, S.euRajin],
    ),
  },
  {
    id: 'unscr-2321-28',
    resolution: '2321 (2016)',
    paragraph: '28',
    citation: 'UNSCR 2321 (2016) para 28',
    adopted: '2016-11-30',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'copper, nickel, silver and zinc',
    hs: [
      { code: '74', coverage: 'whole', label: 'copper and articles thereof' },
      { code: '75', coverage: 'whole', label: 'nickel and articles thereof' },
      { code: '7106', coverage: 'whole', label: 'silver, unwrought or semi-manufactured' },
      { code: '79', coverage: 'whole', label: 'zinc and articles thereof' },
      { code: '2603', coverage: 'part', label: 'copper ores and concentrates (the resolution names the metals)' },
      { code: '2604', coverage: 'part', label: 'nickel ores and concentrates (the resolution names the metals)' },
      { code: '2608', coverage: 'part', label: 'zinc ores and concentrates (the resolution names the metals)' },
      { code: '261610', coverage: 'part', label: 'silver ores and concentrates (the resolution names the metals)' },
    ],
    hsSource: 'mapping',
    exemptions: [],
    verification: verified(
      'partly-checked',
      'The goods ("prohibitions on the purchase from the DPRK of copper, nickel, silver and zinc") are in Lexology’s summary of 2321 and in Reuters (2017-04-19).',
      'The paragraph number 28 was not found quoted; whether ores are covered was not found; the HS codes are this project’s mapping. A second search (2026-12-07) for the goods’ wording and for the UN Sanctions App’s form (“UNSCR 2321 (2016), Paragraph 28”) found no stored page quoting paragraph 28.',
      [S.lexology2321, S.reuters2017],
    ),
  },
  {
    id: 'unscr-2321-29',
    resolution: '2321 (2016)',
    paragraph: '29',
    citation: 'UNSCR 2321 (2016) para 29',
    adopted: '2016-11-30',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'statues',
    hs: [
      { code: '9703', coverage: 'whole', label: 'original sculptures and statuary, in any material' },
      { code: '6913', coverage: 'part', label: 'statuettes and other ornamental ceramic articles' },
      { code: '8306', coverage: 'part', label: 'statuettes and other ornaments of base metal' },
    ],
    hsSource: 'mapping',
    keywords: ['statue', 'monument', 'sculpture'],
    exemptions: [],
    verification: verified(
      'partly-checked',
      'The goods ("prohibitions on the export of statues from the DPRK"; "monuments" in the US fact sheet) are in Lexology’s summary and the US fact sheet on 2321.',
      'The paragraph number 29 was not found quoted; the HS codes are this project’s mapping. A second search (2026-12-07) for the goods’ wording and for the UN Sanctions App’s form (“UNSCR 2321 (2016), Paragraph 29”) found no stored page quoting paragraph 29.',
      [S.lexology2321, S.usFact2321],
    ),
  },
  {
    id: 'unscr-2321-30',
    resolution: '2321 (2016)',
    paragraph: '30',
    citation: 'UNSCR 2321 (2016) para 30',
    adopted: '2016-11-30',
    direction: 'supply-to-dprk',
    kind: 'ban',
    words: 'new helicopters and vessels',
    hs: [
      { code: '880211', coverage: 'part', label: 'helicopters of an unladen weight ≤ 2,000 kg (new ones only)' },
      { code: '880212', coverage: 'part', label: 'helicopters of an unladen weight > 2,000 kg (new ones only)' },
      { code: '89', coverage: 'part', label: 'ships, boats and floating structures (new ones only; used ones too from 2397 para 14)' },
    ],
    hsSource: 'mapping',
    exemptions: [{ kind: 'committee-approval', words: 'except as approved in advance by the Committee on a case-by-case basis' }],
    verification: verified(
      'checked',
      'Paragraph number and the goods found quoted as "UNSCR 2321 (2016), Paragraph 30" by the UN Sanctions App.',
      'The Committee-approval exception’s words are from the draft; the HS codes are this project’s mapping (HS does not tell new from used).',
      [S.appTransport],
    ),
  },
  {
    id: 'unscr-2371-8',
    resolution: '2371 (2017)',
    paragraph: '8',
    citation: 'UNSCR 2371 (2017) para 8',
    adopted: '2017-08-05',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'coal, iron, and iron ore',
    hs: [COAL, IRON_ORE, ...PRIMARY_IRON],
    hsSource: 'mapping',
    exemptions: [
      {
        kind: 'transit-via-rajin',
        words:
          'coal that originated outside the DPRK and was transported through the DPRK solely for export from the port of Rajin (Rason), notified to the Committee in advance',
      },
      {
        kind: 'contracts-before-adoption',
        days: 30,
        words: 'shipments under written contracts finalised before the adoption of the resolution, imported within 30 days of it',
      },
    ],
    verification: verified(
      'partly-checked',
      'The words ("shall not supply, sell or transfer, directly or indirectly, from its territory or by its nationals or using its flag vessels or aircraft, coal, iron, and iron ore") are quoted by ASIL; the UN 1718 Committee page says 2371 "introduces a full ban on coal, iron and iron ore"; the US fact sheet calls it a total ban.',
      'The paragraph number 8 was not found quoted. The Rajin exemption is carried over from 2321 (EU text) and the 30-day window for earlier contracts rests on a press report (topwar/RIA, "within a month"), not on the text. The HS codes are this project’s mapping. A second search (2026-12-07): full-text copies of 2371 exist (lawglobalhub.com, and tedmontgomery.com’s copy of press release SC/12945) but only their opening, before the operative paragraphs, could be read; no other source quoting paragraph 8 was found.',
      [S.asil2371, S.un1718Old, S.usFact2371, S.euRajin, S.topwar2371],
    ),
  },
  {
    id: 'unscr-2371-9',
    resolution: '2371 (2017)',
    paragraph: '9',
    citation: 'UNSCR 2371 (2017) para 9',
    adopted: '2017-08-05',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'seafood (including fish, crustaceans, mollusks, and other aquatic invertebrates in all forms)',
    hs: [
      { code: '03', coverage: 'whole', label: 'fish and crustaceans, molluscs and other aquatic invertebrates' },
      { code: '1604', coverage: 'whole', label: 'prepared or preserved fish; caviar' },
      { code: '1605', coverage: 'whole', label: 'crustaceans, molluscs and other aquatic invertebrates, prepared or preserved' },
    ],
    hsSource: 'mapping',
    exemptions: [
      {
        kind: 'contracts-before-adoption',
        days: 30,
        words: 'shipments under written contracts finalised before the adoption of the resolution, imported within 30 days of it',
      },
    ],
    verification: verified(
      'partly-checked',
      'The words ("seafood (including fish, crustaceans, mollusks and other aquatic invertebrates in all forms)") are the UN 1718 Committee’s description of 2371.',
      'The paragraph number 9 was not found quoted; the 30-day window rests on a press report; the HS codes are this project’s mapping. A second search (2026-12-07): full-text copies of 2371 exist (lawglobalhub.com, and tedmontgomery.com’s copy of press release SC/12945) but only their opening, before the operative paragraphs, could be read; no other source quoting paragraph 9 was found.',
      [S.un1718Old, S.usFact2371, S.topwar2371],
    ),
  },
  {
    id: 'unscr-2371-10',
    resolution: '2371 (2017)',
    paragraph: '10',
    citation: 'UNSCR 2371 (2017) para 10',
    adopted: '2017-08-05',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'lead and lead ore',
    hs: [
      { code: '2607', coverage: 'whole', label: 'lead ores and concentrates' },
      { code: '78', coverage: 'whole', label: 'lead and articles thereof' },
    ],
    hsSource: 'mapping',
    exemptions: [
      {
        kind: 'contracts-before-adoption',
        days: 30,
        words: 'shipments under written contracts finalised before the adoption of the resolution, imported within 30 days of it',
      },
    ],
    verification: verified(
      'partly-checked',
      'The goods ("adds lead and lead ore to the banned commodities") are the UN 1718 Committee’s description of 2371 and in the US fact sheet.',
      'The paragraph number 10 was not found quoted; the 30-day window rests on a press report; the HS codes are this project’s mapping. A second search (2026-12-07): full-text copies of 2371 exist (lawglobalhub.com, and tedmontgomery.com’s copy of press release SC/12945) but only their opening, before the operative paragraphs, could be read; no other source quoting paragraph 10 was found.',
      [S.un1718Old, S.usFact2371, S.topwar2371],
    ),
  },
  {
    id: 'unscr-2375-13',
    resolution: '2375 (2017)',
    paragraph: '13',
    citation: 'UNSCR 2375 (2017) para 13',
    adopted: '2017-09-11',
    direction: 'supply-to-dprk',
    kind: 'ban',
    words: 'all condensates and natural gas liquids',
    hs: [
      { code: '2709', coverage: 'part', label: 'crude petroleum oils (condensates among them)' },
      { code: '2711', coverage: 'part', label: 'petroleum gases and other gaseous hydrocarbons (natural gas liquids among them)' },
    ],
    hsSource: 'mapping',
    keywords: ['condensate', 'natural gas liquid', 'ngl'],
    exemptions: [],
    verification: verified(
      'partly-checked',
      'The measure (a complete ban on the supply of all condensates and natural gas liquids) is in the UN’s summary of S/RES/2375 and Thompson Hine’s report.',
      'The paragraph number 13 was not found quoted; the HS codes are this project’s mapping. A second search (2026-12-07: “paragraph 13 of resolution 2375”, the UN Sanctions App’s form, an OP13 in a US fact sheet, the 1718 Committee’s pages) found no stored page quoting paragraph 13. A US draft of the resolution (S/2017/769) is stored, but a draft’s numbering is not the adopted text’s.',
      [S.unRes2375, S.thompson2375],
    ),
  },
  {
    id: 'unscr-2375-14',
    resolution: '2375 (2017)',
    paragraph: '14',
    citation: 'UNSCR 2375 (2017) para 14',
    adopted: '2017-09-11',
    replaced: { on: '2018-01-01', by: 'unscr-2397-5' },
    direction: 'supply-to-dprk',
    kind: 'cap',
    words: 'all refined petroleum products',
    hs: [{ code: '2710', coverage: 'whole', label: 'petroleum oils, other than crude' }],
    hsSource: 'mapping',
    cap: {
      words: '500,000 barrels from 1 October to 31 December 2017, and 2,000,000 barrels a year from 1 January 2018',
      limits: [
        { quantity: 500_000, unit: 'barrels', period: '1 October – 31 December 2017' },
        { quantity: 2_000_000, unit: 'barrels', period: 'twelve months from 1 January 2018' },
      ],
      reporting: 'the supplying State notifies the Committee every 30 days of the amount supplied',
    },
    exemptions: [],
    verification: verified(
      'partly-checked',
      'The cap figures and periods (500,000 barrels 1 Oct–31 Dec 2017; 2 million barrels a year from 1 Jan 2018) are in Thompson Hine’s report and the Open Nuclear Network database.',
      'The paragraph number 14 was not found quoted; HS 2710 as "refined petroleum products" is this project’s mapping. A second search (2026-12-07): the 1718 Committee’s refined-petroleum exemptions page is headed "relevant paragraph of resolution 2375 (2017)", but its copies (French, Arabic) carry the paragraph only as a link, without its number; no stored source quoting paragraph 14 with the goods was found.',
      [S.thompson2375, S.openNuclear, S.unRes2375],
    ),
  },
  {
    id: 'unscr-2375-15',
    resolution: '2375 (2017)',
    paragraph: '15',
    citation: 'UNSCR 2375 (2017) para 15',
    adopted: '2017-09-11',
    replaced: { on: '2017-12-22', by: 'unscr-2397-4' },
    direction: 'supply-to-dprk',
    kind: 'cap',
    words: 'crude oil, in excess of the amount supplied in the twelve months before the adoption of the resolution',
    hs: [{ code: '2709', coverage: 'whole', label: 'crude petroleum oils' }],
    hsSource: 'mapping',
    cap: {
      words:
        'no more than the amount of crude oil supplied by the Member State in the twelve months before 11 September 2017, per twelve months',
      limits: [],
    },
    exemptions: [],
    verification: verified(
      'partly-checked',
      'The measure (crude oil not beyond the amount supplied in the twelve months before adoption, 11 September 2017) is in the UN’s summary of S/RES/2375.',
      'The paragraph number 15 was not found quoted; the cap has no figure (each supplier’s own past amount). The second search (2026-12-07) did not look for paragraph 15 on its own; its searches for 2375 paragraphs 13, 14 and 16 found no readable full text of 2375.',
      [S.unRes2375],
    ),
  },
  {
    id: 'unscr-2375-16',
    resolution: '2375 (2017)',
    paragraph: '16',
    citation: 'UNSCR 2375 (2017) para 16',
    adopted: '2017-09-11',
    direction: 'export-from-dprk',
    kind: 'ban',
    words: 'textiles (including but not limited to fabrics and partially or fully completed apparel products)',
    hs: [{ code: '50-63', coverage: 'whole', label: 'section XI, textiles and textile articles (chapters 50 to 63)' }],
    hsSource: 'mapping',
    exemptions: [
      {
        kind: 'contracts-before-adoption',
        days: 90,
        words: 'written contracts finalised before the adoption of the resolution, imported within 90 days of it (by 10 December 2017)',
      },
    ],
    verification: verified(
      'partly-checked',
      'The words (textiles "notamment, mais non exclusivement, de tissus et de vêtements partiellement ou entièrement assemblés") are in the UN’s summary of S/RES/2375; the 90-day window for earlier contracts (customs procedures completed by 10 December 2017) is in the Open Nuclear Network database.',
      'The paragraph number 16 was not found quoted; chapters 50–63 are this project’s mapping. A second search (2026-12-07: “paragraph 16 of resolution 2375”, the UN Sanctions App’s form, the 1718 Committee’s exemption pages) found no stored page quoting paragraph 16; Fibre2Fashion quotes the ban’s words ("shall not supply, sell or transfer … any kind of textile product") without a paragraph number.',
      [S.unRes2375, S.fashion2375, S.openNuclear],
    ),
  },
  {
    id: 'unscr-2397-4',
    resolution: '2397 (2017)',
    paragraph: '4',
    citation: 'UNSCR 2397 (2017) para 4',
    adopted: '2017-12-22',
    direction: 'supply-to-dprk',
    kind: 'cap',
    words: 'crude oil, beyond 4 million barrels or 525,000 tons in the aggregate per twelve months',
    hs: [{ code: '2709', coverage: 'whole', label: 'crude petroleum oils' }],
    hsSource: 'mapping',
    cap: {
      words: '4 million barrels or 525,000 tons in the aggregate amount per twelve months from 22 December 2017',
      limits: [
        { quantity: 4_000_000, unit: 'barrels', period: 'twelve months from 22 December 2017, and each twelve months after' },
        { quantity: 525_000, unit: 'tonnes', period: 'twelve months from 22 December 2017, and each twelve months after' },
      ],
      reporting: 'the supplying State reports the amount of crude oil supplied to the Committee every 90 days',
    },
    exemptions: [
      {
        kind: 'committee-approval',
        words:
          'crude oil the Committee approves in advance on a case-by-case basis as exclusively for livelihood purposes of DPRK nationals',
      },
    ],
    verification: verified(
      'checked',
      'The US Mission’s fact sheet numbers it OP4 (4 million barrels or 525,000 tons a year, quarterly reports); the UN 1718 Committee page gives the same figures and the 90-day reporting; EU Regulation 2017/1509 art. 16g cites "paragraph 4 of UNSCR 2397 (2017)" for the Committee’s case-by-case approval.',
      'The HS code is this project’s mapping.',
      [S.usFact2397, S.un1718, S.euArt16g],
    ),
  },
  {
    id: 'unscr-2397-5',
    resolution: '2397 (2017)',
    paragraph: '5',
    citation: 'UNSCR 2397 (2017) para 5',
    adopted: '2017-12-22',
    appliesFrom: '2018-01-01',
    direction: 'supply-to-dprk',
    kind: 'cap',
    words: 'all refined petroleum products, beyond 500,000 barrels in the aggregate per twelve months from 1 January 2018',
    hs: [{ code: '2710', coverage: 'whole', label: 'petroleum oils, other than crude' }],
    hsSource: 'mapping',
    cap: {
      words: '500,000 barrels for twelve months beginning on 1 January 2018, and for each twelve months after',
      limits: [{ quantity: 500_000, unit: 'barrels', period: 'twelve months from 1 January 2018, and each twelve months after' }],
      reporting: 'the supplying State notifies the Committee every 30 days of the amount supplied, with the parties to the transaction',
    },
    exemptions: [],
    verification: verified(
      'checked',
      'The US Mission’s fact sheet numbers it OP5 (500,000 barrels a year); the UN 1718 Committee’s exemptions page cites "paragraph 5 of resolution 2397 (2017)" with 500,000 barrels per twelve months from 1 January 2018 and notification every thirty days.',
      'The HS code is this project’s mapping.',
      [S.usFact2397, S.un1718Refined, S.un1718],
    ),
  },
  {
    id: 'unscr-2397-6',
    resolution: '2397 (2017)',
    paragraph: '6',
    citation: 'UNSCR 2397 (2017) para 6',
    adopted: '2017-12-22',
    direction: 'export-from-dprk',
    kind: 'ban',
    words:
      'food and agricultural products (HS codes 12, 08, 07), machinery (HS code 84), electrical equipment (HS code 85), earth and stone including magnesite and magnesia (HS code 25), wood (HS code 44), and vessels (HS code 89)',
    hs: [
      { code: '12', coverage: 'whole', label: 'oil seeds and oleaginous fruits; miscellaneous grains, seeds and fruit' },
      { code: '08', coverage: 'whole', label: 'edible fruit and nuts' },
      { code: '07', coverage: 'whole', label: 'edible vegetables and certain roots and tubers' },
      { code: '84', coverage: 'whole', label: 'machinery and mechanical appliances' },
      { code: '85', coverage: 'whole', label: 'electrical machinery and equipment' },
      { code: '25', coverage: 'whole', label: 'salt; sulphur; earths and stone (magnesite and magnesia among them)' },
      { code: '44', coverage: 'whole', label: 'wood and articles of wood' },
      { code: '89', coverage: 'whole', label: 'ships, boats and floating structures' },
    ],
    hsSource: 'resolution',
    exemptions: [],
    verification: verified(
      'partly-checked',
      'Paragraph 6 and "vessels (HS code 89)" found quoted as "UNSCR 2397 (2017), Paragraph 6" by the UN Sanctions App; the goods (food and agricultural products, machinery, electrical equipment, earth and stone including magnesite and magnesia, wood, vessels) are the UN 1718 Committee’s description of 2397.',
      'The HS codes 12, 08, 07, 84, 85, 25 and 44 were not found quoted (only HS 89 was); they are the draft’s reading of the text, which the UN Sanctions App confirms names HS codes for each item. A second search (2026-12-07) looked for the paragraph’s HS-code wording: it was not found quoted beyond "vessels (HS code 89)".',
      [S.appTransport, S.un1718],
    ),
  },
  {
    id: 'unscr-2397-7',
    resolution: '2397 (2017)',
    paragraph: '7',
    citation: 'UNSCR 2397 (2017) para 7',
    adopted: '2017-12-22',
    direction: 'supply-to-dprk',
    kind: 'ban',
    words:
      'all industrial machinery (HS codes 84 and 85), transportation vehicles (HS codes 86 through 89), and iron, steel, and other metals (HS codes 72 through 83)',
    hs: [
      { code: '84', coverage: 'whole', label: 'machinery and mechanical appliances' },
      { code: '85', coverage: 'whole', label: 'electrical machinery and equipment' },
      { code: '86-89', coverage: 'whole', label: 'railway, road and air vehicles, vessels' },
      { code: '72-83', coverage: 'whole', label: 'base metals and articles of base metal' },
    ],
    hsSource: 'resolution',
    exemptions: [
      {
        kind: 'civil-aircraft-parts',
        words: 'spare parts needed to maintain the safe operation of DPRK commercial civilian passenger aircraft currently in use',
        hs: AIRCRAFT_PARTS,
      },
    ],
    verification: verified(
      'partly-checked',
      'The goods (all industrial machinery, transportation vehicles, iron, steel and other metals) and the exemption for spare parts of DPRK commercial civilian passenger aircraft are the UN 1718 Committee’s description of 2397 and EU Regulation 2017/1509 art. 9e.',
      'The paragraph number 7 and the HS codes 84, 85, 86–89 and 72–83 were not found quoted; they are the draft’s reading of the text. A second search (2026-12-07): the UN Sanctions App’s "Transportation vehicles" page has a section quoting 2397 on the supply of transportation vehicles to the DPRK, but the stored copy ends before its paragraph number and HS codes, so it confirms neither.',
      [S.un1718, S.euArt9e, S.openNuclear],
    ),
  },
  {
    id: 'unscr-2397-14',
    resolution: '2397 (2017)',
    paragraph: '14',
    citation: 'UNSCR 2397 (2017) para 14',
    adopted: '2017-12-22',
    direction: 'supply-to-dprk',
    kind: 'ban',
    words: 'any new or used vessels',
    hs: [{ code: '89', coverage: 'whole', label: 'ships, boats and floating structures' }],
    hsSource: 'mapping',
    exemptions: [],
    verification: verified(
      'checked',
      'Paragraph number and the goods found quoted as "UNSCR 2397 (2017), Paragraph 14" by the UN Sanctions App.',
      'HS chapter 89 for "vessels" is this project’s mapping for this paragraph (2397 para 6 names HS 89 for vessels).',
      [S.appTransport],
    ),
  },
];

const CARGO_INSPECTION_VERIFIED = verified(
  'checked',
  'Paragraph number and words found quoted as "UNSCR 2270 (2016), Paragraph 18" by the UN Sanctions App.',
  'That a shipment touching the DPRK is for review (not prohibited) is this project’s reading: the paragraph obliges inspection, not refusal.',
  [S.appShipping],
);

const COUNTRY_RULES: readonly CountryRule[] = [
  {
    id: 'dprk-cargo',
    citation: 'UNSCR 2270 (2016) para 18',
    words:
      'all States shall inspect the cargo within or transiting through their territory … that has originated in the DPRK, or that is destined for the DPRK',
    verification: CARGO_INSPECTION_VERIFIED,
  },
  {
    id: 'dprk-port-transit',
    citation: 'UNSCR 2270 (2016) para 18',
    words: 'cargo … that is being transported on DPRK flagged aircraft or maritime vessels, or transits the DPRK, is inspected',
    verification: CARGO_INSPECTION_VERIFIED,
  },
  {
    id: 'dprk-origin-via-third-port',
    citation: 'UNSCR 2270 (2016) para 18',
    words:
      'cargo that has originated in the DPRK is inspected wherever it transits: DPRK-origin goods loaded at a third country’s port are a known evasion pattern',
    verification: CARGO_INSPECTION_VERIFIED,
  },
  {
    id: 'origin-declared-elsewhere-loaded-in-dprk',
    citation: 'UNSCR 2270 (2016) para 18',
    words: 'goods loaded at a DPRK port but declared of another origin are cargo originating in the DPRK until shown otherwise',
    verification: CARGO_INSPECTION_VERIFIED,
  },
];

/**
 * The measures in force in this version. Bump `version` with every change of a row: decisions record the
 * version they were made under.
 */
export const DPRK_MEASURES: TradeMeasures = {
  version: '2026-12-07.2',
  regime: 'UN Security Council, resolution 1718 (2006) and successors (DPRK)',
  target: 'KP',
  measures: MEASURES,
  countryRules: COUNTRY_RULES,
};
