/**
 * @module pages/PaymentsPage
 * `/payments`: the screened payment messages, newest first (`GET /v1/payments`), filtered by decision
 * (all, blocked, held, passed, each with its count), a page at a time. Each row shows the decision, the
 * message's format, id and time, its number of hits and the first listed names or jurisdictions they
 * point at; a row opens the message view. The filter and page live in the address
 * (`/payments?decision=block&offset=50`), so a view can be bookmarked and shared.
 */
import { queryString } from '../api/client';
import { listPayments } from '../api/embargo';
import { PAYMENT_DECISIONS, type PaymentDecision, type PaymentDecisionKind, type PaymentFilter } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { DecisionBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, navigate, paths, useLocation } from '../router';
import { count, formatDateTime } from '../text/format';
import { jurisdictionName } from '../text/payment-words';
import { useResource } from '../use-resource';

/** Payments per page. */
export const PAYMENTS_PAGE_SIZE = 50;
/** Listed names shown in a row; the rest are counted. */
const NAMES_IN_ROW = 3;

const FILTER_WORDS: Record<PaymentDecisionKind | 'all', string> = { all: 'All', block: 'Blocked', hold: 'Held', pass: 'Passed' };

/** The filter in the address bar; anything malformed is ignored rather than sent. */
export function paymentFilterFrom(search: URLSearchParams): PaymentFilter {
  const decision = search.get('decision');
  const offset = Number(search.get('offset'));
  return {
    decision: PAYMENT_DECISIONS.includes(decision as PaymentDecisionKind) ? (decision as PaymentDecisionKind) : undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}

function paymentsPath(filter: PaymentFilter): string {
  return paths.payments() + queryString({ ...filter });
}

/** The distinct listed records and jurisdictions a payment's hits point at, in hit order. */
export function listedNames(payment: PaymentDecision): string[] {
  const names = payment.hits.map((h) => h.caption ?? (h.jurisdiction ? jurisdictionName(h.jurisdiction) : h.text));
  return [...new Set(names)];
}

/** How many payments each decision has: one small request each (`limit=1`, read `total`). */
async function decisionCounts(signal: AbortSignal): Promise<Record<PaymentDecisionKind | 'all', number>> {
  const kinds = ['all', ...PAYMENT_DECISIONS] as const;
  const totals = await Promise.all(
    kinds.map((k) => listPayments({ decision: k === 'all' ? undefined : k, limit: 1 }, signal).then((r) => r.total)),
  );
  return Object.fromEntries(kinds.map((k, i) => [k, totals[i]])) as Record<PaymentDecisionKind | 'all', number>;
}

export function PaymentsPage() {
  usePageTitle('Payments');
  const { search } = useLocation();
  const key = search.toString();
  const filter = paymentFilterFrom(search);
  const { data, error, loading } = useResource((signal) => listPayments({ ...filter, limit: PAYMENTS_PAGE_SIZE }, signal), [key]);
  const counts = useResource(decisionCounts, [key]);
  const offset = filter.offset ?? 0;
  const payments = data?.payments ?? [];
  const total = data?.total ?? 0;
  const chosen = filter.decision ?? 'all';

  return (
    <>
      <h1>Payments</h1>
      <p className="lead">
        Payment messages screened through the API or the worker, newest first. A blocked or held payment opened an alert per hit in the
        alert queue.
      </p>
      <nav className="segmented" aria-label="Filter by decision">
        {(['all', ...PAYMENT_DECISIONS] as const).map((k) => (
          <Link
            key={k}
            to={paymentsPath({ decision: k === 'all' ? undefined : k })}
            className={`segmented__item segmented__item--${k}`}
            aria-current={k === chosen ? 'page' : undefined}
          >
            {FILTER_WORDS[k]}
            {counts.data && <span className="segmented__count">{count(counts.data[k])}</span>}
          </Link>
        ))}
      </nav>
      <ErrorNotice error={error ?? counts.error} />
      <div className="table-toolbar">
        <p role="status" className="muted">
          {loading
            ? 'Loading payments…'
            : payments.length === 0
              ? chosen === 'all'
                ? 'No payment has been screened yet.'
                : `No ${FILTER_WORDS[chosen].toLowerCase()} payments.`
              : `Payments ${count(offset + 1)}–${count(offset + payments.length)} of ${count(total)}, newest first.`}
        </p>
      </div>
      {payments.length > 0 && (
        <div className="table-scroll">
          {/* Stacked on a phone: six columns do not fit 390 px. */}
          <table className="table table--rows table--stacked">
            <thead>
              <tr>
                <th scope="col">Decision</th>
                <th scope="col">Screened</th>
                <th scope="col">Format</th>
                <th scope="col">Message</th>
                <th scope="col" className="num">
                  Hits
                </th>
                <th scope="col">Listed names</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <PaymentRow key={p.paymentId} payment={p} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Payment pages">
        <button
          type="button"
          className="button button--secondary"
          disabled={offset === 0}
          onClick={() => navigate(paymentsPath({ ...filter, offset: Math.max(0, offset - PAYMENTS_PAGE_SIZE) || undefined }))}
        >
          Newer
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={offset + payments.length >= total}
          onClick={() => navigate(paymentsPath({ ...filter, offset: offset + PAYMENTS_PAGE_SIZE }))}
        >
          Older
        </button>
      </nav>
    </>
  );
}

function PaymentRow({ payment }: { payment: PaymentDecision }) {
  const names = listedNames(payment);
  const shown = names.slice(0, NAMES_IN_ROW);
  return (
    // The link in the row is the keyboard's way in; a click anywhere on the row is the mouse's.
    <tr onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(paths.payment(payment.paymentId))} className="clickable">
      <td data-label="Decision">
        {/* One element: the stacked layout on a phone makes each child of a cell a grid item, stretched. */}
        <span>
          <DecisionBadge decision={payment.decision} />
        </span>
      </td>
      <td data-label="Screened" className="nowrap">
        {formatDateTime(payment.screenedAt)}
      </td>
      <td data-label="Format">{payment.format}</td>
      <td data-label="Message">
        <Link to={paths.payment(payment.paymentId)} className="id">
          {payment.messageId}
        </Link>
      </td>
      <td data-label="Hits" className="num">
        {payment.hits.length}
      </td>
      <td data-label="Listed names">
        {shown.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <span>
            {shown.join('; ')}
            {names.length > shown.length && <span className="muted"> and {names.length - shown.length} more</span>}
          </span>
        )}
      </td>
    </tr>
  );
}
