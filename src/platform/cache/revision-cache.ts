/**
 * A bounded cache whose entries belong to one revision of the data behind them. When the revision
 * moves on, every entry is dropped, so nothing computed from an older revision is ever returned.
 */
export class RevisionCache<V> {
  private revision = -1;
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  async get(revision: number, key: string, compute: () => Promise<V>): Promise<V> {
    this.moveTo(revision);
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      return hit;
    }
    const value = await compute();
    this.keep(revision, key, value);
    return value;
  }

  /**
   * The values of `keys`: those kept, and the others computed together by one call of `computeMissing`
   * (a key it leaves out gets `absent`, kept too).
   */
  async getMany(revision: number, keys: readonly string[], computeMissing: (missing: readonly string[]) => Promise<ReadonlyMap<string, V>>, absent: V): Promise<Map<string, V>> {
    this.moveTo(revision);
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const hit = this.entries.get(key);
      if (hit === undefined) {
        missing.push(key);
      } else {
        found.set(key, hit);
      }
    }
    if (missing.length > 0) {
      const computed = await computeMissing(missing);
      for (const key of missing) {
        const value = computed.get(key) ?? absent;
        found.set(key, value);
        this.keep(revision, key, value);
      }
    }
    return found;
  }

  private moveTo(revision: number): void {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
  }

  private keep(revision: number, key: string, value: V): void {
    if (this.revision !== revision) {
      return;
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.delete(oldest.value);
      }
    }
    this.entries.set(key, value);
  }
}
