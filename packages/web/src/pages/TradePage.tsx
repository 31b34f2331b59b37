/**
 * @module pages/TradePage
 * `/trade`: shipments and letters of credit against the DPRK goods measures and the lists, in three
 * sections chosen in the address (`/trade`, `/trade?section=revenue`, `/trade?section=rules`):
 * - Screen: shipments pasted, picked from the examples or read from a file (JSON, JSON Lines, CSV) are sent
 *   to `POST /v1/trade/screen`; each comes back with its decision and reasons, rule citations shown; a
 *   record the server could not read is named with its line and field.
 * - Revenue at risk: what each resolution's bans cover of the DPRK's export revenue, as charts and a table
 *   with the sources of the figures.
 * - Rules: the measures as data, each with its citation and how far it was checked.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { screenShipments } from '../api/embargo';
import type { ShipmentOutcome, ShipmentScreened, ShipmentUnreadable } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { RevenueAtRiskView } from '../components/RevenueAtRiskView';
import { ShipmentDecisionCard } from '../components/ShipmentDecisionCard';
import { TradeRulesView } from '../components/TradeRulesView';
import { usePageTitle } from '../page-title';
import { Link, paths, useLocation } from '../router';
import { SHIPMENT_EXAMPLES } from '../text/trade-words';

export type TradeSection = 'screen' | 'revenue' | 'rules';

const SECTIONS: { key: TradeSection; label: string }[] = [
  { key: 'screen', label: 'Screen shipments' },
  { key: 'revenue', label: 'Revenue at risk' },
  { key: 'rules', label: 'Rules' },
];

export function tradeSectionFrom(search: URLSearchParams): TradeSection {
  const section = search.get('section');
  return SECTIONS.some((s) => s.key === section) ? (section as TradeSection) : 'screen';
}

const sectionPath = (section: TradeSection) => (section === 'screen' ? paths.trade() : `${paths.trade()}?section=${section}`);

export function TradePage() {
  usePageTitle('Trade');
  const section = tradeSectionFrom(useLocation().search);
  return (
    <>
      <h1>Trade</h1>
      <p className="lead">
        Shipments and letters of credit against the DPRK goods measures of Security Council resolutions 2270, 2321, 2371, 2375 and 2397 and
        against the lists, and what those measures cut from the DPRK’s export revenue.
      </p>
      <nav className="segmented" aria-label="Trade sections">
        {SECTIONS.map((s) => (
          <Link key={s.key} to={sectionPath(s.key)} className="segmented__item" aria-current={s.key === section ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      {section === 'screen' && <ShipmentScreening />}
      {section === 'revenue' && <RevenueAtRiskView />}
      {section === 'rules' && <TradeRulesView />}
    </>
  );
}

const isScreened = (o: ShipmentOutcome): o is ShipmentScreened => !('error' in o);

function ShipmentScreening() {
  const [text, setText] = useState(SHIPMENT_EXAMPLES[0].text);
  const [fileName, setFileName] = useState<string>();
  const [outcomes, setOutcomes] = useState<ShipmentOutcome[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setOutcomes(await screenShipments(text, fileName));
    } catch (e) {
      setOutcomes(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setFileName(file.name);
  }

  const screened = outcomes?.filter(isScreened) ?? [];
  const unreadable = (outcomes?.filter((o) => !isScreened(o)) ?? []) as ShipmentUnreadable[];
  const counts = (['prohibited', 'review', 'allowed'] as const).map((d) => [d, screened.filter((o) => o.decision === d).length] as const);

  return (
    <section aria-labelledby="screen-heading">
      <h2 id="screen-heading">Screen shipments</h2>
      <form className="form panel" onSubmit={submit}>
        <div className="field field--wide">
          <label htmlFor="shipments">Shipments: JSON (one, or an array), JSON Lines, or CSV with a header row</label>
          <textarea
            id="shipments"
            className="shipment-input"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(undefined);
            }}
            rows={14}
            spellCheck={false}
            required
          />
          <p className="hint">
            Fields: id, date (YYYY-MM-DD), origin, destination, portOfLoading and portOfDischarge (name, country), vessel (name, imo), goods
            (hs, description, value, currency), parties (role, name, country). Countries as ISO codes or names; HS codes as text.
          </p>
        </div>
        <div className="trade-form__row">
          <span className="muted">Examples:</span>
          {SHIPMENT_EXAMPLES.map((x) => (
            <button
              key={x.key}
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setText(x.text);
                setFileName(undefined);
              }}
            >
              {x.label}
            </button>
          ))}
        </div>
        <div className="trade-form__row">
          <label className="button button--secondary button--small file-button">
            Read a file…
            <input
              type="file"
              accept=".json,.jsonl,.ndjson,.csv,application/json,text/csv"
              onChange={chooseFile}
              className="visually-hidden"
            />
          </label>
          {fileName && <span className="file-name">{fileName}</span>}
          <button type="submit" className="button" disabled={busy || text.trim() === ''}>
            {busy ? 'Screening…' : 'Screen'}
          </button>
        </div>
      </form>
      <ErrorNotice error={error} />
      {outcomes && (
        <div className="shipment-results">
          <p role="status" className="shipment-results__summary">
            {outcomes.length} record{outcomes.length === 1 ? '' : 's'}:{' '}
            {counts
              .filter(([, n]) => n > 0)
              .map(([d, n]) => `${n} ${d === 'review' ? 'for review' : d}`)
              .join(', ') || 'none screened'}
            {unreadable.length > 0 && `, ${unreadable.length} could not be read`}.
          </p>
          {unreadable.map((o) => (
            <div key={o.record} className="notice notice--error" role="alert">
              Record {o.record}, line {o.error.line}
              {o.error.field && (
                <>
                  , field <code>{o.error.field}</code>
                </>
              )}
              : {o.error.reason}
            </div>
          ))}
          {screened.map((o) => (
            <ShipmentDecisionCard key={o.record} outcome={o} />
          ))}
        </div>
      )}
    </section>
  );
}
