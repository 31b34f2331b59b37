/**
 * @module concurrency-limit
 * At most `max` pieces of slow work at once, the rest waiting their turn in arrival order: the argon2
 * verifications of API keys and the comparisons of list publications each take a core's time, which
 * screening must keep.
 * @example const argon2 = new ConcurrencyLimit(2); await argon2.run(() => verify(hash, key));
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  /** Runs `work` once fewer than `max` others are running. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The slot passes to the next one waiting, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
