/**
 * A map of work done by a build that later work may reuse, kept between builds (`stratdoc build --watch`):
 * `prune` drops what was not used since the prune before, so a long watch keeps about one build's worth.
 */
export class UsageCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly used = new Set<string>();
  /** Look-ups answered and not answered since the cache was made. */
  hits = 0;
  misses = 0;

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.used.add(key);
      this.hits++;
    } else this.misses++;
    return entry;
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
    this.used.add(key);
  }

  /** Drops the entries not looked up or stored since the last prune. */
  prune(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  clear(): void {
    this.entries.clear();
    this.used.clear();
  }

  /** The keys of the entries kept. */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }
}
