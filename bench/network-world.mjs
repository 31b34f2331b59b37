// node bench/network-world.mjs [--rows N] [--firms N] [--facilitators N] [--seed S] [--out DIR] — a generated
// world to measure facilitator discovery against (issue 17, point 5). Writes DIR/transactions.csv (the CSV
// `embargo network rank` reads) and DIR/truth.json (who was planted), by default into var/network-world/,
// which git ignores: the world is made again from its seed, never committed.
//
// The world: FIRMS ordinary firms trading ROWS rows among themselves, with a few firms far busier than the
// rest (a heavy-tailed activity) and big trading hubs; FACILITATORS planted firms that also trade with
// designated parties (organisations and vessels of the bundled lists) and deal in banned North Korean goods,
// bought from North Korea and sold on. Designated names are written as customers write them: the list's
// spelling in another case, the legal form dropped or changed, another transliteration, or a typing error —
// so that finding them depends on the screening engine, not on a copy of the list.
//
// Nothing marks a facilitator but what it does: facilitators are named, placed, paid, shipped and invoiced
// like everyone else. Decoys make the easy tells wrong: firms with one small payment to a designated party,
// hubs with thousands of counterparties and no exposure, firms trading with names that look listed but are
// not (words of listed names in new combinations), ordinary coal, iron, seafood and textile trade from
// Australia, Indonesia, Vietnam…, and North Korean sellers of goods that are not banned.
//
// The ranker never reads truth.json; `npm run bench:network` scores its top 100 against it.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { detectPublications, parseNewestPublications } from '@embargo/lists';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_WORLD = { rows: 1_000_000, firms: 100_000, facilitators: 120, seed: 17 };

/** sfc32, seeded: the same world every time for a seed. */
function prng(seed) {
  let a = 0x9e3779b9 ^ seed,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

function tools(random) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const weighted = (pairs) => {
    const total = pairs.reduce((n, [, w]) => n + w, 0);
    let x = random() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  /** Log-normal amount around `median`, in cents. */
  const amount = (median, spread = 1.2) => Math.max(100, Math.round(median * Math.exp(spread * normal()) * 100) / 100);
  return { int, pick, weighted, normal, amount, random };
}

// ─── names ────────────────────────────────────────────────────────────────────────────────────────────
const SYLLABLES =
  'ka ri to ven sol mar lin dor ta bel qu an zen ro vi sa ne om tel kor ba lu fen gar hal is jun mo nor pe rav sen tor ul var wes yan zo dal el fin gra hol ir jas lor mi nal or pra sto tri ur vel wyn xan yor'.split(
    ' ',
  );
const FIRM_WORDS =
  'Trading Logistics Shipping Industrial Resources Commodities Import Export Metals Energy Textiles Marine Global International Holdings Supply Partners Enterprises Ventures Materials Foods Agro Mining Freight Electronics Machinery Chemicals Components'.split(
    ' ',
  );
const LEGAL_FORMS = {
  CN: ['Co., Ltd.', 'Trading Co., Ltd.', 'Co Ltd'],
  HK: ['Limited', 'Ltd', 'Company Limited'],
  SG: ['Pte Ltd', 'Pte. Ltd.'],
  AE: ['FZE', 'FZCO', 'LLC', 'General Trading LLC'],
  MY: ['Sdn Bhd'],
  TH: ['Co., Ltd.'],
  VN: ['Co., Ltd', 'JSC'],
  ID: ['PT', 'Tbk'],
  IN: ['Pvt Ltd', 'Limited'],
  RU: ['LLC', 'JSC', 'OOO'],
  TR: ['A.S.', 'Ltd. Sti.'],
  DE: ['GmbH', 'AG'],
  NL: ['B.V.'],
  GB: ['Ltd', 'Limited', 'PLC'],
  US: ['Inc.', 'LLC', 'Corp.'],
  KR: ['Co., Ltd.'],
  JP: ['K.K.', 'Co., Ltd.'],
  AU: ['Pty Ltd'],
  ZA: ['(Pty) Ltd'],
  CO: ['S.A.S.'],
  BR: ['Ltda.'],
  KP: ['Corporation', 'Trading Company', 'General Corporation'],
};
/** Where ordinary firms are, by weight; facilitators are drawn from the same table. */
const COUNTRIES = [
  ['CN', 20],
  ['HK', 8],
  ['SG', 6],
  ['AE', 6],
  ['MY', 4],
  ['TH', 4],
  ['VN', 4],
  ['ID', 4],
  ['IN', 6],
  ['RU', 5],
  ['TR', 4],
  ['DE', 6],
  ['NL', 3],
  ['GB', 5],
  ['US', 8],
  ['KR', 3],
  ['JP', 3],
  ['AU', 2],
  ['ZA', 1],
  ['CO', 1],
  ['BR', 2],
];
const CURRENCIES = [
  ['USD', 55],
  ['EUR', 14],
  ['CNY', 14],
  ['HKD', 4],
  ['SGD', 3],
  ['AED', 3],
  ['RUB', 3],
  ['GBP', 2],
  ['JPY', 1],
  ['INR', 1],
];
/** Rough USD value of one unit, to turn a USD amount into the row's currency. */
const PER_USD = { USD: 1, EUR: 0.93, CNY: 7.1, HKD: 7.8, SGD: 1.33, AED: 3.67, RUB: 90, GBP: 0.79, JPY: 150, INR: 83 };
/** Ordinary goods, banned ones included: coal, iron, seafood and textiles are traded everywhere. */
const ORDINARY_HS = [
  ['8471', 8],
  ['8517', 8],
  ['8703', 5],
  ['2709', 4],
  ['2710', 5],
  ['2701', 4],
  ['2601', 2],
  ['7208', 4],
  ['3004', 4],
  ['6109', 4],
  ['6203', 3],
  ['5208', 2],
  ['0306', 3],
  ['0303', 2],
  ['1604', 1],
  ['1006', 3],
  ['3901', 4],
  ['8542', 6],
  ['9403', 3],
  ['4011', 3],
  ['8413', 3],
  ['8481', 3],
  ['7601', 2],
  ['2603', 1],
  ['', 12],
];
/** Where banned-category goods come from in ordinary trade. */
const BULK_ORIGINS = {
  27: ['AU', 'ID', 'RU', 'ZA', 'CO'],
  26: ['AU', 'BR', 'ZA'],
  '03': ['VN', 'ID', 'TH'],
  16: ['TH', 'VN'],
  61: ['CN', 'VN', 'IN'],
  62: ['CN', 'VN', 'TR'],
  52: ['IN', 'CN'],
  72: ['CN', 'IN', 'TR', 'RU'],
};
/** What North Korea exports against the bans. */
const DPRK_BANNED_HS = ['2701', '2701', '2701', '2601', '2607', '7801', '0307', '0303', '1605', '6109', '6203', '6211'];
/** What North Korean sellers sell that is not banned (decoys for a ranker that flags the country alone). */
const DPRK_OTHER_HS = ['0902', '2106', '9401', '8414', '4418'];

function firmName(t, country, taken) {
  for (;;) {
    const word = () => {
      const n = t.int(2, 3);
      let w = '';
      for (let i = 0; i < n; i++) w += t.pick(SYLLABLES);
      return w[0].toUpperCase() + w.slice(1);
    };
    const parts = [word()];
    if (t.random() < 0.35) parts.push(word());
    if (t.random() < 0.7) parts.push(t.pick(FIRM_WORDS));
    const forms = LEGAL_FORMS[country];
    const name = country === 'ID' && t.random() < 0.5 ? `PT ${parts.join(' ')}` : `${parts.join(' ')} ${t.pick(forms)}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

// ─── designated names as customers write them ─────────────────────────────────────────────────────────
const LEGAL_FORM_AT_END =
  /[\s,]+(CO\.?,? ?LTD\.?|COMPANY LIMITED|LIMITED LIABILITY COMPANY|LIMITED|LTD\.?|CORPORATION|CORP\.?|COMPANY|CO\.|LLC|JSC|PJSC|OJSC|OOO|FZE|FZCO|FZ-LLC|GMBH|PTE\.? LTD\.?|INC\.?|S\.?A\.?|AO|ZAO)$/i;
const OTHER_FORMS = ['Co Ltd', 'Ltd', 'Limited', 'Corp', 'Company', 'LLC', 'Co., Ltd.'];
const TRANSLITERATIONS = [
  [/ryo/gi, 'ryeo'],
  [/chon/gi, 'cheon'],
  [/pyong/gi, 'pyeong'],
  [/kwang/gi, 'gwang'],
  [/song/gi, 'seong'],
  [/kyo/gi, 'gyo'],
  [/kh/gi, 'h'],
  [/iy\b/gi, 'y'],
  [/ya/gi, 'ia'],
  [/yu/gi, 'iu'],
  [/ts/gi, 'tz'],
  [/zh/gi, 'j'],
  [/ou/gi, 'u'],
  [/ee/gi, 'i'],
  [/sh/gi, 'sch'],
  [/q/gi, 'k'],
];
const titleCase = (s) => s.toLowerCase().replace(/(^|[\s\-(])([a-z])/g, (_, a, b) => a + b.toUpperCase());

function withCase(t, name) {
  return t.pick([titleCase(name), name.toLowerCase(), name.toUpperCase()]);
}
function withLegalForm(t, name) {
  const m = LEGAL_FORM_AT_END.exec(name);
  if (!m) return undefined;
  const bare = name.slice(0, m.index);
  return t.random() < 0.5 ? bare : `${bare} ${t.pick(OTHER_FORMS.filter((f) => f.toUpperCase() !== m[1].toUpperCase()))}`;
}
function withTransliteration(t, name) {
  const rules = TRANSLITERATIONS.filter(([re]) => new RegExp(re.source, 'i').test(name));
  if (rules.length === 0) return undefined;
  const [re, to] = t.pick(rules);
  // The spelling keeps the case of what it replaces: SHIPPING → SCHIPPING, Shipping → Schipping.
  return name.replace(re, (m) =>
    m === m.toUpperCase() ? to.toUpperCase() : m[0] === m[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to,
  );
}
function withTypo(t, name) {
  const words = name.split(' ');
  const long = words.map((w, i) => [w, i]).filter(([w]) => /^[A-Za-z]{5,}$/.test(w) && !LEGAL_FORM_AT_END.test(' ' + w));
  if (long.length === 0) return undefined;
  const [w, i] = t.pick(long);
  const at = t.int(1, w.length - 2);
  const kind = t.int(0, 2);
  const typed =
    kind === 0
      ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
      : kind === 1
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at) + w[at] + w.slice(at);
  words[i] = typed;
  return words.join(' ');
}
/** One spelling of a listed name as a customer might write it; the kind of change is in `how`. */
function customerSpelling(t, name) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const how = t.weighted([
      ['case', 25],
      ['legal form', 25],
      ['transliteration', 20],
      ['typo', 20],
      ['as listed', 10],
    ]);
    const spelled =
      how === 'case'
        ? withCase(t, name)
        : how === 'legal form'
          ? withLegalForm(t, name)
          : how === 'transliteration'
            ? withTransliteration(t, name)
            : how === 'typo'
              ? withTypo(t, name)
              : name;
    if (spelled && spelled.trim() !== '') return { name: t.random() < 0.5 && how !== 'case' ? titleCase(spelled) : spelled, how };
  }
  return { name, how: 'as listed' };
}

// ─── the lists ────────────────────────────────────────────────────────────────────────────────────────
async function listedParties(dataDir) {
  // The lists in force only: a record of the bundled history that was delisted since is not designated.
  const { publications } = await detectPublications(dataDir);
  const entities = (await parseNewestPublications(publications)).flatMap((p) => p.entities);
  const latin = (s) => /^[A-Za-z0-9 .,'&()-]+$/.test(s);
  const words = (s) => s.split(/\s+/).length;
  const organisations = entities.filter(
    (e) => (e.schema === 'Organization' || e.schema === 'Company') && latin(e.caption) && words(e.caption) >= 2 && words(e.caption) <= 7,
  );
  const vessels = entities.filter((e) => e.schema === 'Vessel' && latin(e.caption) && e.caption.length >= 5);
  return { entities, organisations, vessels };
}

/** Listed-looking names that are not listed: words of listed names put together anew. */
function lookalikeNames(t, organisations, count, listedCaptions) {
  const words = [
    ...new Set(organisations.flatMap((e) => e.caption.replace(LEGAL_FORM_AT_END, '').split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w))),
  ];
  const names = new Set();
  while (names.size < count) {
    const name = titleCase(`${t.pick(words)} ${t.pick(words)} ${t.pick(FIRM_WORDS)} ${t.pick(OTHER_FORMS)}`);
    if (!listedCaptions.has(name.toLowerCase())) names.add(name);
  }
  return [...names];
}

/**
 * Decoy firms as shares of the world's firms: 1,500 slips, 50 hubs and 2,000 look-alike traders among the
 * default 100,000, the same firms in proportion in a smaller world. (Fixed counts asked a world of 1,000
 * firms for 3,550 decoys: drawing an unassigned firm then never ended.)
 */
export function decoyCounts(firms) {
  return {
    slips: Math.round(firms * 0.015),
    // At least two: the hubs carry 15% of all rows between them.
    hubs: Math.max(2, Math.round(firms * 0.0005)),
    lookalikeTraders: Math.round(firms * 0.02),
  };
}

// ─── the world ────────────────────────────────────────────────────────────────────────────────────────
export async function generateWorld({ rows, firms, facilitators: facilitatorCount, seed, out, dataDir = join(ROOT, 'data') }) {
  const t = tools(prng(seed));
  const { organisations, vessels: listedVessels, entities } = await listedParties(dataDir);
  const listedCaptions = new Set(
    entities.flatMap((e) => [e.caption, ...(e.properties.alias ?? []).map((s) => s.value)]).map((s) => s.toLowerCase()),
  );

  const taken = new Set();
  /** Every firm: name, country, activity weight. Facilitators are firms like the others. */
  const world = [];
  for (let i = 0; i < firms; i++) {
    const country = t.weighted(COUNTRIES);
    // Heavy-tailed activity: most firms trade a little, a few a great deal.
    world.push({ name: firmName(t, country, taken), country, activity: Math.exp(1.1 * t.normal()) });
  }
  // A cumulative table of activity, to draw counterparties by how busy they are.
  const cumulative = new Float64Array(world.length);
  world.reduce((sum, f, i) => (cumulative[i] = sum + f.activity), 0);
  const total = cumulative[cumulative.length - 1];
  const busyFirm = () => {
    const x = t.random() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const anyFirm = () => t.int(0, world.length - 1);
  const roles = new Map(); // firm index → role (facilitator, slip decoy, hub, lookalike trader, coal trader)
  const decoys = decoyCounts(firms);
  const withRoles = facilitatorCount + decoys.slips + decoys.hubs + decoys.lookalikeTraders;
  // Drawing firms until an unassigned one comes up never ends once every firm has a role.
  if (withRoles > firms)
    throw new Error(`a world of ${firms} firms cannot hold ${facilitatorCount} facilitators and ${withRoles - facilitatorCount} decoys`);
  const unassigned = () => {
    for (;;) {
      const i = anyFirm();
      if (!roles.has(i)) return i;
    }
  };

  // The designated parties: organisations of the lists, a third of them North Korean; and listed vessels.
  const northKorean = organisations.filter((e) => (e.properties.country ?? []).some((s) => s.value === 'KP'));
  const others = organisations.filter((e) => !(e.properties.country ?? []).some((s) => s.value === 'KP'));
  const chosen = new Map();
  // Drawn until distinct: the lists in force must hold that many, or the draws never end.
  if (new Set(northKorean.map((e) => e.id)).size < 90 || new Set(others.map((e) => e.id)).size < 150)
    throw new Error(`${dataDir}: too few listed organisations to designate 90 North Korean and 150 other parties`);
  while (chosen.size < 90) chosen.set(t.pick(northKorean).id, 'KP');
  while (chosen.size < 240) chosen.set(t.pick(others).id, undefined);
  const byId = new Map(organisations.map((e) => [e.id, e]));
  const designated = [...chosen].map(([id, kp]) => {
    const entity = byId.get(id);
    const country = kp ?? entity.properties.country?.[0]?.value ?? t.pick(['RU', 'IR', 'SY', 'CN', 'AE']);
    // Each designated party is written one to three ways across the world's rows.
    const spellings = Array.from({ length: t.int(1, 3) }, () => customerSpelling(t, entity.caption));
    return { recordId: id, listedName: entity.caption, country: /^[A-Z]{2}$/.test(country) ? country : 'RU', spellings };
  });
  const designatedVessels = Array.from({ length: 30 }, () => {
    const v = t.pick(listedVessels);
    return { recordId: v.id, listedName: v.caption, name: t.random() < 0.5 ? titleCase(v.caption) : v.caption };
  });
  const fleet = Array.from({ length: 3000 }, () =>
    `${t.pick(['MV', 'M/V', ''])} ${firmName(t, 'GB', taken).split(' ')[0].toUpperCase()} ${t.pick(['STAR', 'GLORY', 'SPIRIT', 'PIONEER', 'TRADER', 'OCEAN', 'BRIDGE', String(t.int(1, 9))])}`.trim(),
  );
  // Non-designated North Korean sellers (front companies of the coal trade, and sellers of goods that are not banned).
  const dprkSellers = Array.from({ length: 60 }, () => ({ name: firmName(t, 'KP', taken), country: 'KP' }));

  mkdirSync(out, { recursive: true });
  const csv = createWriteStream(join(out, 'transactions.csv'));
  let buffer = 'date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel\n';
  let written = 0;
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const day = () => {
    const d = new Date(Date.UTC(2025, 0, 1) + t.int(0, 364) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  /** One row; `usd` is converted into the row's currency. */
  const emit = async (payer, payee, usd, hs, vessel = '') => {
    const currency = t.weighted(CURRENCIES);
    const amount = (Math.round(usd * PER_USD[currency] * 100) / 100).toFixed(2);
    buffer += `${day()},${quote(payer.name)},${payer.country},${quote(payee.name)},${payee.country},${amount},${currency},${hs},${quote(vessel)}\n`;
    written++;
    if (buffer.length > 1 << 20) {
      if (!csv.write(buffer)) await new Promise((resolve) => csv.once('drain', resolve));
      buffer = '';
    }
  };
  const shipped = (hs) => (hs !== '' && t.random() < 0.3 ? t.pick(fleet) : '');
  const ordinaryGoods = () => t.weighted(ORDINARY_HS);
  /** A seller for goods: bulk goods of the banned kinds come from their usual origins, never North Korea. */
  const sellerFor = (hs, fallback) => {
    const origins = BULK_ORIGINS[hs.slice(0, 2)];
    if (!origins || origins.includes(world[fallback].country)) return fallback;
    for (let tries = 0; tries < 50; tries++) {
      const i = busyFirm();
      if (origins.includes(world[i].country)) return i;
    }
    return fallback;
  };

  const truth = {
    seed,
    rows,
    firms,
    facilitators: [],
    decoys: { slips: [], hubs: [], lookalikeTraders: [], lookalikes: [] },
    designated,
    designatedVessels,
  };

  // Facilitators: firms like the others, with a business on the side.
  const facilitators = [];
  for (let i = 0; i < facilitatorCount; i++) {
    const f = unassigned();
    roles.set(f, 'facilitator');
    // Intensity varies: a few rows for some, dozens for others.
    const partners = Array.from(
      {
        length: t.weighted([
          [1, 25],
          [2, 30],
          [3, 20],
          [4, 15],
          [6, 10],
        ]),
      },
      () => t.pick(designated),
    );
    const coal = t.random() < 0.55;
    facilitators.push({ f, partners, coal, deals: t.int(4, 30) });
    truth.facilitators.push({
      name: world[f].name,
      country: world[f].country,
      designatedPartners: partners.map((p) => p.recordId),
      dealsInDprkGoods: coal,
    });
  }
  // Decoys.
  const slips = Array.from({ length: decoys.slips }, () => {
    const f = unassigned();
    roles.set(f, 'slip');
    truth.decoys.slips.push(world[f].name);
    return f;
  });
  const hubs = Array.from({ length: decoys.hubs }, () => {
    const f = unassigned();
    roles.set(f, 'hub');
    truth.decoys.hubs.push(world[f].name);
    return f;
  });
  const lookalikes = lookalikeNames(t, organisations, 300, listedCaptions).map((name) => ({ name, country: t.weighted(COUNTRIES) }));
  truth.decoys.lookalikes = lookalikes.map((l) => l.name);
  const lookalikeTraders = Array.from({ length: decoys.lookalikeTraders }, () => {
    const f = unassigned();
    roles.set(f, 'lookalike');
    truth.decoys.lookalikeTraders.push(world[f].name);
    return f;
  });

  const spelled = (d) => ({ name: t.pick(d.spellings).name, country: d.country });
  // Planted business: pays designated parties, buys banned goods from North Korea and sells them on.
  for (const { f, partners, coal, deals } of facilitators) {
    const firm = world[f];
    for (let k = 0; k < deals; k++) {
      const d = t.pick(partners);
      const hs = t.random() < 0.5 ? t.pick(DPRK_BANNED_HS) : ordinaryGoods();
      const vessel = t.random() < 0.15 ? t.pick(designatedVessels).name : shipped(hs);
      if (t.random() < 0.7) await emit(firm, spelled(d), t.amount(60_000), hs, vessel);
      else await emit(spelled(d), firm, t.amount(60_000), ordinaryGoods(), vessel);
    }
    if (coal)
      for (let k = 0; k < t.int(2, 10); k++) {
        const hs = t.pick(DPRK_BANNED_HS);
        const seller =
          t.random() < 0.5 ? t.pick(dprkSellers) : spelled(t.pick(partners.filter((p) => p.country === 'KP').concat(partners)));
        const usd = t.amount(80_000);
        await emit(firm, seller, usd, hs, t.random() < 0.3 ? t.pick(designatedVessels).name : shipped(hs));
        // …sold on to an ordinary buyer, at a margin.
        await emit(world[busyFirm()], firm, usd * (1.1 + 0.3 * t.random()), hs, shipped(hs));
      }
  }
  // One small slip each, either direction.
  for (const f of slips) {
    const d = spelled(t.pick(designated));
    if (t.random() < 0.5) await emit(world[f], d, t.amount(4_000, 0.8), ordinaryGoods());
    else await emit(d, world[f], t.amount(4_000, 0.8), ordinaryGoods());
  }
  // Trade with listed-looking names that are not listed.
  for (const f of lookalikeTraders)
    for (let k = 0; k < t.int(1, 6); k++) {
      const l = t.pick(lookalikes);
      if (t.random() < 0.5) await emit(world[f], l, t.amount(40_000), ordinaryGoods());
      else await emit(l, world[f], t.amount(40_000), ordinaryGoods());
    }
  // North Korean sellers of goods that are not banned, to ordinary firms.
  for (let k = 0; k < 400; k++) await emit(world[busyFirm()], t.pick(dprkSellers), t.amount(15_000), t.pick(DPRK_OTHER_HS));
  // Hubs: thousands of counterparties each.
  const hubRows = Math.floor(rows * 0.15);
  for (let k = 0; k < hubRows; k++) {
    const hub = world[t.pick(hubs)];
    const other = busyFirm();
    const hs = ordinaryGoods();
    if (t.random() < 0.5) await emit(hub, world[sellerFor(hs, other)], t.amount(30_000), hs, shipped(hs));
    else await emit(world[other], hub, t.amount(30_000), hs, shipped(hs));
  }
  // Ordinary trade for the rest of the rows.
  while (written < rows) {
    const payer = busyFirm();
    let payee = busyFirm();
    if (payee === payer) payee = anyFirm();
    const hs = ordinaryGoods();
    await emit(world[payer], world[sellerFor(hs, payee)], t.amount(25_000, 1.4), hs, shipped(hs));
  }
  csv.write(buffer);
  await new Promise((resolve, reject) => csv.end((e) => (e ? reject(e) : resolve())));
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1));
  return { csv: join(out, 'transactions.csv'), truth: join(out, 'truth.json'), rows: written };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      firms: { type: 'string' },
      facilitators: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const settings = {
    rows: Number(values.rows ?? DEFAULT_WORLD.rows),
    firms: Number(values.firms ?? DEFAULT_WORLD.firms),
    facilitators: Number(values.facilitators ?? DEFAULT_WORLD.facilitators),
    seed: Number(values.seed ?? DEFAULT_WORLD.seed),
    out: values.out ?? join(ROOT, 'var', 'network-world'),
  };
  const started = Date.now();
  const world = await generateWorld(settings);
  console.error(
    `${world.rows.toLocaleString('en-US')} rows among ${settings.firms.toLocaleString('en-US')} firms (seed ${settings.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${world.csv}, ${world.truth}`,
  );
}
