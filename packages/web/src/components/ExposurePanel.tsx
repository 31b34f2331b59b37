/**
 * @module components/ExposurePanel
 * How close a party is to designated persons over every kind of tie (`GET /v1/entities/:id/exposure`):
 * for each designated person within reach, the strongest path (the product of the ties' strengths) step
 * by step — each tie as its source states it, with its kind, share or label, and where it was stated —
 * and the other shortest paths on demand. The first three designated persons show, the rest on request;
 * the depth (most steps) can be changed.
 * @example <ExposurePanel id="csv:acme" names={new Map([['ofac:1', 'X']])} />
 */
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { getExposure } from '../api/embargo';
import type { ExposurePath, ExposureStep, ExposureTarget } from '../api/types';
import { Link } from '../router';
import { percent } from '../text/format';
import { edgeKindWords, partyPath, shareWords, sourceWords } from '../text/ownership-words';
import { useResource } from '../use-resource';
import { ErrorNotice } from './ErrorNotice';

export const DEFAULT_EXPOSURE_DEPTH = 3;
const DEPTHS = [1, 2, 3, 4, 5];
/** Designated persons shown at first, strongest first; the rest on request. */
export const TARGETS_SHOWN = 3;

export interface ExposurePanelProps {
  id: string;
  /** Names of parties known to the page (the ownership chain's), for steps the answer names by id only. */
  names?: ReadonlyMap<string, string>;
}

export function ExposurePanel({ id, names }: ExposurePanelProps) {
  const [depth, setDepth] = useState(DEFAULT_EXPOSURE_DEPTH);
  const [all, setAll] = useState(false);
  const depthId = useId();
  const { data, error, loading } = useResource((signal) => getExposure(id, depth, signal), [id, depth]);
  const known = new Map(names ?? []);
  for (const [k, v] of Object.entries(data?.names ?? {})) known.set(k, v);
  for (const t of data?.targets ?? []) known.set(t.nodeId, t.name);
  const nameOf = (party: string) => known.get(party) ?? party;
  const notFound = error instanceof ApiError && error.status === 404;

  return (
    <div className="exposure">
      <div className="exposure__controls">
        <label htmlFor={depthId}>Steps at most</label>
        <select id={depthId} value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
          {DEPTHS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      {notFound ? <p className="muted">No tie of this party to any other is known.</p> : <ErrorNotice error={error} />}
      {loading && !data && <p role="status">Looking for paths to designated persons…</p>}
      {data && data.targets.length === 0 && (
        <p className="muted">
          No designated person within {depth} step{depth === 1 ? '' : 's'} over any kind of tie (ownership, control, directorship, family,
          association, the lists&apos; links).
        </p>
      )}
      {data && data.targets.length > 0 && (
        <>
          <ol className="exposure__targets" aria-label="Designated persons within reach">
            {(all ? data.targets : data.targets.slice(0, TARGETS_SHOWN)).map((t) => (
              <Target key={t.nodeId} target={t} nameOf={nameOf} />
            ))}
          </ol>
          {data.targets.length > TARGETS_SHOWN && (
            <button type="button" className="button button--secondary button--small" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? `Show the first ${TARGETS_SHOWN} only` : `Show all ${data.targets.length} designated persons within reach`}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function Target({ target, nameOf }: { target: ExposureTarget; nameOf: (id: string) => string }) {
  const others = target.shortest.filter((p) => !samePath(p, target.strongest));
  return (
    <li className="exposure__target">
      <p className="exposure__head">
        <Link to={partyPath(target.nodeId)}>{target.name}</Link> <span className="muted id">{target.nodeId}</span>{' '}
        <span className="badge badge--neutral">
          {target.distance} step{target.distance === 1 ? '' : 's'}
        </span>{' '}
        <span className="badge badge--accent">strongest path {percent(target.strongest.strength)}</span>
      </p>
      <PathSteps path={target.strongest} nameOf={nameOf} label={`Strongest path to ${target.name}`} />
      {others.length > 0 && (
        <details className="exposure__more">
          <summary>
            {others.length} other shortest path{others.length === 1 ? '' : 's'}
          </summary>
          {others.map((p, i) => (
            <PathSteps key={i} path={p} nameOf={nameOf} label={`Shortest path ${i + 1} to ${target.name}`} />
          ))}
        </details>
      )}
    </li>
  );
}

function samePath(a: ExposurePath, b: ExposurePath): boolean {
  return a.steps.length === b.steps.length && a.steps.every((s, i) => s.from === b.steps[i].from && s.to === b.steps[i].to);
}

function PathSteps({ path, nameOf, label }: { path: ExposurePath; nameOf: (id: string) => string; label: string }) {
  return (
    <ol className="exposure__steps" aria-label={label}>
      {path.steps.map((step, i) => (
        <li key={i}>
          <StepWords step={step} nameOf={nameOf} />
          <div className="exposure__evidence muted">{sourceWords(step.edge.source)}</div>
        </li>
      ))}
    </ol>
  );
}

/** The tie as its source states it: "X owns 30% of ACME", "ACME director of Y (chair)". */
function StepWords({ step, nameOf }: { step: ExposureStep; nameOf: (id: string) => string }) {
  const from = step.edge.from ?? step.from;
  const to = step.edge.to ?? step.to;
  const share = shareWords(step.edge.share);
  const kind = step.edge.kind;
  // A list's link carries the list's words as its label; the evidence below quotes them already.
  const label = step.edge.label && !step.edge.source.text?.includes(step.edge.label) ? step.edge.label : undefined;
  const tie =
    kind === 'ownership'
      ? share
        ? `owns ${share} of`
        : 'owns a share (not stated) of'
      : `${edgeKindWords(kind)}${label ? ` (${label})` : ''}${share ? ` (${share})` : ''}`;
  return (
    <span>
      <Link to={partyPath(from)}>{nameOf(from)}</Link> <span className={`exposure__tie exposure__tie--${kind}`}>{tie}</span>{' '}
      <Link to={partyPath(to)}>{nameOf(to)}</Link>
    </span>
  );
}
