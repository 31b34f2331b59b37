/**
 * @module pages/PaymentPage
 * `/payments/:id`: one screened payment (`GET /v1/payments/:id`). At the top the decision and its figures;
 * then the message as received, monospaced, with every field a hit points at marked and numbered, beside
 * the hits (below them on a phone): field, what was seen, rule, action, score, the listed record or the
 * embargoed jurisdiction, and the reason; then the alerts the hits opened (`GET /v1/alerts?screeningId=`),
 * each a link to its review; then the parties the message names, those with hits marked.
 */
import type { ReactNode } from 'react';
import { getPayment, listAlerts } from '../api/embargo';
import type { PaymentDetail, PaymentHit, PaymentParty } from '../api/types';
import { EntityLink } from '../components/EntityLink';
import { ErrorNotice } from '../components/ErrorNotice';
import { hitAnchor, MessageView } from '../components/MessageView';
import { ScoreMeter } from '../components/ScoreMeter';
import { DecisionBadge, StatusBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { count, countryName, formatDateTime } from '../text/format';
import { locateHits, messageOf, messageSyntax, readHitField } from '../text/message-highlights';
import { jurisdictionName, roleWords, ruleWords } from '../text/payment-words';
import { useResource } from '../use-resource';

export function PaymentPage({ id }: { id: string }) {
  usePageTitle('Payment');
  const { data, error, loading } = useResource((signal) => getPayment(id, signal), [id]);
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.payments()}>Back to the payments</Link>
      </p>
      <h1>Payment</h1>
      <ErrorNotice error={error} />
      {loading && !data && <p role="status">Loading the payment…</p>}
      {data && <PaymentView detail={data} />}
    </>
  );
}

const DECISION_SENTENCE = {
  block: 'Blocked: a hit blocks the payment. Each hit opened an alert in the queue.',
  hold: 'Held for an analyst: each hit opened an alert in the queue.',
  pass: 'Passed: nothing in the message matched the lists in force or an embargoed jurisdiction.',
} as const;

function PaymentView({ detail }: { detail: PaymentDetail }) {
  const { payment, hits } = detail;
  const message = messageOf(detail.raw, payment);
  const marks = locateHits(
    message.text,
    detail.format,
    hits.map((h) => h.field),
  );
  const found = new Set(marks.map((m) => m.hit));
  const blocking = hits.filter((h) => h.action === 'block').length;
  const syntax = messageSyntax(message.text) === 'xml' ? 'ISO 20022 XML' : 'SWIFT MT';

  return (
    <>
      <div className="panel payment-summary">
        <p className="payment-summary__id">
          <DecisionBadge decision={detail.decision} /> <span className="id">{detail.messageId}</span>
        </p>
        <p className={`notice notice--${detail.decision === 'block' ? 'error' : detail.decision === 'hold' ? 'warning' : 'ok'}`}>
          {DECISION_SENTENCE[detail.decision]}
        </p>
        <dl className="facts facts--inline">
          <Fact label="Hits">
            {hits.length === 0 ? 'none' : `${count(hits.length)} (${count(blocking)} to block, ${count(hits.length - blocking)} to hold)`}
          </Fact>
          <Fact label="Format">
            {detail.format}
            {payment.definition && payment.definition !== detail.format && <span className="muted"> ({payment.definition})</span>}
          </Fact>
          {payment.amount && (
            <Fact label="Amount">
              {payment.amount.currency} {payment.amount.value}
            </Fact>
          )}
          <Fact label="Reference">
            <span className="id">{payment.reference}</span>
          </Fact>
          <Fact label="Screened">{formatDateTime(detail.screenedAt)}</Fact>
          <Fact label="Lists generation">{detail.listsGeneration ?? <span className="muted">none</span>}</Fact>
          <Fact label="Tenant">{detail.tenant}</Fact>
          <Fact label="Submitted by">{detail.actor ?? <span className="muted">unknown</span>}</Fact>
        </dl>
      </div>

      <div className="payment-view">
        <section className="panel payment-view__message" aria-labelledby="message-title">
          <h2 id="message-title">Message as received</h2>
          <p className="muted">
            {syntax}
            {message.count > 1 && `, message ${message.index} of the ${message.count} in the batch received`}
            {hits.length > 0 && '; the fields with hits are marked with the hit’s number.'}
          </p>
          <MessageView text={message.text} marks={marks} label={`The ${syntax} message as received`} />
        </section>
        <section className="panel payment-view__hits" aria-labelledby="hits-title">
          <h2 id="hits-title">Hits</h2>
          {hits.length === 0 ? (
            <p className="muted">No hit: the payment passed.</p>
          ) : (
            <ol className="hit-list">
              {hits.map((hit, i) => (
                <HitItem key={i} number={i + 1} hit={hit} marked={found.has(i + 1)} />
              ))}
            </ol>
          )}
        </section>
      </div>

      {detail.decision !== 'pass' && <PaymentAlerts paymentId={detail.paymentId} />}

      <section className="panel" aria-labelledby="parties-title">
        <h2 id="parties-title">Parties in the message</h2>
        <Parties parties={payment.parties} hits={hits} />
      </section>
    </>
  );
}

/** The alerts the payment's hits opened, with their status: where an analyst goes to decide them. */
function PaymentAlerts({ paymentId }: { paymentId: string }) {
  const { data, error } = useResource((signal) => listAlerts({ screeningId: paymentId, limit: 100 }, signal), [paymentId]);
  return (
    <section className="panel" aria-labelledby="payment-alerts-title">
      <h2 id="payment-alerts-title">Alerts</h2>
      <ErrorNotice error={error} />
      {data && data.alerts.length === 0 && (
        <p className="muted">No alert is open for this payment (a hit on an alert already open for the same party is not opened twice).</p>
      )}
      {data && data.alerts.length > 0 && (
        <ul className="plain-list payment-alerts">
          {data.alerts.map((a) => (
            <li key={a.id}>
              <StatusBadge status={a.status} />{' '}
              <Link to={paths.alert(a.id)}>
                {a.entityId.startsWith('jurisdiction:')
                  ? jurisdictionName(a.entityId.slice('jurisdiction:'.length))
                  : String(a.match.caption ?? a.entityId)}
              </Link>{' '}
              <span className="muted">
                {String(
                  a.party.payment && typeof a.party.payment === 'object' ? ((a.party.payment as { field?: string }).field ?? '') : '',
                )}{' '}
                · {a.score.toFixed(2)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function HitItem({ number, hit, marked }: { number: number; hit: PaymentHit; marked: boolean }) {
  return (
    <li id={hitAnchor(number)} className={`hit hit--${hit.action}`}>
      <div className="hit__head">
        <span className="hit__number">
          <span className="visually-hidden">Hit </span>
          {number}
        </span>
        <code className="hit__field">{hit.field}</code>
        <span className={`badge badge--${hit.action === 'block' ? 'danger' : 'warning'}`}>{hit.action === 'block' ? 'Block' : 'Hold'}</span>
      </div>
      {!marked && <p className="hint">Not found in the message as shown.</p>}
      <dl className="facts facts--narrow">
        <Fact label="Seen">
          <span className="hit__text">{hit.text}</span>
        </Fact>
        <Fact label="Rule">{ruleWords(hit.rule)}</Fact>
        <Fact label="Score">
          <ScoreMeter score={hit.score} label={`Score of hit ${number}`} />
        </Fact>
        {hit.id ? (
          <Fact label="Listed record">
            <EntityLink id={hit.id} caption={hit.caption} /> <span className="muted id">{hit.id}</span>
          </Fact>
        ) : (
          hit.jurisdiction && <Fact label="Jurisdiction">{jurisdictionName(hit.jurisdiction)}</Fact>
        )}
        <Fact label="Reason">{hit.reason}</Fact>
      </dl>
    </li>
  );
}

/** Where a party came from: the MT headers by their block number, a field or path as the message has it. */
function sourceWords(source: string): string {
  return source === '1' || source === '2' ? `block ${source}` : source;
}

/** A cell of the parties table; an empty one is left out of a phone's stacked card (`parties__empty`). */
function Cell({ label, value, className }: { label: string; value: string | undefined; className?: string }) {
  return value ? (
    <td data-label={label}>
      <span className={className}>{value}</span>
    </td>
  ) : (
    <td data-label={label} className="parties__empty">
      <span className="muted">—</span>
    </td>
  );
}

/** The hit numbers (from 1) whose field is the party's (`50F`, `50F address line 2` → the party of 50F). */
function hitsOfParty(party: PaymentParty, hits: readonly PaymentHit[]): number[] {
  return hits.flatMap((h, i) => (readHitField(h.field).path === party.source ? [i + 1] : []));
}

function Parties({ parties, hits }: { parties: PaymentParty[]; hits: PaymentHit[] }) {
  if (parties.length === 0) return <p className="muted">The message names no party.</p>;
  return (
    // Stacked on a phone: seven columns do not fit 390 px.
    <table className="table table--stacked parties">
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Name</th>
          <th scope="col">Address</th>
          <th scope="col">Country</th>
          <th scope="col">Account</th>
          <th scope="col">BIC</th>
          <th scope="col">Hits</th>
        </tr>
      </thead>
      <tbody>
        {parties.map((party, i) => {
          const own = hitsOfParty(party, hits);
          return (
            <tr key={i} className={own.length > 0 ? 'party--hit' : undefined}>
              <td data-label="Role">
                <span>
                  {roleWords(party.role)} <code className="muted">{sourceWords(party.source)}</code>
                </span>
              </td>
              <Cell label="Name" value={party.name} />
              <Cell label="Address" value={party.addressLines.join('\n')} className="address" />
              <Cell label="Country" value={party.country && countryName(party.country)} />
              <Cell label="Account" value={party.account} className="id" />
              <Cell label="BIC" value={party.bic} className="id" />
              <td data-label="Hits">
                {own.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <span>
                    {own.map((n) => (
                      <a key={n} href={`#${hitAnchor(n)}`} className="hit-ref">
                        {n}
                      </a>
                    ))}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
