/**
 * Burmese names read as Myanmar names are conventionally romanised on sanctions lists and in the company
 * register, and Burmese-script names screened against the real OFAC SDN list (2023-12-28), which lists the
 * Burma program's persons under those romanisations (HLAING, Min Aung).
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { latinReadings } from './index.js';
import { romanizeBurmese, translateBurmeseOrganisationName } from './burmese.js';
import { ScreeningEngine } from '../../match/engine.js';
import { bundledSdnEntities } from '../../../../../test/bundled-sdn.js';

describe('romanizeBurmese', () => {
  it.each([
    // Persons on the Burma program and public figures, as their names are written in Burmese.
    ['မင်းအောင်လှိုင်', 'min aung hlaing'],
    ['စိုးဝင်း', 'soe win'],
    ['ဝင်းရှိန်', 'win shein'],
    ['သန်းလှိုင်', 'than hlaing'],
    ['မောင်မောင်ကျော်', 'maung maung kyaw'],
    ['အောင်ဆန်းစုကြည်', 'aung san su kyi'],
    ['အောင်ပြည့်စုံ', 'aung pyae sone'],
    ['ကျော်မြတ်နိုင်', 'kyaw myat naing'],
    ['ငြိမ်းချမ်းအောင်', 'nyein chan aung'],
    ['ခင်သီရိသက်မွန်', 'khin thi ri thet mun'],
    ['အုန်းမာ', 'ohn mar'],
    // Places in firms' names: a syllable of its own each, the matcher joins them.
    ['မြဝတီ', 'mya wa ti'],
    ['ရတနာပုံ', 'yadanar pone'],
    ['တောင်ကြီး', 'taung gyi'],
  ])('%s → %s', (burmese, latin) => {
    expect(romanizeBurmese(burmese)[0]).toBe(latin);
  });

  it('reads a creaky nasal with a t (Myint, Thant) and ွ before a final as the vowel (Htun, Htut)', () => {
    expect(romanizeBurmese('မြင့်')).toEqual(['myint', 'myin']);
    expect(romanizeBurmese('သန့်')[0]).toBe('thant');
    expect(romanizeBurmese('စိုးထွဋ်')[0]).toBe('soe htut');
  });

  it('reads kinzi, stacked consonants and visarga (Mingalar, Thitsar, Mandalay)', () => {
    expect(romanizeBurmese('ဟင်္သာ')).toEqual(['hin thar', 'hin tha']);
    expect(romanizeBurmese('သစ္စာ')[0]).toBe('thit sar');
    expect(romanizeBurmese('မန္တလေး')).toContain('man da lay');
  });

  it('gives the other common spellings as a further reading, four at most', () => {
    expect(romanizeBurmese('ဦးကျော်ဇော်ထွန်း')).toContain('u kyaw zaw tun');
    expect(romanizeBurmese('ဖြိုး')).toEqual(['phyo', 'pyo']);
    expect(romanizeBurmese('ဇေယျာ')).toEqual(['zeyar', 'zeya']);
    expect(romanizeBurmese('ရတနာမင်္ဂလာ')).toEqual(['yadanar mingalar', 'yadana mingala']);
    expect(romanizeBurmese('ဖြိုးပြည့်စုံ').length).toBeLessThanOrEqual(4);
  });

  it('reads ဦး as the honorific U before a name and as Oo within it', () => {
    expect(romanizeBurmese('ဦးကျော်ဇော်ထွန်း')[0]).toBe('u kyaw zaw htun');
    expect(romanizeBurmese('ဝင်းနိုင်ဦး')[0]).toBe('win naing oo');
    expect(romanizeBurmese('ဒေါ်ခင်နွယ်အေး')[0]).toBe('daw khin nwe aye');
  });

  it('reads Burmese digits and keeps the spaces of the text', () => {
    expect(romanizeBurmese('ငွေဟင်္သာ ၁၂')).toContain('ngwe hin tha 12');
    expect(romanizeBurmese('မြတ်သုခ ၇')).toEqual(['myat thu kha 7']);
  });
});

describe('Burmese firms: legal forms and common words', () => {
  it('reads legal forms in English in every reading', () => {
    for (const reading of romanizeBurmese('ကောင်းမြတ်ထက် ကုမ္ပဏီလီမိတက်')) expect(reading).toMatch(/^kaung myat htet company limited$/);
    expect(romanizeBurmese('သဇင်လှိုင် လီမိတက်')[0]).toBe('tha zin hlaing limited');
    expect(romanizeBurmese('မေတ္တာရွှေလင်း ကုမ္ပဏီ')[0]).toBe('met tar shwe lin company');
  });

  it.each([
    ['ရွှေပုလဲ ကုန်သွယ်ရေး ကုမ္ပဏီလီမိတက်', 'shwe pu le trading company limited'],
    ['ရတနာမင်္ဂလာ ပို့ဆောင်ရေး ကုမ္ပဏီလီမိတက်', 'yadanar mingalar transport company limited'],
    ['ငွေလှိုင်း ရေကြောင်းပို့ဆောင်ရေး ကုမ္ပဏီလီမိတက်', 'ngwe hlaing shipping company limited'],
    ['ကျော်မြတ်နိုင် သင်္ဘောကျင်း ကုမ္ပဏီလီမိတက်', 'kyaw myat naing shipyard company limited'],
    ['ငွေမြို့ ရေနံ ကုမ္ပဏီလီမိတက်', 'ngwe myo petroleum company limited'],
    ['မင်္ဂလာဝင်း ဆီစက်', 'mingalar win oil mill'],
    ['ဒေါ်ခင်နွယ်အေး ငါးလုပ်ငန်း', 'daw khin nwe aye fishery'],
  ])('%s reads %s', (name, reading) => {
    expect(translateBurmeseOrganisationName(name)).toContain(reading);
    expect(latinReadings(name)).toContain(reading);
  });

  it('translates nothing in a name without a common word of firms', () => {
    expect(translateBurmeseOrganisationName('မင်းအောင်လှိုင်')).toEqual([]);
    expect(translateBurmeseOrganisationName('ကောင်းမြတ်ထက် ကုမ္ပဏီလီမိတက်')).toEqual([]);
  });
});

describe('Burmese names on OFAC SDN 2023-12-28 (program BURMA-EO14014)', () => {
  let engine: ScreeningEngine;
  beforeAll(async () => {
    engine = new ScreeningEngine(await bundledSdnEntities());
  });

  it.each([
    { burmese: 'မင်းအောင်လှိုင်', listed: 'HLAING, Min Aung', id: 'ofac:27225' },
    { burmese: 'စိုးဝင်း', listed: 'WIN, Soe', id: 'ofac:27226' },
    { burmese: 'ဝင်းရှိန်', listed: 'SHEIN, Win', id: 'ofac:31945' },
    { burmese: 'ဦးဝင်းရှိန်', listed: 'SHEIN, Win', id: 'ofac:31945' },
    { burmese: 'သန်းလှိုင်', listed: 'HLAING, Than', id: 'ofac:31474' },
  ])('$burmese alerts on $listed', ({ burmese, id }) => {
    const match = engine.screen({ name: burmese, schema: 'Person' }, { limit: 50 }).find((m) => m.id === id);
    expect(match?.alert, match?.explanation.summary).toBe(true);
  });

  it.each([
    { burmese: 'အောင်ဆန်းစုကြည်', listed: 'HLAING, Min Aung', id: 'ofac:27225' },
    { burmese: 'ကျော်ဇော်ထွန်း', listed: 'WIN, Soe', id: 'ofac:27226' },
    { burmese: 'ငြိမ်းချမ်းအောင်', listed: 'SHEIN, Win', id: 'ofac:31945' },
  ])('$burmese does not alert on $listed', ({ burmese, id }) => {
    const match = engine.screen({ name: burmese, schema: 'Person' }, { limit: 50 }).find((m) => m.id === id);
    expect(match?.alert ?? false).toBe(false);
  });
});
