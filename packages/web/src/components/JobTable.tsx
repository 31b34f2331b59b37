/**
 * @module components/JobTable
 * Batch jobs (`GET /v1/jobs`, and the dashboard's last ones), the same on the batch page and the dashboard:
 * when each was submitted, its status (a failed job says why), how many parties it has screened of how
 * many, and the alerts it opened; on the batch page also its results to download. Stacked on a phone.
 *
 * @example
 * <JobTable jobs={data.jobs} downloads />
 */
import { jobResultsPath } from '../api/embargo';
import type { Job } from '../api/types';
import { count, formatDateTime } from '../text/format';

const STATUS_WORDS: Record<Job['status'], { label: string; tone: string }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'accent' },
  done: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function JobStatusBadge({ job }: { job: Job }) {
  const { label, tone } = STATUS_WORDS[job.status];
  return (
    <span className={`badge badge--${tone}`} title={job.error ?? undefined}>
      {label}
    </span>
  );
}

interface Column {
  label: string;
  numeric?: boolean;
}
/** The columns in order; numeric ones align right. On a phone each cell repeats its label (`data-label`). */
const COLUMNS: readonly Column[] = [
  { label: 'Submitted' },
  { label: 'Status' },
  { label: 'Parties', numeric: true },
  { label: 'Alerts', numeric: true },
];
const RESULTS_COLUMN: Column = { label: 'Results' };

/** `downloads`: a column with each job's results as CSV and NDJSON, once it has screened a party. */
export function JobTable({ jobs, downloads = false }: { jobs: Job[]; downloads?: boolean }) {
  return (
    <table className="table table--stacked job-table">
      <thead>
        <tr>
          {(downloads ? [...COLUMNS, RESULTS_COLUMN] : COLUMNS).map(({ label, numeric }) => (
            <th key={label} scope="col" className={numeric ? 'num' : undefined}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid={`job-${job.id}`}>
            <td data-label="Submitted">
              {/* One child: a stacked cell on a phone lays out its children as columns. */}
              <div>
                <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
                <span className="id job-table__id">{job.id}</span>
              </div>
            </td>
            <td data-label="Status">
              <span>
                <JobStatusBadge job={job} />
                {job.error && <span className="muted"> {job.error}</span>}
              </span>
            </td>
            <td data-label="Parties" className="num">
              {job.completed === job.total ? count(job.total) : `${count(job.completed)} of ${count(job.total)}`}
            </td>
            <td data-label="Alerts" className="num">
              {count(job.alerted)}
            </td>
            {downloads && (
              <td data-label="Results">{job.completed > 0 ? <ResultLinks job={job} /> : <span className="muted">none yet</span>}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ResultLinks({ job }: { job: Job }) {
  return (
    <span className="downloads">
      <a href={jobResultsPath(job.id, 'csv')} download={`embargo-job-${job.id}.csv`}>
        CSV
      </a>{' '}
      <a href={jobResultsPath(job.id, 'ndjson')} download={`embargo-job-${job.id}.ndjson`}>
        NDJSON
      </a>
    </span>
  );
}
