/**
 * @module pages/OwnershipNodePage
 * `/ownership/nodes/:id`: one party of the ownership graph (`GET /v1/ownership/nodes/:id`), usually a
 * party from the user's files (`csv:acme`, `bods:…`): what it is, where it was stated, the listed record
 * the screening engine matched it to (with the score and why), its status under each regime with the
 * proof, its ownership chain drawn in layers, and its exposure to designated persons.
 */
import { getOwnershipNode } from '../api/embargo';
import type { OwnershipNode } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExposurePanel } from '../components/ExposurePanel';
import { chainNames, OwnershipAndControl } from '../components/OwnershipAndControl';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { countryName, percent } from '../text/format';
import { sourceWords } from '../text/ownership-words';
import { useResource } from '../use-resource';

export function OwnershipNodePage({ id }: { id: string }) {
  const { data, error, loading } = useResource((signal) => getOwnershipNode(id, signal), [id]);
  const node = data?.node;
  usePageTitle(node?.name ?? id);
  return (
    <article className="profile">
      <p className="breadcrumb">
        <Link to={paths.ownership()}>Back to ownership</Link>
      </p>
      <header className="profile__header">
        <h1>{node?.name ?? `Party ${id}`}</h1>
        {node && (
          <p className="profile__meta">
            {node.schema && <span className="badge badge--neutral">{node.schema}</span>}
            {node.designated && <span className="badge badge--danger">designated</span>} <span className="id">{node.id}</span>
          </p>
        )}
      </header>
      <ErrorNotice error={error} />
      {loading && !data && <p role="status">Loading the party…</p>}
      {data && (
        <>
          <section aria-labelledby="party-title" className="panel">
            <h2 id="party-title">Party</h2>
            <PartyFacts node={data.node} />
          </section>
          <section aria-labelledby="ownership-title" className="panel">
            <h2 id="ownership-title">Ownership and control</h2>
            <OwnershipAndControl response={data} />
          </section>
          <section aria-labelledby="exposure-title" className="panel">
            <h2 id="exposure-title">Exposure to designated persons</h2>
            <ExposurePanel id={data.node.id} names={chainNames(data)} />
          </section>
        </>
      )}
    </article>
  );
}

function PartyFacts({ node }: { node: OwnershipNode }) {
  return (
    <dl className="facts">
      <div>
        <dt>Stated in</dt>
        <dd>{sourceWords(node.source) || <span className="muted">not said</span>}</dd>
      </div>
      {node.countries && node.countries.length > 0 && (
        <div>
          <dt>Countries</dt>
          <dd>{node.countries.map(countryName).join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>Listed record</dt>
        <dd>
          {node.resolvedTo ? (
            <>
              <Link to={paths.entity(node.resolvedTo.recordId)}>{node.resolvedTo.recordId}</Link>{' '}
              <span className="badge badge--accent">match {percent(node.resolvedTo.score)}</span>
              <div className="muted">{node.resolvedTo.reason}</div>
            </>
          ) : (
            <span className="muted">none: the screening engine matched this party to no listed record</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
