/**
 * @module components/OwnershipAndControl
 * A party's status under each regime (OFAC, EU, UK) with the aggregate its designated owners hold and the
 * proof as the server prints it ("X 30% + Y 25% of ACME = 55% ≥ 50% ⇒ ACME blocked (OFAC FAQ 401)"),
 * then its ownership chain drawn in layers (`OwnershipChain`). `OwnershipAndControl` shows an answer of
 * `GET /v1/ownership/nodes/:id`; `OwnershipPanels` asks for it and adds the exposure panel (the entity
 * page's sections).
 * @example <OwnershipPanels id="ofac:22606" />
 */
import { ApiError } from '../api/client';
import { getOwnershipNode } from '../api/embargo';
import type { NodeRegimeStatus, OwnershipNodeResponse } from '../api/types';
import { OWNERSHIP_REGIMES } from '../api/types';
import { REGIME_NAMES, REGIME_RULES } from '../text/ownership-words';
import { useResource } from '../use-resource';
import { ErrorNotice } from './ErrorNotice';
import { ExposurePanel } from './ExposurePanel';
import { OwnershipChain } from './OwnershipChain';
import { OwnershipStatusBadge } from './OwnershipStatusBadge';

export function OwnershipAndControl({ response }: { response: OwnershipNodeResponse }) {
  const { node, statuses, chain } = response;
  const byRegime = new Map(statuses.map((s) => [s.regime, s]));
  return (
    <>
      <ul className="plain-list regime-statuses" aria-label="Status per regime">
        {OWNERSHIP_REGIMES.map((regime) => (
          <RegimeStatus key={regime} status={byRegime.get(regime) ?? { regime, status: 'none', proof: [] }} />
        ))}
      </ul>
      <h3>Ownership chain</h3>
      <OwnershipChain centerId={node.id} chain={chain} />
    </>
  );
}

function RegimeStatus({ status }: { status: NodeRegimeStatus }) {
  const { regime } = status;
  return (
    <li className="regime-status">
      <div className="regime-status__head">
        <OwnershipStatusBadge regime={regime} status={status.status} aggregate={status.aggregate} />
        <span className="muted regime-status__rule">{REGIME_RULES[regime]}</span>
      </div>
      {status.proof.length > 0 ? (
        <ol className="proof" aria-label={`Proof under ${REGIME_NAMES[regime]}`}>
          {status.proof.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      ) : (
        status.status === 'none' && <p className="muted regime-status__none">Not blocked on the facts loaded.</p>
      )}
    </li>
  );
}

/** The names of the parties in a chain, for the exposure paths that name them by id. */
export function chainNames(response: OwnershipNodeResponse | undefined): Map<string, string> {
  return new Map((response?.chain.nodes ?? []).map((n) => [n.id, n.name]));
}

/**
 * The entity page's two panels for a listed record: "Ownership and control" and "Exposure to designated
 * persons". A 404 means neither the lists nor the loaded files know the id as a party of the graph.
 */
export function OwnershipPanels({ id }: { id: string }) {
  const { data, error, loading } = useResource((signal) => getOwnershipNode(id, signal), [id]);
  const unknown = error instanceof ApiError && error.status === 404;
  return (
    <>
      <section aria-labelledby="ownership-title" className="panel">
        <h2 id="ownership-title">Ownership and control</h2>
        {unknown ? (
          <p className="muted">Neither the lists in force nor the loaded ownership files state an owner or a holding of this record.</p>
        ) : (
          <ErrorNotice error={error} />
        )}
        {loading && !data && <p role="status">Loading ownership and control…</p>}
        {data && <OwnershipAndControl response={data} />}
      </section>
      <section aria-labelledby="exposure-title" className="panel">
        <h2 id="exposure-title">Exposure to designated persons</h2>
        <ExposurePanel id={id} names={chainNames(data)} />
      </section>
    </>
  );
}
