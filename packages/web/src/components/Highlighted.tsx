/**
 * @module components/Highlighted
 * A name with the given words marked (<mark>), as on the alert review's two sides.
 */
import { highlightSegments } from '../text/highlight';

export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return <>{highlightSegments(text, words).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
