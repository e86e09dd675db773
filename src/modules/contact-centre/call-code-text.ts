/** The words of the SMS that carries a caller's one-time code. Pure. */
import type { Lang } from '../../kernel/text.ts';

const TEXT: Record<Lang, (code: string) => string> = {
  uk: (code) => `Portico: код ${code} для оператора контакт-центру. Назвіть його лише оператору, з яким розмовляєте зараз.`,
  en: (code) => `Portico: code ${code} for the contact-centre operator. Read it out only to the operator you are speaking to now.`,
};

export const callCodeSms = (lang: Lang, code: string): string => TEXT[lang](code);
