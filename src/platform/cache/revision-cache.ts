/**
 * A bounded cache whose entries belong to one revision of the data behind them. When the revision
 * moves on, every entry is dropped, so nothing computed from an older revision is ever returned.
 */
export class RevisionCache<V> {
  private revision = -1;
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  async get(revision: number, key: string, compute: () => Promise<V>): Promise<V> {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      return hit;
    }
    const value = await compute();
    if (this.revision === revision) {
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) {
          this.entries.delete(oldest.value);
        }
      }
      this.entries.set(key, value);
    }
    return value;
  }
}
