/**
 * @module pages/NotFoundPage
 * A path the app does not know.
 */
import { Link, paths } from '../router';
import { usePageTitle } from '../page-title';

export function NotFoundPage({ path }: { path: string }) {
  usePageTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link to={paths.search()}>Go to search</Link>.
      </p>
    </>
  );
}
