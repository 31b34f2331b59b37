/**
 * Hebrew names read as Israeli names, firms and vessels are romanised in English, and screened beside the
 * bundled OFAC SDN list (2023-12-28) against records listed under those English spellings; unrelated
 * Hebrew names must not alert on them, whatever vowels the readings guess.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { latinReadings } from './index.js';
import { romanizeHebrew, translateHebrewOrganisationName } from './hebrew.js';
import { ScreeningEngine } from '../../match/engine.js';
import { bundledSdnEntities } from '../../../../../test/bundled-sdn.js';
import type { Entity } from '../../model/entity.js';
import { listedFirm, listedPerson } from '../../../../../test/hand-made.js';

/** A vessel listed as `name` only, with the id `test:<id>`. */
function listedVessel(id: string, name: string): Entity {
  return { ...listedFirm(id, name), schema: 'Vessel' };
}

describe('romanizeHebrew', () => {
  it.each([
    ['שחף הצפון', 'shakhaf hatzafon'],
    ['אלמוג אדום', 'almog adom'],
    ['ירקון סטאר', 'yarkon star'],
    ['עוגן הזהב', 'ogan hazahav'],
    ['נחשול 3', 'nakhshol 3'],
    ['משה', 'moshe'],
    ['חיפה', 'haifa'],
  ])('%s reads %s first', (hebrew, latin) => {
    expect(romanizeHebrew(hebrew)[0]).toBe(latin);
  });

  it('gives ch for ח and kh for it, and the article spaced in another reading', () => {
    expect(romanizeHebrew('שחף הצפון')).toEqual(['shakhaf hatzafon', 'shachaf hatzafun', 'shakhaf ha tzafon']);
  });

  it('reads legal forms in English, however the gershayim is written', () => {
    for (const form of ['בע"מ', 'בע״מ', 'בעמ']) expect(romanizeHebrew(`שאלתיאל הובלות ${form}`)[0]).toBe('shaltial hovlot ltd');
    expect(romanizeHebrew('חברה לביטוח')[0]).toMatch(/^company /);
  });

  it('reads a geresh as the letter it modifies and the conjunction ו as u', () => {
    expect(romanizeHebrew("גורביץ'")[0]).toBe('gorvich');
    expect(romanizeHebrew('ג׳מיל')[0]).toMatch(/^j/);
    expect(romanizeHebrew('קירור ומיזוג')[0]).toBe('kiror umizog');
  });

  it('reads the written vowels of pointed text', () => {
    expect(romanizeHebrew('בִּנְיָמִין')).toEqual(['binyamin']);
    expect(romanizeHebrew('שָׂרָה')).toEqual(['sara']);
    expect(romanizeHebrew('תַּפּוּחַ')).toEqual(['tapuakh', 'tapuach']);
  });

  it('keeps the points and the geresh through latinReadings, and Latin words beside Hebrew', () => {
    expect(latinReadings('בִּנְיָמִין')).toEqual(['binyamin']);
    expect(latinReadings("גורביץ' Ltd.")[0]).toBe('gorvich ltd');
  });
});

describe('translateHebrewOrganisationName', () => {
  it("reads a firm's common words in English, with the article or the conjunction before them", () => {
    expect(translateHebrewOrganisationName('ברזילי תעשיות מתכת בע"מ')).toEqual(['barzili industries metal ltd']);
    expect(translateHebrewOrganisationName('האחים חדאד חומרי בניין בע"מ')[0]).toMatch(/^brothers .* materials building ltd$/);
    expect(translateHebrewOrganisationName('מנחם גולדפרב ובניו בע״מ')[0]).toMatch(/and sons ltd$/);
  });

  it('gives nothing for a name without them', () => {
    expect(translateHebrewOrganisationName('שחף הצפון')).toEqual([]);
    expect(translateHebrewOrganisationName('בנימין נתניהו')).toEqual([]);
  });
});

describe('Hebrew names beside the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  beforeAll(async () => {
    engine = new ScreeningEngine([
      ...(await bundledSdnEntities()),
      listedFirm('shaltiel', 'Shaltiel Hovalot Ltd'),
      listedVessel('kinneret', 'KINNERET'),
      listedVessel('shachaf', 'SHACHAF HATZAFON'),
      listedVessel('almog', 'ALMOG ADOM'),
      listedVessel('ogen', 'OGEN HAZAHAV'),
      listedFirm('grinshpan', 'Grinshpan Ltd'),
      listedVessel('nahshol', 'NAHSHOL III'),
      listedVessel('yarkon', 'YARKON STAR'),
      listedFirm('tzafririm', 'Tzafririm Kirur Umizug Ltd'),
      listedPerson('netanyahu', 'NETANYAHU, Binyamin'),
      listedPerson('yitzhak', 'Yitzhak Rabin'),
      listedPerson('moshe', 'Moshe Dayan'),
      listedPerson('david', 'David Ben Gurion'),
      listedFirm('yisrael', 'Bank Yisrael'),
      listedVessel('haifa', 'HAIFA'),
      listedVessel('yerushalayim', 'YERUSHALAYIM'),
      listedFirm('barzilai', 'Barzilai Metal Industries Ltd'),
      listedFirm('grinshpan-paper', 'Grinshpan Paper Products Ltd'),
    ]);
  }, 120_000);

  const alerts = (name: string, schema: string, id: string) =>
    engine.screen({ name, schema }, { limit: 50 }).find((m) => m.id === `test:${id}`)?.alert ?? false;

  it.each([
    ['שאלתיאל הובלות בע"מ', 'Company', 'shaltiel'],
    ['כנרת', 'Vessel', 'kinneret'],
    ['שחף הצפון', 'Vessel', 'shachaf'],
    ['אלמוג אדום', 'Vessel', 'almog'],
    ['עוגן הזהב', 'Vessel', 'ogen'],
    ['גרינשפן בע״מ', 'Company', 'grinshpan'],
    ['נחשול 3', 'Vessel', 'nahshol'],
    ['ירקון סטאר', 'Vessel', 'yarkon'],
    ['צפרירים קירור ומיזוג בע״מ', 'Company', 'tzafririm'],
    ['בנימין נתניהו', 'Person', 'netanyahu'],
    ['יצחק רבין', 'Person', 'yitzhak'],
    ['משה דיין', 'Person', 'moshe'],
    ['דוד בן גוריון', 'Person', 'david'],
    ['בנק ישראל', 'Company', 'yisrael'],
    ['חיפה', 'Vessel', 'haifa'],
    ['ירושלים', 'Vessel', 'yerushalayim'],
    ['ברזילי תעשיות מתכת בע״מ', 'Company', 'barzilai'],
    ['גרינשפן מוצרי נייר בע״מ', 'Company', 'grinshpan-paper'],
  ])('%s (%s) alerts on test:%s', (name, schema, id) => {
    expect(alerts(name, schema, id)).toBe(true);
  });

  it.each([
    ['שלמה ארצי', 'Person', 'moshe'],
    ['אריאל שרון', 'Person', 'netanyahu'],
    ['גולדה מאיר', 'Person', 'yitzhak'],
    ['מנחם בגין', 'Person', 'david'],
    ['תמר הובלות בע"מ', 'Company', 'shaltiel'],
    ['כרמל', 'Vessel', 'kinneret'],
    ['שחר הדרום', 'Vessel', 'shachaf'],
    ['אלון ירוק', 'Vessel', 'almog'],
    ['עוגן הכסף', 'Vessel', 'ogen'],
    ['גלית 3', 'Vessel', 'nahshol'],
    ['ירדן סטאר', 'Vessel', 'yarkon'],
    ['גרינברג בע״מ', 'Company', 'grinshpan'],
    ['ברזילי תעשיות עץ בע״מ', 'Company', 'barzilai'],
    ['גרינברג מוצרי נייר בע״מ', 'Company', 'grinshpan-paper'],
  ])('%s (%s) does not alert on test:%s', (name, schema, id) => {
    expect(alerts(name, schema, id)).toBe(false);
  });
});
