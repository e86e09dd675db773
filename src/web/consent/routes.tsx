import type { FastifyReply, FastifyRequest } from 'fastify';

import type { ConsentService } from '../../modules/consent/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { FieldError } from '../common/components.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { type ConsentOutcome, ConsentOfferPage, ConsentsPage, RevokeConsentPage } from './consents.page.tsx';

const DAY_MS = 86_400_000;
const OUTCOMES = new Set(['granted', 'revoked', 'declined']);

const outcomeOf = (request: FastifyRequest): ConsentOutcome => {
  const value = (request.query as Record<string, unknown>)['outcome'];
  return typeof value === 'string' && OUTCOMES.has(value) ? (value as ConsentOutcome) : null;
};

/**
 * The cabinet's data sharing consents (ADR 0028): the person's consents, revoking one (confirmed, then
 * a form), and a partner's request for consent (an offer the portal makes) answered "Allow" or "Do not
 * allow". The rules — who may consent, which offers exist, the audit entries — are the consent service's.
 */
export function consentRoutes(deps: { consent: ConsentService; now: () => Date }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const { consent } = deps;

  const message = (request: FastifyRequest, reply: FastifyReply, status: number, which: 'alreadyRevoked' | 'notAllowed') => {
    const ctx = pageContext(request);
    const { t, lang } = ctx;
    return sendPage(reply, status, <MessagePage ctx={ctx} title={t(`consent.${which}Title`)} text={t(`consent.${which}`)} back={paths.consents(lang)} backLabel={t('consent.back')} />);
  };

  const offerPage = async (request: FastifyRequest, reply: FastifyReply, status: number, offerId: string, errors: FieldError[] = []) => {
    const offer = consent.offer(offerId);
    if (offer === null) {
      return sendNotFoundPage(request, reply);
    }
    const signedIn = me(request);
    const given = (await consent.mine(signedIn)).find((c) => c.offer === offer.id && c.state === 'in-force');
    const view = { offer, until: new Date(deps.now().getTime() + offer.days * DAY_MS), inForceUntil: given?.validUntil ?? null, mayConsent: consent.mayConsent(signedIn), csrf: signedIn.session.csrfToken, errors };
    return sendPage(reply, status, <ConsentOfferPage ctx={pageContext(request)} view={view} />);
  };

  return [
    route(PATHS.consents, 'GET', SIGNED_IN, async (request, reply) => {
      const signedIn = me(request);
      const consents = await consent.mine(signedIn);
      return sendPage(reply, 200, <ConsentsPage ctx={pageContext(request)} consents={consents} mayChange={consent.mayConsent(signedIn)} outcome={outcomeOf(request)} />);
    }),
    route(PATHS.revokeConsent, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const signedIn = me(request);
      const found = await consent.one(signedIn, params.id);
      if (found === null) {
        return sendNotFoundPage(request, reply);
      }
      if (found.revokedAt !== null) {
        return message(request, reply, 409, 'alreadyRevoked');
      }
      if (!consent.mayConsent(signedIn)) {
        return message(request, reply, 409, 'notAllowed');
      }
      return sendPage(reply, 200, <RevokeConsentPage ctx={pageContext(request)} consent={found} csrf={signedIn.session.csrfToken} />);
    }),
    route(PATHS.revokeConsent, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const revoked = await consent.revoke(me(request), params.id, 'web');
      if (!revoked.ok) {
        switch (revoked.error.code) {
          case 'consent.not_found':
            return sendNotFoundPage(request, reply);
          case 'consent.already_revoked':
            return message(request, reply, 409, 'alreadyRevoked');
          case 'consent.not_allowed':
            return message(request, reply, 409, 'notAllowed');
        }
      }
      return reply.redirect(paths.consents(lang, { outcome: 'revoked' }), 303);
    }),
    route(PATHS.consentOffer, 'GET', SIGNED_IN, async (request, reply, { params }) => offerPage(request, reply, 200, params.offer)),
    route(PATHS.consentOffer, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      if (consent.offer(params.offer) === null) {
        return sendNotFoundPage(request, reply);
      }
      const decision = formString(request.body, 'decision');
      if (decision === 'deny') {
        return reply.redirect(paths.consents(lang, { outcome: 'declined' }), 303);
      }
      if (decision !== 'allow') {
        return offerPage(request, reply, 400, params.offer, [{ field: 'decision', href: '#decision', message: pageContext(request).t('consent.decisionMissing') }]);
      }
      const granted = await consent.grant(me(request), params.offer, 'web');
      if (!granted.ok) {
        return granted.error.code === 'consent.offer_unknown' ? sendNotFoundPage(request, reply) : message(request, reply, 409, 'notAllowed');
      }
      return reply.redirect(paths.consents(lang, { outcome: 'granted' }), 303);
    }),
  ];
}
