import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import type { BackOfficeService, CaseCommand } from '../../modules/cases/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { sendFile } from '../common/send-file.ts';
import { me } from '../identity/routes.tsx';
import { DecisionConfirmPage } from './decision.page.tsx';
import { type OfficeError, actProblem } from './errors.tsx';
import { officeNavItems } from './office-nav.tsx';
import { isUuid } from '../../kernel/ids.ts';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** How the case page is shown again: as it is, or with a refusal beside the form that failed. */
export interface CasePageAgain {
  render(request: FastifyRequest, reply: FastifyReply, status: number, form: { errors: []; values: Record<string, string> }): Promise<FastifyReply>;
  refused(request: FastifyRequest, reply: FastifyReply, problem: OfficeError, values: Record<string, string>): Promise<FastifyReply>;
}

/** The workflow command a form posts: the event, its reasons and, for a refusal, its ground. */
export function commandOf(body: unknown): { command: CaseCommand; values: Record<string, string> } {
  const event = formString(body, 'event').trim();
  const reason = formString(body, 'reason');
  const ground = formString(body, 'refusalGroundId').trim();
  const withReason = event === 'request-information' || event === 'grant' || event === 'refuse';
  const command: CaseCommand = {
    event,
    ...(withReason && reason.trim() !== '' ? { reason } : {}),
    ...(event === 'refuse' && ground !== '' ? { refusalGroundId: ground } : {}),
  };
  return { command, values: { event, reason, refusalGroundId: ground } };
}

export const isDecision = (event: string): boolean => event === 'grant' || event === 'refuse';

const param = (request: FastifyRequest): string => (request.params as Record<string, string | undefined>)['id'] ?? '';

/**
 * A grant or refusal in two steps: the first POST shows what would be issued (a summary and the
 * draft document) and writes nothing; only "Confirm and issue" issues, and only while the case is
 * still at the version that was shown.
 */
export function decisionHandlers(backOffice: BackOfficeService, casePage: CasePageAgain) {
  const confirmation: Handler = async (request, reply) => {
    const id = param(request);
    const { command, values } = commandOf(request.body);
    if (!isUuid(id)) {
      return sendNotFoundPage(request, reply);
    }
    const signedIn = me(request);
    const preview = await backOffice.previewDecision(signedIn, id, command);
    if (!preview.ok) {
      return casePage.refused(request, reply, actProblem(preview.error, command.event), values);
    }
    const view = { preview: preview.value, csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn) };
    return sendPage(reply, 200, <DecisionConfirmPage ctx={pageContext(request)} view={view} />);
  };
  const confirm = (lang: Lang): Handler => async (request, reply) => {
    const id = param(request);
    const { command, values } = commandOf(request.body);
    const version = Number.parseInt(formString(request.body, 'version'), 10);
    if (!isUuid(id)) {
      return sendNotFoundPage(request, reply);
    }
    if (!isDecision(command.event) || !Number.isSafeInteger(version)) {
      return confirmation(request, reply);
    }
    const done = await backOffice.act(me(request), id, command, { version });
    return done.ok ? reply.redirect(paths.officeCase(lang, id), 303) : casePage.refused(request, reply, actProblem(done.error, command.event), values);
  };
  const draft: Handler = async (request, reply) => {
    const id = param(request);
    const { command, values } = commandOf(request.body);
    const preview = isUuid(id) ? await backOffice.previewDecisionPdf(me(request), id, command) : null;
    if (preview === null) {
      return sendNotFoundPage(request, reply);
    }
    if (!preview.ok) {
      return casePage.refused(request, reply, actProblem(preview.error, command.event), values);
    }
    return sendFile(reply, { type: 'application/pdf', name: `${preview.value.number}-draft.pdf`, disposition: 'inline', bytes: preview.value.pdf });
  };
  const back: Handler = async (request, reply) => casePage.render(request, reply, 200, { errors: [], values: commandOf(request.body).values });
  return { confirmation, confirm, draft, back };
}
