/**
 * Shipment screening against the lists bundled in `data/` (OFAC SDN 2023-12-28, UN 2026-02-27, UK
 * 2025-04-14, OFAC consolidated 2025-12-19). The acceptance case of issue 17: DPRK coal to Dandong for
 * Dandong Zhicheng Metallic Material Co., Ltd. (SDN, DPRK3, ofac:22603) on the tanker CHON MA SAN, IMO
 * 8660313, which the UK list carries as designated under resolution 2371 para 6 (uk:13656) and the SDN list
 * as DPRK4 (ofac:23729). The same shipment of Indonesian coal to an unlisted buyer on an unlisted ship
 * is allowed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parseNewestPublications } from '@embargo/lists';
import { ScreeningEngine } from '../match/engine.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';
import { ShipmentScreener } from './screen-shipment.js';
import type { Shipment, ShipmentCountry } from './shipment.js';

const country = (code: string, written = code): ShipmentCountry => ({ code, written });

const DPRK_COAL_TO_DANDONG: Shipment = {
  id: 'BL-NAM-DDG-0917',
  date: '2017-09-20',
  origin: country('KP', 'DPRK'),
  destination: country('CN', 'China'),
  portOfLoading: { name: 'Nampo', country: country('KP', 'DPRK') },
  portOfDischarge: { name: 'Dandong', country: country('CN', 'China') },
  vessel: { name: 'CHON MA SAN', imo: '8660313' },
  goods: [{ hs: '2701', description: 'anthracite coal', value: 2_400_000, currency: 'USD' }],
  parties: [{ role: 'buyer', name: 'Dandong Zhicheng Metallic Materials', country: country('CN', 'China') }],
};

const INDONESIAN_COAL_TO_DANDONG: Shipment = {
  ...DPRK_COAL_TO_DANDONG,
  id: 'BL-SMD-DDG-0917',
  origin: country('ID', 'Indonesia'),
  portOfLoading: { name: 'Samarinda', country: country('ID', 'Indonesia') },
  vessel: { name: 'MERATUS BANJAR', imo: '9074729' },
  parties: [{ role: 'buyer', name: 'Liaoning Coastal Energy Trading Co., Ltd.', country: country('CN', 'China') }],
};

describe('screening shipments against the bundled lists', () => {
  let screener: ShipmentScreener;
  beforeAll(async () => {
    // The lists in force: the newest publication of each source, not the history bundled beside it.
    const publications = await parseNewestPublications((await detectPublications(BUNDLED_DATA)).publications);
    screener = new ShipmentScreener(new ScreeningEngine(publications.flatMap((p) => p.entities)));
  }, 120_000);

  it('prohibits DPRK coal to Dandong, citing 2371 para 8, the listed buyer and the vessel listed by IMO number', () => {
    const decision = screener.screen(DPRK_COAL_TO_DANDONG);
    expect(decision.decision).toBe('prohibited');
    const reasons = decision.reasons.map((r) => [r.kind, r.rule, r.id, r.effect]);
    expect(reasons).toContainEqual(['goods', 'UNSCR 2371 (2017) para 8', 'unscr-2371-8', 'prohibited']);
    expect(reasons).toContainEqual(['country', 'UNSCR 2270 (2016) para 18', 'dprk-cargo', 'review']);
    const party = decision.reasons.find((r) => r.kind === 'party' && r.id === 'ofac:22603');
    expect(party, JSON.stringify(decision.reasons, null, 1)).toBeDefined();
    expect(party!.rule).toBe('OFAC SDN list (DPRK3)');
    expect(party!.caption).toBe('DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.');
    const vessels = decision.reasons.filter((r) => r.kind === 'vessel' && r.effect === 'prohibited').map((r) => r.id);
    expect(vessels.sort()).toEqual(['ofac:23729', 'uk:13656']);
    expect(decision.reasons.find((r) => r.id === 'uk:13656')!.detail).toContain('IMO 8660313');
  });

  it('allows the same shipment of Indonesian coal to an unlisted buyer on an unlisted ship', () => {
    const decision = screener.screen(INDONESIAN_COAL_TO_DANDONG);
    expect(decision).toMatchObject({ decision: 'allowed', reasons: [] });
    expect(decision.screened).toEqual({ goods: 1, parties: 1, vessel: true });
  });

  it('prohibits Indonesian coal carried by the listed ship: an IMO number is decisive', () => {
    const decision = screener.screen({ ...INDONESIAN_COAL_TO_DANDONG, vessel: DPRK_COAL_TO_DANDONG.vessel });
    expect(decision.decision).toBe('prohibited');
    expect(new Set(decision.reasons.map((r) => r.kind))).toEqual(new Set(['vessel']));
  });

  it('sends a ship named as a listed one but without its IMO number to review, naming the listed IMO number', () => {
    const decision = screener.screen({ ...INDONESIAN_COAL_TO_DANDONG, vessel: { name: 'CHON MA SAN' } });
    expect(decision.decision).toBe('review');
    const vessel = decision.reasons.find((r) => r.kind === 'vessel')!;
    expect(vessel.effect).toBe('review');
    expect(vessel.detail).toContain('8660313');
  });

  it('prohibits a shipment whose buyer is the listed firm written as listed, whatever the goods', () => {
    const decision = screener.screen({
      ...INDONESIAN_COAL_TO_DANDONG,
      parties: [{ role: 'buyer', name: 'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.', country: country('CN') }],
    });
    expect(decision.decision).toBe('prohibited');
    expect(decision.reasons.map((r) => [r.kind, r.id, r.effect])).toContainEqual(['party', 'ofac:22603', 'prohibited']);
  });
});
