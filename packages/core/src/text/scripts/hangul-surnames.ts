/**
 * @module text/scripts/hangul-surnames
 * How Korean surnames are spelled in practice. Romanisation systems give one spelling per surname, but
 * passports, lists and the press use conventional ones: South Koreans write 이 as Lee, Yi or Rhee and 박 as
 * Park; North Koreans write 리 as Ri (sometimes Li) and 박 as Pak. OFAC and the UN use the North's forms for
 * DPRK persons (RI Pyong Chol, PAK Pong Ju, CHOE Ryong Hae), the press the South's. Each entry lists the
 * spellings seen on lists, in passports and in the press; the systematic readings are added by hangul.ts.
 */

/** Surname in Hangul → its conventional Latin spellings (lower case). Pairs like 이/리 share one list. */
export const KOREAN_SURNAME_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['김', ['kim', 'gim']], ['이', ['ri', 'li', 'lee', 'yi', 'rhee']], ['리', ['ri', 'li', 'lee', 'yi', 'rhee']],
  ['박', ['pak', 'park', 'bak']], ['최', ['choe', 'choi']], ['정', ['jong', 'chong', 'jeong', 'jung', 'chung']],
  ['조', ['jo', 'cho']], ['류', ['ryu', 'yu', 'yoo']], ['유', ['ryu', 'yu', 'yoo']],
  ['로', ['ro', 'no', 'noh', 'roh']], ['노', ['ro', 'no', 'noh', 'roh']], ['림', ['rim', 'im', 'lim']],
  ['임', ['rim', 'im', 'lim']], ['량', ['ryang', 'yang']], ['양', ['ryang', 'yang']], ['신', ['sin', 'shin']],
  ['한', ['han']], ['오', ['o', 'oh']], ['우', ['u', 'woo']], ['강', ['kang', 'gang']], ['윤', ['yun', 'yoon']],
  ['장', ['jang', 'chang']], ['서', ['so', 'seo', 'suh']], ['권', ['kwon', 'gwon']], ['황', ['hwang']],
  ['안', ['an', 'ahn']], ['송', ['song']], ['전', ['jon', 'chon', 'jeon', 'jun', 'chun']], ['홍', ['hong']],
  ['고', ['ko', 'go']], ['문', ['mun', 'moon']], ['손', ['son', 'sohn']], ['배', ['pae', 'bae']],
  ['백', ['paek', 'baek', 'paik']], ['허', ['ho', 'heo', 'huh']], ['남', ['nam']], ['심', ['sim', 'shim']],
  ['하', ['ha']], ['곽', ['kwak', 'gwak']], ['성', ['song', 'seong', 'sung']], ['차', ['cha']],
  ['주', ['ju', 'chu', 'joo']], ['구', ['ku', 'gu', 'koo']], ['민', ['min']], ['진', ['jin', 'chin']],
  ['나', ['ra', 'na', 'nah']], ['라', ['ra', 'na', 'nah']], ['지', ['ji', 'chi']], ['엄', ['om', 'eom', 'um']],
  ['채', ['chae']], ['원', ['won']], ['천', ['chon', 'cheon', 'chun']], ['방', ['pang', 'bang']],
  ['공', ['kong', 'gong']], ['현', ['hyon', 'hyeon', 'hyun']], ['함', ['ham']], ['변', ['pyon', 'byeon', 'byun']],
  ['렴', ['ryom', 'yom', 'yeom']], ['염', ['ryom', 'yom', 'yeom']], ['려', ['ryo', 'yo', 'yeo']],
  ['여', ['ryo', 'yo', 'yeo']], ['추', ['chu']], ['도', ['to', 'do']], ['소', ['so']], ['석', ['sok', 'seok', 'suk']],
  ['선', ['son', 'seon', 'sun']], ['설', ['sol', 'seol']], ['마', ['ma']], ['길', ['kil', 'gil']],
  ['연', ['yon', 'yeon']], ['위', ['wi', 'wee']], ['표', ['pyo']], ['명', ['myong', 'myeong']], ['기', ['ki', 'gi']],
  ['반', ['pan', 'ban']], ['왕', ['wang']], ['금', ['kum', 'geum', 'keum']], ['옥', ['ok']], ['륙', ['ryuk', 'yuk']],
  ['육', ['ryuk', 'yuk']], ['인', ['in']], ['태', ['thae', 'tae']], ['계', ['kye', 'gye']], ['탁', ['thak', 'tak']],
  ['국', ['kuk', 'guk']], ['용', ['yong']], ['봉', ['pong', 'bong']], ['편', ['phyon', 'pyeon']],
  ['남궁', ['namgung', 'namkung']], ['황보', ['hwangbo']], ['제갈', ['jegal', 'chegal']],
  ['선우', ['sonu', 'seonu', 'sunwoo']], ['독고', ['tokko', 'dokgo']], ['사공', ['sagong']], ['서문', ['somun', 'seomun']],
]);

/** Two-syllable surnames: the name 남궁민 is 남궁 + 민, not 남 + 궁민. */
export const TWO_SYLLABLE_SURNAMES: ReadonlySet<string> = new Set(
  [...KOREAN_SURNAME_SPELLINGS.keys()].filter((s) => s.length === 2),
);
