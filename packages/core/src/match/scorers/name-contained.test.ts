/**
 * What the containment bonus says of two names whose words all partner: "the same words" only where each
 * pair is the same name, so that an examiner does not take a close spelling for the listed word itself.
 */
import { describe, expect, it } from 'vitest';
import { ScreeningEngine } from '../engine.js';
import { listedFirm } from '../../../../../test/hand-made.js';

describe('scoreNameContained, when every word of each name partners', () => {
  const engine = new ScreeningEngine([listedFirm('yinqiao', 'Anping Yinqiao Wire Mesh Products Co., Ltd.')]);
  const contained = (query: string) =>
    engine
      .screen({ name: query, schema: 'Company' }, { minScore: 0 })
      .find((m) => m.id === 'test:yinqiao')
      ?.explanation.scorers.find((s) => s.name === 'nameContained')?.detail;

  it('says the names are the same words where they are', () => {
    expect(contained('ANPING YINQIAO WIRE MESH PRODUCTS CO LTD')).toBe('the names are the same words');
  });

  it('says each word has a close partner where one is spelled otherwise', () => {
    expect(contained('Anping Jinqiao Wire Mesh Products Co., Ltd.')).toBe('every word of each name has a close partner in the other');
  });
});
