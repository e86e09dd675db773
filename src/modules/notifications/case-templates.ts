/** Wording of the notices about cases, per language. */
import type { RenderedEmail } from './templates.ts';

const STATE_WORDS: Record<string, { uk: string; en: string }> = {
  'awaiting-payment': { uk: 'очікує оплати', en: 'is waiting for payment' },
  submitted: { uk: 'подано', en: 'has been submitted' },
  registered: { uk: 'зареєстровано', en: 'has been registered' },
  'in-review': { uk: 'розглядається', en: 'is being reviewed' },
  'information-requested': { uk: 'потребує вашої відповіді на запит', en: 'needs your answer to a request for information' },
  granted: { uk: 'вирішено позитивно', en: 'has been granted' },
  refused: { uk: 'вирішено відмовою', en: 'has been refused' },
  'result-issued': { uk: 'має готовий результат', en: 'has its result ready' },
  withdrawn: { uk: 'відкликано', en: 'has been withdrawn' },
  closed: { uk: 'закрито', en: 'is closed' },
};

const SIGNATURE = { uk: '\n\nПортіко — єдиний державний портал публічних послуг', en: '\n\nPortico — the single national portal of public services' };

export function caseSubmittedEmail(lang: 'uk' | 'en', caseNumber: string, caseUrl: string): RenderedEmail {
  return lang === 'uk'
    ? { subject: `Заяву ${caseNumber} прийнято`, text: `Вашу заяву прийнято. Номер справи: ${caseNumber}.\n\nСтежити за справою та завантажити квитанцію: ${caseUrl}${SIGNATURE.uk}` }
    : { subject: `Application ${caseNumber} received`, text: `Your application has been received. Case number: ${caseNumber}.\n\nFollow the case and download the receipt: ${caseUrl}${SIGNATURE.en}` };
}

export function caseChangedEmail(lang: 'uk' | 'en', caseNumber: string, state: string, caseUrl: string): RenderedEmail {
  const words = STATE_WORDS[state] ?? { uk: `змінила стан (${state})`, en: `has moved (${state})` };
  return lang === 'uk'
    ? { subject: `Справа ${caseNumber}: ${words.uk}`, text: `Справа ${caseNumber} ${words.uk}.\n\nПодробиці: ${caseUrl}${SIGNATURE.uk}` }
    : { subject: `Case ${caseNumber} ${words.en}`, text: `Case ${caseNumber} ${words.en}.\n\nDetails: ${caseUrl}${SIGNATURE.en}` };
}

export function deadlineEmail(kind: 'reminder' | 'escalation', caseNumber: string, dueOn: string, workingDaysBefore: number, caseUrl: string): RenderedEmail {
  const subject = kind === 'reminder' ? `Строк розгляду справи ${caseNumber} спливає ${dueOn}` : `Ескалація: справа ${caseNumber}, строк ${dueOn}`;
  const lead = kind === 'reminder'
    ? `Нагадування: до кінцевого строку розгляду справи ${caseNumber} залишилося ${workingDaysBefore} роб. дн. (строк — ${dueOn}).`
    : `Справа ${caseNumber} досі не вирішена, а до кінцевого строку (${dueOn}) залишилося ${workingDaysBefore} роб. дн. Перевірте, хто нею займається.`;
  return { subject, text: `${lead}\n\n${caseUrl}${SIGNATURE.uk}` };
}
