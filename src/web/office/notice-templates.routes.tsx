import type { FastifyRequest } from 'fastify';

import type { SignedIn } from '../../modules/identity/index.ts';
import type { NoticePreviews } from '../../modules/notifications/index.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import { sendFile } from '../common/send-file.ts';
import { NoticeTemplatesPage } from './notice-templates.page.tsx';
import { officeNavItems } from './office-nav.tsx';

const TEMPLATE_READERS = { kind: 'staff', roles: ['supervisor', 'agency-admin'] } as const;

/** Previews of every message for supervisors and agency administrators: the page, and each letter's PDF. */
export function noticeTemplateRoutes(deps: { previews: NoticePreviews }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  return [
    route(PATHS.noticeTemplates, 'GET', TEMPLATE_READERS, async (request, reply) => {
      const view = { previews: deps.previews.list(), nav: officeNavItems(me(request)) };
      return sendPage(reply, 200, <NoticeTemplatesPage ctx={pageContext(request)} view={view} />);
    }),
    route(PATHS.noticeTemplateLetter, 'GET', TEMPLATE_READERS, async (request, reply, { lang, params }) => {
      const pdf = await deps.previews.letterPdf(params.id);
      if (pdf !== null) {
        return sendFile(reply, { bytes: pdf, type: 'application/pdf', name: `letter-${params.id}.pdf`, disposition: 'inline' });
      }
      const ctx = pageContext(request);
      return sendPage(reply, 404, <MessagePage ctx={ctx} title={ctx.t('office.noticeTemplates.title')} text={ctx.t('office.noticeTemplates.noLetter')} back={paths.noticeTemplates(lang)} backLabel={ctx.t('office.noticeTemplates.title')} />);
    }),
  ];
}
