/**
 * @module pages/EntityPage
 * `/entities/:id`: everything the lists say about one record (`GET /v1/entities/:id`): its names (weak
 * aliases marked "weak", names in other scripts marked with their script), identity, identifiers,
 * addresses, programmes with their legal authority and listing dates and the first stored publication that
 * listed it ("listed since", history included), remarks, every other field the
 * list gave, its status under each ownership regime with the proof, its ownership chain drawn in layers and
 * its exposure to designated persons (`GET /v1/ownership/nodes/:id`, `GET /v1/entities/:id/exposure`),
 * its relationships as a graph and a list, the same party on other lists, the publications
 * that listed it, and the record as served (collapsible).
 */
import { getEntity } from '../api/embargo';
import type { CrossListLink, Entity, EntityRef, EntityResponse, Statement } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { OwnershipPanels } from '../components/OwnershipAndControl';
import { RelationshipGraph } from '../components/RelationshipGraph';
import { StatementValue } from '../components/StatementValue';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { NAME_PROPERTIES, NOTE_PROPERTIES, PROFILE_SECTIONS, SANCTIONS_PROPERTIES, propertyLabel } from '../text/entity-fields';
import { linkEvidenceSentence, type LinkEvidence } from '../text/link-words';
import { isNonLatin, scriptName } from '../text/match-words';
import { readRemark } from '../text/remark-reading';
import { useResource } from '../use-resource';

export function EntityPage({ id }: { id: string }) {
  const { data, error, loading } = useResource((signal) => getEntity(id, signal), [id]);
  const entity = data?.entity;
  usePageTitle(entity?.caption ?? id);
  // One heading element throughout, so the focus the shell puts on it survives the record loading.
  return (
    <article className="profile">
      <header className="profile__header">
        <h1>{entity?.caption ?? `Record ${id}`}</h1>
        {entity && (
          <p className="profile__meta">
            <span className="badge badge--neutral">{entity.schema}</span> <span>{entity.source}</span> ·{' '}
            <span className="id">{entity.id}</span>
          </p>
        )}
      </header>
      <ErrorNotice error={error} />
      {loading && !data && <p role="status">Loading the record…</p>}
      {data && <Profile response={data} />}
    </article>
  );
}

function Profile({ response }: { response: EntityResponse }) {
  const { entity, relationships, links, publications } = response;
  const shown = new Set<string>([
    ...NAME_PROPERTIES,
    ...SANCTIONS_PROPERTIES,
    ...NOTE_PROPERTIES,
    ...PROFILE_SECTIONS.flatMap((s) => s.properties),
  ]);
  const others = Object.keys(entity.properties).filter((p) => !shown.has(p) && (entity.properties[p]?.length ?? 0) > 0);
  return (
    <>
      <div className="profile__grid">
        <section aria-labelledby="names-title" className="panel profile__names">
          <h2 id="names-title">Names</h2>
          <NamesTable entity={entity} />
        </section>

        <section aria-labelledby="sanctions-title" className="panel">
          <h2 id="sanctions-title">Sanctions</h2>
          <Sanctions entity={entity} listedSince={response.listedSince} />
        </section>

        {PROFILE_SECTIONS.map((section) => {
          const present = section.properties.filter((p) => (entity.properties[p]?.length ?? 0) > 0);
          if (present.length === 0) return null;
          return (
            <section key={section.title} aria-label={section.title} className="panel">
              <h2>{section.title}</h2>
              <PropertyList entity={entity} properties={present} />
            </section>
          );
        })}

        {others.length > 0 && (
          <section aria-labelledby="other-title" className="panel">
            <h2 id="other-title">Other details</h2>
            <PropertyList entity={entity} properties={others} />
          </section>
        )}
      </div>

      {NOTE_PROPERTIES.some((p) => entity.properties[p]?.length) && (
        <Remarks entity={entity} shownElsewhere={relationships.map((r) => r.sourceText)} />
      )}

      <OwnershipPanels id={entity.id} />

      <section aria-labelledby="relationships-title" className="panel">
        <h2 id="relationships-title">Relationships</h2>
        <RelationshipGraph center={{ id: entity.id, caption: entity.caption, schema: entity.schema }} relationships={relationships} />
      </section>

      <div className="profile__grid">
        <section aria-labelledby="links-title" className="panel">
          <h2 id="links-title">Same party on other lists</h2>
          {links.length === 0 ? (
            <p className="muted">No record on another list shares an identifier, or a name and birth date, with this one.</p>
          ) : (
            <ul className="plain-list">
              {linksByRecord(links).map(({ other, evidence }) => (
                <li key={other.id}>
                  <Link to={paths.entity(other.id)}>{other.caption ?? other.id}</Link> <span className="muted id">{other.id}</span>
                  <div className="muted">{linkEvidenceSentence(evidence, { self: entity.caption, other: other.caption })}</div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="publications-title" className="panel">
          <h2 id="publications-title">Publications</h2>
          {publications.length === 0 ? (
            <p className="muted">No stored publication lists this record.</p>
          ) : (
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Published</th>
                  <th scope="col">In force</th>
                </tr>
              </thead>
              <tbody>
                {publications.map((p) => (
                  <tr key={p.id}>
                    <td>{p.source}</td>
                    <td>{p.published ?? 'undated'}</td>
                    <td>{p.current ? <span className="badge badge--ok">current</span> : <span className="muted">earlier</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section aria-labelledby="source-title" className="panel">
        <h2 id="source-title">Source record</h2>
        <details className="raw">
          <summary>Show the record as the server holds it (JSON)</summary>
          <pre tabIndex={0} aria-label="Source record as JSON">
            {JSON.stringify(entity, null, 2)}
          </pre>
        </details>
      </section>
    </>
  );
}

/**
 * The server gives one link per reason; a record linked by a passport and by name and birth date is one
 * record on the other list, listed once with all its evidence.
 */
function linksByRecord(links: readonly CrossListLink[]): { other: EntityRef; evidence: LinkEvidence[] }[] {
  const byId = new Map<string, { other: EntityRef; evidence: LinkEvidence[] }>();
  for (const l of links) {
    const entry = byId.get(l.other.id) ?? { other: l.other, evidence: [] };
    entry.evidence.push({ reason: l.reason, value: l.value });
    byId.set(l.other.id, entry);
  }
  return [...byId.values()];
}

/**
 * The remark once: the sanctions treatment, then what no field of the profile shows; the remark as the
 * list writes it on demand, when some of it was read into fields (issue 16 point 7).
 */
function Remarks({ entity, shownElsewhere }: { entity: Entity; shownElsewhere: readonly string[] }) {
  const { treatment, unread, raw, partlyRead } = readRemark(entity, shownElsewhere);
  return (
    <section aria-labelledby="notes-title" className="panel">
      <h2 id="notes-title">Remarks</h2>
      {treatment.length > 0 && (
        <div className="notes">
          <h3>{propertyLabel('sanctionsNote')}</h3>
          <ul className="notes__items">
            {treatment.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </div>
      )}
      {unread.length > 0 && (
        <div className="notes">
          {(treatment.length > 0 || partlyRead) && <h3>{partlyRead ? 'Also in the remark' : propertyLabel('notes')}</h3>}
          {unread.map((t, i) => (
            <p key={i}>{t}</p>
          ))}
        </div>
      )}
      {partlyRead && (
        <details className="notes__raw">
          <summary>The remark as the list writes it</summary>
          {raw.map((t, i) => (
            <p key={i}>{t}</p>
          ))}
        </details>
      )}
    </section>
  );
}

function NamesTable({ entity }: { entity: Entity }) {
  const rows = NAME_PROPERTIES.flatMap((p) => (entity.properties[p] ?? []).map((s) => ({ property: p, statement: s })));
  if (rows.length === 0) return <p className="muted">The record has no names.</p>;
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ property, statement: s }, i) => {
          const weak = property === 'weakAlias' || s.weak;
          const parts = s.parts && namePartsText(s.parts);
          return (
            <tr key={i}>
              <td className="name" lang={scriptLang(s.script)}>
                {s.value}
              </td>
              <td>
                {propertyLabel(property === 'weakAlias' ? 'alias' : property)}
                {weak && (
                  <>
                    {' '}
                    <span className="badge badge--warning" title="The list marks this name as low quality">
                      weak
                    </span>
                  </>
                )}
                {isNonLatin(s.script) && (
                  <>
                    {' '}
                    <span className="badge badge--script">{scriptName(s.script!)}</span>
                  </>
                )}
              </td>
              <td className="muted">
                {[s.note, parts, s.original && s.original !== s.value ? `list: “${s.original}”` : ''].filter(Boolean).join('; ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function namePartsText(parts: NonNullable<Statement['parts']>): string {
  const named = [
    parts.family && `family: ${parts.family}`,
    parts.given && `given: ${parts.given}`,
    parts.middle && `middle: ${parts.middle}`,
    parts.patronymic && `patronymic: ${parts.patronymic}`,
  ].filter(Boolean);
  if (named.length) return named.join(', ');
  return parts.ordered?.length ? `parts: ${parts.ordered.join(' | ')}` : '';
}

/** A language tag for names in scripts whose glyphs differ by language (Han), so they render right. */
function scriptLang(script: string | undefined): string | undefined {
  return script === 'Hang' ? 'ko' : script === 'Hani' ? 'zh' : undefined;
}

function Sanctions({ entity, listedSince }: { entity: Entity; listedSince: EntityResponse['listedSince'] }) {
  const programmes = entity.properties.program ?? [];
  const present = SANCTIONS_PROPERTIES.filter((p) => p !== 'program' && entity.properties[p]?.length);
  return (
    <dl className="facts">
      <div>
        <dt>Listed since</dt>
        <dd>
          {listedSince ? (
            <>
              {listedSince.published ?? 'an undated publication'}{' '}
              <span className="muted">
                (the first stored {listedSince.source} publication listing it, #{listedSince.id})
              </span>
            </>
          ) : (
            <span className="muted">no stored publication lists it</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Programmes</dt>
        <dd>
          {programmes.length === 0 ? (
            <span className="muted">none stated</span>
          ) : (
            programmes.map((s, i) => (
              <span key={i} className="badge badge--accent">
                {s.value}
              </span>
            ))
          )}
        </dd>
      </div>
      {present.map((p) => (
        <div key={p}>
          <dt>{propertyLabel(p)}</dt>
          <dd>
            <StatementValues property={p} statements={entity.properties[p]!} />
          </dd>
        </div>
      ))}
      {!entity.properties.authority?.length && (
        <div>
          <dt>Legal authority</dt>
          <dd className="muted">not stated by the list</dd>
        </div>
      )}
    </dl>
  );
}

function PropertyList({ entity, properties }: { entity: Entity; properties: string[] }) {
  return (
    <dl className="facts">
      {properties.map((p) => (
        <div key={p}>
          <dt>{propertyLabel(p)}</dt>
          <dd>
            <StatementValues property={p} statements={entity.properties[p] ?? []} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function StatementValues({ property, statements }: { property: string; statements: Statement[] }) {
  if (statements.length === 1) return <StatementValue property={property} statement={statements[0]} />;
  return (
    <ul className="plain-list">
      {statements.map((s, i) => (
        <li key={i}>
          <StatementValue property={property} statement={s} />
        </li>
      ))}
    </ul>
  );
}
