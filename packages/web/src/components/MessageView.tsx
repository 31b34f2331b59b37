/**
 * @module components/MessageView
 * A payment message as received, monospaced, with the stretch each hit points at marked and labelled with
 * the hit's number (a link to the hit in the list beside it). Long lines wrap inside the box, so a
 * 35-character MT line and a deeply indented XML element both fit a phone.
 */
import { highlightedSegments, type HitMark } from '../text/message-highlights';

/** The id of a hit's entry in the hit list, which the labels link to. */
export const hitAnchor = (hit: number) => `hit-${hit}`;

export function MessageView({ text, marks, label }: { text: string; marks: readonly HitMark[]; label: string }) {
  const segments = highlightedSegments(text, marks);
  return (
    // Focusable so that a keyboard can scroll it when it is taller than the screen.
    <pre className="message" tabIndex={0} aria-label={label}>
      {segments.map((s, i) =>
        s.hits.length === 0 ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} className="message__hit" title={`Hit ${s.hits.join(', ')}`}>
            {s.labels.map((hit) => (
              <a key={hit} className="message__label" href={`#${hitAnchor(hit)}`}>
                <span className="visually-hidden">hit </span>
                {hit}
              </a>
            ))}
            {s.text}
          </mark>
        ),
      )}
    </pre>
  );
}
