/**
 * The open API's side of the person's cabinet (ADR 0026): answering an officer's information request
 * (text and files), the fee due on a case and paying it, the inbox, and appointments at centres. Each
 * route calls the service its web page calls; the gate (api-gate.ts) decides whom the call stands for.
 * The inbox and appointments are the person's own: only their own token opens them (PERSON_ONLY_SCOPES).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../kernel/errors.ts';
import { Type } from '@sinclair/typebox';

import type { ApiAccess } from '../modules/api-access/index.ts';
import { MAX_ANSWER_FILES, type DraftsService } from '../modules/applications/index.ts';
import type { AppointmentsService, AppointmentView, FreeSlot, Offer } from '../modules/appointments/index.ts';
import { type CasePaymentsService, type CasesService, PaymentUnavailable, type PaymentStanding } from '../modules/cases/index.ts';
import type { ApiPrincipals, ApiScope } from '../modules/identity/index.ts';
import type { InboxMessage, NoticesService } from '../modules/notifications/index.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';
import { isReceivedFile } from '../web/common/upload-stream.ts';
import { apiGate, ON_BEHALF_HEADER, principalOf, registerApiAudit } from './api-gate.ts';
import { caseOut, failure, notFound } from './applications.api.ts';
import { paths } from '../web/common/paths.ts';

const PROBLEM = { $ref: 'Problem#' };
const SECURITY = [{ oauth2: [] as string[] }];
const Uuid = Type.String({ format: 'uuid' });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$' });
const LocalText = Type.Object({ uk: Type.String(), en: Type.String() });
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const OnBehalf = Type.Object({ [ON_BEHALF_HEADER]: Type.Optional(Type.String({ description: 'A partner: the national id of the person it acts for under their mandate to its organisation' })) });
const Lang = Type.Union([Type.Literal('uk'), Type.Literal('en')]);

/** The statuses of the cabinet services' refusals (the others as in applications.api.ts). */
const STATUS: Readonly<Record<string, number>> = {
  'cases.not_found': 404, 'cases.answer_required': 422, 'cases.no_open_request': 409, 'applications.too_many_files': 422, 'applications.quota_bytes': 409,
  'cases.nothing_to_pay': 409, 'cases.payment_pending': 409, 'cases.already_paid': 409, 'cases.payment_unavailable': 503,
  'appointments.not_found': 404, 'appointments.not_offered': 404, 'appointments.slot_invalid': 422, 'appointments.slot_full': 409, 'appointments.clash': 409,
  'appointments.closed': 409, 'appointments.not_allowed': 403,
};
const statusOf = (code: string): number => STATUS[code] ?? (code.startsWith('workflow.') ? 409 : 400);
/** A service's refusal as a problem document with the status above. */
const refused = (request: FastifyRequest, reply: FastifyReply, error: AppError) => failure(request, reply, error, '', { [error.code]: statusOf(error.code) });

export interface CabinetApiDeps {
  readonly access: ApiAccess;
  readonly principals: ApiPrincipals;
  readonly drafts: DraftsService;
  readonly cases: CasesService;
  readonly payments: CasePaymentsService | null;
  readonly notices: NoticesService;
  readonly appointments: AppointmentsService;
  /** The portal's public URL: the payer comes back to the case's page in the cabinet. */
  readonly publicUrl: string;
}

type Common = (s: ApiScope) => { config: { auth: { kind: 'api'; scope: ApiScope } }; preValidation: ReturnType<typeof apiGate> };

export function registerCabinetApi(app: FastifyInstance, deps: CabinetApiDeps): void {
  void app.register(async (scope) => {
    registerApiAudit(scope, deps.access);
    const gate = apiGate(deps.access, deps.principals);
    const common: Common = (s) => ({ config: { auth: { kind: 'api', scope: s } as const }, preValidation: gate });
    answerRoute(scope, deps, common);
    paymentRoutes(scope, deps, common);
    inboxRoutes(scope, deps, common);
    appointmentRoutes(scope, deps, common);
  });
}

/** Fields of a multipart body: text parts come as { value }. */
const textField = (body: unknown, name: string): unknown => {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'object' && v !== null && 'value' in v && !isReceivedFile(v) ? v.value : v;
};

function answerRoute(app: FastifyInstance, { drafts }: CabinetApiDeps, common: Common): void {
  app.post('/api/v1/cases/:id/information-request/answer', {
    ...common('applications'),
    config: { ...common('applications').config, upload: { files: MAX_ANSWER_FILES + 1, limitBytes: (request: FastifyRequest) => drafts.answerLimitBytes((request.params as { id?: string }).id ?? '') } },
    schema: {
      summary: `Answer the officer's open information request of the case: the text in the part "answer", up to ${MAX_ANSWER_FILES} files in parts "files" (multipart/form-data), or JSON { "answer": "…" }. Files are checked by content as in the web`,
      tags: ['cases'], security: SECURITY, headers: OnBehalf, params: IdParams, consumes: ['multipart/form-data', 'application/json'],
      response: { 200: { $ref: 'Case#' }, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 413: PROBLEM, 422: PROBLEM },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const answer = textField(request.body, 'answer');
    if (typeof answer !== 'string') {
      return sendProblem(reply, { type: `${PROBLEM_BASE}cases-answer-required`, title: 'Refused', status: 422, code: 'cases.answer_required', instance: request.url, errors: [{ pointer: '/answer', detail: 'a text answer is required' }] });
    }
    const raw = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>)['files'] : undefined;
    const files = (Array.isArray(raw) ? raw : [raw]).filter(isReceivedFile).map((f) => ({ field: 'answer', filename: f.filename, bytes: f.received.bytes, truncated: f.received.truncated }));
    const answered = await drafts.answer(principalOf(request), id, answer, files, 'api');
    if (!answered.ok) {
      return refused(request, reply, answered.error);
    }
    return caseOut(answered.value);
  });
}

const Payment = Type.Object({ id: Uuid, amountKopecks: Type.Integer(), status: Type.String(), startedAt: Type.String({ format: 'date-time' }) });
const FeeOut = Type.Object({
  caseId: Uuid, amountKopecks: Type.Integer(), currency: Type.Literal('UAH'), feeStatus: Type.String(),
  standing: Type.Union([Type.Literal('paid'), Type.Literal('confirming'), Type.Literal('open')], { description: 'paid; confirming (a payment started, its outcome not come yet); open (may be paid when a fee is due)' }),
  payments: Type.Array(Payment),
});

function paymentRoutes(app: FastifyInstance, { cases, payments, publicUrl }: CabinetApiDeps, common: Common): void {
  const tags = ['payments'];
  const unavailable = (request: FastifyRequest, reply: FastifyReply) => refused(request, reply, new PaymentUnavailable());
  app.get('/api/v1/cases/:id/payments', {
    ...common('payments'),
    schema: { summary: 'The fee of the case, where it stands, and the payments started for it with their statuses', tags, security: SECURITY, headers: OnBehalf, params: IdParams, response: { 200: FeeOut, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 503: PROBLEM } },
  }, async (request, reply) => {
    const view = await cases.forApplicant(principalOf(request), (request.params as { id: string }).id);
    if (view === null) {
      return notFound(request, reply, 'case');
    }
    if (payments === null) {
      return unavailable(request, reply);
    }
    const fee = await payments.feeOf(view.case.id);
    const standing: PaymentStanding['kind'] = fee.standing.kind;
    return {
      caseId: view.case.id, amountKopecks: view.case.feeAmount, currency: 'UAH' as const, feeStatus: view.case.feeStatus, standing,
      payments: fee.payments.map((p) => ({ id: p.id, amountKopecks: p.amount, status: p.status, startedAt: p.createdAt.toISOString() })),
    };
  });

  app.post('/api/v1/cases/:id/payments', {
    ...common('payments'),
    schema: {
      summary: 'Start paying the fee due on the case: answers the payment provider\'s page to send the payer to; the payer comes back to the case\'s page in the cabinet. Refused while a payment is in flight or paid',
      tags, security: SECURITY, headers: OnBehalf, params: IdParams, body: Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false }),
      response: { 201: Type.Object({ redirectUrl: Type.String({ format: 'uri' }) }), 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 503: PROBLEM },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (payments === null) {
      return unavailable(request, reply);
    }
    const lang = (request.body as { lang?: 'uk' | 'en' } | undefined)?.lang ?? 'uk';
    const started = await payments.start(principalOf(request), id, `${publicUrl}${paths.myCase(lang, id)}`);
    return started.ok ? reply.code(201).send(started.value) : refused(request, reply, started.error);
  });
}

const Message = Type.Object({
  id: Uuid, caseId: Type.Union([Uuid, Type.Null()]), appealId: Type.Union([Uuid, Type.Null()]), caseNumber: Type.String(), kind: Type.String(), lang: Lang,
  party: Type.Object({ kind: Type.String(), id: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]) }),
  subject: Type.String(), body: Type.String(), documentId: Type.Union([Uuid, Type.Null()]), createdAt: Type.String({ format: 'date-time' }), readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const messageOut = (m: InboxMessage) => ({
  id: m.id, caseId: m.caseId, appealId: m.appealId, caseNumber: m.caseNumber, kind: m.kind, lang: m.lang, party: { kind: m.party.kind, id: m.party.id ?? null, name: m.party.name ?? null },
  subject: m.subject, body: m.body, documentId: m.documentId, createdAt: m.createdAt.toISOString(), readAt: m.readAt?.toISOString() ?? null,
});

function inboxRoutes(app: FastifyInstance, { notices }: CabinetApiDeps, common: Common): void {
  const tags = ['inbox'];
  app.get('/api/v1/inbox', {
    ...common('inbox'),
    schema: { summary: 'The person\'s messages, newest first (their own, then those about each party they act for), with the number unread', tags, security: SECURITY, response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(Message) }), 401: PROBLEM, 403: PROBLEM } },
  }, async (request) => {
    const parties = await notices.inbox(principalOf(request));
    const items = parties.flatMap((p) => p.messages).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return { unread: parties.reduce((n, p) => n + p.unread, 0), items: items.map(messageOut) };
  });

  app.get('/api/v1/inbox/unread-count', {
    ...common('inbox'),
    schema: { summary: 'How many of the person\'s messages are unread', tags, security: SECURITY, response: { 200: Type.Object({ unread: Type.Integer() }), 401: PROBLEM, 403: PROBLEM } },
  }, async (request) => ({ unread: await notices.unreadCount(principalOf(request)) }));

  app.get('/api/v1/inbox/:id', {
    ...common('inbox'),
    schema: { summary: 'One message; reading it marks it read (and a decision notice opened), as opening it in the web does', tags, security: SECURITY, params: IdParams, response: { 200: Message, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM } },
  }, async (request, reply) => {
    const opened = await notices.open(principalOf(request), (request.params as { id: string }).id);
    return opened.ok ? messageOut(opened.value) : notFound(request, reply, 'message');
  });
}

const OfferOut = Type.Object({ centreId: Type.String(), centreName: LocalText, address: LocalText, serviceId: Type.String(), serviceName: LocalText, minutes: Type.Integer(), capacity: Type.Integer() });
const offerOut = (o: Offer) => ({ centreId: o.centreId, centreName: o.centreName, address: o.address, serviceId: o.serviceId, serviceName: o.serviceName, minutes: o.minutes, capacity: o.capacity });
const SlotOut = Type.Object({ startsAt: Type.String({ format: 'date-time' }), time: Type.String(), end: Type.String(), free: Type.Integer() });
const slotOut = (s: FreeSlot) => ({ startsAt: s.startsAt.toISOString(), time: s.time, end: s.end, free: s.free });
const AppointmentOut = Type.Object({
  id: Uuid, reference: Type.String(), centreId: Type.String(), centreName: LocalText, address: LocalText, serviceId: Type.String(), serviceName: LocalText,
  startsAt: Type.String({ format: 'date-time' }), endsAt: Type.String({ format: 'date-time' }), status: Type.String(), bookedChannel: Type.String(),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const appointmentOut = (a: AppointmentView) => ({
  id: a.id, reference: a.reference, centreId: a.centreId, centreName: a.centreName, address: a.address, serviceId: a.serviceId, serviceName: a.serviceName,
  startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), status: a.status, bookedChannel: a.bookedChannel, cancelledAt: a.cancelledAt?.toISOString() ?? null,
});

function appointmentRoutes(app: FastifyInstance, { appointments }: CabinetApiDeps, common: Common): void {
  const tags = ['appointments'];
  app.get('/api/v1/appointments/offers', {
    ...common('appointments'),
    schema: { summary: 'What the centres offer for booking: each centre\'s services with the visit\'s length and places', tags, security: SECURITY, response: { 200: Type.Object({ items: Type.Array(OfferOut) }), 401: PROBLEM, 403: PROBLEM } },
  }, async () => ({ items: (await appointments.offers()).map(offerOut) }));

  app.get('/api/v1/appointments/slots', {
    ...common('appointments'),
    schema: {
      summary: 'Free places of a centre\'s service: without a day, the days with free places (the next 30); with one, that day\'s slots', tags, security: SECURITY,
      querystring: Type.Object({ centreId: Slug, serviceId: Slug, day: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ days: Type.Array(Type.Object({ day: Type.String({ format: 'date' }), free: Type.Integer() })), slots: Type.Array(SlotOut) }), 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM },
    },
  }, async (request, reply) => {
    const q = request.query as { centreId: string; serviceId: string; day?: string };
    const offer = await appointments.offer(q.centreId, q.serviceId);
    if (offer === null) {
      return notFound(request, reply, 'offer');
    }
    return q.day === undefined ? { days: await appointments.freeDays(offer), slots: [] } : { days: [], slots: (await appointments.freeSlots(offer, q.day)).map(slotOut) };
  });

  app.get('/api/v1/appointments', {
    ...common('appointments'),
    schema: { summary: 'The person\'s appointments, booked and cancelled', tags, security: SECURITY, response: { 200: Type.Object({ items: Type.Array(AppointmentOut) }), 401: PROBLEM, 403: PROBLEM } },
  }, async (request) => ({ items: (await appointments.mine(principalOf(request))).map(appointmentOut) }));

  app.post('/api/v1/appointments', {
    ...common('appointments'),
    schema: {
      summary: 'Book a slot (its startsAt as given by the slots) of a centre\'s service', tags, security: SECURITY,
      body: Type.Object({ centreId: Slug, serviceId: Slug, startsAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
      response: { 201: AppointmentOut, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM },
    },
  }, async (request, reply) => {
    const b = request.body as { centreId: string; serviceId: string; startsAt: string };
    const booked = await appointments.book(principalOf(request), b.centreId, b.serviceId, new Date(b.startsAt), 'api');
    if (booked.ok) {
      return reply.code(201).send(appointmentOut(booked.value));
    }
    const problem = booked.error.code === 'appointments.slot_invalid' || booked.error.code === 'appointments.slot_full' || booked.error.code === 'appointments.clash' ? '/startsAt' : null;
    return problem === null ? refused(request, reply, booked.error)
      : sendProblem(reply, { type: `${PROBLEM_BASE}${booked.error.code.replace(/[._]/g, '-')}`, title: 'Refused', status: statusOf(booked.error.code), code: booked.error.code, detail: booked.error.message, instance: request.url, errors: [{ pointer: problem, detail: booked.error.message }] });
  });

  app.get('/api/v1/appointments/:id', {
    ...common('appointments'),
    schema: { summary: 'One of the person\'s appointments', tags, security: SECURITY, params: IdParams, response: { 200: AppointmentOut, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM } },
  }, async (request, reply) => {
    const a = await appointments.one(principalOf(request), (request.params as { id: string }).id);
    return a === null ? notFound(request, reply, 'appointment') : appointmentOut(a);
  });

  app.post('/api/v1/appointments/:id/cancel', {
    ...common('appointments'),
    schema: { summary: 'Cancel one of the person\'s appointments that has not begun', tags, security: SECURITY, params: IdParams, response: { 200: AppointmentOut, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM } },
  }, async (request, reply) => {
    const done = await appointments.cancel(principalOf(request), (request.params as { id: string }).id, 'api');
    return done.ok ? appointmentOut(done.value) : refused(request, reply, done.error);
  });
}
