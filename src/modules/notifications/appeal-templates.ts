/** Wording of the written answers to citizens' appeals and of their extensions, per language. */
import type { Lang } from '../../kernel/text.ts';
import type { RenderedEmail } from './templates.ts';

const SIGNATURE = { uk: '\n\nПортіко — єдиний державний портал публічних послуг', en: '\n\nPortico — the single national portal of public services' };

/** The answer or the extension, as an e-mail and an inbox message. */
export function appealNoticeEmail(lang: Lang, notice: 'answered' | 'extended', number: string, text: string, dueOn: string): RenderedEmail {
  if (notice === 'answered') {
    return lang === 'uk'
      ? { subject: `Відповідь на звернення ${number}`, text: `Відповідь на ваше звернення ${number}:\n\n${text}${SIGNATURE.uk}` }
      : { subject: `Answer to appeal ${number}`, text: `The answer to your appeal ${number}:\n\n${text}${SIGNATURE.en}` };
  }
  return lang === 'uk'
    ? { subject: `Звернення ${number}: строк розгляду продовжено`, text: `Строк розгляду вашого звернення ${number} продовжено до ${dueOn}. Причина: ${text}${SIGNATURE.uk}` }
    : { subject: `Appeal ${number}: the term is extended`, text: `The term for your appeal ${number} is extended to ${dueOn}. Reason: ${text}${SIGNATURE.en}` };
}

/** The same by SMS: the whole answer follows the subject (the gateway sends a long text in parts). */
export function appealNoticeSms(lang: Lang, notice: 'answered' | 'extended', number: string, text: string, dueOn: string): string {
  if (notice === 'answered') {
    return lang === 'uk' ? `Відповідь на звернення ${number}: ${text}` : `Answer to appeal ${number}: ${text}`;
  }
  return lang === 'uk' ? `Звернення ${number}: строк продовжено до ${dueOn}. ${text}` : `Appeal ${number}: term extended to ${dueOn}. ${text}`;
}
