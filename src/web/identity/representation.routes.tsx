import type { FastifyReply, FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../../kernel/text.ts';
import { type GrantMandate, type MandateScope, type SignedIn, grantorOf } from '../../modules/identity/index.ts';
import { THEMATIC_AREAS } from '../../modules/catalogue/index.ts';
import type { IdentityWebDeps } from './routes.tsx';
import type { TextKey, Translator } from '../locales/messages.ts';
import { RepresentationPage } from './representation.page.tsx';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute } from '../common/route-table.ts';
import { formString, formStrings } from '../common/form-values.ts';
import type { FieldError } from '../common/components.tsx';

type Form = Record<string, string | string[]>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the grant form; every problem is named against its field. */
export function parseGrantForm(t: Translator, body: Form): { input: GrantMandate | null; errors: FieldError[] } {
  const one = (k: string): string => formString(body, k).trim();
  const errors: FieldError[] = [];
  const fail = (field: string, key: TextKey) => errors.push({ field, message: t(key) });
  const representative = one('representative').replace(/\s/g, '');
  if (!/^\d{10}$/.test(representative)) {
    fail('representative', 'mandateError.representative-unknown');
  }
  const services = formStrings(body, 'services').filter((s) => /^[a-z0-9-]{2,80}$/.test(s));
  const thematic = one('thematic');
  let scope: MandateScope = { kind: 'all' };
  if (one('scope') === 'services') {
    scope = { kind: 'services', serviceIds: services };
    if (services.length === 0) {
      fail('services', 'mandateError.scope-empty');
    }
  } else if (one('scope') === 'thematic') {
    scope = { kind: 'thematic', thematicArea: thematic };
    if (!(THEMATIC_AREAS as readonly string[]).includes(thematic)) {
      fail('thematic', 'mandateError.thematic');
    }
  }
  for (const f of ['validFrom', 'validUntil']) {
    if (!DATE.test(one(f)) || Number.isNaN(Date.parse(one(f)))) {
      fail(f, 'mandateError.date-format');
    }
  }
  const input = { representativeNationalId: representative, scope, validFrom: one('validFrom'), validUntil: one('validUntil') };
  return { input: errors.length === 0 ? input : null, errors };
}

export function representationRoutes(deps: IdentityWebDeps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const render = async (request: FastifyRequest, reply: FastifyReply, status: number, values: Form, errors: FieldError[]) => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const grantor = grantorOf(signedIn);
    const [granted, services] = await Promise.all([deps.mandates.granted(signedIn), deps.catalogue.search({ text: null, audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 100 })]);
    const view = {
      signedIn, canGrant: grantor !== null, grantorName: signedIn.actor.acting.name, granted,
      services: services.value.items.map((s) => ({ id: s.id, name: s.name[ctx.lang] })).sort((a, b) => a.name.localeCompare(b.name, ctx.lang)),
      values, errors,
    };
    return sendPage(reply, status, <RepresentationPage ctx={ctx} view={view} />);
  };
  const perLang = (lang: Lang): WebRoute[] => [
    { method: 'GET', url: `/${lang}/cabinet/representation`, auth: SIGNED_IN, handler: async (request, reply) => render(request, reply, 200, {}, []) },
    {
      method: 'POST', url: `/${lang}/cabinet/mandates`, auth: SIGNED_IN,
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const body = request.body as Form;
        const parsed = parseGrantForm(t, body);
        // What the person typed, shown back: each field read as the form sends it.
        const values: Form = { services: formStrings(body, 'services'), ...Object.fromEntries(['representative', 'scope', 'thematic', 'validFrom', 'validUntil'].map((k) => [k, formString(body, k)])) };
        if (!parsed.input) {
          return render(request, reply, 400, values, parsed.errors);
        }
        const granted = await deps.mandates.grant(me(request), parsed.input);
        if (!granted.ok) {
          const field = granted.error.field ?? 'representative';
          return render(request, reply, granted.error.problem === 'not-allowed' ? 403 : 400, values, [{ field, message: t(`mandateError.${granted.error.problem}`) }]);
        }
        return reply.redirect(paths.representation(lang), 303);
      },
    },
    {
      method: 'POST', url: `/${lang}/cabinet/mandates/:id/revoke`, auth: SIGNED_IN, params: { id: 'uuid' },
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const revoked = await deps.mandates.revoke(me(request), (request.params as { id: string }).id);
        if (!revoked.ok) {
          const status = revoked.error.problem === 'not-found' ? 404 : revoked.error.problem === 'not-allowed' ? 403 : 409;
          return render(request, reply, status, {}, [{ field: 'representative', message: t(`mandateError.${revoked.error.problem}`) }]);
        }
        return reply.redirect(paths.representation(lang), 303);
      },
    },
  ];
  return LANGS.flatMap(perLang);
}
