/** The portal's two languages. Ukrainian is the default. */
export const LANGS = ['uk', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'uk';

/** A text that exists in every portal language. */
export interface LocalText {
  readonly uk: string;
  readonly en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'uk' || value === 'en';
}
