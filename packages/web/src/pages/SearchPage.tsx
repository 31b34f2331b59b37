/**
 * @module pages/SearchPage
 * `/`: screen a name (any script) with an optional birth date, country and type → `POST /v1/screen`, and
 * show the ranked matches with their scores and explanations. With a customer key the screening is
 * the customer's: an alerting match opens an alert (and a remembered false positive stays quiet). Ticking
 * "monitor" also registers the customer (`POST /v1/customers`), which screens them at once and opens
 * the alerts; the matches shown then come from a screening without the key, so no alert opens twice.
 * Without a customer key the search is a look-up: kept as a screening in the audit trail, no alert opened.
 */
import { useState, type FormEvent } from 'react';
import { getEntity, registerCustomer, screenParty } from '../api/embargo';
import type { Match, Party, RegisterCustomersResponse, SchemaName, ScreenResponse } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { MatchExplanation } from '../components/MatchExplanation';
import { ScoreMeter } from '../components/ScoreMeter';
import { AlertBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { queryString } from '../api/client';
import { groupMatches, splitByAlert, type PartyGroup } from '../search/party-groups';
import { readLinkedRecords, type LinkedRecords } from '../search/linked-records';
import { listBadge, listName } from '../text/list-names';
import { oneLineExplanation } from '../text/one-line-explanation';
import { percent } from '../text/format';
import { SCHEMA_CHOICES } from '../text/schema-choices';

interface SearchForm {
  name: string;
  birthDate: string;
  country: string;
  schema: '' | SchemaName;
  customerKey: string;
  monitor: boolean;
}

interface SearchOutcome {
  party: Party;
  result: ScreenResponse;
  registered?: RegisterCustomersResponse;
  /** The matched records' links to other lists, for one row per party. */
  linked: LinkedRecords;
}

const EMPTY: SearchForm = { name: '', birthDate: '', country: '', schema: '', customerKey: '', monitor: false };

/** The last search, kept while the app is open so "back" from a profile finds the results again. */
let lastSearch: { form: SearchForm; outcome?: SearchOutcome } = { form: EMPTY };

/** On sign-out: the next person at this browser must not find the last one's search. */
export function forgetLastSearch(): void {
  lastSearch = { form: EMPTY };
}

/** The party to send: empty fields left out, a two-letter country in capitals. */
export function partyFrom(form: SearchForm): Party {
  const country = form.country.trim();
  return {
    name: form.name.trim(),
    ...(form.schema ? { schema: form.schema } : {}),
    ...(form.birthDate.trim() ? { birthDate: form.birthDate.trim() } : {}),
    ...(country ? { country: /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : country } : {}),
    ...(form.customerKey.trim() ? { customerKey: form.customerKey.trim() } : {}),
  };
}

export function SearchPage() {
  usePageTitle('Search');
  const [form, setForm] = useState<SearchForm>(lastSearch.form);
  const [outcome, setOutcome] = useState<SearchOutcome | undefined>(lastSearch.outcome);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const party = partyFrom(form);
    try {
      let next: SearchOutcome;
      if (form.monitor && party.customerKey) {
        const registered = await registerCustomer({ ...party, customerKey: party.customerKey });
        const { customerKey: _key, ...anonymous } = party;
        void _key;
        const result = await screenParty(anonymous);
        next = { party, registered, result, linked: await readLinkedRecords(result.matches, (id) => getEntity(id)) };
      } else {
        const result = await screenParty(party);
        next = { party, result, linked: await readLinkedRecords(result.matches, (id) => getEntity(id)) };
      }
      setOutcome(next);
      lastSearch = { form, outcome: next };
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Search</h1>
      <p className="lead">
        Screen a name against the sanctions lists in force. Names may be in any script: Hangul, Cyrillic, Arabic, Chinese…
      </p>
      <form className="form panel" onSubmit={submit} aria-label="Screen a party">
        <div className="form-grid">
          <div className="field field--wide">
            <label htmlFor="search-name">Name</label>
            <input
              id="search-name"
              name="name"
              // The search field has the focus on arrival (issue 16 point 8): on the first load by
              // autoFocus, after a navigation by the shell, which looks for data-autofocus.
              autoFocus
              data-autofocus
              required
              maxLength={500}
              autoComplete="off"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="search-birth-date">Birth date</label>
            <input
              id="search-birth-date"
              name="birthDate"
              inputMode="numeric"
              placeholder="YYYY-MM-DD"
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              aria-describedby="search-birth-date-hint"
              value={form.birthDate}
              onChange={(e) => set('birthDate', e.target.value)}
            />
            <p className="hint" id="search-birth-date-hint">
              YYYY, YYYY-MM or YYYY-MM-DD
            </p>
          </div>
          <div className="field">
            <label htmlFor="search-country">Country</label>
            <input
              id="search-country"
              name="country"
              maxLength={100}
              placeholder="KP"
              aria-describedby="search-country-hint"
              value={form.country}
              onChange={(e) => set('country', e.target.value)}
            />
            <p className="hint" id="search-country-hint">
              ISO 3166-1 alpha-2 code, e.g. KP, IR, RU
            </p>
          </div>
          <div className="field">
            <label htmlFor="search-type">Type</label>
            <select
              id="search-type"
              name="schema"
              value={form.schema}
              onChange={(e) => set('schema', e.target.value as SearchForm['schema'])}
            >
              {SCHEMA_CHOICES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>Screen as a customer (optional)</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="search-customer-key">Customer key</label>
              <input
                id="search-customer-key"
                name="customerKey"
                maxLength={200}
                aria-describedby="search-customer-key-hint"
                value={form.customerKey}
                onChange={(e) => set('customerKey', e.target.value)}
              />
              <p className="hint" id="search-customer-key-hint">
                Your id for the customer. An alerting match then opens an alert in the queue.
              </p>
            </div>
            <div className="field field--checkbox">
              <input
                id="search-monitor"
                type="checkbox"
                checked={form.monitor}
                disabled={!form.customerKey.trim()}
                onChange={(e) => set('monitor', e.target.checked)}
              />
              <label htmlFor="search-monitor">Monitor this customer: screen again after every list update</label>
            </div>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Screen
          </button>
          {busy && (
            <span role="status" className="muted">
              Screening…
            </span>
          )}
        </div>
      </form>
      <ErrorNotice error={error} title="The screening failed:" />
      {outcome && <Results outcome={outcome} />}
    </>
  );
}

function Results({ outcome }: { outcome: SearchOutcome }) {
  const { party, result, registered, linked } = outcome;
  const key = party.customerKey;
  const alertsLink = key ? `${paths.alerts()}${queryString({ customerKey: key })}` : paths.alerts();
  const groups = groupMatches(result.matches, linked.links);
  const { alerting, weaker } = splitByAlert(groups);
  const threshold = result.matches[0]?.explanation.threshold;
  const records = result.matches.length;
  return (
    <section aria-labelledby="results-title" className="results">
      <h2 id="results-title">
        {groups.length === 0 ? 'No matches' : `${groups.length} match${groups.length === 1 ? '' : 'es'}`} for “{party.name}”
      </h2>
      <p className="muted">
        {records > groups.length && `${records} listed records, those of one party on several lists shown together. `}
        Screened against{' '}
        {result.publications.map((p) => `${listName(p.source)} of ${p.published ?? 'unknown date'}`).join(', ') || 'no lists'}.
      </p>
      {registered && (
        <p className="notice notice--info" role="status">
          Customer <strong>{key}</strong> is registered for monitoring and was screened: {registered.alertsOpened} alert
          {registered.alertsOpened === 1 ? '' : 's'} opened
          {registered.suppressed ? `, ${registered.suppressed} known false positive(s) kept quiet` : ''}.{' '}
          <Link to={alertsLink}>Open the alert queue for {key}</Link>.
        </p>
      )}
      {!registered && key && result.alerted && (
        <p className="notice notice--warning" role="status">
          The screening alerted: an alert was opened for customer <strong>{key}</strong> on each alerting match not already cleared.{' '}
          <Link to={alertsLink}>Open the alert queue for {key}</Link>.
        </p>
      )}
      {!key && result.alerted && (
        <p className="notice notice--info" role="status">
          Some matches alert. This was a look-up without a customer key: it is kept in the audit trail and opens nothing in the alert queue.
          Give a customer key to screen a customer and open alerts.
        </p>
      )}
      {linked.failures.length > 0 && (
        <p className="notice notice--warning" role="status">
          The links to other lists of {linked.failures.map((f) => `${f.id} (${f.reason})`).join(', ')} could not be read: those records are
          shown on their own, even where another list keeps the same party.
        </p>
      )}
      {groups.length === 0 ? (
        <p>No listed record scored high enough to show. Check the spelling, or try without the birth date or country.</p>
      ) : (
        <>
          {alerting.length > 0 && <PartyList groups={alerting} start={1} />}
          {weaker.length > 0 && (
            // Open when nothing alerts: the fold would otherwise hide every result.
            <details className="weaker-matches" open={alerting.length === 0}>
              <summary>
                Weaker matches ({weaker.length}){threshold !== undefined && `, below the alert threshold of ${percent(threshold)}`}
              </summary>
              <PartyList groups={weaker} start={alerting.length + 1} />
            </details>
          )}
        </>
      )}
      <details className="screening-details">
        <summary>Screening details</summary>
        <dl className="facts">
          <div>
            <dt>Screening</dt>
            <dd>
              <code>{result.screeningId}</code>
            </dd>
          </div>
          <div>
            <dt>Algorithm</dt>
            <dd>{[...new Set(result.matches.map((m) => m.explanation.algorithm))].join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>Publications</dt>
            <dd>{result.publications.map((p) => `${p.source} ${p.published ?? 'undated'} (#${p.id})`).join(', ') || '—'}</dd>
          </div>
        </dl>
      </details>
    </section>
  );
}

function PartyList({ groups, start }: { groups: PartyGroup[]; start: number }) {
  return (
    <ol className="match-list" start={start}>
      {groups.map((g, i) => (
        <PartyResult key={g.best.id} group={g} rank={start + i} />
      ))}
    </ol>
  );
}

/** One party: its best record's name and score, the lists as badges, the explanation in one line. */
function PartyResult({ group, rank }: { group: PartyGroup; rank: number }) {
  const { best } = group;
  return (
    <li className={`match-card${group.alert ? ' match-card--alert' : ''}`}>
      <div className="match-card__head">
        <span className="match-card__rank" aria-hidden="true">
          {rank}
        </span>
        <div className="match-card__title">
          <h3>
            <Link to={paths.entity(best.id)}>{best.caption}</Link>
          </h3>
          <p className="match-card__lists">
            <span className="visually-hidden">Lists: </span>
            {group.lists.map((badge) => (
              <span
                key={badge}
                className="badge badge--list"
                title={[...new Set(group.matches.filter((m) => listBadge(m.source) === badge).map((m) => listName(m.source)))].join(', ')}
              >
                {badge}
              </span>
            ))}{' '}
            <span className="muted">{best.schema}</span>
          </p>
        </div>
        <div className="match-card__score">
          <ScoreMeter score={best.score} threshold={best.explanation.threshold} label={`Score of ${best.caption}`} />
          <AlertBadge alert={best.alert} suppressed={best.suppressed} />
        </div>
      </div>
      <p className="match-card__line">{oneLineExplanation(best.explanation, best.score)}</p>
      <details className="match-card__details">
        <summary>Why it matched{group.matches.length > 1 ? ` (${group.matches.length} records)` : ''}</summary>
        {group.matches.map((m) => (
          <RecordExplanation key={m.id} match={m} several={group.matches.length > 1} />
        ))}
      </details>
    </li>
  );
}

/** One record of the party: which list and id, then the whole explanation. */
function RecordExplanation({ match: m, several }: { match: Match; several: boolean }) {
  return (
    <section className="match-card__record" aria-label={`${listName(m.source)} record ${m.id}`}>
      <p className="match-card__record-head">
        {several && <Link to={paths.entity(m.id)}>{m.caption}</Link>}
        {several && ' · '}
        {listName(m.source)} · <span className="id">{m.id}</span>
        {several && ` · ${percent(m.score)}${m.alert ? ', alert' : ''}`}
      </p>
      <MatchExplanation explanation={m.explanation} score={m.score} headingLevel={4} />
    </section>
  );
}
