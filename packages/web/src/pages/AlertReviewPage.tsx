/**
 * @module pages/AlertReviewPage
 * `/alerts/:id`: one alert (`GET /v1/alerts/:id`) — the screened party and the listed record side by
 * side with the aligned name parts marked on both, the explanation, the decision history — and the
 * decision form (`POST /v1/alerts/:id/decisions`): true match, false positive or escalate with a
 * reason; approve or reject when a false positive awaits a second analyst. A refused decision shows
 * the server's message (four eyes: the proposer cannot approve their own false positive).
 * An alert raised on a payment's hit names the payment and the field (with a link to the message view);
 * one on an embargoed jurisdiction (`jurisdiction:KP`, no listed record) shows the hit's rule and reason
 * in place of the listed record.
 */
import { useState } from 'react';
import { decideAlert, getAlert, getReasonCodes } from '../api/embargo';
import type { AlertDetail, AlertPayment, AlertShipment, DecisionAsked, DecisionResponse, ReasonCode, SessionUser } from '../api/types';
import { explanationOf, Fact, ListedSide, PartySide } from '../components/AlertSides';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReasonedDecisionForm } from '../components/ReasonedDecisionForm';
import { MatchExplanation } from '../components/MatchExplanation';
import { ScoreMeter } from '../components/ScoreMeter';
import { StatusBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { formatDateTime, humanise, percent } from '../text/format';
import { jurisdictionName, roleWords, ruleWords } from '../text/payment-words';
import { DECISION_WORDS, reasonCodeLabel } from '../text/decision-words';
import { useResource } from '../use-resource';

/** core alerts/workflow.ts FOUR_EYES_MIN_SCORE: a false positive at or above it needs a second analyst. */
const FOUR_EYES_MIN_SCORE = 0.9;

/** The alert with its tenant's reason codes, for the decision form and the history. */
type ReviewData = AlertDetail & { reasonCodes: ReasonCode[] };

async function loadReview(id: string, signal: AbortSignal): Promise<ReviewData> {
  const detail = await getAlert(id, signal);
  const { codes } = await getReasonCodes(detail.alert.tenant, signal);
  return { ...detail, reasonCodes: codes };
}

export function AlertReviewPage({ id, user }: { id: string; user: SessionUser }) {
  usePageTitle('Alert review');
  const { data, error, loading, reload } = useResource((signal) => loadReview(id, signal), [id]);
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.alerts()}>Back to the alert queue</Link>
      </p>
      <h1>Alert review</h1>
      <ErrorNotice error={error} />
      {loading && !data && <p role="status">Loading the alert…</p>}
      {data && <Review detail={data} user={user} onDecided={reload} />}
    </>
  );
}

/** An alert's entity id for a hit on an embargoed jurisdiction rather than a listed record (server payment-screening.ts). */
const JURISDICTION_PREFIX = 'jurisdiction:';

const PAYMENT_DECISION_WORDS: Record<AlertPayment['decision'], string> = { block: 'Blocked', hold: 'Held', pass: 'Passed' };

/** The payment an alert was raised on, when it was (`party.payment`). */
function paymentOf(detail: AlertDetail): AlertPayment | undefined {
  const p = detail.alert.party.payment as AlertPayment | undefined;
  return p && typeof p === 'object' && typeof p.id === 'string' ? p : undefined;
}

/** The shipment an alert was raised on, when it was (`party.shipment`: server routes/trade.ts). */
function shipmentOf(detail: AlertDetail): AlertShipment | undefined {
  const s = detail.alert.party.shipment as AlertShipment | undefined;
  return s && typeof s === 'object' && typeof s.id === 'string' ? s : undefined;
}

const SHIPMENT_DECISION_WORDS: Record<AlertShipment['decision'], string> = {
  prohibited: 'Prohibited',
  review: 'For review',
  allowed: 'Allowed',
};

function Review({ detail, user, onDecided }: { detail: ReviewData; user: SessionUser; onDecided: () => void }) {
  const { alert, entity, recordChanged, decisions } = detail;
  const explanation = explanationOf(detail);
  const caption = String(alert.match.caption ?? entity?.caption ?? alert.entityId);
  const payment = paymentOf(detail);
  const shipment = shipmentOf(detail);
  const jurisdiction = alert.entityId.startsWith(JURISDICTION_PREFIX) ? alert.entityId.slice(JURISDICTION_PREFIX.length) : undefined;
  const reason = typeof alert.match.reason === 'string' ? alert.match.reason : undefined;
  return (
    <>
      <div className="alert-summary panel">
        <dl className="facts facts--inline">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={alert.status} />
            </dd>
          </div>
          <div>
            <dt>Score</dt>
            <dd>
              <ScoreMeter score={alert.score} threshold={explanation?.threshold} label="Alert score" />
            </dd>
          </div>
          <div>
            <dt>Tenant</dt>
            <dd>{alert.tenant}</dd>
          </div>
          <div>
            <dt>Customer</dt>
            <dd>{alert.customerKey ?? <span className="muted">none</span>}</dd>
          </div>
          <div>
            <dt>List</dt>
            <dd>{alert.source}</dd>
          </div>
          <div>
            <dt>Raised</dt>
            <dd>{formatDateTime(alert.createdAt)}</dd>
          </div>
          <div>
            <dt>Screening</dt>
            <dd className="id">{alert.screeningId}</dd>
          </div>
          <div>
            <dt>Case</dt>
            <dd>
              <Link to={paths.case(alert.caseId)}>Open the case</Link>
            </dd>
          </div>
        </dl>
      </div>

      {jurisdiction !== undefined ? null : entity === null ? (
        <p className="notice notice--warning">The listed record has left the lists in force since this alert was raised.</p>
      ) : (
        recordChanged && (
          <p className="notice notice--warning">
            The listed record has changed since this alert was raised: the right-hand side shows it as it is now.
          </p>
        )
      )}

      <div className="side-by-side">
        <section className="panel" aria-labelledby="party-title">
          <h2 id="party-title">Screened party</h2>
          <PartySide party={alert.party} explanation={explanation} />
          {payment && <PaymentOfAlert payment={payment} />}
          {shipment && <ShipmentOfAlert shipment={shipment} />}
        </section>
        {jurisdiction !== undefined ? (
          <section className="panel" aria-labelledby="listed-title">
            <h2 id="listed-title">Embargoed jurisdiction</h2>
            <JurisdictionSide code={jurisdiction} rule={alert.match.rule} reason={reason} />
          </section>
        ) : (
          <section className="panel" aria-labelledby="listed-title">
            <h2 id="listed-title">Listed record</h2>
            <ListedSide
              entityId={alert.entityId}
              caption={caption}
              entity={entity}
              explanation={explanation}
              rule={(payment || shipment) && typeof alert.match.rule === 'string' ? ruleWords(alert.match.rule) : undefined}
            />
          </section>
        )}
      </div>

      {/* A jurisdiction hit is a rule, not a name compared: its reason stands in place of the listed record. */}
      {jurisdiction === undefined && (
        <section className="panel" aria-labelledby="why-title">
          <h2 id="why-title">Why it matched</h2>
          {explanation ? (
            <MatchExplanation explanation={explanation} score={alert.score} headingLevel={3} />
          ) : reason ? (
            // A payment's BIC, country or place hit: the rule's one sentence is the explanation.
            <p>{reason}</p>
          ) : (
            <p className="muted">The alert carries no explanation.</p>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">Decision history</h2>
        {decisions.length === 0 ? (
          <p className="muted">No decision yet.</p>
        ) : (
          // Stacked on a phone: four columns leave the reason a few letters wide at 390 px.
          <table className="table table--stacked">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Decision</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <td data-label="When">{formatDateTime(d.decidedAt)}</td>
                  <td data-label="Who">
                    {/* One element: the stacked layout on a phone makes each child of a cell a grid item. */}
                    <span>
                      {d.person} <span className="muted">({credentialWords(d.actor)})</span>
                    </span>
                  </td>
                  <td data-label="Decision">{DECISION_WORDS[d.decision] ?? humanise(d.decision)}</td>
                  <td data-label="Reason" className="reason">
                    {/* One element: the stacked layout on a phone makes each child of a cell a grid item. */}
                    <span>
                      {d.reasonCode && <strong className="reason-code">{reasonCodeLabel(detail.reasonCodes, d.reasonCode)}: </strong>}
                      {d.reason}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <DecisionForm detail={detail} user={user} onDecided={onDecided} />
    </>
  );
}

/** A decision's credential in words: a web session, or an API key by its id. */
function credentialWords(actor: string): string {
  return actor.startsWith('user:') ? 'web app' : `API key ${actor}`;
}

/** Where the screened text was: the payment (a link to its message view), the field, the party's role. */
function PaymentOfAlert({ payment }: { payment: AlertPayment }) {
  return (
    <>
      <p className="alert-payment">
        Payment{' '}
        <Link to={paths.payment(payment.id)} className="id payment-ref">
          {payment.messageId}
        </Link>
        , field <code>{payment.field}</code>
      </p>
      <dl className="facts">
        <Fact label="Role" value={payment.role && roleWords(payment.role)} />
        <Fact label="Format" value={payment.format} />
        <Fact label="Payment decision" value={PAYMENT_DECISION_WORDS[payment.decision] ?? payment.decision} />
      </dl>
    </>
  );
}

/** Where the screened name was: the shipment, the role, the decision (the stored screening is in the alert's facts above). */
function ShipmentOfAlert({ shipment }: { shipment: AlertShipment }) {
  return (
    <>
      <p className="alert-payment">
        Shipment <span className="id">{shipment.id}</span>, screened against the DPRK goods measures {shipment.rulesVersion}
      </p>
      <dl className="facts">
        <Fact label="Role" value={roleWords(shipment.role)} />
        <Fact label="Shipment decision" value={SHIPMENT_DECISION_WORDS[shipment.decision] ?? shipment.decision} />
      </dl>
    </>
  );
}

/** In place of a listed record: the embargoed jurisdiction the payment touched, the rule and its reason. */
function JurisdictionSide({ code, rule, reason }: { code: string; rule: unknown; reason?: string }) {
  return (
    <>
      <p className="big-name">{jurisdictionName(code)}</p>
      <p className="muted">No listed record: the payment touches a jurisdiction under embargo.</p>
      <dl className="facts">
        <Fact label="Rule" value={typeof rule === 'string' ? ruleWords(rule) : undefined} />
        <Fact label="Reason" value={reason} />
      </dl>
    </>
  );
}

function DecisionForm({ detail, user, onDecided }: { detail: ReviewData; user: SessionUser; onDecided: () => void }) {
  const { alert, decisions } = detail;
  const [done, setDone] = useState<DecisionResponse>();

  const closed = alert.status === 'true_match' || alert.status === 'false_positive' || alert.status === 'suppressed';
  const pending = alert.status === 'pending_approval';
  // Persons, not credentials: the proposer may have used an API key and be signed in here now.
  const proposer = pending ? [...decisions].reverse().find((d) => d.decision === 'false_positive')?.person : undefined;
  const proposedByMe = proposer !== undefined && proposer === user.person;

  const decide = async (asked: DecisionAsked) => {
    setDone(undefined);
    setDone(await decideAlert(alert.id, asked));
    onDecided();
  };

  return (
    <section className="panel decide" aria-labelledby="decide-title">
      <h2 id="decide-title">Decision</h2>
      {done && (
        <p className="notice notice--ok" role="status">
          Recorded: {DECISION_WORDS[done.decision.decision]}. The alert is now <strong>{humanise(done.alert.status)}</strong>.
          {done.alert.status === 'pending_approval' && ' Another analyst must approve or reject the false positive.'}
          {done.remembered &&
            ' The false positive is remembered: this customer will not be alerted again on this record while it is unchanged.'}
        </p>
      )}
      {closed ? (
        <p>This alert is closed ({humanise(alert.status)}); it takes no more decisions.</p>
      ) : (
        <ReasonedDecisionForm idPrefix="decision" codes={detail.reasonCodes} buttons={{ pending, proposedByMe }} decide={decide}>
          {pending ? (
            <p>
              {proposer ? (
                <>
                  <strong>{proposer}</strong> proposed a false positive.
                </>
              ) : (
                'A false positive was proposed.'
              )}{' '}
              On a score of {percent(FOUR_EYES_MIN_SCORE)} or more it needs a second analyst to approve or reject it.
              {proposedByMe && (
                <strong className="you-proposed">
                  {' '}
                  You proposed it, so approval needs another person; you may reject it to reopen the alert.
                </strong>
              )}
            </p>
          ) : (
            <p className="muted">
              A false positive on a score of {percent(FOUR_EYES_MIN_SCORE)} or more waits for a second analyst's approval before it closes.
            </p>
          )}
        </ReasonedDecisionForm>
      )}
    </section>
  );
}
