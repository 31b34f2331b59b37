/**
 * @module model/countries
 * Maps the country strings the lists use to ISO 3166-1 alpha-2 codes.
 * @example countryCode('Korea, North') === 'KP'; countryCode("Iran (Islamic Republic of)") === 'IR'
 */
import { COUNTRY_NAMES } from './countries-iso.js';

export { COUNTRY_NAMES };

/**
 * Spellings found in the OFAC, UN and UK lists (and common English variants) that differ from the
 * CLDR short name. Keys are folded with `countryKey`.
 */
const COUNTRY_VARIANTS: Readonly<Record<string, string>> = {
  'korea north': 'KP',
  'north korea': 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea democratic peoples republic of': 'KP',
  'korea dpr': 'KP',
  dprk: 'KP',
  'korea republic of': 'KR',
  'korea south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  burma: 'MM',
  myanmar: 'MM',
  'iran islamic republic of': 'IR',
  'islamic republic of iran': 'IR',
  'russian federation': 'RU',
  'syrian arab republic': 'SY',
  'lao peoples democratic republic': 'LA',
  'viet nam': 'VN',
  'venezuela bolivarian republic of': 'VE',
  'bolivia plurinational state of': 'BO',
  'tanzania united republic of': 'TZ',
  'united republic of tanzania': 'TZ',
  'moldova republic of': 'MD',
  'republic of moldova': 'MD',
  'congo democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  'congo kinshasa': 'CD',
  'congo republic of the': 'CG',
  'republic of the congo': 'CG',
  congo: 'CG',
  'congo brazzaville': 'CG',
  'cote divoire': 'CI',
  'ivory coast': 'CI',
  'the gambia': 'GM',
  'gambia the': 'GM',
  'bahamas the': 'BS',
  'the bahamas': 'BS',
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  'united kingdom': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  'the former yugoslav republic of macedonia': 'MK',
  macedonia: 'MK',
  'macedonia the former yugoslav republic of': 'MK',
  'north macedonia': 'MK',
  'republic of north macedonia': 'MK',
  'bosnia and herzegovina': 'BA',
  'bosnia herzegovina': 'BA',
  'antigua and barbuda': 'AG',
  'trinidad and tobago': 'TT',
  'saint kitts and nevis': 'KN',
  'st kitts and nevis': 'KN',
  'saint vincent and the grenadines': 'VC',
  'st vincent and the grenadines': 'VC',
  'saint lucia': 'LC',
  'st lucia': 'LC',
  'sao tome and principe': 'ST',
  'turks and caicos islands': 'TC',
  'heard and mcdonald islands': 'HM',
  'wallis and futuna': 'WF',
  'st pierre and miquelon': 'PM',
  'saint pierre and miquelon': 'PM',
  'palestinian territories': 'PS',
  'occupied palestinian territory': 'PS',
  'state of palestine': 'PS',
  palestine: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  'palestinian territory occupied': 'PS',
  'hong kong': 'HK',
  'hong kong sar china': 'HK',
  'hong kong special administrative region of china': 'HK',
  'china hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  taiwan: 'TW',
  'taiwan province of china': 'TW',
  'chinese taipei': 'TW',
  czechia: 'CZ',
  'czech republic': 'CZ',
  turkey: 'TR',
  turkiye: 'TR',
  'cabo verde': 'CV',
  'cape verde': 'CV',
  swaziland: 'SZ',
  eswatini: 'SZ',
  'east timor': 'TL',
  'timor leste': 'TL',
  'brunei darussalam': 'BN',
  'micronesia federated states of': 'FM',
  'federated states of micronesia': 'FM',
  'vatican city': 'VA',
  'holy see': 'VA',
  'netherlands antilles': 'AN',
  curacao: 'CW',
  'sint maarten': 'SX',
  'falkland islands': 'FK',
  'virgin islands british': 'VG',
  'british virgin islands': 'VG',
  'virgin islands us': 'VI',
  'us virgin islands': 'VI',
  'cayman islands': 'KY',
  'marshall islands': 'MH',
  'isle of man': 'IM',
  jersey: 'JE',
  guernsey: 'GG',
  'serbia and montenegro': 'CS',
  yugoslavia: 'YU',
  'federal republic of yugoslavia': 'YU',
  'soviet union': 'SU',
  ussr: 'SU',
  'union of soviet socialist republics': 'SU',
  'east germany': 'DD',
  'german democratic republic': 'DD',
  'west germany': 'DE',
  czechoslovakia: 'CS',
  zaire: 'CD',
  'libyan arab jamahiriya': 'LY',
  libya: 'LY',
  'kyrgyz republic': 'KG',
  kyrgyzstan: 'KG',
  'slovak republic': 'SK',
  'region crimea': 'UA',
  crimea: 'UA',
  'crimea region of ukraine': 'UA',
  kosovo: 'XK',

  'st martin': 'MF',
  'saint martin': 'MF',
  'saint barthelemy': 'BL',
  'south sudan': 'SS',
  'republic of south sudan': 'SS',
  sudan: 'SD',
  'the sudan': 'SD',
  'united arab emirates': 'AE',
  uae: 'AE',
  'the netherlands': 'NL',
  netherlands: 'NL',
  holland: 'NL',
  'the philippines': 'PH',
  'bahrain kingdom of': 'BH',
  'iraq republic of': 'IQ',
  'yemen republic of': 'YE',
  'kingdom of saudi arabia': 'SA',
  korea: 'KR',
  'guinea bissau': 'GW',
  'equatorial guinea': 'GQ',
  'central african republic': 'CF',
  'dominican republic': 'DO',
  'papua new guinea': 'PG',
  'solomon islands': 'SB',
  'new caledonia': 'NC',
  'french polynesia': 'PF',
  'svalbard and jan mayen': 'SJ',
  'pitcairn islands': 'PN',
  'united states minor outlying islands': 'UM',
  'south georgia and the south sandwich islands': 'GS',
  'british indian ocean territory': 'IO',
  'french southern territories': 'TF',
  'aland islands': 'AX',
  'cocos keeling islands': 'CC',
  'northern mariana islands': 'MP',
  'american samoa': 'AS',
  'saint helena': 'SH',
  'st helena': 'SH',
  'western sahara': 'EH',
  // OFAC writes the adjective for addresses and nationalities in the Palestinian territories (legacy XML, advanced Country values).
  palestinian: 'PS',
  // OFAC legacy CSV (sdn.csv/cons_prim.csv remarks, add.csv countries): spellings countryCode missed.
  'north macedonia the republic of': 'MK',
  'cote d ivoire': 'CI',
  'man isle of': 'IM',
  eritrean: 'ER',
  'northern mali': 'ML',
  // UN consolidated list (NATIONALITY, ISSUING_COUNTRY, address COUNTRY) and HMT/OFSI consolidated list
  // (Nationality, Country, Country of Birth): demonyms, long forms and the lists' own typos.
  afghan: 'AF',
  algerian: 'DZ',
  bahraini: 'BH',
  belarusian: 'BY',
  british: 'GB',
  britain: 'GB',
  chinese: 'CN',
  egyptian: 'EG',
  ethiopian: 'ET',
  filipino: 'PH',
  french: 'FR',
  gambian: 'GM',
  german: 'DE',
  indian: 'IN',
  indonesian: 'ID',
  iranian: 'IR',
  iraqi: 'IQ',
  ivorian: 'CI',
  jordanian: 'JO',
  kenyan: 'KE',
  kuwaiti: 'KW',
  lebanese: 'LB',
  libyan: 'LY',
  malaysian: 'MY',
  malian: 'ML',
  mauritanian: 'MR',
  moldovan: 'MD',
  moroccan: 'MA',
  nigerian: 'NG',
  'north korean': 'KP',
  omani: 'OM',
  pakistani: 'PK',
  qatari: 'QA',
  russian: 'RU',
  rwandan: 'RW',
  saudi: 'SA',
  'saudi arabian': 'SA',
  somali: 'SO',
  sudanese: 'SD',
  swedish: 'SE',
  syrian: 'SY',
  tunisian: 'TN',
  turkish: 'TR',
  ugandan: 'UG',
  ukrainian: 'UA',
  uzbek: 'UZ',
  yemeni: 'YE',
  rpdc: 'KP',
  'sultanate of oman': 'OM',
  'union of the comoros': 'KM',
  'republic of djibouti': 'DJ',
  'republic of serbia': 'RS',
  'republic of montenegro': 'ME',
  'republic of belarus': 'BY',
  'republic of armenia': 'AM',
  'hong kong special administrative region': 'HK',
  'china hong kong special administrative region': 'HK',
  'occupied palestinian territories': 'PS',
  'libyan arab jamahirya': 'LY',
  'united kingom': 'GB',
  aghanistan: 'AF',
  uzbekhistan: 'UZ',
  belrus: 'BY',
  'repubic of moldova': 'MD',
  'republic of moldovia': 'MD',
  sundan: 'SD',
  // Soviet republics of birth, as their successor states (HMT: "Ukrainian SSR", "Kazakh Soviet Socialist Republic").
  'ukrainian ssr': 'UA',
  'belarusian ssr': 'BY',
  'kazakh ssr': 'KZ',
  'kazakh soviet socialist republic': 'KZ',
  'uzbek ssr': 'UZ',
  'uzbekistan ssr': 'UZ',
  'kyrgyz ssr': 'KG',
  'moldovan ssr': 'MD',
  'moldovian ssr': 'MD',
  rsfsr: 'RU',
  'russian sfsr': 'RU',
  'russian soviet federative socialist republic': 'RU',
  'yakut autonomous ssr': 'RU',
  'komi assr': 'RU',
  // Australia DFAT consolidated list (Citizenship): demonyms the lists above do not use, and its typos.
  // "Congolese" is not here: it names citizens of both Congos, and the list does not say which.
  afghani: 'AF',
  australian: 'AU',
  azerbaijani: 'AZ',
  belarussian: 'BY',
  bulgarian: 'BG',
  georgian: 'GE',
  israeli: 'IL',
  kazakhstani: 'KZ',
  mauritian: 'MU',
  norwegian: 'NO',
  senegalese: 'SN',
  slovak: 'SK',
  turkiyish: 'TR',
  ukranian: 'UA',
  uzbekistani: 'UZ',
  'democratic republic of congo': 'CD',
  'united kingdom of great britain': 'GB',
};

/** Folds a country string for lookup: lower case, no diacritics, apostrophes and punctuation removed. */
export function countryKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const COUNTRY_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const [code, name] of Object.entries(COUNTRY_NAMES)) {
    index.set(countryKey(name), code);
    index.set(code.toLowerCase(), code);
  }
  for (const [variant, code] of Object.entries(COUNTRY_VARIANTS)) index.set(countryKey(variant), code);
  return index;
})();

/**
 * The ISO 3166-1 alpha-2 code for a country as a list writes it, or undefined when unknown.
 * Two-letter input is taken as a code already ('KP' → 'KP').
 */
export function countryCode(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const key = countryKey(text);
  if (!key) return undefined;
  const direct = COUNTRY_INDEX.get(key);
  if (direct) return direct;
  // "Tehran, Iran" or "Pyongyang, Korea, North": the country is the last comma part(s).
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const tail = COUNTRY_INDEX.get(countryKey(parts.slice(i).join(', ')));
    if (tail) return tail;
  }
  return undefined;
}

/** The English name for an ISO code, or the code itself when unknown. */
export function countryName(code: string): string {
  return COUNTRY_NAMES[code.toUpperCase()] ?? code;
}
