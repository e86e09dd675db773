import type { FastifyReply, FastifyRequest } from 'fastify';

import type { DraftsService, DraftView } from '../../modules/applications/index.ts';
import { feeFor } from '../../modules/cases/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { applicationMessage } from './errors.ts';
import { CheckPage } from './check.page.tsx';
import { ApplyStartPage } from './start.page.tsx';
import { pageRoutes } from './page-routes.tsx';
import { type Deps, refused } from './respond.tsx';
import { screenPath, screensOf } from './screens.view.ts';
import { formString } from '../common/form-values.ts';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import type { FieldError } from '../common/components.tsx';

/** The application journey: start, one page at a time, files, check your answers, submit. */
export function applyRoutes(drafts: DraftsService, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const d: Deps = { drafts, me };
  return [...startRoutes(d), ...pageRoutes(d), ...finishRoutes(d)];
}

function check({ drafts, me }: Deps, request: FastifyRequest, reply: FastifyReply, view: DraftView, status: number, errors: FieldError[]) {
  const { service, form } = view;
  const fee = feeFor({ costs: service.costs, feeField: form.feeField, exemptionField: form.exemptionField }, view.draft.answers, 'online');
  const checkView = { draft: view, issues: drafts.problems(view), fee, idempotencyKey: crypto.randomUUID(), errors, csrf: me(request).session.csrfToken };
  return sendPage(reply, status, <CheckPage ctx={pageContext(request)} view={checkView} />);
}

function startRoutes(d: Deps): WebRoute[] {
  const { drafts, me } = d;
  return [
    route(PATHS.apply, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const allowed = await drafts.applicable(me(request), params.id);
      if (!allowed.ok) {
        return refused(request, reply, allowed.error);
      }
      const signedIn = me(request);
      return sendPage(reply, 200, <ApplyStartPage ctx={pageContext(request)} service={allowed.value.service} actingName={signedIn.actor.acting.name} csrf={signedIn.session.csrfToken} />);
    }),
    route(PATHS.apply, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const started = await drafts.start(me(request), params.id);
      if (!started.ok && started.error.code === 'applications.quota_drafts') {
        const allowed = await drafts.applicable(me(request), params.id);
        const signedIn = me(request);
        const errors = [{ field: 'start', message: applicationMessage(pageContext(request).t, started.error, 0) }];
        return allowed.ok
          ? sendPage(reply, 403, <ApplyStartPage ctx={pageContext(request)} service={allowed.value.service} actingName={signedIn.actor.acting.name} csrf={signedIn.session.csrfToken} errors={errors} />)
          : refused(request, reply, started.error);
      }
      if (!started.ok) {
        return refused(request, reply, started.error);
      }
      const view = await drafts.get(me(request), started.value.id);
      const first = view.ok ? screensOf(view.value.form, started.value.answers)[0] : undefined;
      return reply.redirect(first ? screenPath(lang, started.value.id, first) : paths.myApplications(lang), 303);
    }),
  ];
}

function finishRoutes(d: Deps): WebRoute[] {
  const { drafts, me } = d;
  return [
    route(PATHS.applyCheck, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const view = await drafts.get(me(request), params.draftId);
      return view.ok ? check(d, request, reply, view.value, 200, []) : refused(request, reply, view.error);
    }),
    route(PATHS.applySubmit, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const { t } = pageContext(request);
      const given = formString(request.body, 'idempotencyKey');
      const key = /^[A-Za-z0-9-]{8,80}$/.test(given) ? given : crypto.randomUUID();
      const submitted = await drafts.submit(me(request), params.draftId, { idempotencyKey: key, declared: formString(request.body, 'declaration') === 'yes', channel: 'web', lang });
      if (submitted.ok) {
        return reply.redirect(paths.receipt(lang, submitted.value.id), 303);
      }
      const code = submitted.error.code;
      if (code !== 'applications.declaration_required' && code !== 'applications.incomplete' && code !== 'applications.applied_already') {
        return refused(request, reply, submitted.error);
      }
      const view = await drafts.get(me(request), params.draftId);
      if (!view.ok) {
        return refused(request, reply, view.error);
      }
      // The draft stays as it was: the page is shown again with what stopped the submission.
      const field = code === 'applications.declaration_required' ? 'declaration' : 'answers';
      return check(d, request, reply, view.value, code === 'applications.applied_already' ? 409 : 400, [{ field, message: applicationMessage(t, submitted.error, 0) }]);
    }),
    route(PATHS.applyDiscard, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const discarded = await drafts.discard(me(request), params.draftId);
      return discarded.ok ? reply.redirect(paths.myApplications(lang), 303) : refused(request, reply, discarded.error);
    }),
  ];
}
