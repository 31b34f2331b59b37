/**
 * @module components/AlertSides
 * The two sides of an alert, shown next to each other: the customer's data as screened (the name with
 * the parts that matched marked, birth date, country, identifiers) and the listed record (the name that
 * matched, with the facts worth comparing: birth date, nationality, passport, programmes). Used by the
 * alert review and by each match of a case.
 */
import type { AlertDetail, Entity, MatchExplanation as Explanation } from '../api/types';
import { Highlighted } from './Highlighted';
import { StatementValue } from './StatementValue';
import { Link, paths } from '../router';
import { countryName } from '../text/format';
import { allWordsFound } from '../text/highlight';
import { describeReading, isNonLatin, NAME_PROPERTY_WORDS, readingPhrase } from '../text/match-words';

export function explanationOf(detail: Pick<AlertDetail, 'alert'>): Explanation | undefined {
  const e = detail.alert.match.explanation as Explanation | undefined;
  return e && Array.isArray(e.tokens) && Array.isArray(e.scorers) ? e : undefined;
}

export function PartySide({ party, explanation }: { party: AlertDetail['alert']['party']; explanation?: Explanation }) {
  const name = String(party.name ?? explanation?.query.name ?? '');
  const words = explanation?.tokens.map((t) => t.query) ?? [];
  const showReading = explanation && (isNonLatin(explanation.query.script) || !allWordsFound(name, words));
  return (
    <>
      <p className="big-name">
        <Highlighted text={name} words={words} />
      </p>
      {showReading && (
        <p className="reading">
          {isNonLatin(explanation.query.script) ? readingPhrase(explanation.query.script) : 'Compared as'}:{' '}
          <Highlighted text={explanation.query.reading} words={words} />
        </p>
      )}
      <dl className="facts">
        <Fact label="Type" value={party.schema} />
        <Fact label="Birth date" value={party.birthDate} />
        <Fact label="Country" value={party.country && countryName(String(party.country))} />
        <Fact label="Customer key" value={party.customerKey} />
        {Array.isArray(party.identifiers) && party.identifiers.length > 0 && (
          <div>
            <dt>Identifiers</dt>
            <dd>{party.identifiers.map((i) => (i.type ? `${i.type} ${i.value}` : i.value)).join('; ')}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

export function Fact({ label, value }: { label: string; value: unknown }) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{String(value)}</dd>
    </div>
  );
}

/** Properties of the listed record worth comparing with the party at a glance. */
const COMPARED = ['birthDate', 'nationality', 'citizenship', 'country', 'passportNumber', 'idNumber', 'program'];
const COMPARED_LABELS: Record<string, string> = {
  birthDate: 'Birth date',
  nationality: 'Nationality',
  citizenship: 'Citizenship',
  country: 'Country',
  passportNumber: 'Passport',
  idNumber: 'National ID',
  program: 'Programmes',
};

export function ListedSide({
  entityId,
  caption,
  entity,
  explanation,
  rule,
}: {
  entityId: string;
  caption: string;
  entity: Entity | null;
  explanation?: Explanation;
  /** The payment screening's rule, for an alert raised on a payment's hit. */
  rule?: string;
}) {
  const matchedName = explanation?.matched.name ?? caption;
  const words = explanation?.tokens.map((t) => t.listed) ?? [];
  const showReading = explanation && (isNonLatin(explanation.matched.script) || !allWordsFound(matchedName, words));
  return (
    <>
      <p className="big-name">
        <Highlighted text={matchedName} words={words} />
      </p>
      {explanation && (
        <p className="muted">
          The {NAME_PROPERTY_WORDS[explanation.matched.property] ?? explanation.matched.property}
          {explanation.matched.weak && (
            <>
              {' '}
              <span className="badge badge--warning">weak</span>
            </>
          )}
          {isNonLatin(explanation.matched.script) && ` (${describeReading(explanation.matched.script, explanation.matched.reading)})`}
          {matchedName !== caption && (
            <>
              {' '}
              of <strong>{caption}</strong>
            </>
          )}
        </p>
      )}
      {showReading && !isNonLatin(explanation.matched.script) && (
        <p className="reading">
          Compared as: <Highlighted text={explanation.matched.reading} words={words} />
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Record</dt>
          <dd>
            <Link to={paths.entity(entityId)}>{entity?.caption ?? caption}</Link> <span className="muted id">{entityId}</span>
          </dd>
        </div>
        <Fact label="Rule" value={rule} />
        {entity && <Fact label="Type" value={entity.schema} />}
        {entity &&
          COMPARED.filter((p) => entity.properties[p]?.length).map((p) => (
            <div key={p}>
              <dt>{COMPARED_LABELS[p]}</dt>
              <dd>
                {entity.properties[p]!.map((s, i) => (
                  <span key={i} className="fact-value">
                    <StatementValue property={p} statement={s} />
                  </span>
                ))}
              </dd>
            </div>
          ))}
      </dl>
    </>
  );
}
