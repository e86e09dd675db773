import type { FastifyReply, FastifyRequest } from 'fastify';

import { isUuid } from '../../kernel/ids.ts';
import type { Lang } from '../../kernel/text.ts';
import type { AppointmentsService, BookingRefusal } from '../../modules/appointments/index.ts';
import type { SignedIn, Visitors } from '../../modules/identity/index.ts';
import type { FieldError } from '../common/components.tsx';
import { formatInstant } from '../common/dates.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import { officeNavItems } from './office-nav.tsx';
import { offerValue, VisitsPage } from './visits.page.tsx';

const OPERATORS = { kind: 'staff', roles: ['contact-centre'] } as const;
const FRONT_DESK = { kind: 'staff', roles: ['front-desk'] } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/u;

export interface VisitsWebDeps {
  readonly appointments: AppointmentsService;
  readonly visitors: Visitors;
  readonly callers: { identifiedCaller(signedIn: SignedIn, callId: string): Promise<{ personId: string; name: string } | null> };
  readonly now: () => Date;
}

type Me = (r: FastifyRequest) => SignedIn;
type Person = { id: string; name: string };
/** Whose visits a page is about: the caller of a call, or a visitor at the desk. */
type Target = { channel: 'phone'; callId: string } | { channel: 'in-person' };
type Choice = { offer: string; day: string };

const text = (source: unknown, name: string): string => {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

const action = (lang: Lang, target: Target) => (target.channel === 'phone' ? paths.callVisits(lang, target.callId) : paths.deskVisits(lang));

/** The notice after a booking or a cancellation, from the page's query. */
function noticeOf(request: FastifyRequest, lang: Lang): string | null {
  const q = request.query as Record<string, unknown> | undefined;
  const { t } = pageContext(request);
  const ref = typeof q?.['ref'] === 'string' && /^[A-Z0-9]{6}$/u.test(q['ref']) ? q['ref'] : null;
  const when = typeof q?.['at'] === 'string' && INSTANT.test(q['at']) ? formatInstant(new Date(q['at']), lang) : null;
  if (ref === null) {
    return null;
  }
  return q?.['done'] === 'cancelled' ? t('visits.cancelled', { reference: ref }) : q?.['done'] === 'booked' && when !== null ? t('visits.booked', { reference: ref, when }) : null;
}

/** The page with its steps, the person it is for, and the refusals of a booking. */
function visitViews(d: VisitsWebDeps, me: Me) {
  const callGone = (request: FastifyRequest, reply: FastifyReply, lang: Lang, callId: string) => {
    const ctx = pageContext(request);
    return sendPage(reply, 409, <MessagePage ctx={ctx} title={ctx.t('visits.title.phone')} text={ctx.t('visits.error.callerGone')} back={paths.call(lang, callId)} backLabel={ctx.t('visits.backToCall')} />);
  };

  /** The person of the page: the identified caller, or the visitor named by id (undefined: none found, a refusal to send). */
  async function personOf(request: FastifyRequest, target: Target, visitorId: string): Promise<Person | null | undefined> {
    if (target.channel === 'phone') {
      const caller = await d.callers.identifiedCaller(me(request), target.callId);
      return caller === null ? undefined : { id: caller.personId, name: caller.name };
    }
    if (visitorId === '') {
      return null;
    }
    const p = isUuid(visitorId) ? await d.visitors.byId(visitorId) : null;
    return p === null ? undefined : { id: p.id, name: `${p.givenName} ${p.familyName}` };
  }

  async function page(request: FastifyRequest, reply: FastifyReply, lang: Lang, target: Target, person: Person | null, choice: Choice, status: number, errors: FieldError[], notice: string | null, values: Record<string, string> = {}) {
    const signedIn = me(request);
    const { t } = pageContext(request);
    const offers = await d.appointments.offers();
    const offer = offers.find((o) => offerValue(o) === choice.offer) ?? null;
    const day = offer !== null && DAY.test(choice.day) ? choice.day : null;
    const days = offer === null || person === null ? [] : await d.appointments.freeDays(offer);
    const view = {
      channel: target.channel, csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn), action: action(lang, target), person, offers, offer, days,
      day: day !== null && days.some((x) => x.day === day) ? day : null,
      slots: offer === null || day === null ? [] : await d.appointments.freeSlots(offer, day),
      appointments: person === null ? [] : (await d.appointments.forPerson(signedIn, person.id, target)).filter((a) => a.status === 'booked' && a.startsAt > d.now()),
      cancelAction: (id: string) => (target.channel === 'phone' ? PATHS.callVisitCancel.url(lang, { id: target.callId, appointmentId: id }) : PATHS.deskVisitCancel.url(lang, { appointmentId: id })),
      notice, errors, values: { ...values, offer: choice.offer, day: choice.day },
      back: target.channel === 'phone' ? { href: paths.call(lang, target.callId), label: t('visits.backToCall') } : { href: PATHS.frontDesk.url(lang), label: t('visits.backToDesk') },
    };
    const bad = (choice.offer !== '' && offer === null) || (choice.day !== '' && view.day === null && offer !== null);
    const stepErrors: FieldError[] = bad && errors.length === 0 ? [choice.offer !== '' && offer === null ? { field: 'offer', message: t('visits.error.offer') } : { field: 'day', message: t('visits.error.day') }] : errors;
    return sendPage(reply, bad && status === 200 ? 400 : status, <VisitsPage ctx={pageContext(request)} view={{ ...view, errors: stepErrors }} />);
  }

  function refusedBooking(request: FastifyRequest, reply: FastifyReply, lang: Lang, target: Target, person: Person, choice: Choice, e: BookingRefusal) {
    const { t } = pageContext(request);
    switch (e.code) {
      case 'appointments.not_offered':
        return page(request, reply, lang, target, person, { offer: '', day: '' }, 400, [{ field: 'offer', message: t('visits.error.offer') }], null);
      case 'appointments.slot_full':
      case 'appointments.slot_invalid':
      case 'appointments.clash':
        return page(request, reply, lang, target, person, choice, 409, [{ field: 'time', message: t(`appointmentError.${e.code.slice('appointments.'.length) as 'slot_full' | 'slot_invalid' | 'clash'}`) }], null);
      case 'appointments.not_allowed':
        return sendNotFoundPage(request, reply);
    }
  }
  return { callGone, personOf, page, refusedBooking };
}

/** What the routes do: show a step, find a visitor or book, cancel. */
function visitHandlers(d: VisitsWebDeps, me: Me) {
  const { callGone, personOf, page, refusedBooking } = visitViews(d, me);
  async function show(request: FastifyRequest, reply: FastifyReply, lang: Lang, target: Target) {
    const person = await personOf(request, target, text(request.query, 'visitor'));
    if (person === undefined) {
      return target.channel === 'phone' ? callGone(request, reply, lang, target.callId) : sendNotFoundPage(request, reply);
    }
    return page(request, reply, lang, target, person, { offer: text(request.query, 'offer'), day: text(request.query, 'day') }, 200, [], noticeOf(request, lang));
  }

  const back = (lang: Lang, target: Target, person: Person, query: Record<string, string>) =>
    target.channel === 'phone' ? paths.callVisits(lang, target.callId, query) : paths.deskVisits(lang, { visitor: person.id, ...query });

  async function post(request: FastifyRequest, reply: FastifyReply, lang: Lang, target: Target) {
    const { t } = pageContext(request);
    if (target.channel === 'in-person' && formString(request.body, 'step') === 'find') {
      const nationalId = formString(request.body, 'nationalId').trim();
      const found = /^[0-9]{10}$/u.test(nationalId) ? await d.visitors.find(me(request), nationalId) : null;
      if (found === null) {
        const message = t(/^[0-9]{10}$/u.test(nationalId) ? 'visits.error.unknown' : 'visits.error.nationalId');
        return page(request, reply, lang, target, null, { offer: '', day: '' }, 400, [{ field: 'nationalId', message }], null, { nationalId });
      }
      return reply.redirect(paths.deskVisits(lang, { visitor: found.id }), 303);
    }
    const person = await personOf(request, target, formString(request.body, 'visitor'));
    if (person === undefined || person === null) {
      return target.channel === 'phone' ? callGone(request, reply, lang, target.callId) : page(request, reply, lang, target, null, { offer: '', day: '' }, 400, [{ field: 'nationalId', message: t('visits.error.nationalId') }], null);
    }
    const choice = { offer: formString(request.body, 'offer'), day: formString(request.body, 'day') };
    const time = formString(request.body, 'time');
    const offer = (await d.appointments.offers()).find((o) => offerValue(o) === choice.offer) ?? null;
    if (offer === null) {
      return page(request, reply, lang, target, person, { offer: '', day: '' }, 400, [{ field: 'offer', message: t('visits.error.offer') }], null);
    }
    if (!INSTANT.test(time)) {
      return page(request, reply, lang, target, person, choice, 400, [{ field: 'time', message: t('appointmentError.time-missing') }], null);
    }
    const booked = await d.appointments.bookFor(me(request), person.id, target.channel, offer.centreId, offer.serviceId, new Date(time));
    if (booked.ok) {
      return reply.redirect(back(lang, target, person, { done: 'booked', ref: booked.value.reference, at: booked.value.startsAt.toISOString() }), 303);
    }
    return refusedBooking(request, reply, lang, target, person, choice, booked.error);
  }

  async function cancel(request: FastifyRequest, reply: FastifyReply, lang: Lang, target: Target, appointmentId: string) {
    const person = await personOf(request, target, formString(request.body, 'visitor'));
    if (person === undefined || person === null) {
      const { t } = pageContext(request);
      return target.channel === 'phone' ? callGone(request, reply, lang, target.callId) : page(request, reply, lang, target, null, { offer: '', day: '' }, 400, [{ field: 'nationalId', message: t('visits.error.nationalId') }], null);
    }
    const done = await d.appointments.cancelFor(me(request), person.id, target.channel, appointmentId);
    if (done.ok) {
      return reply.redirect(back(lang, target, person, { done: 'cancelled', ref: done.value.reference }), 303);
    }
    if (done.error.code === 'appointments.closed') {
      const { t } = pageContext(request);
      return page(request, reply, lang, target, person, { offer: '', day: '' }, 409, [{ field: 'offer', message: t('appointmentError.closed') }], null);
    }
    return sendNotFoundPage(request, reply);
  }

  return { show, post, cancel };
}

/** Booking and cancelling a visit for the caller (the console) or a visitor (the front desk), over the appointments service's bookFor and cancelFor. */
export function visitRoutes(d: VisitsWebDeps, me: Me): WebRoute[] {
  const { show, post, cancel } = visitHandlers(d, me);
  return [
    route(PATHS.callVisits, 'GET', OPERATORS, async (request, reply, { lang, params }) => show(request, reply, lang, { channel: 'phone', callId: params.id })),
    route(PATHS.callVisits, 'POST', OPERATORS, async (request, reply, { lang, params }) => post(request, reply, lang, { channel: 'phone', callId: params.id })),
    route(PATHS.callVisitCancel, 'POST', OPERATORS, async (request, reply, { lang, params }) => cancel(request, reply, lang, { channel: 'phone', callId: params.id }, params.appointmentId)),
    route(PATHS.deskVisits, 'GET', FRONT_DESK, async (request, reply, { lang }) => show(request, reply, lang, { channel: 'in-person' })),
    route(PATHS.deskVisits, 'POST', FRONT_DESK, async (request, reply, { lang }) => post(request, reply, lang, { channel: 'in-person' })),
    route(PATHS.deskVisitCancel, 'POST', FRONT_DESK, async (request, reply, { lang, params }) => cancel(request, reply, lang, { channel: 'in-person' }, params.appointmentId)),
  ];
}
