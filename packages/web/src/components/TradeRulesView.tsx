/**
 * @module components/TradeRulesView
 * The DPRK goods measures in force (`GET /v1/trade/rules`): one row per measure with its citation, dates,
 * direction, HS codes (those it covers only in part marked), the resolution's words, and how far the row
 * was checked against the text, with the sources read.
 */
import { getTradeRules } from '../api/embargo';
import { useResource } from '../use-resource';
import { ErrorNotice } from './ErrorNotice';

const CHECKED_WORDS = { checked: 'Checked', 'partly-checked': 'Partly checked', unchecked: 'Not checked' } as const;
const CHECKED_TONE = { checked: 'ok', 'partly-checked': 'warning', unchecked: 'danger' } as const;

export function TradeRulesView() {
  const { data, error, loading } = useResource(getTradeRules, []);
  if (loading && !data) return <p className="muted">Loading the measures…</p>;
  if (!data) return <ErrorNotice error={error} />;
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">The measures, as data</h2>
      <p>
        {data.regime}. Version <code>{data.version}</code>: {data.measures.length} measures. An HS code marked * holds other goods too: a
        shipment under it is for review, not prohibited. HS codes the resolution names itself (2397) are marked so; the others are this
        project’s reading of the nomenclature.
      </p>
      <div className="table-scroll">
        <table className="table table--stacked rules-table">
          <thead>
            <tr>
              <th scope="col">Citation</th>
              <th scope="col">In force</th>
              <th scope="col">Measure</th>
              <th scope="col">HS codes</th>
              <th scope="col">Checked</th>
            </tr>
          </thead>
          <tbody>
            {data.measures.map((m) => (
              <tr key={m.id}>
                <td data-label="Citation">
                  <cite className="citation">{m.citation}</cite>
                </td>
                <td data-label="In force" className="nowrap">
                  {/* One child per cell: a stacked cell on a phone is a grid of the label and one value. */}
                  <div>
                    {m.appliesFrom ?? m.adopted}
                    {m.replaced && <div className="muted small">until {m.replaced.on}</div>}
                  </div>
                </td>
                <td data-label="Measure">
                  <div>
                    <strong>
                      {m.kind === 'cap' ? 'Cap' : 'Ban'}{' '}
                      {m.direction === 'export-from-dprk' ? 'on exports from the DPRK' : 'on supply to the DPRK'}
                    </strong>
                    : {m.words}
                    {m.cap && <div className="small">Cap: {m.cap.words}</div>}
                  </div>
                </td>
                <td data-label="HS codes" className="hs-codes">
                  <div>
                    {m.hs.map((h) => h.code + (h.coverage === 'part' ? '*' : '')).join(' ')}
                    <div className="muted small">{m.hsSource === 'resolution' ? 'named by the resolution' : 'our mapping'}</div>
                  </div>
                </td>
                <td data-label="Checked">
                  <div>
                    <span className={`badge badge--${CHECKED_TONE[m.verification.state]}`}>{CHECKED_WORDS[m.verification.state]}</span>
                    <details className="verification">
                      <summary>What was checked</summary>
                      <p>{m.verification.checked}</p>
                      <p className="muted">Not confirmed: {m.verification.unchecked}</p>
                      <ul>
                        {m.verification.sources.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                    </details>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
