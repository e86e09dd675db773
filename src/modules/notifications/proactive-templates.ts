/** Wording of the notices of proactive services (ADR 0032): an offer, and an automatic grant with the way to object. */
import type { Lang, LocalText } from '../../kernel/text.ts';
import type { RenderedEmail } from './templates.ts';

const SIGNATURE = { uk: '\n\nПортіко — єдиний державний портал публічних послуг', en: '\n\nPortico — the single national portal of public services' };

export function proactiveNotice(lang: Lang, m: { mode: 'offer' | 'automatic'; serviceName: LocalText; caseNumber: string | null; objectBy: string | null }, url: string): RenderedEmail {
  const name = m.serviceName[lang];
  if (m.mode === 'offer') {
    return lang === 'uk'
      ? { subject: `Пропозиція: ${name}`, text: `За даними державного реєстру вам доступна послуга «${name}». Заяву вже заповнено даними з реєстрів: перевірте її та подайте, або відхиліть пропозицію.\n\n${url}${SIGNATURE.uk}` }
      : { subject: `An offer: ${name}`, text: `A state register shows that the service "${name}" is open to you. The application is filled in with the registers' data: check it and submit it, or dismiss the offer.\n\n${url}${SIGNATURE.en}` };
  }
  return lang === 'uk'
    ? {
      subject: `Вам призначається: ${name}`,
      text: `За даними державного реєстру портал без заяви відкрив справу ${m.caseNumber ?? ''}: «${name}». Її буде надано ${m.objectBy ?? ''} після закінчення строку для заперечення, якщо ви не заперечите. Щоб відмовитися, заперечте до ${m.objectBy ?? ''} включно на сторінці:\n\n${url}${SIGNATURE.uk}`,
    }
    : {
      subject: `Granted to you: ${name}`,
      text: `A state register showed the portal that you are entitled to "${name}", so it opened case ${m.caseNumber ?? ''} without an application. It will be granted once the time to object ends on ${m.objectBy ?? ''}, unless you object. To refuse it, object by ${m.objectBy ?? ''} on this page:\n\n${url}${SIGNATURE.en}`,
    };
}
