import { describe, expect, it } from 'vitest';
import { groupIntoCases, type AlertToGroup } from './cases.js';

const KOMID_SDN: AlertToGroup = { id: 'a1', partyKey: 'bank/c1', entityId: 'ofac:9345', linkedIds: ['un:KPe.001', 'uk:DPR0011'] };
const KOMID_UN: AlertToGroup = { id: 'a2', partyKey: 'bank/c1', entityId: 'un:KPe.001', linkedIds: ['ofac:9345', 'uk:DPR0011'] };
const KOMID_UK: AlertToGroup = { id: 'a3', partyKey: 'bank/c1', entityId: 'uk:DPR0011', linkedIds: ['ofac:9345', 'un:KPe.001'] };

describe('groupIntoCases', () => {
  const cases: {
    why: string;
    alerts: AlertToGroup[];
    existing?: { partyKey: string; entityId: string; caseId: string }[];
    expect: Record<string, string>;
    created: string[];
  }[] = [
    {
      why: "one customer's three records of one party make one case, named by the first alert",
      alerts: [KOMID_SDN, KOMID_UN, KOMID_UK],
      expect: { a1: 'a1', a2: 'a1', a3: 'a1' },
      created: ['a1'],
    },
    {
      why: 'records linked only through a third still make one case',
      alerts: [
        { ...KOMID_UN, id: 'b1', linkedIds: ['ofac:9345'] },
        { ...KOMID_UK, id: 'b2', linkedIds: [] },
        { ...KOMID_SDN, id: 'b3', linkedIds: ['un:KPe.001', 'uk:DPR0011'] },
      ],
      expect: { b1: 'b1', b2: 'b1', b3: 'b1' },
      created: ['b1'],
    },
    {
      why: 'two customers matching the same party are two cases',
      alerts: [KOMID_SDN, { ...KOMID_UN, partyKey: 'bank/c2' }],
      expect: { a1: 'a1', a2: 'a2' },
      created: ['a1', 'a2'],
    },
    {
      why: 'the same customer key in two tenants is two customers',
      alerts: [KOMID_SDN, { ...KOMID_UN, partyKey: 'other/c1' }],
      expect: { a1: 'a1', a2: 'a2' },
      created: ['a1', 'a2'],
    },
    {
      why: 'unlinked records of one customer are separate cases',
      alerts: [KOMID_SDN, { id: 'a9', partyKey: 'bank/c1', entityId: 'ofac:306', linkedIds: [] }],
      expect: { a1: 'a1', a9: 'a9' },
      created: ['a1', 'a9'],
    },
    {
      why: 'a new alert linked to an unresolved case of its customer joins that case',
      alerts: [KOMID_UK],
      existing: [{ partyKey: 'bank/c1', entityId: 'ofac:9345', caseId: 'old' }],
      expect: { a3: 'old' },
      created: [],
    },
    {
      why: "another customer's case is not joined",
      alerts: [KOMID_UK],
      existing: [{ partyKey: 'bank/c2', entityId: 'ofac:9345', caseId: 'old' }],
      expect: { a3: 'a3' },
      created: ['a3'],
    },
    {
      why: 'a group joins the case of whichever of its alerts is linked to one',
      alerts: [
        { id: 'x1', partyKey: 'bank/c1', entityId: 'uk:DPR0011', linkedIds: ['un:KPe.001'] },
        { ...KOMID_UN, id: 'x2', linkedIds: ['uk:DPR0011', 'ofac:9345'] },
      ],
      existing: [{ partyKey: 'bank/c1', entityId: 'ofac:9345', caseId: 'old' }],
      expect: { x1: 'old', x2: 'old' },
      created: [],
    },
  ];
  it.each(cases)('$why', ({ alerts, existing, expect: expected, created }) => {
    const { caseOf, newCases } = groupIntoCases(alerts, existing ?? []);
    expect(Object.fromEntries(caseOf)).toEqual(expected);
    expect([...newCases.keys()]).toEqual(created);
  });
});
