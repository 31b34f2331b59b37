/**
 * @module pages/CustomersPage
 * `/customers`: the tenant's monitored customers (`GET /v1/customers`), each with its newest screening
 * (when, and whether it alerted) and its alerts waiting for a decision (a link to them in the queue),
 * searched by a part of the key or name and paged, both kept in the address (`/customers?q=jang`). Beside
 * the list: a form to register one customer (checked here, and the server's refusal shown next to the
 * field it names) and a CSV upload (the server's format; a refused file's bad lines listed one by one).
 * Registering screens the customer at once and from then on at every list load.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, queryString, type FileProblem } from '../api/client';
import { listCustomers, registerCustomer, uploadCustomersCsv } from '../api/embargo';
import type { Customer, Party, RegisterCustomersResponse, SchemaName, SessionUser } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../page-title';
import { Link, navigate, paths, useLocation } from '../router';
import { count, countryName, formatDateTime } from '../text/format';
import { useResource } from '../use-resource';
import { SCHEMA_CHOICES } from '../text/schema-choices';

/** Customers per page. */
export const CUSTOMERS_PAGE_SIZE = 25;

/** Where the list is: the search and the customer it continues after (with its tenant across tenants). */
interface ListPosition {
  q: string;
  after?: string;
  afterTenant?: string;
}

function positionFrom(search: URLSearchParams): ListPosition {
  return { q: search.get('q') ?? '', after: search.get('after') || undefined, afterTenant: search.get('afterTenant') || undefined };
}

const customersPath = (p: ListPosition) => paths.customers() + queryString({ q: p.q.trim(), after: p.after, afterTenant: p.afterTenant });

export function CustomersPage({ user }: { user: SessionUser }) {
  usePageTitle('Customers');
  const { search } = useLocation();
  const position = positionFrom(search);
  const acrossTenants = user.tenant === null;
  const page = useResource(
    (signal) =>
      listCustomers(
        {
          q: position.q.trim() || undefined,
          after: position.after,
          afterTenant: position.after ? position.afterTenant : undefined,
          limit: CUSTOMERS_PAGE_SIZE,
        },
        signal,
      ),
    [search.toString()],
  );

  return (
    <>
      <h1>Customers</h1>
      <p className="lead">
        Monitored customers are screened when they are registered and again whenever a list changes; an alert opens when one matches.
      </p>
      <div className="customers-layout">
        <section aria-labelledby="customer-list-title" className="customers-layout__list">
          <h2 id="customer-list-title">Monitored customers</h2>
          <CustomerSearch key={position.q} q={position.q} />
          <ErrorNotice error={page.error} />
          <p role="status" className="muted">
            {page.loading && !page.data
              ? 'Loading the customers…'
              : page.data
                ? listSummary(page.data.customers.length, page.data.total, position)
                : ''}
          </p>
          {page.data && page.data.customers.length > 0 && <CustomerTable customers={page.data.customers} acrossTenants={acrossTenants} />}
          {page.data && (position.after || page.data.customers.length === CUSTOMERS_PAGE_SIZE) && (
            <nav className="pager" aria-label="Pages of customers">
              {position.after && (
                <Link className="button button--secondary" to={customersPath({ q: position.q })}>
                  First page
                </Link>
              )}
              {page.data.customers.length === CUSTOMERS_PAGE_SIZE && (
                <Link className="button button--secondary" to={customersPath(nextPosition(position, page.data.customers))}>
                  Next page
                </Link>
              )}
            </nav>
          )}
        </section>
        <div className="customers-layout__forms">
          <AddCustomer onRegistered={page.reload} />
          <UploadCustomers onRegistered={page.reload} />
        </div>
      </div>
    </>
  );
}

function listSummary(shown: number, total: number, position: ListPosition): string {
  const matching = position.q.trim() ? ` matching “${position.q.trim()}”` : '';
  if (total === 0) return position.q.trim() ? `No customer matches “${position.q.trim()}”.` : 'No monitored customers yet.';
  if (shown === 0) return `No more customers${matching}.`;
  return `${count(shown)} shown of ${count(total)} customer${total === 1 ? '' : 's'}${matching}, by customer key.`;
}

function nextPosition(position: ListPosition, customers: Customer[]): ListPosition {
  const last = customers[customers.length - 1];
  return { q: position.q, after: last.customerKey, afterTenant: last.tenant };
}

function CustomerSearch({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(customersPath({ q: text }));
  };
  return (
    <form className="form filters customer-search" role="search" aria-label="Find customers" onSubmit={submit}>
      <div className="field">
        <label htmlFor="customer-search">Customer key or name</label>
        <input id="customer-search" type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Find
        </button>
        {q && (
          <Link to={paths.customers()} className="button button--link">
            Show all
          </Link>
        )}
      </div>
    </form>
  );
}

function CustomerTable({ customers, acrossTenants }: { customers: Customer[]; acrossTenants: boolean }) {
  return (
    <table className="table table--stacked customer-table">
      <thead>
        <tr>
          <th scope="col">Customer</th>
          <th scope="col">Name</th>
          {acrossTenants && <th scope="col">Tenant</th>}
          <th scope="col">Last screening</th>
          <th scope="col" className="num">
            Open alerts
          </th>
        </tr>
      </thead>
      <tbody>
        {customers.map((c) => (
          <tr key={`${c.tenant}\n${c.customerKey}`}>
            <td data-label="Customer" className="id">
              {c.customerKey}
            </td>
            <td data-label="Name">
              {/* One child: a stacked cell on a phone lays out its children as columns. */}
              <div>
                {c.party.name}
                <PartyFacts party={c.party} />
              </div>
            </td>
            {acrossTenants && <td data-label="Tenant">{c.tenant}</td>}
            <td data-label="Last screening">
              <LastScreening screening={c.lastScreening} />
            </td>
            <td data-label="Open alerts" className="num">
              {c.openAlerts > 0 ? (
                <Link to={paths.alerts() + queryString({ customerKey: c.customerKey, tenant: acrossTenants ? c.tenant : undefined })}>
                  {count(c.openAlerts)} open
                </Link>
              ) : (
                <span className="muted">none</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PartyFacts({ party }: { party: Customer['party'] }) {
  const facts = [
    party.schema,
    party.birthDate && `born ${party.birthDate}`,
    party.country && countryName(party.country),
    ...(party.identifiers ?? []).map((i) => `${i.type === 'passportNumber' ? 'passport' : (i.type ?? 'id')} ${i.value}`),
  ].filter(Boolean);
  return facts.length > 0 ? <span className="customer-facts">{facts.join(' · ')}</span> : null;
}

function LastScreening({ screening }: { screening: Customer['lastScreening'] }) {
  if (!screening) return <span className="muted">not screened yet</span>;
  return (
    <span className="last-screening">
      <span className={`badge ${screening.alerted ? 'badge--danger' : 'badge--ok'}`}>{screening.alerted ? 'Alerted' : 'No alert'}</span>{' '}
      <time dateTime={screening.at}>{formatDateTime(screening.at)}</time>
    </span>
  );
}

// --- Registering one customer ---------------------------------------------------------------------

interface CustomerForm {
  customerKey: string;
  name: string;
  schema: '' | SchemaName;
  birthDate: string;
  country: string;
  passportNumber: string;
  idNumber: string;
}

const EMPTY_FORM: CustomerForm = { customerKey: '', name: '', schema: '', birthDate: '', country: '', passportNumber: '', idNumber: '' };

type FieldName = keyof CustomerForm;
type FieldErrors = Partial<Record<FieldName, string>>;

/** The server's birth dates: a year, a month or a day, with two-digit months and days (it also checks the day exists). */
const BIRTH_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What the form can tell before sending: the same rules the server applies, in words next to the field. */
export function checkCustomerForm(form: CustomerForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.customerKey.trim()) errors.customerKey = 'Give the customer’s key: your own id for them.';
  else if (form.customerKey.trim().length > 200) errors.customerKey = 'At most 200 characters.';
  if (!form.name.trim()) errors.name = 'Give the name to screen.';
  else if (!/[\p{L}\p{N}]/u.test(form.name)) errors.name = 'A name holds at least one letter or digit.';
  if (form.birthDate.trim() && !BIRTH_DATE.test(form.birthDate.trim()))
    errors.birthDate = 'Write it YYYY, YYYY-MM or YYYY-MM-DD (1970-07-14).';
  if (form.country.trim() && form.country.trim().length < 2) errors.country = 'A two-letter code (KP) or a country name.';
  return errors;
}

function partyOf(form: CustomerForm): Party & { customerKey: string } {
  const identifiers = [
    ...(form.passportNumber.trim() ? [{ type: 'passportNumber', value: form.passportNumber.trim() }] : []),
    ...(form.idNumber.trim() ? [{ type: 'idNumber', value: form.idNumber.trim() }] : []),
  ];
  return {
    customerKey: form.customerKey.trim(),
    name: form.name.trim(),
    ...(form.schema ? { schema: form.schema } : {}),
    ...(form.birthDate.trim() ? { birthDate: form.birthDate.trim() } : {}),
    ...(form.country.trim() ? { country: form.country.trim() } : {}),
    ...(identifiers.length > 0 ? { identifiers } : {}),
  };
}

/** The form field a server's `field` (`body/birthDate`, `body/identifiers/0/value`) is about, if any. */
export function formFieldOf(serverField: string | undefined, party: Party): FieldName | undefined {
  const m = /^body\/(customerKey|name|schema|birthDate|country|identifiers)(?:\/(\d+))?/.exec(serverField ?? '');
  if (!m) return undefined;
  if (m[1] !== 'identifiers') return m[1] as FieldName;
  const identifier = party.identifiers?.[Number(m[2] ?? 0)];
  return identifier?.type === 'idNumber' ? 'idNumber' : 'passportNumber';
}

function AddCustomer({ onRegistered }: { onRegistered: () => void }) {
  const [form, setForm] = useState<CustomerForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ key: string; result: RegisterCustomersResponse }>();
  const set = (field: FieldName) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    setError(undefined);
    const found = checkCustomerForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const party = partyOf(form);
    setBusy(true);
    try {
      const result = await registerCustomer(party);
      setDone({ key: party.customerKey, result });
      setForm(EMPTY_FORM);
      onRegistered();
    } catch (e) {
      // A refusal about one field is shown beside it; anything else above the button.
      const field = e instanceof ApiError ? formFieldOf(e.field, party) : undefined;
      if (field && e instanceof ApiError) setErrors({ [field]: e.message });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, props: { hint?: string; required?: boolean; autoComplete?: string } = {}) => {
    const id = `customer-${name}`;
    const described = [props.hint && `${id}-hint`, errors[name] && `${id}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={form[name]}
          required={props.required}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={described}
          autoComplete="off"
          onChange={(e) => set(name)(e.target.value)}
        />
        {props.hint && (
          <p className="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
        {errors[name] && (
          <p className="field-error" id={`${id}-error`}>
            {errors[name]}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="add-customer-title" className="panel">
      <h2 id="add-customer-title">Add a customer</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Add a customer">
        <div className="form-grid form-grid--narrow">
          {field('customerKey', 'Customer key', {
            required: true,
            hint: 'Your own id for the customer; registering it again replaces it.',
          })}
          {field('name', 'Name', { required: true })}
          <div className="field">
            <label htmlFor="customer-schema">Type</label>
            <select id="customer-schema" value={form.schema} onChange={(e) => set('schema')(e.target.value)}>
              {SCHEMA_CHOICES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {field('birthDate', 'Birth date', { hint: 'YYYY, YYYY-MM or YYYY-MM-DD' })}
          {field('country', 'Country', { hint: 'KP, or a country name' })}
          {field('passportNumber', 'Passport number')}
          {field('idNumber', 'National id number')}
        </div>
        <ErrorNotice error={error} title="The customer was not registered:" />
        {done && (
          <p className={`notice ${done.result.alerted ? 'notice--warning' : 'notice--ok'}`} role="status">
            Registered <strong>{done.key}</strong> and screened it:{' '}
            {done.result.alertsOpened > 0 ? (
              <Link to={paths.alerts() + queryString({ customerKey: done.key })}>
                {count(done.result.alertsOpened)} alert{done.result.alertsOpened === 1 ? '' : 's'} opened
              </Link>
            ) : (
              'no alert opened'
            )}
            {done.result.suppressed > 0
              ? ` (${count(done.result.suppressed)} remembered false positive${done.result.suppressed === 1 ? '' : 's'} kept closed)`
              : ''}
            .
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Registering…' : 'Register and screen'}
          </button>
        </div>
      </form>
    </section>
  );
}

// --- Uploading a CSV --------------------------------------------------------------------------------

function UploadCustomers({ onRegistered }: { onRegistered: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ fileName: string; result: RegisterCustomersResponse }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone({ fileName: file.name, result: await uploadCustomersCsv(file) });
      setFile(undefined);
      if (input.current) input.current.value = '';
      onRegistered();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const problems: FileProblem[] = error instanceof ApiError ? (error.problems ?? []) : [];

  return (
    <section aria-labelledby="upload-customers-title" className="panel">
      <h2 id="upload-customers-title">Upload a CSV of customers</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="customers-file">CSV file</label>
          <input
            id="customers-file"
            ref={input}
            type="file"
            accept=".csv,text/csv"
            aria-describedby="customers-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setError(undefined);
            }}
          />
          <p className="hint" id="customers-file-hint">
            A header row, then one customer per line: <code>customer,name</code> and any of <code>type</code>, <code>dob</code>,{' '}
            <code>country</code>, <code>passport</code>, <code>national id</code>. The whole file is checked first: one bad line and nothing
            is registered.
          </p>
        </div>
        <ErrorNotice error={error} title="The file was not registered:" />
        {problems.length > 0 && <ProblemTable problems={problems} />}
        {done && (
          <p className={`notice ${done.result.alerted ? 'notice--warning' : 'notice--ok'}`} role="status">
            Registered {count(done.result.registered)} customer{done.result.registered === 1 ? '' : 's'} from{' '}
            <strong>{done.fileName}</strong>: {count(done.result.alerted)} alerted, {count(done.result.alertsOpened)} alert
            {done.result.alertsOpened === 1 ? '' : 's'} opened.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={!file || busy}>
            {busy ? 'Registering…' : 'Register the file'}
          </button>
        </div>
      </form>
    </section>
  );
}

function ProblemTable({ problems }: { problems: FileProblem[] }) {
  return (
    <table className="table table--compact table--stacked problem-table" aria-label="Bad lines of the file">
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col">Field</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr key={`${p.line}\n${p.field}`}>
            <td data-label="Line" className="num">
              {p.line}
            </td>
            <td data-label="Field">
              <code>{p.field}</code>
            </td>
            <td data-label="Problem">{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
