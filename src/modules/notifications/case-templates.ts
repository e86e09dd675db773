/** Wording of the notices about cases, per language. */
import type { Lang } from '../../kernel/text.ts';
import type { RenderedEmail } from './templates.ts';

const SIGNATURE = { uk: '\n\nПортіко — єдиний державний портал публічних послуг', en: '\n\nPortico — the single national portal of public services' };

const mail = (lang: Lang, subject: string, lines: readonly string[]): RenderedEmail => ({ subject, text: `${lines.join('\n\n')}${SIGNATURE[lang]}` });

/** Months as dates are written ("15 травня"): our words, so a message does not change with the runtime's ICU data. */
const MONTHS: Record<Lang, readonly string[]> = {
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A day ('YYYY-MM-DD') in words: "17 грудня 2026" / "17 December 2026". */
function dayInWords(day: string, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number);
  const name = MONTHS[lang][(month ?? 0) - 1];
  return name === undefined || year === undefined || date === undefined ? day : `${date} ${name} ${year}`;
}

/** The application was received; with a fee due, what to do next. `fee` is the amount already formatted. */
export function caseSubmittedEmail(lang: Lang, caseNumber: string, caseUrl: string, fee: string | null = null): RenderedEmail {
  return lang === 'uk'
    ? mail(lang, `Заяву ${caseNumber} прийнято`, [
      `Вашу заяву прийнято. Номер справи: ${caseNumber}.`,
      ...(fee === null ? [] : [`Щоб заяву почали розглядати, сплатіть адміністративний збір ${fee}. Строк розгляду почнеться в день оплати.`]),
      `Стежити за справою та завантажити квитанцію: ${caseUrl}`,
    ])
    : mail(lang, `Application ${caseNumber} received`, [
      `Your application has been received. Case number: ${caseNumber}.`,
      ...(fee === null ? [] : [`Pay the administrative fee of ${fee} for the application to be reviewed. The statutory term starts on the day you pay.`]),
      `Follow the case and download the receipt: ${caseUrl}`,
    ]);
}

export function paymentReceivedEmail(lang: Lang, caseNumber: string, caseUrl: string): RenderedEmail {
  return lang === 'uk'
    ? mail(lang, `Справа ${caseNumber}: оплату отримано`, [`Оплату за справою ${caseNumber} отримано. Заяву передано на реєстрацію, строк розгляду почався.`, `Подробиці: ${caseUrl}`])
    : mail(lang, `Case ${caseNumber}: payment received`, [`The payment for case ${caseNumber} has been received. The application has gone on to registration, and the statutory term has started.`, `Details: ${caseUrl}`]);
}

/** More information asked for; `answerBy`, when the message carries it, is the day the answer is asked for by. */
export function informationRequestedEmail(lang: Lang, caseNumber: string, caseUrl: string, answerBy: string | null = null): RenderedEmail {
  return lang === 'uk'
    ? mail(lang, `Справа ${caseNumber}: потрібна ваша відповідь`, [
      `Щодо справи ${caseNumber} у вас запитали додаткову інформацію.${answerBy === null ? '' : ` Відповідь очікують до ${dayInWords(answerBy, lang)}.`} Поки ви не відповісте, строк розгляду стоїть.`,
      `Прочитати запит і відповісти: ${caseUrl}`,
    ])
    : mail(lang, `Case ${caseNumber}: your answer is needed`, [
      `More information has been asked for on case ${caseNumber}.${answerBy === null ? '' : ` Your answer is asked for by ${dayInWords(answerBy, lang)}.`} The statutory term is paused until you answer.`,
      `Read the request and answer: ${caseUrl}`,
    ]);
}

export function decisionEmail(lang: Lang, caseNumber: string, outcome: string, caseUrl: string): RenderedEmail {
  const granted = outcome === 'granted';
  return lang === 'uk'
    ? mail(lang, `Справа ${caseNumber}: ${granted ? 'рішення позитивне' : 'у наданні послуги відмовлено'}`, [
      `За справою ${caseNumber} ухвалено рішення: ${granted ? 'послугу надано' : 'відмовлено'}. Рішення з електронною печаткою можна завантажити на сторінці справи.`, `Подробиці: ${caseUrl}`,
    ])
    : mail(lang, `Case ${caseNumber}: ${granted ? 'granted' : 'refused'}`, [
      `A decision has been made on case ${caseNumber}: ${granted ? 'granted' : 'refused'}. The sealed decision can be downloaded from the case page.`, `Details: ${caseUrl}`,
    ]);
}

/** The decision notice by post, to someone who chose post: the sealed decision is enclosed (the subject is the notice's own). */
export function decisionLetter(lang: Lang, caseNumber: string, outcome: string, caseUrl: string): RenderedEmail {
  const granted = outcome === 'granted';
  const { subject } = decisionEmail(lang, caseNumber, outcome, caseUrl);
  return lang === 'uk'
    ? mail(lang, subject, [
      `За справою ${caseNumber} ухвалено рішення: ${granted ? 'послугу надано' : 'відмовлено'}. Рішення з електронною печаткою додано до цього листа; його також можна завантажити на сторінці справи.`, `Подробиці: ${caseUrl}`,
    ])
    : mail(lang, subject, [
      `A decision has been made on case ${caseNumber}: ${granted ? 'granted' : 'refused'}. The sealed decision is enclosed with this letter; it can also be downloaded from the case page.`, `Details: ${caseUrl}`,
    ]);
}

/**
 * The letter that goes by post with a decision nobody opened or downloaded in the portal inbox within
 * `workingDays` working days of `toldOn` (a day, 'YYYY-MM-DD'); the decision is enclosed.
 */
export function decisionByPostLetter(lang: Lang, caseNumber: string, outcome: string, toldOn: string, workingDays: number, caseUrl: string): RenderedEmail {
  const granted = outcome === 'granted';
  return lang === 'uk'
    ? mail(lang, `Справа ${caseNumber}: рішення надіслано поштою`, [
      `${dayInWords(toldOn, lang)} ми надіслали до вашої скриньки на порталі рішення за справою ${caseNumber} (${granted ? 'послугу надано' : 'відмовлено'}), але за ${workingDays} роб. дн. його не відкрили й не завантажили. Тому надсилаємо рішення поштою: його додано до цього листа.`,
      `Рішення має електронну печатку; перевірити його справжність можна за QR-кодом на рішенні. Справа на порталі: ${caseUrl}`,
    ])
    : mail(lang, `Case ${caseNumber}: the decision sent by post`, [
      `On ${dayInWords(toldOn, lang)} we put the decision on case ${caseNumber} (${granted ? 'granted' : 'refused'}) in your portal inbox, but it was not opened or downloaded within ${workingDays} working days. So we are sending the decision by post: it is enclosed with this letter.`,
      `The decision carries an electronic seal; the QR code on it shows that it is genuine. The case on the portal: ${caseUrl}`,
    ]);
}

export function withdrawnEmail(lang: Lang, caseNumber: string, caseUrl: string): RenderedEmail {
  return lang === 'uk'
    ? mail(lang, `Заяву ${caseNumber} відкликано`, [`Заяву ${caseNumber} відкликано, її більше не розглядають.`, `Подробиці: ${caseUrl}`])
    : mail(lang, `Application ${caseNumber} withdrawn`, [`Application ${caseNumber} has been withdrawn and is no longer being reviewed.`, `Details: ${caseUrl}`]);
}

/** An officer's reminder (the case they hold) or a supervisor's escalation, in the officer's language. */
export function deadlineEmail(lang: Lang, kind: 'reminder' | 'escalation', caseNumber: string, dueOn: string, workingDaysBefore: number, caseUrl: string): RenderedEmail {
  const due = dayInWords(dueOn, lang);
  if (lang === 'en') {
    const subject = kind === 'reminder' ? `The term of case ${caseNumber} ends on ${due}` : `Escalation: case ${caseNumber}, due ${due}`;
    const lead = kind === 'reminder'
      ? `Reminder: ${workingDaysBefore} working ${workingDaysBefore === 1 ? 'day is' : 'days are'} left until the end of the statutory term of case ${caseNumber} (due ${due}).`
      : `Case ${caseNumber} is still not decided, and ${workingDaysBefore} working ${workingDaysBefore === 1 ? 'day is' : 'days are'} left until its term ends (${due}). Check who is dealing with it.`;
    return { subject, text: `${lead}\n\n${caseUrl}${SIGNATURE.en}` };
  }
  const subject = kind === 'reminder' ? `Строк розгляду справи ${caseNumber} спливає ${due}` : `Ескалація: справа ${caseNumber}, строк ${due}`;
  const lead = kind === 'reminder'
    ? `Нагадування: до кінцевого строку розгляду справи ${caseNumber} залишилося ${workingDaysBefore} роб. дн. (строк — ${due}).`
    : `Справа ${caseNumber} досі не вирішена, а до кінцевого строку (${due}) залишилося ${workingDaysBefore} роб. дн. Перевірте, хто нею займається.`;
  return { subject, text: `${lead}\n\n${caseUrl}${SIGNATURE.uk}` };
}

/** The SMS of a case notice: the subject and the link, short enough for one or two messages. */
export function noticeSms(lang: Lang, subject: string, caseUrl: string): string {
  return lang === 'uk' ? `Портіко: ${subject}. ${caseUrl}` : `Portico: ${subject}. ${caseUrl}`;
}

/** What a collection notice says: what is ready, where (the centre, its address and hours), until when. */
export interface CollectionWords {
  readonly what: string;
  readonly centre: string;
  readonly address: string;
  readonly hours: string;
  readonly collectBy: string | null;
}

/**
 * The result is ready for collection at a centre (or, `reminder`, still waits there): what to bring —
 * an identity document; a representative (`representative`) also the power of attorney or the mandate.
 */
export function readyForCollectionEmail(lang: Lang, notice: 'ready' | 'reminder', caseNumber: string, k: CollectionWords, representative: boolean, caseUrl: string): RenderedEmail {
  const by = k.collectBy === null ? null : dayInWords(k.collectBy, lang);
  if (lang === 'uk') {
    return mail(lang, notice === 'ready' ? `Справа ${caseNumber}: результат готовий до отримання` : `Справа ${caseNumber}: результат чекає на вас`, [
      `${notice === 'ready' ? 'Готово до отримання' : 'Нагадуємо: досі чекає на отримання'}: ${k.what} (справа ${caseNumber}).`,
      `Де: ${k.centre}, ${k.address}. Години роботи: ${k.hours}.`,
      `Візьміть із собою документ, що посвідчує особу.${representative ? ' Представник також бере довіреність або інший документ, що підтверджує повноваження (номер довіреності чи мандата на порталі).' : ''}`,
      ...(by === null ? [] : [`Отримати можна до ${by} включно.`]),
      `Подробиці: ${caseUrl}`,
    ]);
  }
  return mail(lang, notice === 'ready' ? `Case ${caseNumber}: ready for collection` : `Case ${caseNumber}: your result is waiting`, [
    `${notice === 'ready' ? 'Ready for collection' : 'A reminder: still waiting for collection'}: ${k.what} (case ${caseNumber}).`,
    `Where: ${k.centre}, ${k.address}. Opening hours: ${k.hours}.`,
    `Bring an identity document.${representative ? ' A representative also brings the power of attorney or another document of their authority (the number of the power of attorney or of the mandate in the portal).' : ''}`,
    ...(by === null ? [] : [`You can collect it until ${by} inclusive.`]),
    `Details: ${caseUrl}`,
  ]);
}
