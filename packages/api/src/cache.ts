// A small cache for computed aggregates. An entry is valid for one data version (the audit-trail head),
// so a committed write anywhere makes the next read recompute; concurrent readers of a missing entry
// share one computation instead of each running the same scans.
export class VersionedCache {
  private readonly entries = new Map<string, { version: number; value: Promise<unknown> }>();

  constructor(private readonly maxEntries = 256) {}

  get<T>(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Refresh recency for the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { version, value });
    // A failed computation is not cached.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
