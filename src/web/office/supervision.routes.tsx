import type { FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../../kernel/text.ts';
import type { BackOfficeService, CasePaymentsService } from '../../modules/cases/index.ts';
import { isDay } from '../../modules/deadlines/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { caseActionMessage } from '../cases/errors.ts';
import { formString } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { OfficePaymentsPage } from './payments.page.tsx';
import { officeNavItems } from './office-nav.tsx';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import type { WebRoute } from '../common/route-table.ts';

const OFFICERS = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor'] } as const;
const SUPERVISORS = { kind: 'staff', roles: ['supervisor'] } as const;

const DAY_MS = 86_400_000;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** What supervisors do beyond cases: revoke an issued document, reconcile payments with the provider. */
export function officeSupervisionRoutes(deps: { backOffice: BackOfficeService; payments: CasePaymentsService | null }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const perLang = (lang: Lang): WebRoute[] => [
    {
      method: 'POST', url: `/${lang}/office/documents/:documentId/revoke`, auth: OFFICERS, params: { documentId: 'uuid' },
      handler: async (request, reply) => {
        const ctx = pageContext(request);
        const reason = formString(request.body, 'reason');
        const revoked = await deps.backOffice.revokeDocument(me(request), (request.params as { documentId: string }).documentId, reason);
        if (revoked.ok) {
          return reply.redirect(paths.officeCase(lang, revoked.value.caseId), 303);
        }
        const status = revoked.error.problem === 'not-found' ? 404 : revoked.error.problem === 'not-allowed' ? 403 : 400;
        return sendPage(reply, status, <MessagePage ctx={ctx} title={ctx.t('applyError.title')} text={caseActionMessage(ctx.t, revoked.error)} back={paths.officeCases(lang)} backLabel={ctx.t('office.queue.title')} />);
      },
    },
    {
      method: 'GET', url: `/${lang}/office/payments`, auth: SUPERVISORS,
      handler: async (request, reply) => {
        const ctx = pageContext(request);
        const query = request.query as Record<string, unknown>;
        const now = new Date();
        const from = typeof query['from'] === 'string' && query['from'] !== '' ? query['from'] : dayOf(new Date(now.getTime() - 30 * DAY_MS));
        const to = typeof query['to'] === 'string' && query['to'] !== '' ? query['to'] : dayOf(new Date(now.getTime() + DAY_MS));
        if (!isDay(from) || !isDay(to) || to <= from) {
          return sendPage(reply, 400, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches: null, nav: officeNavItems(me(request)), errors: [{ field: 'from', message: ctx.t('office.payments.badDates') }] }} />);
        }
        if (deps.payments === null) {
          return sendPage(reply, 200, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches: null, nav: officeNavItems(me(request)), errors: [{ field: 'from', message: ctx.t('office.payments.unavailable') }] }} />);
        }
        try {
          const mismatches = await deps.payments.reconcile({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
          return sendPage(reply, 200, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches, nav: officeNavItems(me(request)), errors: [] }} />);
        } catch {
          return sendPage(reply, 503, <OfficePaymentsPage ctx={ctx} view={{ from, to, mismatches: null, nav: officeNavItems(me(request)), errors: [{ field: 'from', message: ctx.t('office.payments.unavailable') }] }} />);
        }
      },
    },
  ];
  return LANGS.flatMap(perLang);
}
