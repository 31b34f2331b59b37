/**
 * @module testing/ownership-fixtures
 * Answers of the ownership API for the component tests, worked by hand from one small register: two SDN
 * records, KIM (ofac:111, a person) and KORYO BANK (ofac:222), hold 30% and 25% of ACME TRADING LTD
 * (csv:acme), which holds 60% of ACME SHIPPING (csv:acme-shipping) and is directed by J. SMITH (csv:smith).
 * Under OFAC the holdings add up: 55% ≥ 50%, ACME is blocked and passes its whole 60% on, so ACME
 * SHIPPING is blocked too. The EU and the UK follow other lists (UN, UK), which name neither: none.
 */
import type {
  ChainNode,
  DerivedOwnershipStatus,
  ExposureResponse,
  NodeStatus,
  OwnershipFile,
  OwnershipLoadResult,
  OwnershipNodeResponse,
} from '../api/types';

const ofacOnly = (ofac: NodeStatus): ChainNode['status'] => ({ ofac, eu: 'none', uk: 'none' });

export const ACME_PROOF = [
  'KIM is designated',
  'KORYO BANK is designated',
  'KIM 30% + KORYO BANK 25% of ACME TRADING LTD = 55% ≥ 50% ⇒ ACME TRADING LTD blocked (OFAC FAQ 401)',
];

export const SHIPPING_PROOF = [...ACME_PROOF, 'ACME TRADING LTD 60% of ACME SHIPPING = 60% ≥ 50% ⇒ ACME SHIPPING blocked (OFAC FAQ 401)'];

export const ACME_NODE: OwnershipNodeResponse = {
  node: {
    id: 'csv:acme',
    name: 'ACME TRADING LTD',
    schema: 'Company',
    countries: ['CN'],
    designated: false,
    source: { kind: 'file', file: 'owners.csv', row: 2 },
  },
  statuses: [
    { regime: 'ofac', status: 'blocked', aggregate: { min: 55, max: 55 }, proof: ACME_PROOF },
    { regime: 'eu', status: 'none', proof: [] },
    { regime: 'uk', status: 'none', proof: [] },
  ],
  chain: {
    nodes: [
      { id: 'ofac:111', name: 'KIM', schema: 'Person', designated: true, status: ofacOnly('designated') },
      { id: 'ofac:222', name: 'KORYO BANK', schema: 'Organization', designated: true, status: ofacOnly('designated') },
      { id: 'csv:smith', name: 'J. SMITH', schema: 'Person', designated: false, status: ofacOnly('none') },
      { id: 'csv:acme', name: 'ACME TRADING LTD', schema: 'Company', designated: false, status: ofacOnly('blocked') },
      { id: 'csv:acme-shipping', name: 'ACME SHIPPING', schema: 'Company', designated: false, status: ofacOnly('blocked') },
    ],
    edges: [
      { id: 'csv:owners.csv#2', kind: 'ownership', from: 'ofac:111', to: 'csv:acme', share: '30%' },
      { id: 'csv:owners.csv#3', kind: 'ownership', from: 'ofac:222', to: 'csv:acme', share: '25%' },
      { id: 'csv:owners.csv#4', kind: 'ownership', from: 'csv:acme', to: 'csv:acme-shipping', share: '60%' },
      { id: 'csv:owners.csv#5', kind: 'directorship', from: 'csv:smith', to: 'csv:acme', label: 'director' },
    ],
  },
};

export const ACME_EXPOSURE: ExposureResponse = {
  targets: [
    {
      nodeId: 'ofac:111',
      name: 'KIM',
      distance: 1,
      strongest: {
        strength: 0.3,
        steps: [
          {
            from: 'csv:acme',
            to: 'ofac:111',
            edge: {
              kind: 'ownership',
              from: 'ofac:111',
              to: 'csv:acme',
              share: { min: 30, max: 30, minInclusive: true, maxInclusive: true },
              source: { kind: 'file', file: 'owners.csv', row: 2 },
            },
          },
        ],
      },
      shortest: [
        {
          strength: 0.3,
          steps: [
            {
              from: 'csv:acme',
              to: 'ofac:111',
              edge: {
                kind: 'ownership',
                from: 'ofac:111',
                to: 'csv:acme',
                share: '30%',
                source: { kind: 'file', file: 'owners.csv', row: 2 },
              },
            },
          ],
        },
      ],
    },
    {
      nodeId: 'ofac:333',
      name: 'KOREA TANGUN TRADING',
      distance: 2,
      strongest: {
        strength: 0.175,
        steps: [
          {
            from: 'csv:acme',
            to: 'csv:smith',
            edge: {
              kind: 'directorship',
              from: 'csv:smith',
              to: 'csv:acme',
              label: 'director',
              source: { kind: 'file', file: 'owners.csv', row: 5 },
            },
          },
          {
            from: 'csv:smith',
            to: 'ofac:333',
            edge: {
              kind: 'listLink',
              from: 'ofac:333',
              to: 'csv:smith',
              label: 'Linked To: J. SMITH.',
              source: { kind: 'list', list: 'ofac-sdn', recordId: 'ofac:333', text: 'Linked To: J. SMITH.' },
            },
          },
        ],
      },
      shortest: [],
    },
  ],
};

export const ACME_STATUSES: DerivedOwnershipStatus[] = [
  { id: 'csv:acme', name: 'ACME TRADING LTD', regime: 'ofac', status: 'blocked', aggregate: { min: 55, max: 55 }, proof: ACME_PROOF },
  {
    id: 'csv:acme-shipping',
    name: 'ACME SHIPPING',
    regime: 'ofac',
    status: 'blocked',
    aggregate: { min: 60, max: 60 },
    proof: SHIPPING_PROOF,
  },
  {
    id: 'csv:delta',
    name: 'DELTA SHIPPING',
    regime: 'eu',
    status: 'possibly_blocked',
    aggregate: { min: 35, max: 60, minInclusive: false, maxInclusive: true },
    proof: ['DELTA SHIPPING possibly blocked'],
  },
];

export const OWNERS_FILE: OwnershipFile = {
  id: 1,
  fileName: 'owners.csv',
  format: 'csv',
  sha256: '9f2c4b1e7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcd',
  loadedAt: '2026-12-07T09:30:00.000Z',
  nodes: 3,
  edges: 4,
};

export const OWNERS_LOADED: OwnershipLoadResult = {
  file: OWNERS_FILE,
  stored: true,
  resolved: 2,
  leftOut: 0,
  evaluation: {
    problems: [],
    counts: { ofac: { blocked: 2, possibly_blocked: 0 }, eu: { blocked: 0, possibly_blocked: 0 }, uk: { blocked: 0, possibly_blocked: 0 } },
    newlyBlocked: [
      { id: 'csv:acme', name: 'ACME TRADING LTD', regime: 'ofac', before: 'none', after: 'blocked' },
      { id: 'csv:acme-shipping', name: 'ACME SHIPPING', regime: 'ofac', before: 'none', after: 'blocked' },
    ],
    unblocked: [],
  },
};
