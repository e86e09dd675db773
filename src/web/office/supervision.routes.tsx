import type { FastifyRequest } from 'fastify';

import type { Clock } from '../../kernel/clock.ts';
import type { BackOfficeService, CasePaymentsService, PaymentMismatch, RevokeFailure } from '../../modules/cases/index.ts';
import { kyivDay } from '../../modules/deadlines/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { caseActionMessage } from '../cases/errors.ts';
import { formString } from '../common/form-values.ts';
import type { FieldError } from '../common/components.tsx';
import { MessagePage } from '../common/message.page.tsx';
import { OfficePaymentsPage } from './payments.page.tsx';
import { readPeriod } from './payments.view.ts';
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
      const signedIn = me(request);
      const period = readPeriod(ctx.t, request.query, kyivDay(deps.clock.now()));
      const page = (status: number, mismatches: readonly PaymentMismatch[] | null, errors: readonly FieldError[]) =>
        sendPage(reply, status, <OfficePaymentsPage ctx={ctx} view={{ ...period, mismatches, errors, nav: officeNavItems(signedIn) }} />);
      if (period.errors.length > 0 || period.from === null || period.to === null) {
        return page(400, null, period.errors);
      }
      const unavailable = [{ field: 'from', message: ctx.t('office.payments.unavailable') }];
      if (deps.payments === null) {
        return page(200, null, unavailable);
      }
      try {
        return page(200, await deps.payments.reconcile(signedIn, { from: new Date(`${period.from}T00:00:00Z`), to: new Date(`${period.to}T00:00:00Z`) }), []);
      } catch {
        return page(503, null, unavailable);
      }
    }),
  ];
}
