/**
 * @module components/MatchExplanation
 * Why a listed record matched, in plain words: which query name aligned with which listed name (and in
 * which script and romanisation), each pair of words and how they matched, what each scorer did to
 * the score ("raised … by 5 percentage points", "lowered … by 30"; text/score-effects.ts: only what changed
 * the final score, by how much it did), and the verdict against the alert
 * threshold. Used on the search results and on the alert review.
 * @example <MatchExplanation explanation={match.explanation} score={match.score} />
 */
import type { MatchExplanation as Explanation } from '../api/types';
import { percent } from '../text/format';
import { linkEvidenceWords } from '../text/link-words';
import { describeReading, describeTokenMatch, isNonLatin, NAME_PROPERTY_WORDS, tokenMatchLabel } from '../text/match-words';
import { effectSentence, scoreEffects } from '../text/score-effects';

export interface MatchExplanationProps {
  explanation: Explanation;
  /** The match's final score, for the verdict. */
  score: number;
  /** Level of the section headings, to fit the page's outline (default 3). */
  headingLevel?: 2 | 3 | 4;
}

const EFFECT_ICON = { base: '●', raised: '▲', lowered: '▼', capped: '⊤', none: '–' } as const;

export function MatchExplanation({ explanation: e, score, headingLevel = 3 }: MatchExplanationProps) {
  const H = `h${headingLevel}` as 'h3';
  const alerting = score >= e.threshold;
  const queryScript = isNonLatin(e.query.script) ? ` (${describeReading(e.query.script, e.query.reading)})` : '';
  const listedScript = isNonLatin(e.matched.script) ? ` (${describeReading(e.matched.script, e.matched.reading)})` : '';
  const property = NAME_PROPERTY_WORDS[e.matched.property] ?? e.matched.property;
  // A cap the score never reached, or a bonus on a score already at 100%, is not a move (issue 16 point 3).
  const effects = scoreEffects(e.scorers, score);
  const moved = effects.filter((m) => m.kind !== 'none');
  const unmoved = effects.filter((m) => m.kind === 'none');
  return (
    <div className="explanation">
      <p className="explanation__names">
        The query name “<span className="name">{e.query.name}</span>”{queryScript} aligned with the listed {property} “
        <span className="name">{e.matched.name}</span>”{listedScript}
        {e.matched.record && (
          <>
            {' '}
            of <strong>{e.matched.record.id}</strong>, which another list keeps for the same party ({linkEvidenceWords(e.matched.record)})
          </>
        )}
        .
        {e.matched.weak && (
          <>
            {' '}
            <span className="badge badge--warning">weak</span> The list marks this alias as weak (low quality): on its own it is not enough
            to alert.
          </>
        )}
      </p>

      <H className="explanation__heading">Word by word</H>
      {e.tokens.length === 0 ? (
        <p>No words aligned.</p>
      ) : (
        <table className="table table--compact table--stacked explanation__tokens">
          <thead>
            <tr>
              <th scope="col">Query word</th>
              <th scope="col">Listed word</th>
              <th scope="col">How they match</th>
              <th scope="col" className="num">
                Similarity
              </th>
            </tr>
          </thead>
          <tbody>
            {e.tokens.map((t, i) => (
              <tr key={i}>
                <td data-label="Query word">{t.query}</td>
                <td data-label="Listed word">{t.listed}</td>
                <td data-label="How they match">
                  {/* One child: on a phone the row stacks, label beside value (.table--stacked). */}
                  <span>
                    <span className={`kind kind--${t.how.split(',')[0]}`}>{tokenMatchLabel(t.how)}</span>
                    {describeTokenMatch(t.how) && <span className="explanation__how"> — {describeTokenMatch(t.how)}</span>}
                  </span>
                </td>
                <td data-label="Similarity" className="num">
                  {percent(t.similarity)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {e.unmatched.query.length > 0 && (
        <p className="explanation__unmatched">
          Query words not found in the listed name: <strong>{e.unmatched.query.join(', ')}</strong>.
        </p>
      )}
      {e.unmatched.listed.length > 0 && (
        <p className="explanation__unmatched">
          Listed words not in the query: <strong>{e.unmatched.listed.join(', ')}</strong>.
        </p>
      )}

      <H className="explanation__heading">What moved the score</H>
      <ul className="explanation__scorers">
        {moved.map((m) => (
          <li key={m.scorer.name} className={`effect effect--${m.kind}`}>
            <span className="effect__icon" aria-hidden="true">
              {EFFECT_ICON[m.kind]}
            </span>
            {effectSentence(m)}
          </li>
        ))}
      </ul>
      {unmoved.length > 0 && (
        <details className="explanation__unmoved">
          <summary>Also checked, no change to the score ({unmoved.length})</summary>
          <ul>
            {unmoved.map((m) => (
              <li key={m.scorer.name}>{effectSentence(m)}</li>
            ))}
          </ul>
        </details>
      )}
      <p className={`explanation__verdict ${alerting ? 'explanation__verdict--alert' : ''}`}>
        Final score {percent(score)} is {alerting ? 'at or above' : 'below'} the alert threshold of {percent(e.threshold)}:{' '}
        <strong>{alerting ? 'alert' : 'no alert'}</strong>.
      </p>
      <details className="explanation__summary">
        <summary>Summary as recorded</summary>
        <p>{e.summary}</p>
        <p className="muted">Algorithm {e.algorithm}.</p>
      </details>
    </div>
  );
}
