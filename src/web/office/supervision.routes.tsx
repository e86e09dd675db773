import type { FastifyRequest } from 'fastify';

import type { Clock } from '../../kernel/clock.ts';
import type { BackOfficeService, CasePaymentsService, RevokeFailure } from '../../modules/cases/index.ts';
import { addDays, isDay, kyivDay } from '../../modules/deadlines/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { caseActionMessage } from '../cases/errors.ts';
import { formString } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { OfficePaymentsPage } from './payments.page.tsx';
import { officeNavItems } from './office-nav.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';

const OFFICERS = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor'] } as const;
const SUPERVISORS = { kind: 'staff', roles: ['supervisor'] } as const;


/** The status of a refused revocation: 404 for a document the officer's agencies did not issue, 403 without the supervisor's role. */
function revocationStatus(e: RevokeFailure): number {
  switch (e.code) {
    case 'cases.document_not_found':
      return 404;
    case 'cases.not_allowed':
      return 403;
    case 'cases.revocation_reason_required':
    case 'cases.already_revoked':
      return 400;
  }
}

/** What supervisors do beyond cases: revoke an issued document, reconcile payments with the provider. */
export function officeSupervisionRoutes(deps: { backOffice: BackOfficeService; payments: CasePaymentsService | null; clock: Clock }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  return [
    route(PATHS.officeRevokeDocument, 'POST', OFFICERS, async (request, reply, { lang, params }) => {
      const ctx = pageContext(request);
      const reason = formString(request.body, 'reason');
      const revoked = await deps.backOffice.revokeDocument(me(request), params.documentId, reason);
      if (revoked.ok) {
        return reply.redirect(paths.officeCase(lang, revoked.value.caseId), 303);
      }
      const status = revocationStatus(revoked.error);
      return sendPage(reply, status, <MessagePage ctx={ctx} title={ctx.t('applyError.title')} text={caseActionMessage(ctx.t, revoked.error)} back={paths.officeCases(lang)} backLabel={ctx.t('office.queue.title')} />);
    }),
    route(PATHS.officePayments, 'GET', SUPERVISORS, async (request, reply) => {
      const ctx = pageContext(request);
      const query = request.query as Record<string, unknown>;
      const today = kyivDay(deps.clock.now());
      const from = typeof query['from'] === 'string' && query['from'] !== '' ? query['from'] : addDays(today, -30);
      const to = typeof query['to'] === 'string' && query['to'] !== '' ? query['to'] : addDays(today, 1);
      if (!isDay(from) || !isDay(to) || to <= from) {
        return sendPage(reply, 400, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches: null, nav: officeNavItems(me(request)), errors: [{ field: 'from', message: ctx.t('office.payments.badDates') }] }} />);
      }
      if (deps.payments === null) {
        return sendPage(reply, 200, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches: null, nav: officeNavItems(me(request)), errors: [{ field: 'from', message: ctx.t('office.payments.unavailable') }] }} />);
      }
      try {
        const mismatches = await deps.payments.reconcile(me(request), { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
        return sendPage(reply, 200, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches, nav: officeNavItems(me(request)), errors: [] }} />);
      } catch {
        return sendPage(reply, 503, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches: null, nav: officeNavItems(me(request)), errors: [{ field: 'from', message: ctx.t('office.payments.unavailable') }] }} />);
      }
    }),
  ];
}
