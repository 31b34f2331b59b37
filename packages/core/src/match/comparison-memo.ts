/**
 * @module match/comparison-memo
 * Memory for one query's token comparisons. Listed names repeat the same tokens thousands of times and
 * a query is aligned with ~50 candidate names, so the same (query token, listed token) pair comes up again
 * and again; so do joined neighbours (`Tong`+`Chol`). Here each distinct listed token gets a row in a
 * flat table for the current query, and joined tokens are made once and given ids so that their
 * comparisons are remembered like single tokens'. Profiling on the dev set (2026-11) put a third of
 * matching time in re-joining and re-comparing joined neighbours.
 */
import { nameToken, tokenKeys, type NameForm, type NameToken } from './name-form.js';
import { tokenSimilarity, type SimilarityOptions, type TokenSimilarity } from './token-similarity.js';

/** Query tokens (and the query's joined pairs) with ids below this are remembered; more are compared afresh. */
export const QUERY_TOKEN_SLOTS = 128;
/** Joined listed tokens remembered at most (each is a small object); more are made afresh. */
const MAX_LISTED_JOINS = 1_000_000;

/** Two neighbouring tokens read as one word ('tong' + 'chol' → 'tongchol'). */
export function joinTokens(a: NameToken, b: NameToken, id?: number): NameToken {
  const text = a.text + b.text;
  return nameToken(text, tokenKeys(text), a.role === 'word' || b.role === 'word' ? 'word' : a.role, (a.weight ?? 0) + (b.weight ?? 0), id);
}

/**
 * Similarities depend on the options, so each combination that occurs gets its own cell (a slot of the
 * query's, `OPTION_SLOTS`), numbered here: unwritten vowels (bit 0), an organisation (bit 1), abbreviations
 * (bit 2, only between Latin names, so never with bit 0), and Korean syllables (a person's name, never an
 * organisation's: the unused combination 1|4 = 5). The national readings of a person's name (h for g, French
 * ch, j for y, German spellings of Arabic names) come with no other bit and may come together (a dual national): 12 plus their mask. A Korean
 * person has none of them. Transliterated vowels need no cell: they depend on the query's script alone, the
 * same for all of one query's comparisons, and the memo is cleared between queries.
 */
const OPTION_CELLS = 28;
/**
 * Option combinations remembered per query: a query meets few (a Latin query: persons, organisations,
 * organisations with abbreviations, Korean persons), and a row with a cell for every combination was mostly
 * empty cells to clear and grow, query after query.
 */
const OPTION_SLOTS = 4;
const KOREAN_CELL = 5;
/** An Arabic-script query's written vowels against a Latin name (always with unwritten vowels): 8, or 9 for an organisation. */
const WRITTEN_VOWELS_CELL = 8;
/** National readings of a Latin person's name against a Latin query: 12 + (h for g 1 | French ch 2 | j for y 4 | German Arabic 8). */
const NATIONAL_READING_CELLS = 12;
export function optionBits(options: SimilarityOptions): number {
  if (options.korean) return KOREAN_CELL;
  const national = (options.hForG ? 1 : 0) | (options.frenchCh ? 2 : 0) | (options.germanSpelling ? 4 : 0) | (options.germanArabic ? 8 : 0);
  if (national !== 0) return NATIONAL_READING_CELLS + national;
  if (options.writtenVowels) return WRITTEN_VOWELS_CELL + (options.organisation ? 1 : 0);
  return (options.unwrittenVowels ? 1 : 0) | (options.organisation ? 2 : 0) | (options.abbreviations ? 4 : 0);
}

export class ComparisonMemo {
  /** Listed token id → its row this query (valid when `rowStamp` equals `generation`). */
  private rowOf = new Int32Array(4096);
  private rowStamp = new Uint32Array(4096);
  private generation = 0;
  private rows = 0;
  /**
   * Cells per row this query: room for the query's tokens and as many joined pairs, a cell for each option
   * combination the query has used (OPTION_SLOTS at most; they are numbered as they first occur).
   */
  private stride = 0;
  /** Option combination (`optionBits`) → its slot this query, or -1; combinations past OPTION_SLOTS are not remembered. */
  private readonly slotOfBits = new Int8Array(OPTION_CELLS).fill(-1);
  private slotsUsed = 0;
  /** Query token ids at or above this are compared afresh. */
  private querySlots = 0;
  private cells: (TokenSimilarity | undefined)[] = [];
  private readonly queryJoins = new Map<number, NameToken>();
  private nextQueryJoinId = 0;
  private readonly listedJoins = new Map<number, Map<number, NameToken>>();
  private listedJoinCount = 0;
  private nextListedJoinId: number;

  /**
   * @param listedTokenCount ids below this belong to the listed tokens; joins are numbered after them.
   * @param rememberListedJoins false where listed token ids keep growing (skeletons interned on demand),
   *   so that join ids could collide with them: joined listed tokens are then made afresh, without ids.
   */
  constructor(
    listedTokenCount: number,
    private readonly rememberListedJoins = true,
  ) {
    this.nextListedJoinId = listedTokenCount;
  }

  /** Forgets the previous query's comparisons; the query's own tokens use ids below `queryTokenCount`. */
  startQuery(queryTokenCount: number): void {
    this.generation++;
    this.cells.fill(undefined, 0, this.rows * this.stride);
    this.rows = 0;
    this.queryJoins.clear();
    this.nextQueryJoinId = queryTokenCount;
    this.querySlots = Math.min(QUERY_TOKEN_SLOTS, 2 * queryTokenCount);
    this.stride = this.querySlots * OPTION_SLOTS;
    this.slotOfBits.fill(-1);
    this.slotsUsed = 0;
  }

  /**
   * `tokenSimilarity(queryToken, listedToken, options)`, remembered for this query. `bits`, the options'
   * combination (`optionBits`), can be given by a caller comparing many pairs under the same options.
   */
  similarity(queryToken: NameToken, listedToken: NameToken, options: SimilarityOptions, bits = optionBits(options)): TokenSimilarity {
    const q = queryToken.id;
    const l = listedToken.id;
    if (q === undefined || l === undefined || q >= this.querySlots) return tokenSimilarity(queryToken, listedToken, options);
    let slot = this.slotOfBits[bits];
    if (slot < 0) {
      if (this.slotsUsed === OPTION_SLOTS) return tokenSimilarity(queryToken, listedToken, options);
      slot = this.slotOfBits[bits] = this.slotsUsed++;
    }
    const cell = this.rowFor(l) * this.stride + q * OPTION_SLOTS + slot;
    let sim = this.cells[cell];
    if (sim === undefined) this.cells[cell] = sim = tokenSimilarity(queryToken, listedToken, options);
    return sim;
  }

  /** Two neighbouring query tokens as one, the same object each time this query. */
  joinQuery(a: NameToken, b: NameToken): NameToken {
    if (a.id === undefined || b.id === undefined) return joinTokens(a, b);
    const key = a.id * QUERY_TOKEN_SLOTS + b.id;
    let token = this.queryJoins.get(key);
    if (!token) {
      token = joinTokens(a, b, this.nextQueryJoinId < this.querySlots ? this.nextQueryJoinId++ : undefined);
      this.queryJoins.set(key, token);
    }
    return token;
  }

  /**
   * Tokens j and j+1 of a listed name as one (`joinListed`), kept on the name itself: a name aligned
   * again finds its joins there without the two lookups by token id (6% of screening, profiled 2026-12-07).
   */
  joinListedAt(form: NameForm, j: number): NameToken {
    const joins = (form.joins ??= []);
    return (joins[j] ??= this.joinListed(form.tokens[j], form.tokens[j + 1]));
  }

  /** Two neighbouring listed tokens as one, kept across queries (the list does not change under an index). */
  private joinListed(a: NameToken, b: NameToken): NameToken {
    if (!this.rememberListedJoins || a.id === undefined || b.id === undefined) return joinTokens(a, b);
    // Keyed by one id, then the other: small integers hash fast, a combined key above 2³¹ would not.
    let after = this.listedJoins.get(a.id);
    if (!after) this.listedJoins.set(a.id, (after = new Map()));
    let token = after.get(b.id);
    if (!token) {
      if (this.listedJoinCount >= MAX_LISTED_JOINS) return joinTokens(a, b);
      token = joinTokens(a, b, this.nextListedJoinId++);
      after.set(b.id, token);
      this.listedJoinCount++;
    }
    return token;
  }

  private rowFor(listedId: number): number {
    if (listedId >= this.rowOf.length) this.grow(listedId);
    if (this.rowStamp[listedId] !== this.generation) {
      this.rowStamp[listedId] = this.generation;
      this.rowOf[listedId] = this.rows++;
      // Grown by pushing, so the array stays packed: writing past its end would make it sparse and slow.
      for (let n = this.rows * this.stride - this.cells.length; n > 0; n--) this.cells.push(undefined);
    }
    return this.rowOf[listedId];
  }

  private grow(listedId: number): void {
    const size = Math.max(listedId + 1, this.rowOf.length * 2);
    const rowOf = new Int32Array(size);
    const rowStamp = new Uint32Array(size);
    rowOf.set(this.rowOf);
    rowStamp.set(this.rowStamp);
    this.rowOf = rowOf;
    this.rowStamp = rowStamp;
  }
}
