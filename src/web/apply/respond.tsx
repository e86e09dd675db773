import type { FastifyReply, FastifyRequest } from 'fastify';

import type { ApplicationError, DraftsService } from '../../modules/applications/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { MessagePage } from '../common/message.page.tsx';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { isEligibilityProblem, whyNot, whyNotTitle } from './eligibility.tsx';
import { applicationMessage, refusalStatus } from './errors.ts';

export interface Deps {
  readonly drafts: DraftsService;
  readonly me: (r: FastifyRequest) => SignedIn;
}

export type Params = { id: string; draftId: string; pageId: string; field: string; about: string };
export const params = (r: FastifyRequest) => r.params as Params;

/** The page for a refused step: why the party cannot apply (with a way to act for someone else), or what went wrong. */
export function refused(request: FastifyRequest, reply: FastifyReply, e: ApplicationError) {
  const { t, lang } = pageContext(request);
  const signedIn = request.signedIn;
  if (signedIn !== null && isEligibilityProblem(e)) {
    const acting = signedIn.actor.acting;
    return sendPage(reply, 403, <MessagePage ctx={pageContext(request)} title={whyNotTitle(t, acting)} text={whyNot(t, e, acting)} back={paths.actAs(lang)} backLabel={t('session.changeActing')} />);
  }
  const title = e.code === 'applications.storage_full' ? t('storageFull.title') : t('applyError.title');
  return sendPage(reply, refusalStatus(e), <MessagePage ctx={pageContext(request)} title={title} text={applicationMessage(t, e, 0)} back={paths.myApplications(lang)} backLabel={t('cases.mine')} />);
}
