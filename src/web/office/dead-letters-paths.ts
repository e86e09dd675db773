import type { Lang } from '../../kernel/text.ts';

/** The dead-letter page's addresses (kept beside it). */
export const deadLetterPaths = {
  list: (lang: Lang) => `/${lang}/office/dead-letters`,
  /** POST: a fresh set of attempts for one dead letter. */
  requeue: (lang: Lang, id: number) => `/${lang}/office/dead-letters/${id}/requeue`,
};
