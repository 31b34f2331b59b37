// npm run bench:pairs -- FILE — the engine on labelled name pairs: same-party and different-party cases
// such as other projects write for their own matching tests (opensanctions/nomenklatura's name benchmark
// and tests, moov-io/watchman's cascade pairs). The cases are not in this repository (they are those
// projects' data); FILE is one JSON object a line:
//
//   {"source": "...", "schema": "Person" | "Organization" | "Vessel" | "LegalEntity" | null,
//    "query":  {"name": "...", "birthDate": "...", "country": "..."},
//    "listed": {"names": ["...", "..."], "birthDate": "...", "country": "..."},
//    "expect": "match" | "nomatch"}
//
// Each case's listed side becomes one record (its first name the name, the others aliases), added to an
// engine over the dev set's lists so that token rarity is that of real lists; the query is screened, and
// the case is found when that record alerts. Prints recall over "match" cases and the false-alert rate
// over "nomatch" cases, in all and per source repository, and with --show every case the engine gets
// wrong. It prints figures and asserts nothing: pairs written for entity resolution call sibling firms
// "different", which a screening filter rightly flags for review. Needs a build (`npm run build`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScreeningEngine } from '@embargo/core';
import { detectPublications, parseNewestPublications } from '@embargo/lists';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_LISTS = join(process.env.EMBARGO_SHARED_DIR ?? join(ROOT, '..', 'shared'), 'eval', 'dev', 'lists');
const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const show = process.argv.includes('--show');
if (!file) {
  console.error('usage: npm run bench:pairs -- FILE [--show]');
  process.exit(2);
}

const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const c = JSON.parse(l);
    if (!c.query?.name || !Array.isArray(c.listed?.names) || c.listed.names.length === 0 || !['match', 'nomatch'].includes(c.expect))
      throw new Error(`${file}:${i + 1}: needs query.name, listed.names and expect "match" or "nomatch"`);
    return c;
  });
const schemaOf = (c) => (c.schema && c.schema !== 'null' ? c.schema : undefined);
const records = cases.map((c, i) => {
  const schema = schemaOf(c) ?? 'LegalEntity';
  const [name, ...aliases] = c.listed.names;
  const properties = { name: [{ value: name }] };
  if (aliases.length) properties.alias = aliases.map((value) => ({ value }));
  if (c.listed.birthDate) properties.birthDate = [{ value: c.listed.birthDate }];
  if (c.listed.country) properties[schema === 'Person' ? 'nationality' : 'country'] = [{ value: c.listed.country }];
  return { id: `case:${i}`, source: 'cases', schema, caption: name, properties };
});

const { publications } = await detectPublications(DEV_LISTS);
const lists = await parseNewestPublications(publications);
const engine = new ScreeningEngine([...lists.flatMap((p) => p.entities), ...records]);

const tally = new Map();
const count = (source, expect, right) => {
  const t = tally.get(source) ?? { match: [0, 0], nomatch: [0, 0] };
  t[expect][right ? 0 : 1]++;
  tally.set(source, t);
};
const wrong = [];
cases.forEach((c, i) => {
  const query = {
    name: c.query.name,
    schema: schemaOf(c),
    birthDate: c.query.birthDate ?? undefined,
    country: c.query.country ?? undefined,
  };
  const match = engine.screen(query, { minScore: 0.3, limit: 50 }).find((m) => m.id === `case:${i}`);
  const right = (c.expect === 'match') === (match?.alert ?? false);
  const repo = String(c.source ?? '').split(' ')[0] || '(no source)';
  count('all', c.expect, right);
  count(repo, c.expect, right);
  if (!right)
    wrong.push(
      `${c.expect.padEnd(7)} ${(match?.score ?? 0).toFixed(3)}  ${c.query.name}  |  ${c.listed.names.join(' / ')}  (${c.source ?? ''})`,
    );
});

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
console.table(
  [...tally].map(([source, t]) => ({
    source,
    'same-party cases': t.match[0] + t.match[1],
    recall: pct(t.match[0], t.match[0] + t.match[1]),
    'different-party cases': t.nomatch[0] + t.nomatch[1],
    'false alerts': pct(t.nomatch[1], t.nomatch[0] + t.nomatch[1]),
  })),
);
if (show) console.log(wrong.join('\n'));
