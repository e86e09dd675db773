/**
 * Coalesces reads of a value that others may change at any time (the catalogue revision), while
 * guaranteeing freshness: every caller gets the result of a read that *started after* it asked.
 * Under load one read serves every caller that arrived while the previous read was in flight,
 * so a burst of N requests costs about two reads, not N.
 */
export class FreshRead<T> {
  private inflight: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.inflight) {
      return this.start();
    }
    if (!this.queued) {
      this.queued = this.inflight
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.start();
        });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    const p: Promise<T> = this.read().finally(() => {
      if (this.inflight === p) {
        this.inflight = null;
      }
    });
    this.inflight = p;
    return p;
  }
}
