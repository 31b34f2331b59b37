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
import { useRef, useState, type FormEvent } from 'react';
import { decideAlert, getAlert } from '../api/embargo';
import type {
  AlertDetail,
  AlertPayment,
  DecisionKind,
  DecisionResponse,
  Entity,
  MatchExplanation as Explanation,
  SessionUser,
} from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { Highlighted } from '../components/Highlighted';
import { MatchExplanation } from '../components/MatchExplanation';
import { ScoreMeter } from '../components/ScoreMeter';
import { StatementValue } from '../components/StatementValue';
import { StatusBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { countryName, formatDateTime, humanise, percent } from '../text/format';
import { jurisdictionName, roleWords, ruleWords } from '../text/payment-words';
import { allWordsFound } from '../text/highlight';
import { describeReading, isNonLatin, NAME_PROPERTY_WORDS, readingPhrase } from '../text/match-words';
import { useResource } from '../use-resource';

/** core alerts/workflow.ts FOUR_EYES_MIN_SCORE: a false positive at or above it needs a second analyst. */
const FOUR_EYES_MIN_SCORE = 0.9;

const DECISION_WORDS: Record<DecisionKind, string> = {
  true_match: 'True match',
  false_positive: 'False positive',
  escalate: 'Escalated',
  approve: 'Approved the false positive',
  reject: 'Rejected the false positive',
};

export function AlertReviewPage({ id, user }: { id: string; user: SessionUser }) {
  usePageTitle('Alert review');
  const { data, error, loading, reload } = useResource((signal) => getAlert(id, signal), [id]);
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

function explanationOf(detail: AlertDetail): Explanation | undefined {
  const e = detail.alert.match.explanation as Explanation | undefined;
  return e && Array.isArray(e.tokens) && Array.isArray(e.scorers) ? e : undefined;
}

function Review({ detail, user, onDecided }: { detail: AlertDetail; user: SessionUser; onDecided: () => void }) {
  const { alert, entity, recordChanged, decisions } = detail;
  const explanation = explanationOf(detail);
  const caption = String(alert.match.caption ?? entity?.caption ?? alert.entityId);
  const payment = paymentOf(detail);
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
              rule={payment && typeof alert.match.rule === 'string' ? ruleWords(alert.match.rule) : undefined}
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
                    {d.reason}
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

function PartySide({ party, explanation }: { party: AlertDetail['alert']['party']; explanation?: Explanation }) {
  const name = String(party.name ?? explanation?.query.name ?? '');
  const words = explanation?.tokens.map((t) => t.query) ?? [];
  const showReading = explanation && (isNonLatin(explanation.query.script) || !allWordsFound(name, words));
  return (
    <>
      <p className="big-name">
        <Highlighted text={name} words={words} />
      </p>
      {showReading && (
        <p className="reading">
          {isNonLatin(explanation.query.script) ? readingPhrase(explanation.query.script) : 'Compared as'}:{' '}
          <Highlighted text={explanation.query.reading} words={words} />
        </p>
      )}
      <dl className="facts">
        <Fact label="Type" value={party.schema} />
        <Fact label="Birth date" value={party.birthDate} />
        <Fact label="Country" value={party.country && countryName(String(party.country))} />
        <Fact label="Customer key" value={party.customerKey} />
        {Array.isArray(party.identifiers) && party.identifiers.length > 0 && (
          <div>
            <dt>Identifiers</dt>
            <dd>{party.identifiers.map((i) => (i.type ? `${i.type} ${i.value}` : i.value)).join('; ')}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

function Fact({ label, value }: { label: string; value: unknown }) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{String(value)}</dd>
    </div>
  );
}

/** Properties of the listed record worth comparing with the party at a glance. */
const COMPARED = ['birthDate', 'nationality', 'citizenship', 'country', 'passportNumber', 'idNumber', 'program'];
const COMPARED_LABELS: Record<string, string> = {
  birthDate: 'Birth date',
  nationality: 'Nationality',
  citizenship: 'Citizenship',
  country: 'Country',
  passportNumber: 'Passport',
  idNumber: 'National ID',
  program: 'Programmes',
};

function ListedSide({
  entityId,
  caption,
  entity,
  explanation,
  rule,
}: {
  entityId: string;
  caption: string;
  entity: Entity | null;
  explanation?: Explanation;
  /** The payment screening's rule, for an alert raised on a payment's hit. */
  rule?: string;
}) {
  const matchedName = explanation?.matched.name ?? caption;
  const words = explanation?.tokens.map((t) => t.listed) ?? [];
  const showReading = explanation && (isNonLatin(explanation.matched.script) || !allWordsFound(matchedName, words));
  return (
    <>
      <p className="big-name">
        <Highlighted text={matchedName} words={words} />
      </p>
      {explanation && (
        <p className="muted">
          The {NAME_PROPERTY_WORDS[explanation.matched.property] ?? explanation.matched.property}
          {explanation.matched.weak && (
            <>
              {' '}
              <span className="badge badge--warning">weak</span>
            </>
          )}
          {isNonLatin(explanation.matched.script) && ` (${describeReading(explanation.matched.script, explanation.matched.reading)})`}
          {matchedName !== caption && (
            <>
              {' '}
              of <strong>{caption}</strong>
            </>
          )}
        </p>
      )}
      {showReading && !isNonLatin(explanation.matched.script) && (
        <p className="reading">
          Compared as: <Highlighted text={explanation.matched.reading} words={words} />
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Record</dt>
          <dd>
            <Link to={paths.entity(entityId)}>{entity?.caption ?? caption}</Link> <span className="muted id">{entityId}</span>
          </dd>
        </div>
        <Fact label="Rule" value={rule} />
        {entity && <Fact label="Type" value={entity.schema} />}
        {entity &&
          COMPARED.filter((p) => entity.properties[p]?.length).map((p) => (
            <div key={p}>
              <dt>{COMPARED_LABELS[p]}</dt>
              <dd>
                {entity.properties[p]!.map((s, i) => (
                  <span key={i} className="fact-value">
                    <StatementValue property={p} statement={s} />
                  </span>
                ))}
              </dd>
            </div>
          ))}
      </dl>
    </>
  );
}

function DecisionForm({ detail, user, onDecided }: { detail: AlertDetail; user: SessionUser; onDecided: () => void }) {
  const { alert, decisions } = detail;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<DecisionResponse>();
  const chosen = useRef<DecisionKind>('true_match');

  const closed = alert.status === 'true_match' || alert.status === 'false_positive' || alert.status === 'suppressed';
  const pending = alert.status === 'pending_approval';
  // Persons, not credentials: the proposer may have used an API key and be signed in here now.
  const proposer = pending ? [...decisions].reverse().find((d) => d.decision === 'false_positive')?.person : undefined;
  const proposedByMe = proposer !== undefined && proposer === user.person;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The server refuses a blank reason too; saying so here spares a round trip.
    if (!reason.trim()) {
      setError(new Error('Give a reason: it is kept in the audit trail with the decision.'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const response = await decideAlert(alert.id, chosen.current, reason.trim());
      setDone(response);
      setReason('');
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = (decision: DecisionKind) => () => {
    chosen.current = decision;
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
        <form onSubmit={submit} className="form">
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
          <div className="field">
            <label htmlFor="decision-reason">Reason</label>
            <textarea
              id="decision-reason"
              required
              rows={4}
              maxLength={4000}
              aria-describedby="decision-reason-hint"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <p className="hint" id="decision-reason-hint">
              Required. Kept in the audit trail with your name.
            </p>
          </div>
          <ErrorNotice error={error} title="The decision was refused:" />
          <div className="actions">
            {pending ? (
              <>
                <button
                  type="submit"
                  className="button"
                  disabled={busy || proposedByMe}
                  title={proposedByMe ? 'You proposed this false positive: another person must approve it.' : undefined}
                  onClick={choose('approve')}
                >
                  Approve
                </button>
                <button type="submit" className="button button--secondary" disabled={busy} onClick={choose('reject')}>
                  Reject
                </button>
              </>
            ) : (
              <>
                <button type="submit" className="button button--danger" disabled={busy} onClick={choose('true_match')}>
                  True match
                </button>
                <button type="submit" className="button" disabled={busy} onClick={choose('false_positive')}>
                  False positive
                </button>
                <button type="submit" className="button button--secondary" disabled={busy} onClick={choose('escalate')}>
                  Escalate
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
