/**
 * @module text/list-names
 * The sanctions lists as an analyst names them: a short badge on a search result ("OFAC", "UN", "UK") and
 * the list's full name for its tooltip. Sources are the server's (`ofac-sdn`, `ofac-cons`, `un-sc`, `uk-hmt`, `eu-fsf`, `au-dfat`, `ca-sema`);
 * an unknown source is shown as it is.
 */

const BADGES: Record<string, string> = {
  'ofac-sdn': 'OFAC',
  'ofac-cons': 'OFAC',
  'un-sc': 'UN',
  'uk-hmt': 'UK',
  'eu-fsf': 'EU',
  'au-dfat': 'AU',
  'ca-sema': 'CA',
};

const NAMES: Record<string, string> = {
  'ofac-sdn': 'OFAC SDN list',
  'ofac-cons': 'OFAC consolidated (non-SDN) list',
  'un-sc': 'UN Security Council list',
  'uk-hmt': 'UK sanctions list',
  'eu-fsf': 'EU consolidated financial sanctions list',
  'au-dfat': 'Australian consolidated sanctions list (DFAT)',
  'ca-sema': 'Canadian consolidated autonomous sanctions list (SEMA, JVCFOA)',
};

/** "ofac-sdn" → "OFAC". */
export function listBadge(source: string): string {
  return BADGES[source] ?? source;
}

/** "un-sc" → "UN Security Council list". */
export function listName(source: string): string {
  return NAMES[source] ?? source;
}
