import type { FastifyRequest } from 'fastify';

import type { SignedIn } from '../../modules/identity/index.ts';
import type { QueueService } from '../../modules/queue/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { PUBLIC, type WebRoute, route } from '../common/route-table.ts';
import { DISPLAY_REFRESH_SECONDS, DisplayPage } from './display.page.tsx';
import { type DeskNote, FrontDeskPage } from './front-desk.page.tsx';
import { KioskPage, TicketPage } from './kiosk.page.tsx';

const FRONT_DESK = { kind: 'staff', roles: ['front-desk'] } as const;
const LABEL = /^[AB]-\d{3,6}$/;
const NOTES = ['called', 'served', 'no-show', 'transferred', 'nobody', 'gone'] as const;

/** The banner after an action, read back from the redirect's query (anything unexpected shows none). */
function noteOf(query: Record<string, unknown>): DeskNote | null {
  const kind = NOTES.find((n) => n === query['note']);
  const label = typeof query['label'] === 'string' && LABEL.test(query['label']) ? query['label'] : null;
  if (kind === 'nobody' || kind === 'gone') {
    return { kind };
  }
  return kind === undefined || label === null ? null : { kind, label };
}

async function kioskPage(queue: QueueService, request: FastifyRequest, centreId: string, status: 200 | 400) {
  const ctx = pageContext(request);
  const situation = await queue.situation(centreId);
  if (situation === null) {
    return null;
  }
  const services = await queue.services(centreId, ctx.lang);
  return { status, page: <KioskPage ctx={ctx} view={{ centre: situation.centre, services, waiting: situation.waiting, estimatedMinutes: situation.estimatedMinutes, problem: status === 400 }} /> };
}
async function deskPage(queue: QueueService, signedIn: SignedIn, request: FastifyRequest, status: 200 | 400, deskInput: string, note: DeskNote | null) {
  const ctx = pageContext(request);
  const found = await queue.console(signedIn, deskInput, ctx.lang);
  if (!found.ok) {
    return { status: 403, page: <MessagePage ctx={ctx} title={ctx.t('queue.desk.title')} text={ctx.t('queue.desk.noCentre')} back={PATHS.staffHome.url(ctx.lang)} backLabel={ctx.t('staff.title')} /> };
  }
  return { status, page: <FrontDeskPage ctx={ctx} view={{ console: found.value, csrf: signedIn.session.csrfToken, deskInput, deskError: status === 400, note }} /> };
}

/**
 * The walk-in queue on the web: the centre's kiosk (public; its form needs no session, see
 * `sessionless`), a ticket's page, the display (refreshes without script), and the front desk.
 */
export function queueRoutes(deps: { queue: QueueService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const { queue } = deps;
  const backToDesk = (lang: 'uk' | 'en', d: string, note: Record<string, string>) => PATHS.frontDesk.url(lang, {}, { desk: d, ...note });

  return [
    route(PATHS.kiosk, 'GET', PUBLIC, async (request, reply, { params }) => {
      const shown = await kioskPage(queue, request, params.id, 200);
      return shown === null ? sendNotFoundPage(request, reply) : sendPage(reply, shown.status, shown.page);
    }),
    route(PATHS.kioskIssue, 'POST', PUBLIC, async (request, reply, { lang, params }) => {
      const issued = await queue.issue(params.id, formString(request.body, 'service'));
      if (issued.ok) {
        return reply.redirect(PATHS.kioskTicket.url(lang, { id: params.id, ticketId: issued.value.ticket.id }), 303);
      }
      const shown = issued.error.code === 'queue.service_not_at_centre' ? await kioskPage(queue, request, params.id, 400) : null;
      return shown === null ? sendNotFoundPage(request, reply) : sendPage(reply, shown.status, shown.page);
    }, { sessionless: true }),
    route(PATHS.kioskTicket, 'GET', PUBLIC, async (request, reply, { lang, params }) => {
      const [centre, issued] = await Promise.all([queue.centre(params.id), queue.ticket(params.id, params.ticketId)]);
      if (centre === null || issued === null) {
        return sendNotFoundPage(request, reply);
      }
      const service = (await queue.services(centre.id, lang)).find((s) => s.id === issued.ticket.serviceId);
      return sendPage(reply, 200, <TicketPage ctx={pageContext(request)} centre={centre} serviceName={service?.name[lang] ?? issued.ticket.serviceId} issued={issued} />);
    }),
    route(PATHS.queueDisplay, 'GET', PUBLIC, async (request, reply, { params }) => {
      const board = await queue.display(params.id);
      if (board === null) {
        return sendNotFoundPage(request, reply);
      }
      const updating = (request.query as Record<string, unknown>)['updates'] !== 'off';
      if (updating) {
        void reply.header('refresh', String(DISPLAY_REFRESH_SECONDS));
      }
      void reply.header('cache-control', 'no-store');
      return sendPage(reply, 200, <DisplayPage ctx={pageContext(request)} board={board} updating={updating} />);
    }),
    route(PATHS.frontDesk, 'GET', FRONT_DESK, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const shown = await deskPage(queue, me(request), request, 200, typeof query['desk'] === 'string' ? query['desk'].slice(0, 40) : '', noteOf(query));
      return sendPage(reply, shown.status, shown.page);
    }),
    route(PATHS.frontDeskCall, 'POST', FRONT_DESK, async (request, reply, { lang }) => {
      const deskInput = formString(request.body, 'desk');
      const called = await queue.callNext(me(request), deskInput);
      if (!called.ok) {
        const shown = await deskPage(queue, me(request), request, called.error.code === 'queue.desk_invalid' ? 400 : 200, deskInput.slice(0, 40), null);
        return sendPage(reply, shown.status, shown.page);
      }
      const note = called.value === null ? { note: 'nobody' } : { note: 'called', label: called.value.label };
      return reply.redirect(backToDesk(lang, called.value?.desk ?? deskInput.trim(), note), 303);
    }),
    route(PATHS.frontDeskFinish, 'POST', FRONT_DESK, async (request, reply, { lang, params }) => {
      const outcome = formString(request.body, 'outcome') === 'no-show' ? 'no-show' : 'served';
      const deskInput = formString(request.body, 'desk').trim();
      const done = await queue.finish(me(request), params.id, outcome);
      return reply.redirect(backToDesk(lang, deskInput, done.ok ? { note: outcome, label: done.value.label } : { note: 'gone' }), 303);
    }),
    route(PATHS.frontDeskTransfer, 'POST', FRONT_DESK, async (request, reply, { lang, params }) => {
      const deskInput = formString(request.body, 'desk').trim();
      const moved = await queue.transfer(me(request), params.id, formString(request.body, 'service'), formString(request.body, 'toDesk'));
      return reply.redirect(backToDesk(lang, deskInput, moved.ok ? { note: 'transferred', label: moved.value.label } : { note: 'gone' }), 303);
    }),
  ];
}
