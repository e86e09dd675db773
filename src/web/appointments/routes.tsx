import type { FastifyReply, FastifyRequest } from 'fastify';

import { isUuid } from '../../kernel/ids.ts';
import type { Lang } from '../../kernel/text.ts';
import { AppointmentClosed, type AppointmentsService, type AppointmentView, type BookingRefusal, calendarFile, type ChangeRefusal } from '../../modules/appointments/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { FieldError } from '../common/components.tsx';
import { sendBadRequestPage, sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { sendFile } from '../common/send-file.ts';
import { AppointmentPage, AppointmentsPage, type BookingStep, BookPage } from './appointments.page.tsx';

interface Deps {
  readonly appointments: AppointmentsService;
  readonly now: () => Date;
}

type Chosen = { centre: string; service: string; day: string; reschedule: string };
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The choices so far, from the query (GET) or the form (POST); anything malformed counts as not chosen. */
function chosenOf(source: unknown): Chosen {
  const get = (name: string) => {
    const v = (source as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'string' ? v : '';
  };
  return { centre: SLUG.test(get('centre')) ? get('centre') : '', service: SLUG.test(get('service')) ? get('service') : '', day: DAY.test(get('day')) ? get('day') : '', reschedule: isUuid(get('reschedule')) ? get('reschedule') : '' };
}

/** The booking page's state for the choices made; null when a choice names nothing that can be booked (a 404). */
async function stepOf(d: Deps, signedIn: SignedIn, c: Chosen, errors: readonly FieldError[]): Promise<BookingStep | null> {
  const offers = await d.appointments.offers();
  const moving = c.reschedule === '' ? null : await d.appointments.one(signedIn, c.reschedule);
  if ((c.reschedule !== '' && moving === null) || (c.centre !== '' && !offers.some((o) => o.centreId === c.centre))) {
    return null;
  }
  const offer = c.centre === '' || c.service === '' ? null : (offers.find((o) => o.centreId === c.centre && o.serviceId === c.service) ?? null);
  if (c.service !== '' && offer === null) {
    return null;
  }
  const day = offer === null || c.day === '' ? null : c.day;
  return {
    offers, offer, centreId: c.centre === '' ? null : c.centre, day, moving, csrf: signedIn.session.csrfToken, errors,
    days: offer === null || day !== null ? [] : await d.appointments.freeDays(offer),
    slots: offer === null || day === null ? [] : await d.appointments.freeSlots(offer, day),
  };
}

async function sendBookPage(d: Deps, request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, c: Chosen, status: number, errors: readonly FieldError[]) {
  const step = await stepOf(d, signedIn, c, errors);
  return step === null ? sendNotFoundPage(request, reply) : sendPage(reply, status, <BookPage ctx={pageContext(request)} step={step} />);
}

const refusalCode = (e: BookingRefusal | ChangeRefusal): string => e.code.replace(/^appointments\./u, '');

async function book(d: Deps, request: FastifyRequest, reply: FastifyReply, lang: Lang, signedIn: SignedIn) {
  const c = chosenOf(request.body);
  const time = formString(request.body, 'time');
  const startsAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/u.test(time) ? new Date(time) : null;
  const t = pageContext(request).t;
  if (startsAt === null || Number.isNaN(startsAt.getTime())) {
    return sendBookPage(d, request, reply, signedIn, c, 400, [{ field: 'time', message: t('appointmentError.time-missing') }]);
  }
  const done = c.reschedule === '' ? await d.appointments.book(signedIn, c.centre, c.service, startsAt) : await d.appointments.reschedule(signedIn, c.reschedule, startsAt);
  if (done.ok) {
    return reply.redirect(PATHS.myAppointment.url(lang, { id: done.value.id }, { done: 'booked' }), 303);
  }
  const code = refusalCode(done.error);
  if (code === 'not_found' || code === 'not_offered') {
    return sendNotFoundPage(request, reply);
  }
  if (code === 'closed') {
    return sendBadRequestPage(request, reply, 409, [t('appointmentError.closed')]);
  }
  const message = code === 'slot_full' || code === 'slot_invalid' || code === 'clash' ? t(`appointmentError.${code}`) : t('appointmentError.time-missing');
  return sendBookPage(d, request, reply, signedIn, c, 409, [{ field: 'time', message }]);
}

async function sendAppointment(d: Deps, request: FastifyRequest, reply: FastifyReply, a: AppointmentView, signedIn: SignedIn, status: number, errors: readonly FieldError[]) {
  const done = (request.query as Record<string, unknown> | undefined)?.['done'];
  const notice = done === 'booked' || done === 'cancelled' ? done : null;
  return sendPage(reply, status, <AppointmentPage ctx={pageContext(request)} a={a} now={d.now()} csrf={signedIn.session.csrfToken} notice={status === 200 ? notice : null} errors={errors} />);
}

/** The cabinet's appointments: the list, booking step by step, one appointment, its calendar file, cancelling. */
export function appointmentRoutes(d: Deps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  return [
    route(PATHS.myAppointments, 'GET', SIGNED_IN, async (request, reply) => sendPage(reply, 200, <AppointmentsPage ctx={pageContext(request)} list={await d.appointments.mine(me(request))} now={d.now()} />)),
    route(PATHS.bookAppointment, 'GET', SIGNED_IN, async (request, reply) => sendBookPage(d, request, reply, me(request), chosenOf(request.query), 200, [])),
    route(PATHS.bookAppointment, 'POST', SIGNED_IN, async (request, reply, { lang }) => book(d, request, reply, lang, me(request))),
    route(PATHS.myAppointment, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const signedIn = me(request);
      const a = await d.appointments.one(signedIn, params.id);
      return a === null ? sendNotFoundPage(request, reply) : sendAppointment(d, request, reply, a, signedIn, 200, []);
    }),
    route(PATHS.appointmentCalendar, 'GET', SIGNED_IN, async (request, reply, { lang, params }) => {
      const a = await d.appointments.one(me(request), params.id);
      return a === null ? sendNotFoundPage(request, reply) : sendFile(reply, { bytes: Buffer.from(calendarFile(a, lang), 'utf8'), type: 'text/calendar; charset=utf-8', name: `appointment-${a.reference}.ics`, disposition: 'attachment' });
    }),
    route(PATHS.cancelAppointment, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const signedIn = me(request);
      const done = await d.appointments.cancel(signedIn, params.id);
      if (done.ok) {
        return reply.redirect(PATHS.myAppointment.url(lang, { id: params.id }, { done: 'cancelled' }), 303);
      }
      const a = await d.appointments.one(signedIn, params.id);
      if (a === null || !(done.error instanceof AppointmentClosed)) {
        return sendNotFoundPage(request, reply);
      }
      return sendAppointment(d, request, reply, a, signedIn, 409, [{ field: 'cancel', message: pageContext(request).t('appointmentError.closed'), href: '#main-content' }]);
    }),
  ];
}
