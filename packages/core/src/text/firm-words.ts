/**
 * @module text/firm-words
 * What the common words of firms' names mean, across the languages the lists transliterate: a plant is a
 * `zavod` in Russian names and a factory in English ones, a foundation a `bonyad` in Persian ones. OFAC
 * lists a Russian firm under its English name and its transliterated Russian one
 * ("JSC DUBNA PLANT OF SWITCHING EQUIPMENT" / "AO DUBNENSKII ZAVOD KOMMUTATSIONNOI TEKHNIKI"), and
 * customer files use either; words with one meaning match as a translation.
 *
 * Only words of firms' names are here, never of people's: `Zavod` is no one's surname, `Fabrika` is.
 */
import { GENERIC_ORGANISATION_WORDS } from './legal-forms.js';

/**
 * Meaning → its words. English words are listed as written (plurals too); transliterated Russian ones by
 * their stem, which takes any case or gender ending of up to four letters
 * (`sudostroitel`: sudostroitelny, sudostroitelnogo, sudostroitelnaya).
 */
const MEANINGS: Record<string, { words?: string[]; russianStems?: string[] }> = {
  plant: {
    words: ['plant', 'plants', 'factory', 'factories', 'works', 'zavod', 'zavody', 'fabrika', 'fabrik', 'usine', 'planta', 'kombinat'],
  },
  shipbuilding: { words: ['shipbuilding', 'shipbuilders'], russianStems: ['sudostroitel'] },
  shiprepair: { words: ['shiprepair', 'shiprepairing'], russianStems: ['sudoremont'] },
  research: { words: ['research', 'researches'], russianStems: ['issledovatel'] },
  science: { words: ['science', 'sciences', 'scientific'], russianStems: ['nauchn', 'nauk'] },
  production: { words: ['production', 'productions', 'producing'], russianStems: ['proizvodstv'] },
  enterprise: {
    words: ['enterprise', 'enterprises', 'empresa', 'entreprise', 'unternehmen'],
    russianStems: ['predpriyat', 'predpriiat', 'pidpryemstv', 'pradpryemstv'],
  },
  // Arabic jam'iya and Turkish dernek are a society or an association in the lists' translations.
  association: {
    words: ['association', 'associations', 'asociacion', 'society', 'societies', 'jamiya', 'jamiyat', 'dernegi'],
    russianStems: ['obedinen', 'obyedinen'],
  },
  charity: { words: ['charity', 'charitable', 'charities', 'khairia', 'khairiya', 'khayriya', 'khayriyya', 'hayriye'] },
  center: {
    words: ['center', 'centre', 'centers', 'centres', 'centro', 'zentrum', 'markaz', 'markazi', 'merkezi'],
    russianStems: ['tsentr'],
  },
  institute: { words: ['institute', 'institutes', 'institut', 'instituto'], russianStems: ['institut'] },
  design: { words: ['design', 'designs'], russianStems: ['konstruktorsk', 'proektn'] },
  bureau: { words: ['bureau', 'buro', 'byuro'] },
  electronics: { words: ['electronic', 'electronics', 'elektronik'], russianStems: ['elektron'] },
  state: { words: ['state'], russianStems: ['gosudarstven', 'derzhavn'] },
  military: { words: ['military'], russianStems: ['voenn'] },
  engineering: { words: ['engineering', 'mohandesi', 'muhendislik', 'ingenieria'], russianStems: ['inzhenern'] },
  construction: {
    words: ['construction', 'constructions', 'construccion', 'construcciones', 'insaat', 'sakhtemani'],
    russianStems: ['stroitel'],
  },
  // Russian firms also borrow English words in transliteration: treid, grupp, servis, menedzhment.
  trading: {
    words: ['trading', 'trade', 'bazargani', 'ticaret', 'tijara', 'tijarah', 'treid', 'treyd', 'treiding', 'treyding', 'handel', 'handels'],
    russianStems: ['torgov'],
  },
  group: { words: ['group', 'groups', 'grupp', 'gruppa', 'grupo'] },
  services: { words: ['service', 'services', 'servis', 'servisy'] },
  management: { words: ['management', 'managing', 'menedzhment', 'upravlyayushchaya', 'upravlyayushchei'] },
  industry: {
    words: ['industry', 'industries', 'industrial', 'industria', 'industrias', 'sanaye', 'sanayi', 'sanati'],
    russianStems: ['promyshlenn'],
  },
  oil: { words: ['oil', 'petroleum', 'naft', 'neft', 'petrol'] },
  bank: { words: ['bank', 'banks', 'banking', 'banco', 'banque', 'banca', 'bankasi'] },
  foundation: { words: ['foundation', 'foundations', 'bonyad', 'fundacion', 'stiftung', 'fond'] },
  cooperative: { words: ['cooperative', 'cooperatives', 'taavon', 'taavoni', 'kooperativ', 'cooperativa'] },
  shipping: { words: ['shipping', 'kashtirani', 'denizcilik', 'naviera'], russianStems: ['sudokhodn'] },
  university: { words: ['university', 'universitet', 'universidad', 'universite', 'daneshgah', 'universitesi'] },
  academy: { words: ['academy', 'academie', 'akademiya', 'akademii', 'academia'] },
  communications: { words: ['communication', 'communications', 'telecommunication', 'telecommunications'], russianStems: ['svyaz'] },
  security: { words: ['security'], russianStems: ['bezopasnost'] },
  defense: { words: ['defense', 'defence'], russianStems: ['oboron'] },
  energy: { words: ['energy', 'energetic', 'enerji', 'energia'], russianStems: ['energetich'] },
  metallurgy: { words: ['metallurgical', 'metallurgy', 'metallurgic'], russianStems: ['metallurg'] },
  chemical: { words: ['chemical', 'chemicals', 'chemistry', 'kimya'], russianStems: ['khimich'] },
  precision: { words: ['precision', 'precise', 'precisions'], russianStems: ['tochn'] },
  instruments: { words: ['instrument', 'instruments', 'instrumentation'], russianStems: ['pribor'] },
  equipment: { words: ['equipment', 'equipments'], russianStems: ['oborudovan'] },
  machinebuilding: { words: ['machinebuilding', 'machinerybuilding'], russianStems: ['mashinostroitel', 'mashinostroen'] },
  // Russian compounds of a thing and -stroitelny (-building, -making): OFAC's JSC MUROM INSTRUMENT-MAKING PLANT.
  instrumentmaking: { words: ['instrumentmaking', 'instrumentbuilding', 'instrumentengineering'], russianStems: ['priborostroitel'] },
  aircraftbuilding: { words: ['aircraftbuilding', 'aircraftmaking'], russianStems: ['samoletostroitel', 'aviastroitel'] },
  enginebuilding: { words: ['enginebuilding', 'enginemaking'], russianStems: ['dvigatelestroitel', 'motorostroitel'] },
  toolmaking: { words: ['toolmaking', 'toolbuilding'], russianStems: ['instrumentalsk'] },
  machinemaking: { words: ['machinemaking'], russianStems: ['stankostroitel'] },
  // Russian, Ukrainian and Belarusian words of industrial firms' names as OFAC's English names translate them
  // (JOINT STOCK COMPANY BARNAUL CARTRIDGE PLANT: AO BARNAULSKII PATRONNYI ZAVOD).
  repair: { words: ['repair', 'repairs', 'repairing'], russianStems: ['remontn'] },
  mechanical: { words: ['mechanical', 'mechanics'], russianStems: ['mekhanich'] },
  electromechanical: { words: ['electromechanical'], russianStems: ['elektromekhanich'] },
  electrical: { words: ['electrical', 'electrotechnical'], russianStems: ['elektrotekhnich'] },
  optical: { words: ['optical', 'optics'], russianStems: ['optich', 'optiko'] },
  cable: { words: ['cable', 'cables'], russianStems: ['kabeln'] },
  bearing: { words: ['bearing', 'bearings'], russianStems: ['podshipnik'] },
  cartridge: { words: ['cartridge', 'cartridges', 'ammunition'], russianStems: ['patronn'] },
  armored: { words: ['armored', 'armoured'], russianStems: ['bronetank'] },
  tractor: { words: ['tractor', 'tractors'], russianStems: ['traktorn'] },
  rubber: { words: ['rubber'], russianStems: ['kauchuk', 'rezinov'] },
  synthetic: { words: ['synthetic'], russianStems: ['sintetich'] },
  catalyst: { words: ['catalyst', 'catalysts'], russianStems: ['katalizator'] },
  civil: { words: ['civil', 'civilian'], russianStems: ['grazhdansk'] },
  wine: { words: ['wine', 'wines', 'winery'], russianStems: ['vinn', 'vinodel'] },
  distillery: { words: ['distillery', 'distilleries'], russianStems: ['likerovodoch', 'likerogoril'] },
  refinery: { words: ['refinery', 'refining'], russianStems: ['neftepererabat'] },
  gas: { words: ['gas'], russianStems: ['gazov'] },
  bitumen: { words: ['bitumen'], russianStems: ['neftebitum', 'naftabitum'] },
  // …and of institutes', agencies' and state firms' names (FEDERAL STATE BUDGETARY INSTITUTION OF SCIENCE).
  federal: { words: ['federal'], russianStems: ['federaln'] },
  institution: { words: ['institution', 'institutions'], russianStems: ['uchrezhden'] },
  budgetary: { words: ['budgetary', 'budget'], russianStems: ['byudzhetn', 'biudzhetn'] },
  unitary: { words: ['unitary'], russianStems: ['unitarn'] },
  commercial: { words: ['commercial'], russianStems: ['kommerchesk'] },
  physics: { words: ['physics', 'physical'], russianStems: ['fizik', 'fizichesk'] },
  russian: { words: ['russian'], russianStems: ['rossiisk', 'rossiysk', 'rossisk'] },
  system: { words: ['system', 'systems'], russianStems: ['sistem'] },
  northern: { words: ['northern', 'north'], russianStems: ['severn'] },
  space: { words: ['space'], russianStems: ['kosmichesk'] },
  development: { words: ['development'], russianStems: ['razviti'] },
  financial: { words: ['financial', 'finance'], russianStems: ['finansov'] },
  foreign: { words: ['foreign'], russianStems: ['inostrann'] },
  additive: { words: ['additive', 'additives'], russianStems: ['additivn'] },
  technology: { words: ['technology', 'technologies', 'technological', 'teknoloji'], russianStems: ['tekhnolog', 'tekhnich'] },
  transport: { words: ['transport', 'transports', 'transportation', 'transportes'], russianStems: ['transportn'] },
  aviation: { words: ['aviation', 'aviacion'], russianStems: ['aviatsi'] },
  radio: { words: ['radio'], russianStems: ['radiotekhnich'] },
  automobile: { words: ['automobile', 'automobiles', 'automotive'], russianStems: ['avtomobil', 'autamabil'] },
  agricultural: { words: ['agricultural', 'agriculture'], russianStems: ['selskokhozyaistv', 'selskokhoziaistv'] },
  investment: {
    words: ['investment', 'investments', 'invest', 'inversiones', 'sarmayeh', 'sarmayeh-gozari'],
    russianStems: ['investitsi'],
  },
  insurance: { words: ['insurance', 'bimeh', 'sigorta', 'seguros'], russianStems: ['strakhov'] },
  exchange: { words: ['exchange', 'sarrafi', 'sarafi'] },
  // (Not a stem: DOMEN, DOMAIN.)
  house: { words: ['house', 'dom', 'doma'] },
  central: { words: ['central'], russianStems: ['tsentraln'] },
  complex: { words: ['complex'], russianStems: ['kompleks'] },
  concern: { words: ['concern'], russianStems: ['kontsern'] },
  // Firms' names abbreviate these by convention (Bros., Hnos., Mfg., Intl.), not by any rule of letters
  // (`abbreviates` leaves three-letter and vowelled contractions alone): UN, "Nirou Battery Mfg. Co".
  brothers: { words: ['brothers', 'bros', 'hermanos', 'hnos', 'freres', 'fratelli', 'gebruder', 'gebr', 'gebroeders'] },
  manufacturing: { words: ['manufacturing', 'manufacturer', 'manufacturers', 'mfg', 'mfr', 'mfrs'] },
  international: { words: ['international', 'intl', 'internacional', 'internationale', 'internazionale'], russianStems: ['mezhdunarodn'] },
  national: { words: ['national', 'natl', 'nacional', 'nationale', 'nazionale'], russianStems: ['natsionaln'] },
};

/** Longest case or gender ending taken after a Russian stem ('ogo', 'aya', 'nykh', 'ykh'…). */
const MAX_RUSSIAN_ENDING = 4;

const BY_WORD = new Map<string, string>();
const RUSSIAN_STEMS: [string, string][] = [];
for (const [meaning, { words = [], russianStems = [] }] of Object.entries(MEANINGS)) {
  for (const w of words) BY_WORD.set(w, meaning);
  for (const stem of russianStems) RUSSIAN_STEMS.push([stem, meaning]);
}
// Longest stems first: 'sudostroitel' before 'stroitel'.
RUSSIAN_STEMS.sort((a, b) => b[0].length - a[0].length);

/**
 * Meanings that a generic English firm word has (ENTERPRISE, FOUNDATION, TRADING): their words in every
 * language are generic too (EMPRESA, BONYAD, TICARET), counting as little as the English word does.
 */
const GENERIC_MEANINGS: ReadonlySet<string> = new Set(
  Object.entries(MEANINGS)
    .filter(([, { words = [] }]) => words.some((w) => GENERIC_ORGANISATION_WORDS.has(w)))
    .map(([meaning]) => meaning),
);

/** Whether a word of a firm's name means what a generic English firm word means (BONYAD: foundation). */
export function isGenericFirmWord(word: string): boolean {
  return GENERIC_MEANINGS.has(firmWordMeaning(word));
}

/**
 * The meaning of one folded word of a firm's name, or '' when it is not a common firm word.
 * @example firmWordMeaning('zavod') === firmWordMeaning('factory') // 'plant'
 * @example firmWordMeaning('sudostroitelnogo') === 'shipbuilding'
 */
export function firmWordMeaning(word: string): string {
  const known = BY_WORD.get(word);
  if (known) return known;
  for (const [stem, meaning] of RUSSIAN_STEMS) if (word.startsWith(stem) && word.length - stem.length <= MAX_RUSSIAN_ENDING) return meaning;
  return '';
}

/**
 * Russian adjectives made from place names (Dubna → Dubnenskii, Vyborg → Vyborgsky, Mytishchi →
 * Mytishchinsky, Arzamas → Arzamasskoe): firms are named either way. True when `adjective` is `place`
 * (less a final vowel) with -sk- and an adjective ending, perhaps after -en- or -in-.
 */
export function isPlaceAdjective(adjective: string, place: string): boolean {
  // (Without a closure or a sliced string: this runs for each pair of firm words compared.)
  const endsInVowel = 'aeiouy'.includes(place[place.length - 1]);
  for (const stem of adjectiveStems(adjective))
    if (stem === place || (endsInVowel && stem.length === place.length - 1 && place.startsWith(stem))) return true;
  return false;
}

/**
 * The place names a Russian place adjective may be made from, as `isPlaceAdjective` accepts them
 * (muromsky → murom, muroma; dubnenskii → dubn, dubna, dubnen, dubnena): what a firm named after the place
 * writes instead. Empty for a word that is not such an adjective.
 */
export function placesOfAdjective(adjective: string): string[] {
  return adjectiveStems(adjective).flatMap((stem) => [stem, stem + 'a']);
}

/**
 * The stems a place adjective may be made on, four letters or more: Dubn-en-skii (Dubna), but Tyumen-skii
 * (Tyumen), so the -en- may belong to the place. Empty for a word that is not such an adjective.
 */
function adjectiveStems(adjective: string): readonly string[] {
  if (!adjective.includes('sk')) return NO_STEMS; // most words: no need for the expression
  // Asked for each pair of words compared: a word's answer is kept (a few thousand words have 'sk').
  let stems = STEMS_OF_ADJECTIVE.get(adjective);
  if (stems) return stems;
  const m = PLACE_ADJECTIVE.exec(adjective);
  stems = !m ? NO_STEMS : (m[2] ? [m[1], m[1] + m[2]] : [m[1]]).filter((stem) => stem.length >= MIN_PLACE_STEM);
  if (STEMS_OF_ADJECTIVE.size < MAX_REMEMBERED_ADJECTIVES) STEMS_OF_ADJECTIVE.set(adjective, stems);
  return stems;
}

const NO_STEMS: readonly string[] = Object.freeze([]);
const STEMS_OF_ADJECTIVE = new Map<string, readonly string[]>();
const MAX_REMEMBERED_ADJECTIVES = 100_000;

const PLACE_ADJECTIVE = /^([a-z]+?)(en|in)?sk(?:ii|iy|iye|y|i|aya|aia|oe|oye|ogo|ikh|ykh)$/;
/** Shorter stems ('rus', 'mos') are too easily something else. */
const MIN_PLACE_STEM = 4;

/** Second halves of English compounds that Russian writes as one word (INSTRUMENT-MAKING: priborostroitelny). */
export const COMPOUND_ENDINGS: ReadonlySet<string> = new Set(['making', 'building', 'maker', 'makers', 'builders', 'engineering']);

/**
 * The abbreviations of Russian, Ukrainian and Belarusian firms' kinds that stand in their names (AO NPP
 * ALMAZ, NII VEKTOR, TD ASBEST), and the English phrases OFAC's and other lists' names spell them out as
 * (JOINT STOCK COMPANY RESEARCH AND PRODUCTION ENTERPRISE ALMAZ, SCIENTIFIC-RESEARCH INSTITUTE VEKTOR,
 * TORGOVY DOM / TRADING HOUSE). A name with one is also read with each phrase in its place (`spelledOut`).
 * Counted on the bundled SDN list of 2023-12-28, where 84 names of firms write one of them and another
 * name of the same record does not. Where an abbreviation has two common meanings (KB: konstruktorskoe
 * byuro, a design bureau, and kommerchesky bank), both are readings: a reading only adds a way to match.
 */
export const FIRM_KIND_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  // нефтяная компания
  nk: ['oil company'],
  // торговый дом
  td: ['trading house'],
  // научно-исследовательский институт; центральный НИИ
  nii: ['scientific research institute', 'research institute'],
  tsnii: ['central scientific research institute', 'central research institute'],
  // научно-производственное предприятие; научно-производственная корпорация, компания, комплекс
  npp: ['research and production enterprise', 'scientific production enterprise'],
  npk: ['research and production corporation', 'scientific production company'],
  // (опытное) конструкторское бюро; коммерческий банк
  okb: ['experimental design bureau', 'design bureau'],
  kb: ['design bureau', 'commercial bank'],
  // научно-технический центр
  ntts: ['scientific and technical center', 'scientific technical center'],
  ntc: ['scientific and technical center', 'scientific technical center'],
  // государственная корпорация, компания; группа компаний
  gk: ['state corporation', 'group of companies'],
};

const FIRM_KIND_ABBREVIATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${Object.keys(FIRM_KIND_ABBREVIATIONS).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const MOST_PHRASES = Math.max(...Object.values(FIRM_KIND_ABBREVIATIONS).map((p) => p.length));

/**
 * A firm's name read with its kind's abbreviation spelled out, once per phrase (the k-th reading takes each
 * abbreviation's k-th phrase, or its last): `spelledOut('AO NPP ALMAZ')` → ['AO research and production
 * enterprise ALMAZ', 'AO scientific production enterprise ALMAZ']. None for a name without one, or that is
 * the abbreviation alone.
 */
export function spelledOut(name: string): string[] {
  FIRM_KIND_ABBREVIATION.lastIndex = 0;
  if (!FIRM_KIND_ABBREVIATION.test(name)) return [];
  if (name.replace(FIRM_KIND_ABBREVIATION, '').trim().length === 0) return [];
  const readings: string[] = [];
  for (let k = 0; k < MOST_PHRASES; k++) {
    const reading = name
      .replace(FIRM_KIND_ABBREVIATION, (abbreviation) => {
        const phrases = FIRM_KIND_ABBREVIATIONS[abbreviation.toLowerCase()];
        return ` ${phrases[Math.min(k, phrases.length - 1)]} `;
      })
      .replace(/\s+/g, ' ')
      .trim();
    if (!readings.includes(reading)) readings.push(reading);
  }
  return readings;
}

/**
 * Lines of business a firm's name states: a bank, an insurer, a shipping line, a holding company. Two
 * firms with the same distinctive words and different lines (MYANMA ECONOMIC BANK, MYANMA ECONOMIC
 * HOLDINGS; KYAW MYAT NAING SHIPYARD, KYAW MYAT NAING HOLDINGS) are sister firms or strangers: a list
 * writes one firm's line the same way in each of its names (in translation at most), or leaves it out.
 * A group and a holding company are one line: the lists call the same parent either.
 * Meanings of `MEANINGS` that are lines, and words of lines that have no other meaning here.
 */
const LINE_MEANINGS: ReadonlySet<string> = new Set([
  'bank',
  'shipping',
  'insurance',
  'university',
  'academy',
  'exchange',
  'construction',
  'oil',
  'trading',
  'investment',
  'group',
  'shipbuilding',
  'shiprepair',
  'refinery',
  'charity',
]);
const LINE_WORDS: Readonly<Record<string, readonly string[]>> = {
  group: ['holding', 'holdings', 'holdco'],
  shipbuilding: ['shipyard', 'shipyards', 'dockyard', 'dockyards'],
  airline: ['airline', 'airlines', 'airways', 'aviaservice'],
  hospital: ['hospital', 'hospitals', 'clinic', 'clinics'],
  hotel: ['hotel', 'hotels', 'resort', 'resorts'],
  mining: ['mining', 'mines', 'minerals'],
  travel: ['travel', 'travels', 'tours', 'tourism'],
};
const LINE_BY_WORD = new Map(Object.entries(LINE_WORDS).flatMap(([line, words]) => words.map((w) => [w, line] as const)));

/**
 * The line of business a word of a firm's name states, or '' (`LINE_MEANINGS`, `LINE_WORDS`). A name
 * token carries its word's meaning already (`NameToken.meaning`): scorers pass it rather than look it up again.
 * @example lineOfBusiness('banque') === 'bank'; lineOfBusiness('holdings') === lineOfBusiness('group')
 */
export function lineOfBusiness(word: string, meaning = firmWordMeaning(word)): string {
  return LINE_BY_WORD.get(word) ?? (LINE_MEANINGS.has(meaning) ? meaning : '');
}

/**
 * Lines whose firms state them in every name they go by: a bank's, an insurer's, a university's or a
 * hospital's name says so (regulators require it of banks and insurers), where a shipping or trading
 * firm's often leaves its line out (KHEDRI JAHAN DARYA is the shipping company of that name).
 */
const LINES_ALWAYS_NAMED: ReadonlySet<string> = new Set(['bank', 'insurance', 'university', 'academy', 'hospital']);

/** Whether a word states a line of business that a firm of that line always names (`LINES_ALWAYS_NAMED`). */
export function statesLineAlwaysNamed(word: string, meaning = firmWordMeaning(word)): boolean {
  return LINES_ALWAYS_NAMED.has(lineOfBusiness(word, meaning));
}
