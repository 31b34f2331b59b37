/**
 * @module components/RevenueAtRiskView
 * The share of the DPRK's export revenue each resolution's bans cover (`GET /v1/trade/revenue`, the
 * default example of public estimates): the whole split by the resolution that banned each part, a bar
 * per resolution and per commodity, and the table with every figure's source and the words it is
 * quoted from.
 */
import { getTradeRevenue } from '../api/embargo';
import type { RevenueAtRisk } from '../api/types';
import { resolutionNumber, sharePercent, usdMillions } from '../text/trade-words';
import { useResource } from '../use-resource';
import { BarChart, StackedBar, type Bar } from './BarChart';
import { ErrorNotice } from './ErrorNotice';

const toneOf = (resolution: string | undefined) => (resolution ? `r${resolutionNumber(resolution)}` : 'none');

/** The whole, split by the resolution that banned each part, and what no resolution banned. */
export function revenueParts(r: RevenueAtRisk): Bar[] {
  const banned = r.byResolution
    .filter((x) => x.banned > 0)
    .map((x) => ({
      key: x.resolution,
      label: `UNSCR ${x.resolution}`,
      value: x.banned,
      figure: `${usdMillions(x.banned)} (${sharePercent(x.share)})`,
      tone: toneOf(x.resolution),
    }));
  const rest = r.total - r.banned;
  return [
    ...banned,
    { key: 'rest', label: 'Not banned', value: rest, figure: `${usdMillions(rest)} (${sharePercent(rest / r.total)})`, tone: 'none' },
  ];
}

export function RevenueAtRiskView() {
  const { data, error, loading } = useResource(getTradeRevenue, []);
  if (loading && !data) return <p className="muted">Loading the revenue figures…</p>;
  if (!data) return <ErrorNotice error={error} />;
  const r2371 = data.byResolution.find((x) => x.resolution === '2371 (2017)');
  const sources = [...new Map(data.byCommodity.map((c) => [`${c.source.url} ${c.source.quote}`, c.source])).values()];
  return (
    <section aria-labelledby="revenue-heading">
      <h2 id="revenue-heading">Revenue at risk: DPRK exports, {data.year} estimates</h2>
      <p>
        Of about {usdMillions(data.total)} a year of export revenue, the bans cover {usdMillions(data.banned)} (
        {sharePercent(data.bannedShare)}).
        {r2371 && (
          <>
            {' '}
            Resolution 2371 alone: {usdMillions(r2371.banned)} ({sharePercent(r2371.share)}) — the US fact sheet’s “over a $1 billion per
            year … approximately $3 billion”.
          </>
        )}
      </p>
      <div className="panel revenue-charts">
        <StackedBar
          title={`${usdMillions(data.total)} of exports, by the resolution that banned them`}
          parts={revenueParts(data)}
          total={data.total}
        />
        <BarChart
          title="Banned, by resolution (share of all exports)"
          max={data.total}
          bars={data.byResolution.map((x) => ({
            key: x.resolution,
            label: `UNSCR ${x.resolution}`,
            note: x.commodities.length > 0 ? x.commodities.join(', ') : 'none of the itemised commodities',
            value: x.banned,
            figure: `${usdMillions(x.banned)} · ${sharePercent(x.share)}`,
            tone: toneOf(x.resolution),
          }))}
        />
        <BarChart
          title="By commodity, coloured by the resolution that banned it"
          max={Math.max(...data.byCommodity.map((c) => c.value))}
          bars={data.byCommodity.map((c) => ({
            key: c.commodity,
            label: c.commodity,
            note: c.bannedBy ? c.bannedBy.citation : 'not banned',
            value: c.value,
            figure: `${usdMillions(c.value)} · ${sharePercent(c.share)}`,
            tone: toneOf(c.bannedBy?.resolution),
          }))}
        />
      </div>
      <h3>The figures and their sources</h3>
      <div className="table-scroll">
        <table className="table table--stacked revenue-table">
          <thead>
            <tr>
              <th scope="col">Commodity</th>
              <th scope="col">HS</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col">Banned by</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {data.byCommodity.map((c) => (
              <tr key={c.commodity}>
                <td data-label="Commodity">{c.commodity}</td>
                <td data-label="HS" className="hs-codes">
                  {c.hs.length > 0 ? c.hs.join(' ') : '—'}
                </td>
                <td data-label="Value" className="num">
                  {usdMillions(c.value)}
                </td>
                <td data-label="Share" className="num">
                  {sharePercent(c.share)}
                </td>
                <td data-label="Banned by">
                  {/* One child per cell: a stacked cell on a phone is a grid of the label and one value. */}
                  <div>
                    {c.bannedBy ? <cite className="citation">{c.bannedBy.citation}</cite> : 'not banned'}
                    {c.alsoUnder.length > 0 && (
                      <div className="muted small">
                        before: {c.alsoUnder.map((u) => `${u.citation} (${u.kind === 'cap' ? 'cap' : 'ban with exceptions'})`).join('; ')}
                      </div>
                    )}
                  </div>
                </td>
                <td data-label="Source">
                  <div>
                    <a href={c.source.url} rel="noreferrer">
                      {c.source.title}
                    </a>
                    {c.note && <div className="muted small">{c.note}</div>}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>What the sources say</h3>
      <ul className="plain-list source-quotes">
        {sources.map((s) => (
          <li key={`${s.url} ${s.quote}`}>
            <blockquote>{s.quote}</blockquote>
            <a href={s.url} rel="noreferrer">
              {s.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
