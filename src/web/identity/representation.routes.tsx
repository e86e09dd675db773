import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import { type GrantMandate, type SignedIn, grantorOf } from '../../modules/identity/index.ts';
import type { IdentityWebDeps } from './routes.tsx';
import { type Outcome, RepresentationPage } from './representation.page.tsx';
import { MandateConfirmPage } from './mandate-confirm.page.tsx';
import { type Form, parseGrantForm, valuesOf } from './mandate-form.ts';
import { grantMandateError, revokeMandateError } from './mandate-errors.ts';
import { type PickerService, audienceOfGrantor, pickerGroups } from './mandate.view.ts';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { formString } from '../common/form-values.ts';
import type { FieldError } from '../common/components.tsx';

const OUTCOMES = new Set(['granted', 'revoked']);
const query = (request: FastifyRequest, name: string): string => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
};

/** The services a grantor may choose from (their audience's), and every service's name for the scope column. */
async function servicesOffered(deps: IdentityWebDeps, lang: Lang, signedIn: SignedIn, filter: string) {
  const grantor = grantorOf(signedIn);
  const base = { organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 100 };
  const audience = grantor ? audienceOfGrantor(grantor.kind) : null;
  const [all, found, organisations] = await Promise.all([
    deps.catalogue.search({ ...base, text: null, audience: null }),
    deps.catalogue.search({ ...base, text: filter || null, audience }),
    deps.catalogue.organisations(),
  ]);
  const toPicker = (s: (typeof all.value.items)[number]): PickerService => ({ id: s.id, name: s.name[lang], organisationId: s.organisationId });
  return {
    names: new Map(all.value.items.map((s) => [s.id, s.name[lang]])),
    all: all.value.items.map(toPicker),
    found: found.value.items.map(toPicker),
    agencies: new Map(organisations.value.map((o) => [o.id, o.name[lang]])),
  };
}

export function representationRoutes(deps: IdentityWebDeps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const render = async (request: FastifyRequest, reply: FastifyReply, status: number, values: Form, errors: FieldError[], outcome: Outcome = null) => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const filter = query(request, 'q');
    const [granted, offer] = await Promise.all([deps.mandates.granted(signedIn), servicesOffered(deps, ctx.lang, signedIn, filter)]);
    const chosen = new Set(Array.isArray(values['services']) ? values['services'] : []);
    const view = {
      signedIn, canGrant: grantorOf(signedIn) !== null, grantorName: signedIn.actor.acting.name, granted,
      serviceNames: offer.names, picker: pickerGroups(offer.found, offer.all, chosen, offer.agencies, ctx.lang), filter,
      values, errors, outcome,
    };
    return sendPage(reply, status, <RepresentationPage ctx={ctx} view={view} />);
  };

  const confirm = async (request: FastifyRequest, reply: FastifyReply, input: GrantMandate, name: string) => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const offer = await servicesOffered(deps, ctx.lang, signedIn, '');
    const view = { csrf: signedIn.session.csrfToken, grantorName: signedIn.actor.acting.name, representativeName: name, input, serviceNames: offer.names };
    return sendPage(reply, 200, <MandateConfirmPage ctx={ctx} view={view} />);
  };

  const grant = async (request: FastifyRequest, reply: FastifyReply, { lang }: { lang: Lang }) => {
    const { t } = pageContext(request);
    const body = request.body as Form;
    const values = valuesOf(body);
    const step = formString(body, 'step');
    const parsed = parseGrantForm(t, body);
    if (step === 'change' || !parsed.input) {
      return render(request, reply, step === 'change' ? 200 : 400, values, parsed.errors);
    }
    if (step !== 'confirm') {
      // First step: find who the tax number belongs to and ask the grantor to confirm that name.
      const found = await deps.mandates.findRepresentative(me(request), parsed.input.representativeNationalId);
      if (!found.ok) {
        const e = grantMandateError(found.error);
        return render(request, reply, e.status, values, [{ field: e.field, message: t(e.key) }]);
      }
      return confirm(request, reply, parsed.input, found.value.name);
    }
    const granted = await deps.mandates.grant(me(request), parsed.input);
    if (!granted.ok) {
      const e = grantMandateError(granted.error);
      return render(request, reply, e.status, values, [{ field: e.field, message: t(e.key) }]);
    }
    return reply.redirect(PATHS.representation.url(lang, {}, { outcome: 'granted' }), 303);
  };

  return [
    route(PATHS.representation, 'GET', SIGNED_IN, async (request, reply) => {
      const outcome = query(request, 'outcome');
      return render(request, reply, 200, {}, [], OUTCOMES.has(outcome) ? (outcome as Outcome) : null);
    }),
    route(PATHS.grantMandate, 'POST', SIGNED_IN, grant),
    route(PATHS.revokeMandate, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const { t } = pageContext(request);
      const revoked = await deps.mandates.revoke(me(request), params.id);
      if (!revoked.ok) {
        const e = revokeMandateError(revoked.error);
        return render(request, reply, e.status, {}, [{ field: e.field, message: t(e.key) }]);
      }
      return reply.redirect(PATHS.representation.url(lang, {}, { outcome: 'revoked' }), 303);
    }),
  ];
}
