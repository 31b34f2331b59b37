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
import { registerCustomer, screenParty } from '../api/embargo';
import type { Party, RegisterCustomersResponse, SchemaName, ScreenResponse } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { MatchExplanation } from '../components/MatchExplanation';
import { ScoreMeter } from '../components/ScoreMeter';
import { AlertBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { queryString } from '../api/client';

const TYPES: { value: '' | SchemaName; label: string }[] = [
  { value: '', label: 'Any type' },
  { value: 'Person', label: 'Person' },
  { value: 'Organization', label: 'Organization' },
  { value: 'Vessel', label: 'Vessel' },
  { value: 'Airplane', label: 'Airplane' },
];

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
        next = { party, registered, result: await screenParty(anonymous) };
      } else {
        next = { party, result: await screenParty(party) };
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
              {TYPES.map((t) => (
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
  const { party, result, registered } = outcome;
  const key = party.customerKey;
  const alertsLink = key ? `${paths.alerts()}${queryString({ customerKey: key })}` : paths.alerts();
  return (
    <section aria-labelledby="results-title" className="results">
      <h2 id="results-title">
        {result.matches.length === 0 ? 'No matches' : `${result.matches.length} match${result.matches.length === 1 ? '' : 'es'}`} for “
        {party.name}”
      </h2>
      <p className="muted">
        Screened against {result.publications.map((p) => `${p.source} ${p.published ?? 'undated'}`).join(', ') || 'no lists'} · screening{' '}
        <code>{result.screeningId}</code>
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
      {result.matches.length === 0 ? (
        <p>No listed record scored high enough to show. Check the spelling, or try without the birth date or country.</p>
      ) : (
        <ol className="match-list">
          {result.matches.map((m, i) => (
            <li key={m.id} className={`match-card${m.alert ? ' match-card--alert' : ''}`}>
              <div className="match-card__head">
                <span className="match-card__rank" aria-hidden="true">
                  {i + 1}
                </span>
                <div className="match-card__title">
                  <h3>
                    <Link to={paths.entity(m.id)}>{m.caption}</Link>
                  </h3>
                  <p className="muted">
                    {m.schema} · {m.source} · <span className="id">{m.id}</span>
                  </p>
                </div>
                <div className="match-card__score">
                  <ScoreMeter score={m.score} threshold={m.explanation.threshold} label={`Score of ${m.caption}`} />
                  <AlertBadge alert={m.alert} suppressed={m.suppressed} />
                </div>
              </div>
              <MatchExplanation explanation={m.explanation} score={m.score} headingLevel={4} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
