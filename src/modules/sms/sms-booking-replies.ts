/** The wording of the replies to BOOK and CANCEL, in Ukrainian and English (English kept to GSM-7). Pure. */
import type { Lang } from '../../kernel/text.ts';

export interface BookedVisit {
  readonly reference: string;
  readonly serviceName: string;
  readonly centreName: string;
  readonly address: string;
  /** 'YYYY-MM-DD' and 'HH:MM' on the state's clock. */
  readonly day: string;
  readonly time: string;
}

const dateOf = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

export const bookedText = (lang: Lang, v: BookedVisit): string =>
  lang === 'uk'
    ? `Вас записано: ${v.serviceName}, ${dateOf(v.day)} о ${v.time}, ${v.centreName}, ${v.address}. Номер запису: ${v.reference}. Скасувати: СКАСУВАТИ ${v.reference}`
    : `Booked: ${v.serviceName}, ${dateOf(v.day)} at ${v.time}, ${v.centreName}, ${v.address}. Reference: ${v.reference}. To cancel send CANCEL ${v.reference}`;

/** BOOK from a number that leads to nobody: no appointment, and where to book. */
export const bookUnknownNumber = (lang: Lang, url: string): string =>
  lang === 'uk'
    ? `Запис за SMS — лише з номера, підтвердженого в кабінеті порталу. Візит не заплановано. Записатися: ${url}`
    : `Booking by SMS works only from a number confirmed in your portal account: no appointment has been made. Book online: ${url}`;

export const bookNotFound = (lang: Lang, asked: string, url: string): string =>
  lang === 'uk'
    ? `Не знайшли вільного часу для «${asked}»: візит не заплановано. Центри й послуги для запису: ${url}`
    : `No free time found for "${asked}": no appointment has been made. Centres and services you can book: ${url}`;

export const bookRefused = (lang: Lang, url: string): string =>
  lang === 'uk' ? `Цей час щойно зайняли або у вас уже є запис на нього: візит не заплановано. Спробуйте ще раз або: ${url}` : `That time was just taken or you already have a visit then: no appointment has been made. Try again or: ${url}`;

export const cancelledText = (lang: Lang, v: BookedVisit): string =>
  lang === 'uk' ? `Запис ${v.reference} (${v.serviceName}, ${dateOf(v.day)} о ${v.time}) скасовано.` : `Appointment ${v.reference} (${v.serviceName}, ${dateOf(v.day)} at ${v.time}) is cancelled.`;

/** The one answer for a reference this number may not cancel, whether it exists or not. */
export const cancelNotFound = (lang: Lang, reference: string, url: string): string =>
  lang === 'uk'
    ? `Запису ${reference} для цього номера не знайдено. Скасувати можна лише з номера, підтвердженого в кабінеті. Ваші записи: ${url}`
    : `No appointment ${reference} found for this number. Only a number confirmed in your account can cancel. Your appointments: ${url}`;

export const cancelClosed = (lang: Lang, reference: string): string =>
  lang === 'uk' ? `Запис ${reference} уже скасовано або його час минув.` : `Appointment ${reference} is already cancelled or its time has passed.`;
