/** The reminder of an appointment, by e-mail and SMS, in the person's language. Pure. */
import type { Lang } from '../../kernel/text.ts';
import type { AppointmentReminder } from '../appointments/index.ts';

const FORMAT = {
  uk: new Intl.DateTimeFormat('uk-UA', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Kyiv' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Kyiv' }),
};

export function appointmentReminderSms(lang: Lang, r: AppointmentReminder): string {
  const when = FORMAT[lang].format(new Date(r.startsAt));
  if (r.change === 'booked') {
    return lang === 'uk'
      ? `Вас записано: ${when}, ${r.serviceName.uk}, ${r.centreName.uk}, ${r.address.uk}. Запис ${r.reference}. Скасувати: СКАСУВАТИ ${r.reference}`
      : `You are booked: ${when}, ${r.serviceName.en}, ${r.centreName.en}, ${r.address.en}. Ref ${r.reference}. To cancel send CANCEL ${r.reference}`;
  }
  if (r.change === 'cancelled') {
    return lang === 'uk' ? `Запис ${r.reference} на ${when} (${r.centreName.uk}) скасовано.` : `Appointment ${r.reference} on ${when} (${r.centreName.en}) is cancelled.`;
  }
  return lang === 'uk'
    ? `Нагадуємо: ${when}, ${r.serviceName.uk}, ${r.centreName.uk}, ${r.address.uk}. Запис ${r.reference}. Скасувати: СКАСУВАТИ ${r.reference}`
    : `Reminder: ${when}, ${r.serviceName.en}, ${r.centreName.en}, ${r.address.en}. Ref ${r.reference}. To cancel send CANCEL ${r.reference}`;
}

export function appointmentReminderEmail(lang: Lang, r: AppointmentReminder, url: string): { subject: string; text: string } {
  const when = FORMAT[lang].format(new Date(r.startsAt));
  if (r.change === 'booked') {
    return lang === 'uk'
      ? { subject: `Вас записано на візит ${when}`, text: `Вас записано: ${r.serviceName.uk}.\n\n${when}\n${r.centreName.uk}\n${r.address.uk}\n\nНомер запису: ${r.reference}. Перенести чи скасувати: ${url}` }
      : { subject: `Your visit on ${when} is booked`, text: `You are booked: ${r.serviceName.en}.\n\n${when}\n${r.centreName.en}\n${r.address.en}\n\nReference: ${r.reference}. To move or cancel it: ${url}` };
  }
  if (r.change === 'cancelled') {
    return lang === 'uk'
      ? { subject: `Запис ${r.reference} скасовано`, text: `Ваш запис ${r.reference} на ${when} (${r.serviceName.uk}, ${r.centreName.uk}) скасовано.\n\nЗаписатися знову: ${url}` }
      : { subject: `Appointment ${r.reference} cancelled`, text: `Your appointment ${r.reference} on ${when} (${r.serviceName.en}, ${r.centreName.en}) is cancelled.\n\nTo book again: ${url}` };
  }
  return lang === 'uk'
    ? { subject: `Нагадування про візит ${when}`, text: `Ви записані: ${r.serviceName.uk}.\n\n${when}\n${r.centreName.uk}\n${r.address.uk}\n\nНомер запису: ${r.reference}. Перенести чи скасувати: ${url}` }
    : { subject: `Reminder of your visit on ${when}`, text: `You are booked: ${r.serviceName.en}.\n\n${when}\n${r.centreName.en}\n${r.address.en}\n\nReference: ${r.reference}. To move or cancel it: ${url}` };
}
