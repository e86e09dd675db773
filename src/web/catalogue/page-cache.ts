import { RevisionCache } from '../../platform/cache/revision-cache.ts';

export interface RenderedPage {
  readonly status: number;
  readonly html: string;
  /** A search that found nothing: its text, counted on every request for the page, cached or not. */
  readonly gap?: string | undefined;
}

/**
 * Rendered public pages by URL, for one catalogue revision at a time. Pages here must not depend on
 * who is asking; per-person parts of the layout are filled in after the cache.
 */
export class PageCache {
  private readonly cache: RevisionCache<RenderedPage>;

  constructor(maxPages: number) {
    this.cache = new RevisionCache(maxPages);
  }

  get(revision: number, url: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    return this.cache.get(revision, url, render);
  }
}
