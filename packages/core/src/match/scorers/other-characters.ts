/**
 * @module match/scorers/other-characters
 */
import { dominantScript } from '../../text/scripts/detect.js';
import { romanizeHan } from '../../text/scripts/han.js';
import { BELOW_THRESHOLD, type MatchContext, type ScorerOutcome } from './context.js';

/** Scripts whose characters are syllables: one character more or less alike in Latin is another name. */
const SYLLABIC = new Set(['Hani', 'Hang']);

const NOT_A_LETTER = /[^\p{L}\p{N}]/gu;

/** A character's sound: a Chinese character's pinyin (习 and 習 are both xi), any other character itself. */
function soundOf(character: string, script: string): string {
  return script === 'Hani' && /\p{Script=Han}/u.test(character) ? (romanizeHan(character)[0] ?? character) : character;
}

/**
 * The query and the listed name are written in the same syllabic script, as many characters long, and a
 * character of one stands where the other has a character of another sound: 习近朋 (Xi Jinpeng) is not
 * 习近平 (Xi Jinping), nor 김종은 (Kim Jong-eun) 김정은 (Kim Jeong-eun), however alike their Latin readings.
 * A character of the same sound (习 and 習, a simplified and a traditional form; a homophone typed in its
 * place) is no conflict. The score stays below the threshold: shown, but no alert.
 */
export function scoreOtherCharacters(ctx: MatchContext): ScorerOutcome | null {
  const script = ctx.queryForm.script;
  if (!SYLLABIC.has(script)) return null;
  const listedOriginal = ctx.name.form.original;
  if (dominantScript(listedOriginal) !== script) return null;
  const query = [...ctx.queryForm.original.replace(NOT_A_LETTER, '')];
  const listed = [...listedOriginal.replace(NOT_A_LETTER, '')];
  if (query.length !== listed.length) return null;
  for (let i = 0; i < query.length; i++) {
    if (query[i] === listed[i]) continue;
    const [a, b] = [soundOf(query[i], script), soundOf(listed[i], script)];
    if (a !== b)
      return {
        value: 1,
        detail: `the query writes ${query[i]} (${a}) where the listed name writes ${listed[i]} (${b}): another name`,
        ceiling: ctx.threshold - BELOW_THRESHOLD,
      };
  }
  return null;
}
