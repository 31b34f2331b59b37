/**
 * @module match/scorers/legal-form
 */
import type { MatchContext, ScorerOutcome } from './context.js';

/**
 * Both names state a legal form and they are of different kinds (a JSC is not an LLC). Generic
 * 'company' forms are compatible with any.
 */
export function scoreLegalFormMismatch(ctx: MatchContext): ScorerOutcome | null {
  const q = ctx.queryForm.legalForms.filter((f) => f !== 'company');
  const c = ctx.listedForm.legalForms.filter((f) => f !== 'company');
  if (q.length === 0 || c.length === 0 || q.some((f) => c.includes(f))) return null;
  return { value: 1, detail: `query is ${q.join('/')}, listed name is ${c.join('/')}` };
}
