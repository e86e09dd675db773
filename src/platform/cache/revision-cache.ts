/**
 * A bounded cache whose entries belong to one revision of the data behind them. When the revision
 * moves on, every entry is dropped, so nothing computed from an older revision is ever returned.
 * When it is full, the entry least recently used goes first (nearly: one used again is put last once
 * it has gone half the way to the front). A value being computed is shared: callers that ask for it
 * meanwhile wait for that computation instead of starting their own (the requests of one moment often
 * ask for the same new word or page).
 */
export class RevisionCache<V> {
  private revision = -1;
  private readonly entries = new Map<string, { readonly value: V; readonly at: number }>();
  /** How many entries were put in so far: an entry's `at` says how far it is from the first to go. */
  private puts = 0;
  private readonly pending = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries: number) {}

  async get(revision: number, key: string, compute: () => Promise<V>): Promise<V> {
    this.moveTo(revision);
    const hit = this.hit(key);
    if (hit !== undefined) {
      return hit;
    }
    const computing = this.pending.get(key);
    if (computing !== undefined) {
      return computing;
    }
    return this.track(revision, [key], compute().then((v) => new Map([[key, v]])), undefined).get(key) as Promise<V>;
  }

  /**
   * The values of `keys`: those kept, those being computed, and the others computed together by one
   * call of `computeMissing` (a key it leaves out gets `absent`, kept too).
   */
  async getMany(revision: number, keys: readonly string[], computeMissing: (missing: readonly string[]) => Promise<ReadonlyMap<string, V>>, absent: V): Promise<Map<string, V>> {
    this.moveTo(revision);
    const found = new Map<string, V>();
    const waiting: Array<[string, Promise<V>]> = [];
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const hit = this.hit(key);
      const computing = hit === undefined ? this.pending.get(key) : undefined;
      if (hit !== undefined) {
        found.set(key, hit);
      } else if (computing !== undefined) {
        waiting.push([key, computing]);
      } else {
        missing.push(key);
      }
    }
    if (missing.length > 0) {
      waiting.push(...this.track(revision, missing, computeMissing(missing), absent));
    }
    for (const [key, value] of waiting) {
      found.set(key, await value);
    }
    return found;
  }

  /** Registers the computation of `keys` as pending, and keeps each value once it is there. */
  private track(revision: number, keys: readonly string[], computed: Promise<ReadonlyMap<string, V>>, absent: V | undefined): Map<string, Promise<V>> {
    const each = new Map<string, Promise<V>>();
    for (const key of keys) {
      const value = computed.then((values) => (values.has(key) ? values.get(key) : absent) as V);
      each.set(key, value);
      this.pending.set(key, value);
      value.then((v) => {
        if (this.pending.get(key) === value) {
          this.pending.delete(key);
          this.keep(revision, key, v);
        }
      }, () => {
        if (this.pending.get(key) === value) {
          this.pending.delete(key);
        }
      });
    }
    return each;
  }

  private hit(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) {
      return undefined;
    }
    // Used again once past half the way to the front: put last. Not at every use, which for a cache of
    // words asked many times a request costs more than it saves (a Map's delete and set each time).
    if (this.puts - hit.at > this.maxEntries / 2) {
      this.entries.delete(key);
      this.entries.set(key, { value: hit.value, at: ++this.puts });
    }
    return hit.value;
  }

  private moveTo(revision: number): void {
    if (revision !== this.revision) {
      this.entries.clear();
      this.pending.clear();
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
    this.entries.set(key, { value, at: ++this.puts });
  }
}
