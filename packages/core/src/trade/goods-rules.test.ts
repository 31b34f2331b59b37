/**
 * Each goods measure with a shipment it prohibits (or, for caps and codes it covers in part, sends to
 * review) and one it leaves alone; the exemptions a shipment can show; the country and routing patterns.
 * The shipments are written by hand here; `screen-shipment.test.ts` screens them against the real lists.
 */
import { describe, expect, it } from 'vitest';
import { DPRK_MEASURES } from './dprk-measures.js';
import { countryReasons, goodsReasons } from './goods-rules.js';
import { decisionOf } from './reasons.js';
import type { Shipment, ShipmentCountry, ShipmentParty } from './shipment.js';

const country = (code: string): ShipmentCountry => ({ code, written: code });

/** A shipment from the DPRK (origin and port) to China, dated 2018-06-01 unless the case says otherwise. */
function fromDprk(hs: string, description: string, date = '2018-06-01', extra: Partial<Shipment> = {}): Shipment {
  return {
    id: 'S',
    date,
    origin: country('KP'),
    destination: country('CN'),
    portOfLoading: { name: 'Nampo', country: country('KP') },
    portOfDischarge: { name: 'Dalian', country: country('CN') },
    goods: [{ hs, description }],
    parties: [],
    ...extra,
  };
}

/** A shipment from China to the DPRK. */
function toDprk(hs: string, description: string, date = '2018-06-01', extra: Partial<Shipment> = {}): Shipment {
  return {
    id: 'S',
    date,
    origin: country('CN'),
    destination: country('KP'),
    portOfLoading: { name: 'Dalian', country: country('CN') },
    portOfDischarge: { name: 'Nampo', country: country('KP') },
    goods: [{ hs, description }],
    parties: [],
    ...extra,
  };
}

/** The same goods between two other countries: no measure reaches them. */
function elsewhere(hs: string, description: string, date = '2018-06-01'): Shipment {
  return {
    id: 'S',
    date,
    origin: country('AU'),
    destination: country('JP'),
    portOfLoading: { name: 'Newcastle', country: country('AU') },
    portOfDischarge: { name: 'Yokohama', country: country('JP') },
    goods: [{ hs, description }],
    parties: [],
  };
}

/** The goods reasons as [citation, effect] pairs. */
function goods(shipment: Shipment): [string, string][] {
  return goodsReasons(shipment, DPRK_MEASURES).map((r) => [r.rule, r.effect]);
}

interface MeasureCase {
  why: string;
  shipment: Shipment;
  expect: [string, 'prohibited' | 'review'];
}

const CASES: MeasureCase[] = [
  // 2270 (2016)
  {
    why: 'DPRK coal in 2016 under 2270: banned save for livelihood purposes, which only an analyst can confirm',
    shipment: fromDprk('2701.12', 'anthracite', '2016-06-01'),
    expect: ['UNSCR 2270 (2016) para 29', 'review'],
  },
  { why: 'DPRK gold', shipment: fromDprk('7108.12', 'gold bars'), expect: ['UNSCR 2270 (2016) para 30', 'prohibited'] },
  {
    why: 'DPRK vanadium ore named in the description makes HS 2615 whole',
    shipment: fromDprk('2615.90', 'vanadium ore concentrate'),
    expect: ['UNSCR 2270 (2016) para 30', 'prohibited'],
  },
  {
    why: 'jet fuel to the DPRK, named as such',
    shipment: toDprk('2710.19', 'kerosene-type jet fuel (Jet A-1)'),
    expect: ['UNSCR 2270 (2016) para 31', 'prohibited'],
  },
  // 2321 (2016)
  {
    why: 'DPRK coal in 2017 under the 2321 cap: review, the cap cited',
    shipment: fromDprk('2701', 'anthracite', '2017-03-01'),
    expect: ['UNSCR 2321 (2016) para 26', 'review'],
  },
  { why: 'DPRK copper cathodes', shipment: fromDprk('7403.11', 'copper cathodes'), expect: ['UNSCR 2321 (2016) para 28', 'prohibited'] },
  { why: 'DPRK zinc', shipment: fromDprk('7901', 'unwrought zinc'), expect: ['UNSCR 2321 (2016) para 28', 'prohibited'] },
  { why: 'a DPRK bronze statue', shipment: fromDprk('9703', 'bronze statue'), expect: ['UNSCR 2321 (2016) para 29', 'prohibited'] },
  {
    why: 'a vessel to the DPRK in 2017: 2321 bans new ones, HS cannot tell new from used',
    shipment: toDprk('8901.90', 'cargo vessel', '2017-03-01'),
    expect: ['UNSCR 2321 (2016) para 30', 'review'],
  },
  // 2371 (2017)
  { why: 'DPRK coal after 2371', shipment: fromDprk('2701.12', 'anthracite'), expect: ['UNSCR 2371 (2017) para 8', 'prohibited'] },
  { why: 'DPRK iron ore after 2371', shipment: fromDprk('2601.11', 'iron ore fines'), expect: ['UNSCR 2371 (2017) para 8', 'prohibited'] },
  { why: 'DPRK pig iron after 2371', shipment: fromDprk('7201.10', 'pig iron'), expect: ['UNSCR 2371 (2017) para 8', 'prohibited'] },
  { why: 'DPRK frozen crab', shipment: fromDprk('0306.14', 'frozen crab'), expect: ['UNSCR 2371 (2017) para 9', 'prohibited'] },
  { why: 'DPRK canned clams', shipment: fromDprk('1605.56', 'clams, prepared'), expect: ['UNSCR 2371 (2017) para 9', 'prohibited'] },
  { why: 'DPRK lead ore', shipment: fromDprk('2607', 'lead ore concentrate'), expect: ['UNSCR 2371 (2017) para 10', 'prohibited'] },
  // 2375 (2017)
  {
    why: 'natural gas condensate to the DPRK',
    shipment: toDprk('2709.00', 'natural gas condensate'),
    expect: ['UNSCR 2375 (2017) para 13', 'prohibited'],
  },
  {
    why: 'diesel to the DPRK in October 2017, under the 2375 cap',
    shipment: toDprk('2710.19', 'diesel fuel', '2017-10-15'),
    expect: ['UNSCR 2375 (2017) para 14', 'review'],
  },
  {
    why: 'crude oil to the DPRK in October 2017, frozen at the past year’s amount',
    shipment: toDprk('2709', 'crude oil', '2017-10-15'),
    expect: ['UNSCR 2375 (2017) para 15', 'review'],
  },
  { why: 'DPRK-made men’s suits', shipment: fromDprk('6203.11', 'men’s wool suits'), expect: ['UNSCR 2375 (2017) para 16', 'prohibited'] },
  // 2397 (2017)
  {
    why: 'crude oil to the DPRK in 2018, under the 4 million barrel cap',
    shipment: toDprk('2709', 'crude oil'),
    expect: ['UNSCR 2397 (2017) para 4', 'review'],
  },
  {
    why: 'diesel to the DPRK in 2018, under the 500,000 barrel cap',
    shipment: toDprk('2710.19', 'diesel fuel'),
    expect: ['UNSCR 2397 (2017) para 5', 'review'],
  },
  { why: 'DPRK dried fruit (HS 08)', shipment: fromDprk('0813', 'dried apricots'), expect: ['UNSCR 2397 (2017) para 6', 'prohibited'] },
  { why: 'DPRK magnesite (HS 25)', shipment: fromDprk('2519.10', 'natural magnesite'), expect: ['UNSCR 2397 (2017) para 6', 'prohibited'] },
  { why: 'DPRK logs (HS 44)', shipment: fromDprk('4403', 'pine logs'), expect: ['UNSCR 2397 (2017) para 6', 'prohibited'] },
  { why: 'DPRK transformers (HS 85)', shipment: fromDprk('8504', 'transformers'), expect: ['UNSCR 2397 (2017) para 6', 'prohibited'] },
  {
    why: 'a bulldozer to the DPRK (HS 84)',
    shipment: toDprk('8429.11', 'track-laying bulldozer'),
    expect: ['UNSCR 2397 (2017) para 7', 'prohibited'],
  },
  {
    why: 'steel beams to the DPRK (HS 72-83)',
    shipment: toDprk('7216', 'steel H-beams'),
    expect: ['UNSCR 2397 (2017) para 7', 'prohibited'],
  },
  { why: 'trucks to the DPRK (HS 86-89)', shipment: toDprk('8704.23', 'dump trucks'), expect: ['UNSCR 2397 (2017) para 7', 'prohibited'] },
  {
    why: 'a used vessel to the DPRK after 2397',
    shipment: toDprk('8901.90', 'used bulk carrier'),
    expect: ['UNSCR 2397 (2017) para 14', 'prohibited'],
  },
];

describe('each goods measure, with a shipment it reaches', () => {
  it.each(CASES.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expect(goods(c.shipment)).toContainEqual(c.expect);
  });

  it('has a case for every measure of the rules file', () => {
    const cited = new Set(CASES.map((c) => c.expect[0]));
    expect(DPRK_MEASURES.measures.map((m) => m.citation).filter((c) => !cited.has(c))).toEqual([]);
  });
});

describe('each goods measure leaves alone the same goods between other countries', () => {
  it.each(CASES.map((c) => [c.why, c] as const))('%s, moved from Australia to Japan instead', (_why, c) => {
    const good = c.shipment.goods[0];
    const other = elsewhere(good.hs, good.description, c.shipment.date);
    expect(goods(other)).toEqual([]);
    expect(countryReasons(other, DPRK_MEASURES)).toEqual([]);
    expect(decisionOf([...goodsReasons(other, DPRK_MEASURES), ...countryReasons(other, DPRK_MEASURES)])).toBe('allowed');
  });
});

describe('dates: a measure reaches shipments from its adoption until it is replaced', () => {
  it('DPRK coal the day before 2270 is under no goods measure (the route is still for review)', () => {
    const s = fromDprk('2701', 'anthracite', '2016-03-01');
    expect(goods(s)).toEqual([]);
    expect(decisionOf([...goodsReasons(s, DPRK_MEASURES), ...countryReasons(s, DPRK_MEASURES)])).toBe('review');
  });

  it('the coal cap of 2321 gives way to the ban of 2371 on 5 August 2017', () => {
    expect(goods(fromDprk('2701', 'anthracite', '2017-08-04'))).toEqual([['UNSCR 2321 (2016) para 26', 'review']]);
    expect(goods(fromDprk('2701', 'anthracite', '2017-09-10'))).toEqual([['UNSCR 2371 (2017) para 8', 'prohibited']]);
  });

  it('the refined-products cap of 2375 gives way to that of 2397 on 1 January 2018', () => {
    const rules = (date: string) => goods(toDprk('2710.19', 'diesel fuel', date)).map(([rule]) => rule);
    // HS 2710 19 also holds kerosene-type jet fuel: the aviation fuel ban asks to confirm the goods.
    expect(rules('2017-12-31')).toEqual(['UNSCR 2270 (2016) para 31', 'UNSCR 2375 (2017) para 14']);
    expect(rules('2018-01-01')).toEqual(['UNSCR 2270 (2016) para 31', 'UNSCR 2397 (2017) para 5']);
  });
});

describe('caps', () => {
  it('cites both limits of the 2397 crude oil cap and the reporting it relies on', () => {
    const reasons = goodsReasons(toDprk('2709', 'crude oil'), DPRK_MEASURES);
    // HS 2709 also holds condensates, banned by 2375 para 13: that reason asks to confirm the goods.
    expect(reasons.map((r) => [r.rule, r.effect])).toEqual([
      ['UNSCR 2375 (2017) para 13', 'review'],
      ['UNSCR 2397 (2017) para 4', 'review'],
    ]);
    const reason = reasons[1];
    expect(reason.detail).toContain('4 million barrels or 525,000 tons');
    expect(reason.detail).toContain('every 90 days');
    expect(reason.effect).toBe('review');
  });

  it('cites the 2321 coal cap in dollars and tonnes', () => {
    const [reason] = goodsReasons(fromDprk('2701', 'anthracite', '2017-03-01'), DPRK_MEASURES);
    expect(reason.detail).toContain('US$ 400,870,018 or 7,500,000 metric tons');
  });
});

describe('codes a measure covers only in part', () => {
  it('lubricating oil to the DPRK is not jet fuel: the aviation fuel ban asks for review, beside the refined-products cap', () => {
    expect(goods(toDprk('2710.19', 'lubricating oil'))).toEqual([
      ['UNSCR 2270 (2016) para 31', 'review'],
      ['UNSCR 2397 (2017) para 5', 'review'],
    ]);
  });

  it('a DPRK line declared only as chapter 27 may be coal: review, not prohibition', () => {
    expect(goods(fromDprk('27', 'mineral fuels'))).toEqual([['UNSCR 2371 (2017) para 8', 'review']]);
  });

  it('DPRK steel sheet is chapter 72 but not the "iron" the resolutions name: review', () => {
    expect(goods(fromDprk('7208.51', 'hot-rolled steel plate'))).toEqual([['UNSCR 2371 (2017) para 8', 'review']]);
  });
});

describe('exemptions a shipment can show turn a prohibition into a review', () => {
  it('Russian coal carried through Rajin for export (2371 para 8)', () => {
    const s = fromDprk('2701.12', 'anthracite', '2018-06-01', {
      origin: country('RU'),
      portOfLoading: { name: 'Rajin', country: country('KP') },
    });
    const [reason] = goodsReasons(s, DPRK_MEASURES);
    expect([reason.rule, reason.effect]).toEqual(['UNSCR 2371 (2017) para 8', 'review']);
    expect(reason.detail).toContain('port of Rajin');
  });

  it('the same Russian coal loaded at Nampo is not the Rajin transit', () => {
    const s = fromDprk('2701.12', 'anthracite', '2018-06-01', { origin: country('RU') });
    expect(goods(s)).toEqual([['UNSCR 2371 (2017) para 8', 'prohibited']]);
  });

  it('DPRK seafood shipped within 30 days of 2371, under an earlier contract', () => {
    const [reason] = goodsReasons(fromDprk('0303.89', 'frozen fish', '2017-08-20'), DPRK_MEASURES);
    expect([reason.rule, reason.effect]).toEqual(['UNSCR 2371 (2017) para 9', 'review']);
    expect(reason.detail).toContain('until 2017-09-04');
  });

  it('DPRK textiles within 90 days of 2375, and after', () => {
    expect(goods(fromDprk('6203.42', 'cotton trousers', '2017-11-30'))).toEqual([['UNSCR 2375 (2017) para 16', 'review']]);
    expect(goods(fromDprk('6203.42', 'cotton trousers', '2017-12-11'))).toEqual([['UNSCR 2375 (2017) para 16', 'prohibited']]);
  });

  it('spare parts of civilian passenger aircraft to the DPRK (2397 para 7)', () => {
    const [reason] = goodsReasons(toDprk('8807.30', 'aircraft brake assemblies, spare parts'), DPRK_MEASURES);
    expect([reason.rule, reason.effect]).toEqual(['UNSCR 2397 (2017) para 7', 'review']);
    expect(reason.detail).toContain('civilian passenger aircraft');
  });
});

describe('which way the goods move', () => {
  const buyer = (c: string): ShipmentParty => ({ role: 'buyer', name: 'Buyer', country: country(c) });
  const seller = (c: string): ShipmentParty => ({ role: 'seller', name: 'Seller', country: country(c) });

  it('a DPRK seller of Chinese coal is a supply "by its nationals": the export ban reaches it', () => {
    const s: Shipment = { ...elsewhere('2701', 'anthracite'), parties: [seller('KP')] };
    expect(goods(s)).toEqual([['UNSCR 2371 (2017) para 8', 'prohibited']]);
  });

  it('a DPRK buyer of trucks in Japan is a supply to the DPRK', () => {
    const s: Shipment = { ...elsewhere('8704.23', 'dump trucks'), parties: [buyer('KP')] };
    expect(goods(s)).toEqual([['UNSCR 2397 (2017) para 7', 'prohibited']]);
  });

  it('a DPRK bank on a letter of credit moves no goods: no goods measure', () => {
    const s: Shipment = { ...elsewhere('2701', 'anthracite'), parties: [{ role: 'issuing-bank', name: 'Bank', country: country('KP') }] };
    expect(goods(s)).toEqual([]);
  });

  it('Chinese coal to the DPRK is not a DPRK export', () => {
    expect(goods(toDprk('2701', 'bituminous coal'))).toEqual([]);
  });
});

describe('country and routing rules', () => {
  const ids = (s: Shipment) => countryReasons(s, DPRK_MEASURES).map((r) => [r.id, r.rule, r.effect]);

  it('DPRK-origin goods loaded at a third port', () => {
    const s = fromDprk('2701', 'anthracite', '2018-06-01', { portOfLoading: { name: 'Kholmsk', country: country('RU') } });
    expect(ids(s)).toEqual([['dprk-origin-via-third-port', 'UNSCR 2270 (2016) para 18', 'review']]);
    // The goods rule applies by origin wherever the goods were loaded.
    expect(goods(s)).toEqual([['UNSCR 2371 (2017) para 8', 'prohibited']]);
  });

  it('goods declared Chinese but loaded at Nampo', () => {
    expect(ids(fromDprk('4403', 'logs', '2018-06-01', { origin: country('CN') }))).toEqual([
      ['origin-declared-elsewhere-loaded-in-dprk', 'UNSCR 2270 (2016) para 18', 'review'],
    ]);
  });

  it('goods for Russia discharged at Rajin', () => {
    const s = toDprk('1006', 'rice', '2018-06-01', {
      destination: country('RU'),
      portOfDischarge: { name: 'Rajin', country: country('KP') },
    });
    expect(ids(s)).toEqual([['dprk-port-transit', 'UNSCR 2270 (2016) para 18', 'review']]);
  });

  it('rice to the DPRK is under no goods measure, but cargo to the DPRK is for review', () => {
    const s = toDprk('1006.30', 'milled rice');
    expect(goods(s)).toEqual([]);
    expect(ids(s)).toEqual([['dprk-cargo', 'UNSCR 2270 (2016) para 18', 'review']]);
  });
});
