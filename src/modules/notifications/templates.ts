import type { Lang } from '../../kernel/text.ts';
/** Message wording, per purpose and language. Services never hold wording. */

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
}

const VERIFICATION = {
  uk: {
    subject: 'Код підтвердження для порталу Портіко',
    text: (code: string) =>
      `Ваш код підтвердження: ${code}\n\nВведіть його на сторінці «Контактні дані» в особистому кабінеті. Код діє 15 хвилин.\n\nЯкщо ви не просили цей код, просто проігноруйте лист.\n\nПортіко — єдиний державний портал публічних послуг`,
    sms: (code: string) => `Портіко: код підтвердження ${code}. Діє 15 хв. Нікому його не повідомляйте.`,
  },
  en: {
    subject: 'Your Portico confirmation code',
    text: (code: string) =>
      `Your confirmation code is: ${code}\n\nEnter it on the Contact details page of your account. The code is valid for 15 minutes.\n\nIf you did not ask for this code, ignore this message.\n\nPortico — the single national portal of public services`,
    sms: (code: string) => `Portico: confirmation code ${code}. Valid 15 min. Do not share it.`,
  },
} as const;

export function verificationEmail(lang: Lang, code: string): RenderedEmail {
  return { subject: VERIFICATION[lang].subject, text: VERIFICATION[lang].text(code) };
}

export function verificationSms(lang: Lang, code: string): string {
  return VERIFICATION[lang].sms(code);
}
