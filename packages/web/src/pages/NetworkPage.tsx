/**
 * @module pages/NetworkPage
 * `/network`: facilitator discovery. Choose or drop a transactions file (CSV
 * `date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel`); the server screens every
 * party and vessel once, and ranks the parties that are not listed by their exposure to designated and
 * ownership-blocked parties. The ranked table shows the measures; choosing a party shows its evidence
 * (each measure's contribution with the transactions, designated counterparts and path behind it) and the
 * network around it. Nothing is stored: the ranking lives on this page until another file is ranked.
 */
import { useState } from 'react';
import { rankNetworkFile } from '../api/embargo';
import type { NetworkEvidence, NetworkRanking, NetworkTransaction, RankedNetworkParty } from '../api/types';
import { FileUploadForm } from '../components/FileUploadForm';
import { NetworkGraph } from '../components/NetworkGraph';
import { usePageTitle } from '../page-title';
import { count } from '../text/format';

const usd = (n: number) => `USD ${Math.round(n).toLocaleString('en-GB')}`;
const share = (r: RankedNetworkParty) => `${((r.measures.designatedValue / Math.max(r.measures.totalValue, 1)) * 100).toFixed(1)}%`;

export function NetworkPage() {
  usePageTitle('Network');
  const [ranking, setRanking] = useState<{ file: string; result: NetworkRanking }>();
  const [chosen, setChosen] = useState(0);
  return (
    <>
      <h1>Network</h1>
      <p className="lead">
        Who trades with designated parties without being listed? Rank the counterparties of a payments, invoices or shipments file by their
        exposure: value and share of their trade with designated and ownership-blocked parties, how many of those, North Korean banned
        goods, distance and position in the network — each rank with the transactions behind it.
      </p>
      <section aria-labelledby="rank-title" className="panel">
        <h2 id="rank-title">Rank a transactions file</h2>
        <RankForm
          onRanked={(file, result) => {
            setRanking({ file, result });
            setChosen(0);
          }}
        />
      </section>
      {ranking && (
        <>
          <section aria-labelledby="ranked-title" className="panel">
            <h2 id="ranked-title">Ranked parties</h2>
            <Summary file={ranking.file} result={ranking.result} />
            {ranking.result.ranked.length > 0 && <RankedTable ranked={ranking.result.ranked} chosen={chosen} onChoose={setChosen} />}
          </section>
          {ranking.result.ranked[chosen] && <PartyEvidence party={ranking.result.ranked[chosen]} />}
        </>
      )}
    </>
  );
}

// --- The file -------------------------------------------------------------------------------------------

function RankForm({ onRanked }: { onRanked: (file: string, result: NetworkRanking) => void }) {
  return (
    <FileUploadForm
      inputId="network-file"
      label="Transactions file"
      accept=".csv,text/csv"
      hint={
        <>
          A CSV with the header <code>date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel</code>: dates as YYYY-MM-DD,
          countries and currencies as ISO codes, HS codes as digits. Up to 20,000 distinct names; rank larger files with{' '}
          <code>embargo network rank</code>.
        </>
      }
      submitLabel="Rank parties"
      busyLabel="Screening and ranking…"
      failureTitle="The file was not ranked:"
      upload={async (file) => onRanked(file.name, await rankNetworkFile(file, file.name))}
      keepFileAfterUpload
    />
  );
}

function Summary({ file, result }: { file: string; result: NetworkRanking }) {
  return (
    <p role="status" aria-label="Ranking summary">
      {file}: {count(result.rows)} transactions among {count(result.parties)} parties; {count(result.designatedParties)} designated (listed
      or blocked by ownership) and {count(result.designatedVessels)} designated vessel{result.designatedVessels === 1 ? '' : 's'};{' '}
      {count(result.scored)} parties exposed, the top {count(result.ranked.length)} below.
    </p>
  );
}

// --- The ranking ----------------------------------------------------------------------------------------

function RankedTable({ ranked, chosen, onChoose }: { ranked: RankedNetworkParty[]; chosen: number; onChoose: (i: number) => void }) {
  return (
    <div className="table-scroll">
      {/* Stacked on a phone: eight columns do not fit 390 px. */}
      <table className="table table--rows table--stacked network-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Party</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col" className="num">
              Designated
            </th>
            <th scope="col" className="num">
              Value with them
            </th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              DPRK goods
            </th>
            <th scope="col" className="num">
              Steps
            </th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((r, i) => (
            <tr key={r.rank} className={`clickable${i === chosen ? ' network-table__chosen' : ''}`} onClick={() => onChoose(i)}>
              <td className="num" data-label="Rank">
                {r.rank}
              </td>
              <td data-label="Party">
                <button type="button" className="link-button" aria-pressed={i === chosen} onClick={() => onChoose(i)}>
                  {r.name}
                </button>{' '}
                <span className="muted">{r.countries.join(', ')}</span>
              </td>
              <td className="num" data-label="Score">
                {r.score.toFixed(3)}
              </td>
              <td className="num" data-label="Designated">
                {r.measures.designatedCounterparts}
              </td>
              <td className="num nowrap" data-label="Value">
                {usd(r.measures.designatedValue)}
              </td>
              <td className="num" data-label="Share">
                {share(r)}
              </td>
              <td className="num nowrap" data-label="DPRK goods">
                {usd(r.measures.dprkGoodsValue)}
              </td>
              <td className="num" data-label="Steps">
                {r.measures.distance <= 3 ? r.measures.distance : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// --- One party's evidence -------------------------------------------------------------------------------

function PartyEvidence({ party }: { party: RankedNetworkParty }) {
  return (
    <section aria-labelledby="evidence-title" className="panel">
      <h2 id="evidence-title">
        {party.rank}. {party.name}
      </h2>
      <p>
        Score <strong>{party.score.toFixed(3)}</strong>: the sum of the contributions below. {count(party.measures.rows)} transactions with{' '}
        {count(party.measures.counterparties)} counterparties, {usd(party.measures.totalValue)} in all.
      </p>
      <h3>The network around it</h3>
      <NetworkGraph party={party} />
      <h3>Evidence</h3>
      <ol className="network-evidence" aria-label="Evidence">
        {party.evidence.map((e) => (
          <EvidenceItem key={e.feature} evidence={e} />
        ))}
      </ol>
    </section>
  );
}

function EvidenceItem({ evidence: e }: { evidence: NetworkEvidence }) {
  return (
    <li className={e.contribution > 0 ? undefined : 'muted'}>
      <p>
        <strong>{e.label}</strong>: {e.detail}.{' '}
        <span className="muted">
          {e.value.toFixed(2)} × {e.weight} = {e.contribution.toFixed(3)}
        </span>
      </p>
      {e.counterparts && e.counterparts.length > 0 && (
        <ul aria-label="Designated counterparts">
          {e.counterparts.map((c) => (
            <li key={c.designation.recordId}>
              {c.kind === 'vessel' ? 'Vessel ' : ''}
              {c.names.join(' / ')} = {c.designation.caption} ({c.designation.recordId},{' '}
              {c.designation.basis === 'listed' ? `score ${c.designation.score.toFixed(2)}` : 'blocked by ownership'}): {usd(c.value)} in{' '}
              {count(c.rows)} row{c.rows === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      )}
      {e.path && e.path.length > 1 && (
        <p>
          Path: {e.path.map((s) => s.name).join(' → ')} <span className="muted">({e.path.at(-1)!.designation?.caption})</span>
        </p>
      )}
      {e.transactions.length > 0 && (
        <ul className="network-rows" aria-label={`Transactions behind: ${e.label}`}>
          {e.transactions.map((t) => (
            <li key={`${e.feature}-${t.line}`}>
              <TransactionLine t={t} />
            </li>
          ))}
          {e.rowCount > e.transactions.length && e.feature !== 'proximity' && (
            <li className="muted">… and {count(e.rowCount - e.transactions.length)} more</li>
          )}
        </ul>
      )}
    </li>
  );
}

function TransactionLine({ t }: { t: NetworkTransaction }) {
  return (
    <>
      <span className="muted">line {t.line}</span> {t.date}: {t.payer} ({t.payerCountry}) → {t.payee} ({t.payeeCountry}),{' '}
      <span className="nowrap">
        {t.currency} {t.amount.toLocaleString('en-GB')}
      </span>
      {t.hs && <>, HS {t.hs}</>}
      {t.vessel && <>, on {t.vessel}</>}
    </>
  );
}
