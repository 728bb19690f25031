/**
 * A per-key count of events in a sliding window, in this process's memory: for limits on answers that leak a little
 * each time (whether a NIK is taken), where the request itself is legitimate and only the answers are counted.
 * A restart forgets the counts, which only errs on the side of the user.
 */
export class RateWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length > 0) this.hits.set(key, kept);
    else this.hits.delete(key);
    return kept;
  }

  /** True when `key` has used up its events in the window. */
  exhausted(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.max;
  }

  /** Counts one event of `key`. */
  hit(key: string, now = Date.now()): void {
    const kept = this.recent(key, now);
    if (this.hits.size > 100_000) this.hits.clear();
    this.hits.set(key, [...kept, now]);
  }
}
