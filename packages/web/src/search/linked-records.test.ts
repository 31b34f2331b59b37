import { describe, expect, it, vi } from 'vitest';
import type { EntityResponse, Match } from '../api/types';
import { readLinkedRecords } from './linked-records';

const match = (id: string, linkedIds?: string[]) => ({ id, ...(linkedIds ? { linkedIds } : {}) }) as Match;

describe('the records other lists keep for each match', () => {
  it('takes them from the screen answer, and reads a profile only for a match that lacks them', async () => {
    const getEntity = vi.fn(async (id: string) => ({ links: [{ other: { id: `un:${id}` } }] }) as unknown as EntityResponse);
    const read = await readLinkedRecords([match('ofac:9345', ['un:KPe.001', 'uk:10892']), match('ofac:1')], getEntity);
    expect(getEntity.mock.calls.map(([id]) => id)).toEqual(['ofac:1']);
    expect([...read.links]).toEqual([
      ['ofac:9345', ['un:KPe.001', 'uk:10892']],
      ['ofac:1', ['un:ofac:1']],
    ]);
    expect(read.failures).toEqual([]);
  });
});
