/**
 * @module components/ShipmentDecisionCard
 * One shipment's decision: the decision, the shipment's id and what was screened, and each reason with
 * its kind, the rule it cites (a resolution and paragraph, or the list a party or vessel is on, linked to
 * the listed record) and the sentence that says why; and how many alerts the listed names opened.
 */
import type { ShipmentScreened } from '../api/types';
import { Link, paths } from '../router';
import { DECISION_WORDS, REASON_KIND_WORDS } from '../text/trade-words';

export function ShipmentDecisionCard({ outcome }: { outcome: ShipmentScreened }) {
  const decision = DECISION_WORDS[outcome.decision];
  const { goods, parties, vessel } = outcome.screened;
  const screened = `${goods} goods line${goods === 1 ? '' : 's'}, ${parties} part${parties === 1 ? 'y' : 'ies'}${vessel ? ' and the vessel' : ''}`;
  return (
    <article className={`shipment shipment--${outcome.decision}`} aria-labelledby={`shipment-${outcome.record}`}>
      <header className="shipment__head">
        <span className={`badge badge--${decision.tone}`}>{decision.words}</span>
        <h3 id={`shipment-${outcome.record}`} className="shipment__id">
          {outcome.id}
        </h3>
        <span className="muted small">
          record {outcome.record} · screened {screened} · rules {outcome.rulesVersion}
        </span>
      </header>
      {outcome.reasons.length === 0 ? (
        <p className="shipment__none">No goods measure, route rule, listed party or listed vessel applies.</p>
      ) : (
        <ul className="reason-list">
          {outcome.reasons.map((r, i) => (
            <li key={i} className={`reason reason--${r.effect}`}>
              <div className="reason__head">
                <span className="badge badge--neutral">{REASON_KIND_WORDS[r.kind]}</span>
                <cite className="citation">{r.rule}</cite>
                {(r.kind === 'party' || r.kind === 'vessel') && (
                  <Link to={paths.entity(r.id)} className="reason__record">
                    {r.caption ?? r.id} <span className="muted">({r.id})</span>
                  </Link>
                )}
                <span className={`reason__effect reason__effect--${r.effect}`}>
                  {r.effect === 'prohibited' ? 'prohibits' : 'for review'}
                </span>
              </div>
              <p className="reason__detail">{r.detail}</p>
            </li>
          ))}
        </ul>
      )}
      {outcome.alertsOpened > 0 && (
        <p className="shipment__alerts">
          {outcome.alertsOpened} alert{outcome.alertsOpened === 1 ? '' : 's'} opened for the listed{' '}
          {outcome.alertsOpened === 1 ? 'party or vessel' : 'parties and vessels'}: <Link to={paths.alerts()}>review in the queue</Link>
        </p>
      )}
    </article>
  );
}
