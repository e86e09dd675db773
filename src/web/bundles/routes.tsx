import type { FastifyReply, FastifyRequest } from 'fastify';

import type { BundleStart, BundlesService } from '../../modules/bundles/index.ts';
import type { RawBody } from '../../modules/forms/index.ts';
import { type SignedIn, partyKey } from '../../modules/identity/index.ts';
import { answerMessage } from '../apply/errors.ts';
import type { FieldError } from '../common/components.tsx';
import { MessagePage } from '../common/message.page.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { BundleApplyPage, BundlePage } from './bundles.pages.tsx';

type Params = { id: string };
const params = (r: FastifyRequest) => r.params as Params;

function applyPage(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, start: BundleStart, status: number, values: Readonly<Record<string, unknown>>, errors: FieldError[]) {
  return sendPage(reply, status, <BundleApplyPage ctx={pageContext(request)} start={start} values={values} errors={errors} csrf={signedIn.session.csrfToken} idempotencyKey={crypto.randomUUID()} />);
}

/** Life-event bundles (ADR 0031): the one application (`/events/:id/apply`) and the cabinet's page of a bundle. */
export function bundlesRoutes(bundles: BundlesService, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const refused = (request: FastifyRequest, reply: FastifyReply, code: string) => {
    if (code !== 'bundles.audience') {
      return sendNotFoundPage(request, reply);
    }
    const ctx = pageContext(request);
    return sendPage(reply, 403, <MessagePage ctx={ctx} title={ctx.t('bundles.notOffered')} text={ctx.t('bundles.audience')} back={paths.actAs(ctx.lang)} backLabel={ctx.t('cabinet.title')} />);
  };
  return [
    route(PATHS.bundleApply, 'GET', SIGNED_IN, async (request, reply) => {
      const start = await bundles.start(me(request), params(request).id);
      return start.ok ? applyPage(request, reply, me(request), start.value, 200, start.value.answers, []) : refused(request, reply, start.error.code);
    }),
    route(PATHS.bundleApply, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const signedIn = me(request);
      const given = formString(request.body, 'idempotencyKey');
      const key = /^[A-Za-z0-9-]{8,80}$/.test(given) ? given : crypto.randomUUID();
      const body = (request.body ?? {}) as RawBody;
      const submitted = await bundles.submit(signedIn, params(request).id, body, { idempotencyKey: key, declared: formString(request.body, 'declaration') === 'yes', channel: 'web', lang });
      if (submitted.ok) {
        return reply.redirect(paths.myBundle(lang, submitted.value.bundle.id), 303);
      }
      const error = submitted.error;
      if (error.code !== 'bundles.incomplete' && error.code !== 'bundles.declaration_required') {
        return refused(request, reply, error.code);
      }
      const start = await bundles.start(signedIn, params(request).id);
      if (!start.ok) {
        return refused(request, reply, start.error.code);
      }
      const { t } = pageContext(request);
      const fields = start.value.offer.form.pages.flatMap((p) => p.fields);
      const errors: FieldError[] = error.code === 'bundles.declaration_required'
        ? [{ field: 'declaration', message: t('bundles.declarationRequired') }]
        : error.issues.flatMap((i) => {
          const field = fields.find((f) => f.name === i.field);
          return field === undefined ? [] : [{ field: i.field, message: answerMessage(t, field, i) }];
        });
      const values = { ...start.value.answers, ...Object.fromEntries(fields.filter((f) => !start.value.locked.includes(f.name)).map((f) => [f.name, formString(body, f.name)])) };
      return applyPage(request, reply, signedIn, start.value, 400, values, errors);
    }),
    route(PATHS.myBundle, 'GET', SIGNED_IN, async (request, reply) => {
      const found = await bundles.get(me(request), params(request).id);
      const signedIn = me(request);
      const switcher = { acting: partyKey(signedIn.actor.acting.party), csrf: signedIn.session.csrfToken };
      return found.ok ? sendPage(reply, 200, <BundlePage ctx={pageContext(request)} view={found.value} switcher={switcher} />) : sendNotFoundPage(request, reply);
    }),
  ];
}
