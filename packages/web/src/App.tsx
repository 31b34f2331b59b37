/**
 * @module App
 * The app shell: finds out who is signed in (`GET /v1/session`), sends everyone else to /signin (and
 * back to where they were after signing in), draws the header with the navigation and the signed-in
 * user, and shows the screen of the current path. Focus moves to the new screen's heading on every
 * navigation, so keyboard and screen-reader users land on the content.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { setUnauthenticatedListener } from './api/client';
import { currentSession, signOut } from './api/embargo';
import type { SessionUser } from './api/types';
import { ErrorNotice } from './components/ErrorNotice';
import { AlertReviewPage } from './pages/AlertReviewPage';
import { AlertsPage } from './pages/AlertsPage';
import { CaseReviewPage } from './pages/CaseReviewPage';
import { AuditPage } from './pages/AuditPage';
import { BatchPage } from './pages/BatchPage';
import { CustomersPage } from './pages/CustomersPage';
import { DashboardPage } from './pages/DashboardPage';
import { EntityPage } from './pages/EntityPage';
import { ListsPage } from './pages/ListsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OwnershipNodePage } from './pages/OwnershipNodePage';
import { OwnershipPage } from './pages/OwnershipPage';
import { NetworkPage } from './pages/NetworkPage';
import { PaymentPage } from './pages/PaymentPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { TradePage } from './pages/TradePage';
import { forgetLastSearch, SearchPage } from './pages/SearchPage';
import { SignInPage } from './pages/SignInPage';
import { UsersPage } from './pages/UsersPage';
import { Link, matchRoute, navigate, paths, safeNext, useLocation, type Route } from './router';
import { SessionContext } from './session-context';

type SessionState =
  { state: 'loading' } | { state: 'signedOut' } | { state: 'signedIn'; user: SessionUser } | { state: 'failed'; error: unknown };

/** The sign-in path that brings the user back here afterwards. */
function signInHere(): string {
  const here = window.location.pathname + window.location.search;
  return matchRoute(window.location.pathname).name === 'signin' || here === '/'
    ? paths.signin()
    : `${paths.signin()}?next=${encodeURIComponent(here)}`;
}

export function App() {
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    currentSession().then(
      (s) => live && setSession(s ? { state: 'signedIn', user: s.user } : { state: 'signedOut' }),
      (error: unknown) => live && setSession({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // A 401 on any call means the session ended (expired, signed out elsewhere): back to sign-in.
  useEffect(() => setUnauthenticatedListener(() => setSession({ state: 'signedOut' })), []);
  useEffect(() => {
    if (session.state === 'signedOut') forgetLastSearch();
  }, [session.state]);

  useEffect(() => {
    if (session.state === 'signedOut' && route.name !== 'signin') navigate(signInHere(), { replace: true });
    if (session.state === 'signedIn' && route.name === 'signin') navigate(safeNext(location.search.get('next')), { replace: true });
  }, [session.state, route.name, location.search]);

  const onSignedIn = useCallback((user: SessionUser) => setSession({ state: 'signedIn', user }), []);

  if (session.state === 'loading')
    return (
      <main id="main" className="centered">
        <p role="status">Checking your session…</p>
      </main>
    );
  if (session.state === 'failed')
    return (
      <main id="main" className="centered">
        <h1>Could not check your session</h1>
        <ErrorNotice error={session.error} />
        <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
          Try again
        </button>
      </main>
    );
  if (session.state === 'signedOut' || route.name === 'signin')
    return session.state === 'signedOut' ? <SignInPage onSignedIn={onSignedIn} /> : null;

  return (
    <SessionContext.Provider value={session.user}>
      <Shell user={session.user} route={route} onSignedOut={() => setSession({ state: 'signedOut' })}>
        <Screen route={route} user={session.user} />
      </Shell>
    </SessionContext.Provider>
  );
}

function Screen({ route, user }: { route: Route; user: SessionUser }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'search':
      return <SearchPage />;
    case 'entity':
      return <EntityPage id={route.id} />;
    case 'alerts':
      return <AlertsPage />;
    case 'alert':
      return <AlertReviewPage id={route.id} user={user} />;
    case 'customers':
      return <CustomersPage user={user} />;
    case 'batch':
      return <BatchPage />;
    case 'case':
      return <CaseReviewPage id={route.id} user={user} />;
    case 'payments':
      return <PaymentsPage />;
    case 'payment':
      return <PaymentPage id={route.id} />;
    case 'trade':
      return <TradePage />;
    case 'ownership':
      return <OwnershipPage />;
    case 'ownershipNode':
      return <OwnershipNodePage id={route.id} />;
    case 'network':
      return <NetworkPage />;
    case 'lists':
      return <ListsPage />;
    case 'audit':
      return <AuditPage />;
    case 'users':
      return <UsersPage user={user} />;
    case 'signin':
      return null;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

/**
 * The main navigation, in groups drawn apart: the analyst's daily work, what is screened, what is
 * investigated, and the lists and their keeping. `acrossTenants`: the page covers every tenant (the audit
 * trail), so a user of one tenant is not offered it.
 */
const NAV: {
  label: string;
  to: string;
  routes: Route['name'][];
  group: 'work' | 'screen' | 'investigate' | 'keep';
  adminOnly?: boolean;
  acrossTenants?: boolean;
}[] = [
  { label: 'Dashboard', to: paths.dashboard(), routes: ['dashboard'], group: 'work' },
  { label: 'Search', to: paths.search(), routes: ['search', 'entity'], group: 'work' },
  { label: 'Alerts', to: paths.alerts(), routes: ['alerts', 'alert', 'case'], group: 'work' },
  // Monitored customers and batch jobs are the tenant's own, as alerts are (issue 16, point 6).
  { label: 'Customers', to: paths.customers(), routes: ['customers'], group: 'work' },
  { label: 'Batch', to: paths.batch(), routes: ['batch'], group: 'screen' },
  // Screened payments: for analysts and admins, as every user of the app is (clients use API keys only).
  { label: 'Payments', to: paths.payments(), routes: ['payments', 'payment'], group: 'screen' },
  // Shipments screened here are kept as screenings of the user's tenant, as the API keeps them.
  { label: 'Trade', to: paths.trade(), routes: ['trade'], group: 'screen' },
  // Ownership files are the tenant's own data, as customers are: every user sees their tenant's.
  { label: 'Ownership', to: paths.ownership(), routes: ['ownership', 'ownershipNode'], group: 'investigate' },
  // Facilitator discovery in a transactions file the user uploads: ranked in the request, nothing stored.
  { label: 'Network', to: paths.network(), routes: ['network'], group: 'investigate' },
  { label: 'Lists', to: paths.lists(), routes: ['lists'], group: 'keep' },
  { label: 'Audit', to: paths.audit(), routes: ['audit'], group: 'keep', acrossTenants: true },
  { label: 'Users', to: paths.users(), routes: ['users'], group: 'keep', adminOnly: true },
];

function Shell({ user, route, onSignedOut, children }: { user: SessionUser; route: Route; onSignedOut: () => void; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const [signOutError, setSignOutError] = useState<unknown>();
  const path = useLocation().pathname;
  const first = useRef(true);

  // After a navigation, focus the new screen's heading (or the main region) — not on the first load. A
  // screen whose first act is typing (Search, issue 16 point 8) marks its field `data-autofocus`: the
  // focus goes there instead, so the heading does not take it back from the field.
  // On a phone the navigation is one row scrolled sideways: the current page's link is brought into it.
  useEffect(() => {
    const current = document.querySelector<HTMLElement>('.nav [aria-current="page"]');
    const row = current?.closest('ul');
    if (current && row && row.scrollWidth > row.clientWidth)
      row.scrollLeft = Math.max(0, current.offsetLeft - row.offsetLeft - (row.clientWidth - current.offsetWidth) / 2);
  }, [path]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    const field = main?.querySelector<HTMLElement>('[data-autofocus]');
    if (field) {
      field.focus();
      return;
    }
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }, [path]);

  const onSignOut = async () => {
    setSignOutError(undefined);
    try {
      await signOut();
    } catch (error) {
      setSignOutError(error);
      return;
    }
    navigate(paths.signin());
    onSignedOut();
  };

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={paths.dashboard()} className="brand">
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>{' '}
            Embargo
          </Link>
          <div className="user-box">
            <span className="user-box__who">
              <span className="user-box__label">Signed in as </span>
              <strong>{user.username}</strong> <span className="badge badge--neutral">{user.role}</span>
              {user.tenant !== null && <span className="badge badge--neutral">tenant {user.tenant}</span>}
            </span>
            <button type="button" className="button button--secondary button--small" onClick={onSignOut}>
              Sign out
            </button>
          </div>
          <nav aria-label="Main" className="nav">
            <ul>
              {NAV.filter((n) => (!n.adminOnly || user.role === 'admin') && (!n.acrossTenants || user.tenant === null)).map(
                (n, i, shown) => (
                  <li key={n.to} className={i > 0 && shown[i - 1].group !== n.group ? 'nav__item nav__item--group-start' : 'nav__item'}>
                    <Link to={n.to} className="nav__link" aria-current={n.routes.includes(route.name) ? 'page' : undefined}>
                      {n.label}
                    </Link>
                  </li>
                ),
              )}
            </ul>
          </nav>
        </div>
      </header>
      {signOutError !== undefined && (
        <div className="page">
          <ErrorNotice error={signOutError} title="Could not sign out:" />
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        {children}
      </main>
      <footer className="app-footer">
        <div className="page">Embargo — sanctions screening. Every decision is kept in the audit trail.</div>
      </footer>
    </>
  );
}
