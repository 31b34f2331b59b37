/**
 * @module router
 * A small router on the History API: `matchRoute` turns a path into a route (pure), `navigate` pushes a
 * new entry, `useLocation` re-renders on every change, and `<Link>` is a real <a href> that navigates
 * without a page load (a modified click — new tab, new window — is left to the browser). The server
 * answers index.html for every app path, so a reload or a shared link lands on the same screen.
 * @example
 *   matchRoute('/')                       // → { name: 'dashboard' }, the landing page
 *   matchRoute('/entities/ofac%3A22603') // → { name: 'entity', id: 'ofac:22603' }
 *   paths.entity('un:KPi.057')            // → '/entities/un%3AKPi.057'
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'dashboard' }
  | { name: 'search' }
  | { name: 'entity'; id: string }
  | { name: 'alerts' }
  | { name: 'alert'; id: string }
  | { name: 'customers' }
  | { name: 'batch' }
  | { name: 'case'; id: string }
  | { name: 'payments' }
  | { name: 'payment'; id: string }
  | { name: 'trade' }
  | { name: 'ownership' }
  | { name: 'ownershipNode'; id: string }
  | { name: 'network' }
  | { name: 'lists' }
  | { name: 'audit' }
  | { name: 'users' }
  | { name: 'signin' }
  | { name: 'notFound'; path: string };

/** The app's paths; ids are encoded because they contain ':' and '.' (`ofac:22603`, `un:KPi.057`). */
export const paths = {
  /** The landing page after sign-in (issue 16, point 1). */
  dashboard: () => '/',
  // Not `/search`: that path is the API's (the yente-compatible GET /search, see web-app.ts on the server).
  search: () => '/screen',
  entity: (id: string) => `/entities/${encodeURIComponent(id)}`,
  alerts: () => '/alerts',
  alert: (id: string) => `/alerts/${encodeURIComponent(id)}`,
  customers: () => '/customers',
  batch: () => '/batch',
  /** One customer's alerts on one party, worked together (issue 16, point 4). */
  case: (id: string) => `/cases/${encodeURIComponent(id)}`,
  payments: () => '/payments',
  payment: (id: string) => `/payments/${encodeURIComponent(id)}`,
  trade: () => '/trade',
  ownership: () => '/ownership',
  ownershipNode: (id: string) => `/ownership/nodes/${encodeURIComponent(id)}`,
  network: () => '/network',
  lists: () => '/lists',
  audit: () => '/audit',
  users: () => '/users',
  signin: () => '/signin',
};

const STATIC_ROUTES: Record<string, Route> = {
  '/': { name: 'dashboard' },
  '/screen': { name: 'search' },
  '/alerts': { name: 'alerts' },
  '/customers': { name: 'customers' },
  '/batch': { name: 'batch' },
  '/payments': { name: 'payments' },
  '/trade': { name: 'trade' },
  '/ownership': { name: 'ownership' },
  '/network': { name: 'network' },
  '/lists': { name: 'lists' },
  '/audit': { name: 'audit' },
  '/users': { name: 'users' },
  '/signin': { name: 'signin' },
};

/** The routes of one record, by the path's prefix: `/entities/:id` and so on. */
const ID_ROUTES: Record<string, 'entity' | 'alert' | 'case' | 'payment' | 'ownershipNode'> = {
  entities: 'entity',
  alerts: 'alert',
  cases: 'case',
  payments: 'payment',
  'ownership/nodes': 'ownershipNode',
};

/** The route of a pathname (no query string). A trailing slash is ignored; a bad %-escape is not found. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = STATIC_ROUTES[path || '/'];
  if (fixed) return fixed;
  const m = /^\/(entities|alerts|cases|payments|ownership\/nodes)\/([^/]+)$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[2]);
    } catch {
      return { name: 'notFound', path: pathname };
    }
    return { name: ID_ROUTES[m[1]], id };
  }
  return { name: 'notFound', path: pathname };
}

// --- Location as an external store ---------------------------------------------------------------

const NAVIGATE_EVENT = 'embargo:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Pathname and search as one string, so the snapshot compares equal while nothing changed. */
const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

/** The current location; the component re-renders when it changes. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://app.invalid');
  return { pathname: url.pathname, search: url.searchParams };
}

/** Go to an app path (with its query string) without a page load. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** A path within the app only: a `next=` taken from the address bar must not send the user elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : paths.dashboard();
}

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
}

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
