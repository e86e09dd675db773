/** An appointment as an iCalendar file (RFC 5545), written by the `ics` library. */
import { createEvent } from 'ics';

import type { Lang } from '../../kernel/text.ts';
import type { AppointmentView } from './appointments.service.ts';

const TITLE = { uk: 'Візит до центру', en: 'Visit to the centre' } as const;

export function calendarFile(a: AppointmentView, lang: Lang): string {
  const made = createEvent({
    productId: '-//Portico//Appointments//EN',
    method: 'PUBLISH',
    uid: `${a.id}@portico`,
    sequence: a.status === 'cancelled' ? 1 : 0,
    status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    start: a.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: a.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${TITLE[lang]}: ${a.serviceName[lang]} (${a.reference})`,
    location: `${a.centreName[lang]}, ${a.address[lang]}`,
    description: lang === 'uk' ? `Номер запису: ${a.reference}` : `Booking reference: ${a.reference}`,
  });
  if (made.error !== null || made.value === null) {
    throw made.error ?? new Error('no calendar file');
  }
  return made.value;
}
