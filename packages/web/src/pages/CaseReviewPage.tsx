/**
 * @module pages/CaseReviewPage
 * `/cases/:id`: one customer's alerts on one party, worked as one case (`GET /v1/cases/:id`, issue 16
 * point 4). KOMID is three records (SDN, UN, UK) the lists link to each other; a customer matching them
 * is one case with three matches, each shown with the customer's screened data next to the listed record.
 * The analyst assigns the case (to herself, to a colleague, or to no one), comments on it, and decides
 * the matches she selects with one reason code (`POST /v1/alerts/decisions`): four eyes still applies to
 * each alert, so a high-scoring false positive waits for another analyst, who approves it here.
 */
import { useState, type FormEvent } from 'react';
import { assignCase, commentOnCase, decideAlerts, getCase } from '../api/embargo';
import type { AlertDetail, AlertStatus, BulkDecisionResponse, CaseDetail, DecisionAsked, SessionUser } from '../api/types';
import { explanationOf, ListedSide, PartySide } from '../components/AlertSides';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReasonedDecisionForm } from '../components/ReasonedDecisionForm';
import { ScoreMeter } from '../components/ScoreMeter';
import { StatusBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { DECISION_WORDS, reasonCodeLabel } from '../text/decision-words';
import { formatDateTime, humanise, percent } from '../text/format';
import { useResource } from '../use-resource';

/** core alerts/workflow.ts FOUR_EYES_MIN_SCORE: a false positive at or above it needs a second analyst. */
const FOUR_EYES_MIN_SCORE = 0.9;

/** Statuses that take the first decision (true match, false positive, escalate). */
const UNDECIDED: ReadonlySet<AlertStatus> = new Set(['open', 'escalated']);

export function CaseReviewPage({ id, user }: { id: string; user: SessionUser }) {
  usePageTitle('Case review');
  const { data, error, loading, reload } = useResource((signal) => getCase(id, signal), [id]);
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.alerts()}>Back to the alert queue</Link>
      </p>
      <h1>Case review</h1>
      <ErrorNotice error={error} />
      {loading && !data && <p role="status">Loading the case…</p>}
      {data && <CaseView detail={data} user={user} onChanged={reload} />}
    </>
  );
}

/** The matches a decision starts with: the undecided ones, else those awaiting approval. */
function defaultSelection(matches: readonly AlertDetail[]): Set<string> {
  const undecided = matches.filter((m) => UNDECIDED.has(m.alert.status));
  const pending = matches.filter((m) => m.alert.status === 'pending_approval');
  return new Set((undecided.length > 0 ? undecided : pending).map((m) => m.alert.id));
}

function CaseView({ detail, user, onChanged }: { detail: CaseDetail; user: SessionUser; onChanged: () => void }) {
  const { case: c, matches } = detail;
  // The selection holds while the matches' statuses do; once a decision moves them, it starts again
  // from what is left to decide (the undecided matches, else those awaiting approval).
  const statuses = matches.map((m) => `${m.alert.id}:${m.alert.status}`).join(' ');
  const [selection, setSelection] = useState(() => ({ statuses, ids: defaultSelection(matches) }));
  const selected = selection.statuses === statuses ? selection.ids : defaultSelection(matches);
  const first = matches[0]?.alert;
  const toggle = (alertId: string) => (checked: boolean) => {
    const ids = new Set(selected);
    if (checked) ids.add(alertId);
    else ids.delete(alertId);
    setSelection({ statuses, ids });
  };
  return (
    <>
      <div className="alert-summary panel">
        <dl className="facts facts--inline">
          <div>
            <dt>Customer</dt>
            <dd>{c.customerKey ?? <span className="muted">none</span>}</dd>
          </div>
          <div>
            <dt>Screened name</dt>
            <dd>{String(first?.party.name ?? '')}</dd>
          </div>
          <div>
            <dt>Matches</dt>
            <dd data-testid="case-match-count">{matches.length}</dd>
          </div>
          <div>
            <dt>Tenant</dt>
            <dd>{c.tenant}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatDateTime(c.createdAt)}</dd>
          </div>
          <div>
            <dt>Assigned to</dt>
            <dd data-testid="case-assignee">{c.assignee ?? <span className="muted">no one</span>}</dd>
          </div>
        </dl>
        <Assignment detail={detail} user={user} onAssigned={onChanged} />
      </div>

      <ol className="case-matches" aria-label="Matches">
        {matches.map((m, i) => (
          <li key={m.alert.id}>
            <MatchPanel
              match={m}
              position={i + 1}
              count={matches.length}
              reasonCodes={detail.reasonCodes}
              selected={selected.has(m.alert.id)}
              onSelect={toggle(m.alert.id)}
            />
          </li>
        ))}
      </ol>

      <CaseDecisionForm detail={detail} user={user} selected={selected} onDecided={onChanged} />
      <Comments detail={detail} onCommented={onChanged} />
    </>
  );
}

function Assignment({ detail, user, onAssigned }: { detail: CaseDetail; user: SessionUser; onAssigned: () => void }) {
  const { case: c, assignees } = detail;
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const assign = (assignee: string | null) => async () => {
    setBusy(true);
    setError(undefined);
    try {
      await assignCase(c.id, assignee);
      setOther('');
      onAssigned();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const mine = c.assignee === user.person;
  const canTakeIt = !mine && assignees.includes(user.person);
  return (
    <div className="case-assignment">
      <div className="actions">
        {canTakeIt && (
          <button type="button" className="button" disabled={busy} onClick={assign(user.person)}>
            Assign to me
          </button>
        )}
        <div className="field field--inline">
          <label htmlFor="case-assign-to">Assign to</label>
          <select id="case-assign-to" value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">Choose a person…</option>
            {assignees
              .filter((u) => u !== c.assignee)
              .map((u) => (
                <option key={u} value={u}>
                  {u === user.person ? `${u} (me)` : u}
                </option>
              ))}
          </select>
          <button type="button" className="button button--secondary" disabled={busy || !other} onClick={assign(other)}>
            Assign
          </button>
        </div>
        {c.assignee !== null && (
          <button type="button" className="button button--link" disabled={busy} onClick={assign(null)}>
            Unassign
          </button>
        )}
      </div>
      <ErrorNotice error={error} title="The case was not assigned:" />
    </div>
  );
}

function MatchPanel({
  match,
  position,
  count,
  reasonCodes,
  selected,
  onSelect,
}: {
  match: AlertDetail;
  position: number;
  count: number;
  reasonCodes: CaseDetail['reasonCodes'];
  selected: boolean;
  onSelect: (checked: boolean) => void;
}) {
  const { alert, entity, recordChanged, decisions } = match;
  const explanation = explanationOf(match);
  const caption = String(alert.match.caption ?? entity?.caption ?? alert.entityId);
  const closed = !UNDECIDED.has(alert.status) && alert.status !== 'pending_approval';
  const titleId = `match-${position}-title`;
  return (
    <section className="panel case-match" aria-labelledby={titleId} data-testid={`match-${alert.entityId}`}>
      <div className="case-match__head">
        <h2 id={titleId}>
          Match {position} of {count}: <span className="id">{alert.entityId}</span>
        </h2>
        <div className="case-match__facts">
          <StatusBadge status={alert.status} />
          <ScoreMeter score={alert.score} threshold={explanation?.threshold} label={`Score of ${alert.entityId}`} />
          <span className="muted">{alert.source}</span>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={selected} disabled={closed} onChange={(e) => onSelect(e.target.checked)} />
          Select {alert.entityId} for the decision
        </label>
      </div>
      {entity === null ? (
        <p className="notice notice--warning">The listed record has left the lists in force since this alert was raised.</p>
      ) : (
        recordChanged && <p className="notice notice--warning">The listed record has changed since this alert was raised.</p>
      )}
      <div className="side-by-side">
        <div>
          <h3>Customer as screened</h3>
          <PartySide party={alert.party} explanation={explanation} />
        </div>
        <div>
          <h3>Listed record</h3>
          <ListedSide entityId={alert.entityId} caption={caption} entity={entity} explanation={explanation} />
        </div>
      </div>
      {decisions.length > 0 && (
        <ul className="case-match__decisions" aria-label={`Decisions on ${alert.entityId}`}>
          {decisions.map((d) => (
            <li key={d.id}>
              {formatDateTime(d.decidedAt)} · <strong>{d.person}</strong> · {DECISION_WORDS[d.decision] ?? humanise(d.decision)}
              {d.reasonCode && <> · {reasonCodeLabel(reasonCodes, d.reasonCode)}</>}: <span className="reason">{d.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="case-match__more">
        <Link to={paths.alert(alert.id)}>The alert on its own, with the full explanation</Link>
      </p>
    </section>
  );
}

/** The person who proposed the false positive now awaiting approval on this match. */
function proposerOf(match: AlertDetail): string | undefined {
  return [...match.decisions].reverse().find((d) => d.decision === 'false_positive')?.person;
}

function CaseDecisionForm({
  detail,
  user,
  selected,
  onDecided,
}: {
  detail: CaseDetail;
  user: SessionUser;
  selected: ReadonlySet<string>;
  onDecided: () => void;
}) {
  const [done, setDone] = useState<BulkDecisionResponse>();

  const chosenMatches = detail.matches.filter((m) => selected.has(m.alert.id));
  const allUndecided = chosenMatches.length > 0 && chosenMatches.every((m) => UNDECIDED.has(m.alert.status));
  const allPending = chosenMatches.length > 0 && chosenMatches.every((m) => m.alert.status === 'pending_approval');
  // Persons, not credentials: the proposer may have used an API key and be signed in here now.
  const proposedByMe = allPending && chosenMatches.some((m) => proposerOf(m) === user.person);
  const waiting = detail.matches.some((m) => UNDECIDED.has(m.alert.status) || m.alert.status === 'pending_approval');

  const decide = async (asked: DecisionAsked) => {
    setDone(undefined);
    setDone(
      await decideAlerts(
        chosenMatches.map((m) => m.alert.id),
        asked,
      ),
    );
    onDecided();
  };

  return (
    <section className="panel decide" aria-labelledby="case-decide-title">
      <h2 id="case-decide-title">Decision</h2>
      {done && <DecidedNotice done={done} />}
      {!waiting ? (
        <p>Every match of this case is decided; it takes no more decisions.</p>
      ) : (
        <ReasonedDecisionForm
          idPrefix="case-decision"
          codes={detail.reasonCodes}
          buttons={{ pending: allPending, proposedByMe, undecidedAllowed: allUndecided }}
          decide={decide}
        >
          <p data-testid="case-selection">
            {chosenMatches.length === 0
              ? 'Select the matches to decide above.'
              : `${chosenMatches.length} of ${detail.matches.length} matches selected: ${chosenMatches.map((m) => m.alert.entityId).join(', ')}.`}
          </p>
          {allPending ? (
            <p>
              A false positive on a score of {percent(FOUR_EYES_MIN_SCORE)} or more needs a second analyst to approve or reject it.
              {proposedByMe && (
                <strong className="you-proposed">
                  {' '}
                  You proposed it, so approval needs another person; you may reject it to reopen the match.
                </strong>
              )}
            </p>
          ) : (
            <p className="muted">
              Each match is decided on its own: a false positive on a score of {percent(FOUR_EYES_MIN_SCORE)} or more waits for a second
              analyst's approval before it closes; a lower one closes now.
            </p>
          )}
          {chosenMatches.length > 0 && !allUndecided && !allPending && (
            <p className="notice notice--warning">Select matches of one kind: undecided ones, or ones awaiting approval.</p>
          )}
        </ReasonedDecisionForm>
      )}
    </section>
  );
}

function DecidedNotice({ done }: { done: BulkDecisionResponse }) {
  const pending = done.decided.filter((d) => d.alert.status === 'pending_approval').length;
  const kind = done.decided[0]?.decision.decision;
  return (
    <p className="notice notice--ok" role="status">
      Recorded: {kind ? DECISION_WORDS[kind] : ''} on {done.decided.length} {done.decided.length === 1 ? 'match' : 'matches'}.
      {pending > 0 && ` ${pending} ${pending === 1 ? 'waits' : 'wait'} for another analyst to approve (four eyes).`}
    </p>
  );
}

function Comments({ detail, onCommented }: { detail: CaseDetail; onCommented: () => void }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(new Error('Write the comment first.'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await commentOnCase(detail.case.id, body.trim());
      setBody('');
      onCommented();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const entityOf = (alertId: string | null) => detail.matches.find((m) => m.alert.id === alertId)?.alert.entityId;
  return (
    <section className="panel" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {detail.comments.length === 0 ? (
        <p className="muted">No comment yet.</p>
      ) : (
        <ol className="comments">
          {detail.comments.map((c) => (
            <li key={c.id}>
              <p className="comments__meta">
                <strong>{c.author}</strong> <span className="muted">{formatDateTime(c.writtenAt)}</span>
                {c.alertId && <span className="muted"> · on {entityOf(c.alertId) ?? c.alertId}</span>}
              </p>
              <p className="comments__body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="form">
        <div className="field">
          <label htmlFor="case-comment">Comment</label>
          <textarea id="case-comment" rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <ErrorNotice error={error} title="The comment was not saved:" />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            Add comment
          </button>
        </div>
      </form>
    </section>
  );
}
