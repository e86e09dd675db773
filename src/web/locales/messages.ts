import type { Lang } from '../../kernel/text.ts';
import type { Copy, Plural } from './copy.ts';
import { en } from './en.ts';
import { uk } from './uk.ts';


/** The shape every locale must fill: the keys of the Ukrainian file. */
export type Messages = Copy<typeof uk>;
export type MessageKey = keyof Messages;
export type PluralKey = { [K in MessageKey]: Messages[K] extends string ? never : K }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;

const LOCALES: Record<Lang, Messages> = { uk, en };
const PLURAL_RULES: Record<Lang, Intl.PluralRules> = { uk: new Intl.PluralRules('uk'), en: new Intl.PluralRules('en') };

const fill = (text: string, params: Readonly<Record<string, string | number>>): string =>
  text.includes('{') ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;

export interface Translator {
  readonly lang: Lang;
  (key: TextKey, params?: Readonly<Record<string, string | number>>): string;
  plural(key: PluralKey, count: number, params?: Readonly<Record<string, string | number>>): string;
}

export function translator(lang: Lang): Translator {
  const messages = LOCALES[lang];
  const t = ((key: TextKey, params = {}) => fill(messages[key], params)) as Translator;
  Object.defineProperty(t, 'lang', { value: lang });
  t.plural = (key, count, params = {}) => {
    const forms = messages[key];
    const rule = PLURAL_RULES[lang].select(count) as keyof Plural;
    return fill(forms[rule] ?? forms.other, { ...params, count });
  };
  return t;
}

/**
 * Whether every message exists, not blank, in every language: the keys of each locale compared with
 * the Ukrainian file's, at run time (what the maturity report counts as "several languages").
 */
export function localeCompleteness(): { readonly keys: number; readonly gaps: readonly string[] } {
  const keys = Object.keys(uk);
  const blank = (v: unknown) => (typeof v === 'string' ? v.trim() === '' : typeof v !== 'object' || v === null || Object.values(v).some((f) => typeof f !== 'string' || f.trim() === ''));
  const gaps = (Object.keys(LOCALES) as Lang[]).flatMap((lang) => {
    const messages = LOCALES[lang] as unknown as Record<string, unknown>;
    return [...keys.filter((k) => !(k in messages) || blank(messages[k])), ...Object.keys(messages).filter((k) => !(k in uk))].map((k) => `${lang}:${k}`);
  });
  return { keys: keys.length, gaps };
}
