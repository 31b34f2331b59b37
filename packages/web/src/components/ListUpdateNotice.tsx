/**
 * @module components/ListUpdateNotice
 * The admin's red notice on the dashboard (issue 18, point 6): a publisher's last scheduled check was
 * refused (a file cut short, a list that shrank), could not reach it, or failed, or a list was not
 * successfully checked for longer than the server's maximum age. One line per list, with the server's
 * reason, so the admin knows what to fix; the publication in force stays in force meanwhile, which the
 * notice says, so nobody reads it as "screening is down". Others see the flag in the lists table only:
 * the reasons name mirrors and files, which admins act on.
 */
import type { ListCheck } from '../api/types';
import { formatDateTime } from '../text/format';
import { listName } from '../text/list-names';

/** The last check itself failed (otherwise the list is overdue: no success for too long). */
function failed(check: ListCheck): boolean {
  return check.outcome !== null && check.outcome !== 'unchanged' && check.outcome !== 'loaded';
}

function when(check: ListCheck): string {
  if (failed(check) && check.lastCheckedAt) return `checked ${formatDateTime(check.lastCheckedAt)}`;
  return check.lastSuccessAt ? `last checked successfully ${formatDateTime(check.lastSuccessAt)}` : 'never checked successfully';
}

export function ListUpdateNotice({ checks, isAdmin }: { checks: readonly ListCheck[] | undefined; isAdmin: boolean }) {
  const failing = (checks ?? []).filter((c) => c.attention);
  if (!isAdmin || failing.length === 0) return null;
  return (
    <section
      className="notice notice--error list-update-notice"
      aria-labelledby="list-update-notice-title"
      data-testid="list-update-notice"
    >
      <h2 id="list-update-notice-title" className="list-update-notice__title">
        {failing.length === 1 ? 'A list update needs attention' : `${failing.length} list updates need attention`}
      </h2>
      <ul className="list-update-notice__items">
        {failing.map((c) => (
          <li key={c.source} data-testid={`list-update-${c.source}`}>
            <strong>{listName(c.source)}</strong> <span className="badge badge--danger">{failed(c) ? c.outcome : 'overdue'}</span>{' '}
            <span className="muted">{when(c)}:</span>{' '}
            <span className="list-update-notice__reason">{c.attentionReason ?? 'No reason given.'}</span>
          </li>
        ))}
      </ul>
      <p className="list-update-notice__hint">
        The publications in force stay in force and screenings go on against them. The server checks again on its schedule; an admin can
        also load the lists now (POST /v1/lists/update).
      </p>
    </section>
  );
}
