import type { Lang } from '../../kernel/text.ts';

/** The portal inbox's addresses (kept beside its pages). */
export const inboxPaths = {
  inbox: (lang: Lang) => `/${lang}/cabinet/inbox`,
  message: (lang: Lang, id: string) => `/${lang}/cabinet/inbox/${encodeURIComponent(id)}`,
};
