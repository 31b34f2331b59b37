/**
 * @module pages/BatchPage
 * `/batch`: screen a file of names, chosen or dropped, as a batch job (`POST /v1/screen/batch`): a CSV with a
 * header row (the columns the CLI reads) or JSON lines, one party per line. While the job runs its progress is polled
 * (`GET /v1/jobs/:id`) and drawn as a progress bar; when it ends its results download as CSV (one row per
 * party and match) or NDJSON (one line per party). Below, the tenant's recent jobs (`GET /v1/jobs`), each
 * with its downloads. A refused file is shown in the server's words, which name the line and field.
 */
import { useEffect, useState } from 'react';
import { getJob, jobResultsPath, listJobs, submitBatch } from '../api/embargo';
import type { Job } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileUploadForm } from '../components/FileUploadForm';
import { JobStatusBadge, JobTable } from '../components/JobTable';
import { usePageTitle } from '../page-title';
import { count } from '../text/format';
import { useResource } from '../use-resource';

/** How often a running job is asked for its progress: often enough to move the bar, rarely enough to cost nothing. */
export const POLL_INTERVAL_MS = 1000;

const finished = (job: Job) => job.status === 'done' || job.status === 'failed';

export function BatchPage() {
  usePageTitle('Batch');
  const jobs = useResource((signal) => listJobs(signal), []);
  const [current, setCurrent] = useState<Job>();

  return (
    <>
      <h1>Batch</h1>
      <p className="lead">
        Screen a whole file of names at once. Each party is screened as a search is; a party with a customer key opens alerts like a
        monitored customer.
      </p>
      <section aria-labelledby="batch-upload-title" className="panel">
        <h2 id="batch-upload-title">Screen a file</h2>
        <BatchUpload
          onSubmitted={(job) => {
            setCurrent(job);
            jobs.reload();
          }}
        />
        {current && <JobProgress key={current.id} initial={current} onFinished={jobs.reload} />}
      </section>
      <section aria-labelledby="batch-jobs-title">
        <h2 id="batch-jobs-title">Recent jobs</h2>
        <ErrorNotice error={jobs.error} />
        {jobs.loading && !jobs.data && <p role="status">Loading the jobs…</p>}
        {jobs.data && jobs.data.jobs.length === 0 && <p className="muted">No batch jobs yet.</p>}
        {jobs.data && jobs.data.jobs.length > 0 && <JobTable jobs={jobs.data.jobs} downloads />}
      </section>
    </>
  );
}

function BatchUpload({ onSubmitted }: { onSubmitted: (job: Job) => void }) {
  return (
    <FileUploadForm
      inputId="batch-file"
      label="File of names"
      accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
      hint={
        <>
          A CSV with a header row (<code>name</code>, and any of <code>customer</code>, <code>type</code>, <code>dob</code>,{' '}
          <code>country</code>, <code>passport</code>) or JSON lines (<code>.jsonl</code>), one party per line:{' '}
          <code>{'{"name": "…", "birthDate": "1970-07-14"}'}</code>. Up to 100,000 parties.
        </>
      }
      submitLabel="Screen the file"
      busyLabel="Sending…"
      failureTitle="The file was not screened:"
      upload={async (file) => {
        const { jobId } = await submitBatch(file, file.name);
        onSubmitted(await getJob(jobId));
      }}
    />
  );
}

/** The job just submitted: polled until it ends, then its downloads. */
function JobProgress({ initial, onFinished }: { initial: Job; onFinished: () => void }) {
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<unknown>();
  const ended = finished(job);

  useEffect(() => {
    if (ended) {
      onFinished();
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJob(job.id, controller.signal).then(
        (next) => {
          setError(undefined);
          setJob(next);
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          // Keep polling after a failed poll (a restart of the server): show why, and ask again.
          setError(e);
          setJob((j) => ({ ...j }));
        },
      );
    }, POLL_INTERVAL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // A new answer (even an equal one after an error) schedules the next poll.
  }, [job]);

  return (
    <div className="job-progress" aria-label="Job progress" role="region">
      <p className="job-progress__title">
        Job <code>{job.id}</code>: <JobStatusBadge job={job} />
      </p>
      <ProgressBar job={job} />
      <p className="muted" aria-live="polite">
        {count(job.completed)} of {count(job.total)} screened · {count(job.alerted)} alert{job.alerted === 1 ? '' : 's'} opened ·{' '}
        {seconds(job.elapsedMs)}
      </p>
      {job.error && <p className="notice notice--error">{job.error}</p>}
      <ErrorNotice error={error} title="Could not read the job’s progress:" />
      {ended && job.status === 'done' && <Downloads job={job} />}
    </div>
  );
}

function ProgressBar({ job }: { job: Job }) {
  const share = job.total === 0 ? 1 : job.completed / job.total;
  return (
    <div
      className={`progress${job.status === 'failed' ? ' progress--failed' : ''}`}
      role="progressbar"
      aria-label={`Job ${job.id}`}
      aria-valuemin={0}
      aria-valuemax={job.total}
      aria-valuenow={job.completed}
      aria-valuetext={`${count(job.completed)} of ${count(job.total)} parties screened`}
    >
      <div className="progress__fill" style={{ width: `${Math.round(share * 1000) / 10}%` }} />
    </div>
  );
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function Downloads({ job }: { job: Job }) {
  return (
    <p className="actions downloads">
      <a className="button button--secondary" href={jobResultsPath(job.id, 'csv')} download={`embargo-job-${job.id}.csv`}>
        Download CSV
      </a>
      <a className="button button--secondary" href={jobResultsPath(job.id, 'ndjson')} download={`embargo-job-${job.id}.ndjson`}>
        Download NDJSON
      </a>
    </p>
  );
}
