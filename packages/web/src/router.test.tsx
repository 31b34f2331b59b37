// @vitest-environment jsdom
/**
 * The router: paths to routes (ids with ':' and '.' encoded and decoded), the safe return path after
 * sign-in, and links that change the screen without a page load.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Link, matchRoute, navigate, paths, safeNext, useLocation } from './router';

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/'));

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'dashboard' }],
    ['/screen', { name: 'search' }],
    // The server answers /search itself (the yente-compatible API), so the app's Search page is not there.
    ['/search', { name: 'notFound', path: '/search' }],
    ['/alerts', { name: 'alerts' }],
    ['/alerts/', { name: 'alerts' }],
    ['/customers', { name: 'customers' }],
    ['/batch', { name: 'batch' }],
    ['/lists', { name: 'lists' }],
    ['/audit', { name: 'audit' }],
    ['/users', { name: 'users' }],
    ['/signin', { name: 'signin' }],
    ['/entities/ofac%3A22603', { name: 'entity', id: 'ofac:22603' }],
    ['/entities/un:KPi.057', { name: 'entity', id: 'un:KPi.057' }],
    ['/alerts/01HZX4K2Q7', { name: 'alert', id: '01HZX4K2Q7' }],
    ['/payments', { name: 'payments' }],
    ['/payments/01JPAY0001', { name: 'payment', id: '01JPAY0001' }],
    ['/ownership', { name: 'ownership' }],
    ['/ownership/nodes/csv%3Aacme', { name: 'ownershipNode', id: 'csv:acme' }],
    ['/ownership/nodes', { name: 'notFound', path: '/ownership/nodes' }],
    ['/entities/%E0%A4%A', { name: 'notFound', path: '/entities/%E0%A4%A' }],
    ['/entities/a/b', { name: 'notFound', path: '/entities/a/b' }],
    ['/settings', { name: 'notFound', path: '/settings' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('reads back the ids it encodes', () => {
    for (const id of ['ofac:22603', 'un:KPi.057', 'uk:12345', 'odd/id with space']) {
      expect(paths.entity(id)).not.toMatch(/:/);
      expect(matchRoute(paths.entity(id))).toEqual({ name: 'entity', id });
      expect(matchRoute(paths.alert(id))).toEqual({ name: 'alert', id });
      expect(matchRoute(paths.payment(id))).toEqual({ name: 'payment', id });
      expect(matchRoute(paths.ownershipNode(id))).toEqual({ name: 'ownershipNode', id });
    }
  });
});

describe('safeNext', () => {
  it('returns to app paths only', () => {
    expect(safeNext('/alerts?status=open')).toBe('/alerts?status=open');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/signin')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(paths.dashboard()).toBe('/');
  });
});

function Where() {
  const { pathname, search } = useLocation();
  return (
    <p data-testid="where">
      {pathname}
      {search.toString() ? `?${search}` : ''}
    </p>
  );
}

describe('Link and navigate', () => {
  it('a plain click pushes the path and re-renders, back pops it', async () => {
    render(
      <>
        <Link to={paths.entity('un:KPi.057')}>JANG SUNG NAM</Link>
        <Where />
      </>,
    );
    const link = screen.getByRole('link', { name: 'JANG SUNG NAM' });
    expect(link.getAttribute('href')).toBe('/entities/un%3AKPi.057');
    fireEvent.click(link);
    expect(screen.getByTestId('where').textContent).toBe('/entities/un%3AKPi.057');
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(screen.getByTestId('where').textContent).toBe('/');
  });

  it('leaves a modified click (new tab) to the browser', () => {
    render(<Link to="/alerts">Alerts</Link>);
    // Seen after the app's handler: whether it took the click over; then jsdom is kept from "opening a tab".
    let takenOver: boolean | undefined;
    const observe = (e: Event) => {
      takenOver = e.defaultPrevented;
      e.preventDefault();
    };
    window.addEventListener('click', observe);
    screen.getByRole('link').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    window.removeEventListener('click', observe);
    expect(takenOver).toBe(false);
    expect(window.location.pathname).toBe('/');
  });

  it('navigate() carries the query string and can replace the entry', () => {
    render(<Where />);
    const before = window.history.length;
    act(() => navigate('/alerts?status=open', { replace: true }));
    expect(screen.getByTestId('where').textContent).toBe('/alerts?status=open');
    expect(window.history.length).toBe(before);
  });
});
