import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Properties, SchemaName } from '@embargo/core';
import { parseOfacRemarks, splitRemarkItems, type RemarksContext } from './remarks.js';

const ctx = (schema: SchemaName = 'Person', extra: Partial<RemarksContext> = {}): RemarksContext => ({
  file: 'sdn.csv',
  line: 7,
  recordId: 'ofac:1',
  schema,
  ...extra,
});

describe('parseOfacRemarks: one rule per remark pattern', () => {
  const cases: { why: string; remarks: string; schema?: SchemaName; expect: Properties }[] = [
    { why: 'exact DOB', remarks: 'DOB 15 Jan 1962.', expect: { birthDate: [{ value: '1962-01-15', original: '15 Jan 1962' }] } },
    { why: 'month DOB', remarks: 'DOB Jan 1962.', expect: { birthDate: [{ value: '1962-01', original: 'Jan 1962' }] } },
    { why: 'year DOB', remarks: 'DOB 1962.', expect: { birthDate: [{ value: '1962', original: '1962' }] } },
    {
      why: 'range DOB',
      remarks: 'DOB 1960 to 1962.',
      expect: { birthDate: [{ value: '1960', until: '1962', original: '1960 to 1962' }] },
    },
    {
      why: 'circa DOB',
      remarks: 'DOB circa 1962.',
      expect: { birthDate: [{ value: '1962', approximate: true, original: 'circa 1962' }] },
    },
    {
      why: 'several DOBs, "alt." for the further ones',
      remarks: 'DOB 01 Feb 1960; alt. DOB 1961.',
      expect: {
        birthDate: [
          { value: '1960-02-01', original: '01 Feb 1960' },
          { value: '1961', original: '1961' },
        ],
      },
    },
    {
      why: 'POB as written',
      remarks: 'POB Pyongyang, Korea, North; Alt. POB: Keren Eritrea.',
      expect: { birthPlace: [{ value: 'Pyongyang, Korea, North' }, { value: 'Keren Eritrea' }] },
    },
    {
      why: 'nationality and citizenship as ISO codes with the list words',
      remarks: 'nationality Korea, North; citizen Iran; nationality possibly Palestinian.',
      expect: {
        nationality: [
          { value: 'KP', original: 'Korea, North' },
          { value: 'PS', original: 'Palestinian', note: 'possibly' },
        ],
        citizenship: [{ value: 'IR', original: 'Iran' }],
      },
    },
    { why: 'gender in lower case', remarks: 'Gender Female.', expect: { gender: [{ value: 'female' }] } },
    {
      why: 'passport with issuer and expiry',
      remarks: 'Passport 563120368 (Korea, North) expires 20 Feb 2022.',
      expect: { passportNumber: [{ value: '563120368', kind: 'Passport', country: 'KP', note: 'expires 20 Feb 2022' }] },
    },
    {
      why: 'passport kind with a qualifier, issued and expires',
      remarks: 'Diplomatic Passport 008827 (Iran) issued 1999 expires 2004.',
      expect: { passportNumber: [{ value: '008827', kind: 'Diplomatic Passport', country: 'IR', note: 'issued 1999; expires 2004' }] },
    },
    {
      why: 'national id',
      remarks: 'National ID No. 216040 (Yemen).',
      expect: { idNumber: [{ value: '216040', kind: 'National ID No.', country: 'YE' }] },
    },
    {
      why: 'Registration ID and Registration Number',
      remarks: 'Registration ID 1027700132195 (Russia); Registration Number HRA 738077 (Stuttgart) (Germany).',
      expect: {
        registrationNumber: [
          { value: '1027700132195', kind: 'Registration ID', country: 'RU' },
          { value: 'HRA 738077 (Stuttgart)', kind: 'Registration Number', country: 'DE' },
        ],
      },
    },
    {
      why: 'a parenthesis that is a city, not a country, becomes a note',
      remarks: 'Matricula Mercantil No 01200175 (Bogota).',
      expect: { registrationNumber: [{ value: '01200175', kind: 'Matricula Mercantil No', note: 'Bogota' }] },
    },
    {
      why: 'tax id without a country',
      remarks: 'Tax ID No. 7706107510.',
      expect: { taxNumber: [{ value: '7706107510', kind: 'Tax ID No.' }] },
    },
    {
      why: 'SWIFT/BIC, website, email and phone',
      remarks:
        'SWIFT/BIC HAVIGB2L; Website www.havanaintbank.co.uk; Email Address info@x.ir; Telephone (98)(21)(66153220); alt. Phone Number 8613314257947.',
      expect: {
        swiftBic: [{ value: 'HAVIGB2L', kind: 'SWIFT/BIC' }],
        website: [{ value: 'www.havanaintbank.co.uk' }],
        email: [{ value: 'info@x.ir' }],
        phone: [{ value: '(98)(21)(66153220)' }, { value: '8613314257947' }],
      },
    },
    {
      why: 'vessel IMO number as digits, MMSI, other flag and type',
      remarks: 'Vessel Registration Identification IMO  9045833; MMSI 572469210; Other Vessel Flag Tanzania; Other Vessel Type Tug.',
      schema: 'Vessel',
      expect: {
        imoNumber: [{ value: '9045833', kind: 'Vessel Registration Identification IMO' }],
        mmsi: [{ value: '572469210', kind: 'MMSI' }],
        flag: [{ value: 'TZ', original: 'Tanzania' }],
        vesselType: [{ value: 'Tug' }],
      },
    },
    {
      why: 'aircraft serial number and model',
      remarks: 'Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Model IL76-TD.',
      schema: 'Airplane',
      expect: {
        serialNumber: [{ value: '8401', kind: 'Aircraft Construction Number (also called L/N or S/N or F/N)' }],
        model: [{ value: 'IL76-TD' }],
      },
    },
    {
      why: 'quoted a.k.a. in remarks is a weak alias, quoted f.k.a. a weak previous name',
      remarks: "a.k.a. 'ABU 'ABD'; f.k.a. 'ALPHA'; a.k.a. STRONG NAME.",
      expect: {
        weakAlias: [{ value: "ABU 'ABD", weak: true }],
        previousName: [{ value: 'ALPHA', weak: true }],
        alias: [{ value: 'STRONG NAME' }],
      },
    },
    {
      why: 'secondary sanctions as a sanctions note',
      remarks: 'Additional Sanctions Information - Subject to Secondary Sanctions.',
      expect: { sanctionsNote: [{ value: 'Subject to Secondary Sanctions' }] },
    },
    {
      why: 'Executive Order information gives a note and the authority',
      remarks: 'Executive Order 13846 information: BANKING TRANSACTIONS.  Sec. 5(a)(iii).',
      expect: {
        sanctionsNote: [{ value: 'Executive Order 13846 information: BANKING TRANSACTIONS.  Sec. 5(a)(iii)' }],
        authority: [{ value: 'Executive Order 13846' }],
      },
    },
    {
      why: 'organisation established date',
      remarks: 'Organization Established Date 17 Jun 1997.',
      schema: 'Organization',
      expect: { incorporationDate: [{ value: '1997-06-17', original: '17 Jun 1997' }] },
    },
    {
      why: 'nationality of registration is a jurisdiction for a company',
      remarks: 'Nationality of Registration Korea, North.',
      schema: 'Organization',
      expect: { jurisdiction: [{ value: 'KP', original: 'Korea, North' }] },
    },
    {
      why: 'nationality of registration is the flag of a vessel',
      remarks: 'Nationality of Registration Panama.',
      schema: 'Vessel',
      expect: { flag: [{ value: 'PA', original: 'Panama' }] },
    },
    {
      why: 'digital currency address as an id of its kind',
      remarks: 'Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V.',
      expect: { idNumber: [{ value: '1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V', kind: 'Digital Currency Address - XBT' }] },
    },
    {
      why: 'an unknown id kind that ends with a country',
      remarks: 'Seafarer Card 12345 (India).',
      expect: { idNumber: [{ value: '12345', kind: 'Seafarer Card', country: 'IN' }] },
    },
  ];
  it.each(cases)('$why', ({ remarks, schema, expect: expected }) => {
    const read = parseOfacRemarks(remarks, ctx(schema));
    const { notes, ...properties } = read.properties;
    expect(properties).toEqual(expected);
    expect(notes).toEqual([{ value: remarks }]);
    expect(read.issues).toEqual([]);
  });
});

describe('parseOfacRemarks: links, leftovers and problems', () => {
  it('collects Linked To names for the caller to resolve', () => {
    const read = parseOfacRemarks('Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION; Linked To: GRUPO, S.A.', ctx());
    expect(read.linkedTo).toEqual([
      { name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', sourceText: 'Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION' },
      { name: 'GRUPO, S.A', sourceText: 'Linked To: GRUPO, S.A' },
    ]);
  });

  it('keeps items no rule reads in the notes only', () => {
    const read = parseOfacRemarks('Target Type Government Entity; Gender Male.', ctx());
    expect(read.otherItems).toEqual(['Target Type Government Entity']);
    expect(read.properties.gender).toEqual([{ value: 'male' }]);
  });

  it('reports a date it cannot read and keeps its year', () => {
    const read = parseOfacRemarks('DOB 31 Feb 1962.', ctx());
    expect(read.properties.birthDate).toEqual([{ value: '1962', original: '31 Feb 1962' }]);
    expect(read.issues).toEqual([
      { file: 'sdn.csv', line: 7, recordId: 'ofac:1', field: 'birthDate', raw: '31 Feb 1962', message: 'cannot read date "31 Feb 1962"' },
    ]);
  });

  it('reports an unknown nationality and stores no code for it', () => {
    const read = parseOfacRemarks('nationality Atlantis.', ctx());
    expect(read.properties.nationality).toBeUndefined();
    expect(read.issues).toMatchObject([{ recordId: 'ofac:1', field: 'nationality', raw: 'Atlantis' }]);
  });

  it('does not read the cut last item of a truncated remark, and says so', () => {
    const read = parseOfacRemarks("Gender Male; a.k.a. 'SNOWSJO", ctx('Person', { truncated: true }));
    expect(read.properties.weakAlias).toBeUndefined();
    expect(read.otherItems).toEqual(["a.k.a. 'SNOWSJO"]);
    expect(read.issues).toMatchObject([{ field: 'remarks', message: 'remarks cut at 1,000 characters and no continuation found' }]);
  });

  it('splits items on semicolons, with or without the space (one 2015 record omits it)', () => {
    expect(splitRemarkItems('nationality possibly Palestinian;arrested 23 Apr 2002; Gender Male.')).toEqual([
      'nationality possibly Palestinian',
      'arrested 23 Apr 2002',
      'Gender Male',
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const read = parseOfacRemarks(text, ctx());
        expect(Array.isArray(read.issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
