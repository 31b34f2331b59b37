/**
 * @module components/EntityLink
 * A link to a listed record's profile, named by its caption when known and by its id otherwise.
 */
import { Link, paths } from '../router';

export function EntityLink({ id, caption }: { id: string; caption?: string | null }) {
  return (
    <Link to={paths.entity(id)} className="entity-link">
      {caption || id}
    </Link>
  );
}
